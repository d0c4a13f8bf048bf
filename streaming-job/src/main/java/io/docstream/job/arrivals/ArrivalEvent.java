package io.docstream.job.arrivals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docstream.contract.ArrivalFields;
import io.docstream.contract.ArrivalHeaders;
import io.docstream.contract.DocType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * One announcement from {@code document-arrivals} (docs/events.md): a stored document the job should
 * read (docs/events.schema.json). {@link #parse} never throws on bad input: a record that is not such an event —
 * a CloudEvents header the contract requires missing or wrong, a value that is not the event's data, no SHA-256 to check the bytes
 * against — is a {@link Bad} outcome, which the job quarantines as {@code BAD_EVENT}.
 */
public record ArrivalEvent(
        String docId, String fileName, DocType docType, String uri, long size, String sha256, Instant receivedAt) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int QUOTED_VALUE_CHARS = 200;

    public sealed interface Parsed {}

    public record Good(ArrivalEvent event) implements Parsed {}

    /** Why the value is not an arrival event; {@code value} is the start of what was received, for the quarantine message. */
    public record Bad(String problem, String value) implements Parsed {
        public String message() {
            return problem + "; value: " + value;
        }
    }

    /**
     * @param value   the Kafka record's value (may be null)
     * @param headers the record's headers (last value per name); an event that names another
     *                {@code ce_type} is not ours to interpret
     */
    public static Parsed parse(byte[] value, Map<String, String> headers) {
        String quoted = quote(value);
        Optional<String> headerProblem = ArrivalHeaders.problem(headers);
        if (headerProblem.isPresent()) {
            return new Bad(headerProblem.get(), quoted);
        }
        if (value == null || value.length == 0) {
            return new Bad("the event has no value", quoted);
        }
        JsonNode root;
        try {
            root = JSON.readTree(value);
        } catch (IOException e) {
            return new Bad("the value is not JSON (" + firstLine(e.getMessage()) + ")", quoted);
        }
        if (root == null || !root.isObject()) {
            return new Bad("the value is not a JSON object", quoted);
        }
        Optional<String> docId = text(root, ArrivalFields.DOC_ID);
        Optional<String> uri = text(root, ArrivalFields.URI);
        if (docId.isEmpty() || uri.isEmpty()) {
            return new Bad("doc_id and uri are required", quoted);
        }
        String docTypeName = text(root, ArrivalFields.DOC_TYPE).orElse(null);
        Optional<DocType> docType = DocType.fromValue(docTypeName);
        if (docType.isEmpty()) {
            return new Bad("unknown doc_type '" + docTypeName + "'", quoted);
        }
        JsonNode size = root.get(ArrivalFields.SIZE);
        if (size != null && !size.isNull() && !size.canConvertToLong()) {
            return new Bad("size is not a whole number", quoted);
        }
        Instant receivedAt = null;
        Optional<String> received = text(root, ArrivalFields.RECEIVED_AT);
        if (received.isPresent()) {
            try {
                receivedAt = Instant.parse(received.get());
            } catch (DateTimeParseException e) {
                return new Bad("received_at is not an RFC 3339 UTC time", quoted);
            }
        }
        String fileName = text(root, ArrivalFields.FILE_NAME).orElseGet(() -> lastSegment(uri.get()));
        long declaredSize = size == null || size.isNull() ? -1 : size.asLong();
        Optional<String> sha256 = text(root, ArrivalFields.SHA256).filter(h -> h.matches("[0-9a-fA-F]{64}"));
        if (sha256.isEmpty()) {
            return new Bad("sha256 (64 hex digits) is required: the bytes read are checked against it", quoted);
        }
        return new Good(new ArrivalEvent(
                docId.get(), fileName, docType.get(), uri.get(), declaredSize, sha256.get(), receivedAt));
    }

    private static Optional<String> text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        return node != null && node.isTextual() && !node.asText().isBlank()
                ? Optional.of(node.asText())
                : Optional.empty();
    }

    private static String lastSegment(String uri) {
        return uri.substring(uri.lastIndexOf('/') + 1);
    }

    private static String quote(byte[] value) {
        if (value == null) {
            return "null";
        }
        String text = new String(value, StandardCharsets.UTF_8);
        return text.length() <= QUOTED_VALUE_CHARS ? text : text.substring(0, QUOTED_VALUE_CHARS) + "…";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
