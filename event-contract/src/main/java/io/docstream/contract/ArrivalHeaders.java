package io.docstream.contract;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CloudEvents 1.0 Kafka headers (binary mode) of a {@code document-arrivals} record, written by the ingest
 * service and checked by the job. Their order and form on the wire are pinned by the ingest service's WireFormTest.
 */
public final class ArrivalHeaders {

    public static final String TYPE = "io.docstream.document.arrived.v1";
    public static final String SOURCE = "/docstream/ingest-service";
    public static final String SPEC_VERSION = CloudEventHeaders.SPEC_VERSION;
    public static final String CONTENT_TYPE = CloudEventHeaders.CONTENT_TYPE;
    /** Where the JSON Schema of the event's data is on the classpath (docs/events.schema.json). */
    public static final String SCHEMA_RESOURCE = "/io/docstream/contract/events.schema.json";

    /**
     * The CloudEvents extension attribute {@code replayid} of a replay of a quarantined document: the job keeps
     * the first announcement of each doc_id and replay id, so a replay is not dropped as a re-announcement of the
     * document, and a replay sent twice is processed once.
     */
    public static final String REPLAY_ID = "ce_replayid";

    /** The headers every event must carry. */
    public static final List<String> REQUIRED = CloudEventHeaders.REQUIRED;

    private ArrivalHeaders() {}

    /** The headers of one announcement, in the order they go on the wire. */
    public static Map<String, String> of(String eventId, Instant time, String docId) {
        return CloudEventHeaders.of(eventId, SOURCE, TYPE, time, docId, Map.of());
    }

    /** The headers of an announcement that replays a quarantined document. */
    public static Map<String, String> replay(String eventId, Instant time, String docId, String replayId) {
        return CloudEventHeaders.of(eventId, SOURCE, TYPE, time, docId, Map.of(REPLAY_ID, replayId));
    }

    /** The replay id of an announcement with these headers, if it is a replay. */
    public static Optional<String> replayId(Map<String, String> headers) {
        return Optional.ofNullable(headers.get(REPLAY_ID)).filter(id -> !id.isBlank());
    }

    /** Why a record with these headers (last value per name) is not an arrival event, if it is not one. */
    public static Optional<String> problem(Map<String, String> headers) {
        return CloudEventHeaders.problem(headers, TYPE);
    }
}
