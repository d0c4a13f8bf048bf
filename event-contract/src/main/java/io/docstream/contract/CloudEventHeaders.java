package io.docstream.contract;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CloudEvents 1.0 Kafka protocol binding, binary mode, as both of docstream's topics use it: the event's
 * attributes as {@code ce_*} headers, its data as the record's value.
 */
final class CloudEventHeaders {

    static final String SPEC_VERSION = "1.0";
    static final String CONTENT_TYPE = "application/json";

    /** The headers every event must carry. */
    static final List<String> REQUIRED = List.of("ce_specversion", "ce_id", "ce_source", "ce_type");

    private CloudEventHeaders() {}

    /** The headers of one event, in the order they go on the wire; {@code extensions} before content-type. */
    static Map<String, String> of(
            String eventId, String source, String type, Instant time, String subject, Map<String, String> extensions) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_specversion", SPEC_VERSION);
        headers.put("ce_id", eventId);
        headers.put("ce_source", source);
        headers.put("ce_type", type);
        headers.put("ce_time", Timestamps.format(time));
        headers.put("ce_subject", subject);
        headers.putAll(extensions);
        headers.put("content-type", CONTENT_TYPE);
        return headers;
    }

    /** Why a record with these headers (last value per name) is not an event of {@code type}, if it is not one. */
    static Optional<String> problem(Map<String, String> headers, String type) {
        for (String header : REQUIRED) {
            String value = headers.get(header);
            if (value == null || value.isBlank()) {
                return Optional.of("the CloudEvents header " + header + " is missing");
            }
        }
        String given = headers.get("ce_type");
        if (!given.equals(type)) {
            return Optional.of("ce_type is '" + given + "', expected " + type);
        }
        if (!SPEC_VERSION.equals(headers.get("ce_specversion"))) {
            return Optional.of("ce_specversion is '" + headers.get("ce_specversion") + "', expected " + SPEC_VERSION);
        }
        return Optional.empty();
    }
}
