package io.docstream.contract;

import java.time.Instant;
import java.util.LinkedHashMap;
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
    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";
    /** Where the JSON Schema of the event's data is on the classpath (docs/events.schema.json). */
    public static final String SCHEMA_RESOURCE = "/io/docstream/contract/events.schema.json";

    /** The headers every event must carry. */
    public static final List<String> REQUIRED = List.of("ce_specversion", "ce_id", "ce_source", "ce_type");

    private ArrivalHeaders() {}

    /** The headers of one announcement, in the order they go on the wire. */
    public static Map<String, String> of(String eventId, Instant time, String docId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", SPEC_VERSION);
        headers.put("ce_id", eventId);
        headers.put("ce_source", SOURCE);
        headers.put("ce_type", TYPE);
        headers.put("ce_time", Timestamps.format(time));
        headers.put("ce_subject", docId);
        headers.put("content-type", CONTENT_TYPE);
        return headers;
    }

    /** Why a record with these headers (last value per name) is not an arrival event, if it is not one. */
    public static Optional<String> problem(Map<String, String> headers) {
        for (String header : REQUIRED) {
            String value = headers.get(header);
            if (value == null || value.isBlank()) {
                return Optional.of("the CloudEvents header " + header + " is missing");
            }
        }
        String type = headers.get("ce_type");
        if (!type.equals(TYPE)) {
            return Optional.of("ce_type is '" + type + "', expected " + TYPE);
        }
        if (!SPEC_VERSION.equals(headers.get("ce_specversion"))) {
            return Optional.of("ce_specversion is '" + headers.get("ce_specversion") + "', expected " + SPEC_VERSION);
        }
        return Optional.empty();
    }
}
