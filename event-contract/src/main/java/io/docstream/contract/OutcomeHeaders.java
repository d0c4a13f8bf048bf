package io.docstream.contract;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The CloudEvents 1.0 Kafka headers (binary mode) of a {@code document-outcomes} record, written by the job's
 * driver once a batch's tables are committed, and checked by the ingest service.
 *
 * <p>Everything in them follows from the commit, nothing from the clock of the moment: a batch re-run after a crash
 * publishes the same events again, {@code ce_id} included, so a consumer can drop what it has seen (by
 * {@code ce_id}, or by doc_id and table version).
 */
public final class OutcomeHeaders {

    public static final String TYPE = "io.docstream.document.processed.v1";
    public static final String SOURCE = "/docstream/streaming-job";
    public static final String SPEC_VERSION = CloudEventHeaders.SPEC_VERSION;
    public static final String CONTENT_TYPE = CloudEventHeaders.CONTENT_TYPE;
    /** Where the JSON Schema of the event's data is on the classpath (docs/outcomes.schema.json). */
    public static final String SCHEMA_RESOURCE = "/io/docstream/contract/outcomes.schema.json";

    public static final List<String> REQUIRED = CloudEventHeaders.REQUIRED;

    private OutcomeHeaders() {}

    /**
     * The headers of the outcome of one announcement ({@code kafkaPartition}/{@code kafkaOffset} on the arrivals
     * topic) in {@code table} at {@code tableVersion}, committed at {@code committedAt} ({@code ce_time}).
     */
    public static Map<String, String> of(
            String docId, String table, long tableVersion, int kafkaPartition, long kafkaOffset, Instant committedAt) {
        return CloudEventHeaders.of(
                eventId(docId, table, tableVersion, kafkaPartition, kafkaOffset),
                SOURCE,
                TYPE,
                committedAt,
                docId,
                Map.of());
    }

    /** A name-based UUID of what the event says: the same outcome always gets the same id. */
    public static String eventId(String docId, String table, long tableVersion, int kafkaPartition, long kafkaOffset) {
        String name = String.join(
                "\n",
                docId,
                table,
                Long.toString(tableVersion),
                Integer.toString(kafkaPartition),
                Long.toString(kafkaOffset));
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Why a record with these headers (last value per name) is not an outcome event, if it is not one. */
    public static Optional<String> problem(Map<String, String> headers) {
        return CloudEventHeaders.problem(headers, TYPE);
    }
}
