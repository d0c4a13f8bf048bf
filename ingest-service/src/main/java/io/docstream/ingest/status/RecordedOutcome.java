package io.docstream.ingest.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.docstream.contract.Outcome;
import io.docstream.contract.OutcomeFields;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.Optional;

/**
 * What the job committed for a document, from a document-outcomes event (docs/outcomes.schema.json); the event's
 * data is also what is kept in the store as the document's status record.
 *
 * @param kafkaPartition the partition of the arrival event the job processed
 * @param kafkaOffset    its offset: a later announcement of the document (a replay) has a higher one
 */
public record RecordedOutcome(
        String docId,
        Outcome outcome,
        String table,
        long tableVersion,
        long rows,
        String reason,
        String message,
        int kafkaPartition,
        long kafkaOffset,
        Instant committedAt) {

    /** Outcomes of one document in the order the job committed them. */
    static final Comparator<RecordedOutcome> COMMIT_ORDER =
            Comparator.comparing(RecordedOutcome::committedAt).thenComparingLong(RecordedOutcome::kafkaOffset);

    /** The outcome an event's data states, or why it states none. */
    public sealed interface Parsed {}

    public record Valid(RecordedOutcome outcome) implements Parsed {}

    public record Invalid(String problem) implements Parsed {}

    static Parsed parse(JsonNode data) {
        if (data == null || !data.isObject()) {
            return new Invalid("the value is not a JSON object");
        }
        Optional<String> docId = text(data, OutcomeFields.DOC_ID);
        Optional<Outcome> outcome = text(data, OutcomeFields.OUTCOME).flatMap(Outcome::fromValue);
        Optional<String> table = text(data, OutcomeFields.TABLE);
        Optional<String> committed = text(data, OutcomeFields.COMMITTED_AT);
        if (docId.isEmpty() || outcome.isEmpty() || table.isEmpty() || committed.isEmpty()) {
            return new Invalid("doc_id, outcome (row or quarantined), table and committed_at are required");
        }
        if (!outcome.get().table().equals(table.get())) {
            return new Invalid("outcome " + outcome.get().value() + " in table " + table.get());
        }
        for (String number : new String[] {
            OutcomeFields.TABLE_VERSION, OutcomeFields.ROWS, OutcomeFields.KAFKA_PARTITION, OutcomeFields.KAFKA_OFFSET
        }) {
            if (!data.path(number).canConvertToLong() || data.path(number).asLong() < 0) {
                return new Invalid(number + " is not a whole number ≥ 0");
            }
        }
        Optional<String> reason = text(data, OutcomeFields.REASON);
        if (outcome.get() == Outcome.QUARANTINED && reason.isEmpty()) {
            return new Invalid("a quarantined document's outcome has no reason");
        }
        Instant committedAt;
        try {
            committedAt = Instant.parse(committed.get());
        } catch (DateTimeParseException e) {
            return new Invalid("committed_at is not an RFC 3339 UTC time");
        }
        return new Valid(new RecordedOutcome(
                docId.get(),
                outcome.get(),
                table.get(),
                data.path(OutcomeFields.TABLE_VERSION).asLong(),
                data.path(OutcomeFields.ROWS).asLong(),
                reason.orElse(null),
                text(data, OutcomeFields.MESSAGE).orElse(null),
                data.path(OutcomeFields.KAFKA_PARTITION).asInt(),
                data.path(OutcomeFields.KAFKA_OFFSET).asLong(),
                committedAt));
    }

    /** Whether this outcome is of the same commit of the same announcement as {@code other} (a re-delivery). */
    boolean sameAs(RecordedOutcome other) {
        return table.equals(other.table)
                && tableVersion == other.tableVersion
                && kafkaPartition == other.kafkaPartition
                && kafkaOffset == other.kafkaOffset;
    }

    private static Optional<String> text(JsonNode data, String field) {
        JsonNode node = data.get(field);
        return node != null && node.isTextual() && !node.asText().isBlank()
                ? Optional.of(node.asText())
                : Optional.empty();
    }
}
