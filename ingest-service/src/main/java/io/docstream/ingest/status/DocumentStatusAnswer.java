package io.docstream.ingest.status;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.docstream.contract.Timestamps;
import io.docstream.ingest.store.StoredDocument;
import io.docstream.ingest.upload.DocumentReceipt;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What {@code GET /documents/{doc_id}} answers: the stored document's receipt (the fields an upload answers, in the
 * same order) and where it is in its life.
 */
@JsonPropertyOrder({"receipt", "status", "outcome", "replay"})
public record DocumentStatusAnswer(
        @JsonUnwrapped DocumentReceipt receipt,

        @Schema(
                enumeration = {"received", "processed", "quarantined"},
                description = "received: stored and announced, no outcome yet (or a replay not yet answered);"
                        + " processed: its rows are in the documents table; quarantined: in the quarantine table")
        @JsonProperty("status")
        String status,

        @Schema(description = "the latest outcome the job committed (while a replay waits: the one it replays)")
        @JsonProperty("outcome")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        OutcomeAnswer outcome,

        @Schema(description = "a replay announced and not yet answered")
        @JsonProperty("replay")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        ReplayAnswer replay) {

    /** A committed outcome: the table and version that hold the document's rows or its quarantine entry. */
    @JsonPropertyOrder({"outcome", "table", "table_version", "rows", "reason", "message", "committed_at"})
    public record OutcomeAnswer(
            @Schema(enumeration = {"row", "quarantined"}) @JsonProperty("outcome")
            String outcome,

            @Schema(enumeration = {"documents", "quarantine"}) @JsonProperty("table")
            String table,

            @JsonProperty("table_version") long tableVersion,
            @JsonProperty("rows") long rows,

            @Schema(description = "the quarantine reason code; null for rows") @JsonProperty("reason")
            String reason,

            @JsonProperty("message") String message,
            @JsonProperty("committed_at") String committedAt) {}

    @JsonPropertyOrder({"replay_id", "replays_version", "requested_at"})
    public record ReplayAnswer(
            @JsonProperty("replay_id") String replayId,

            @Schema(description = "the quarantine table version of the entry replayed") @JsonProperty("replays_version")
            long replaysVersion,

            @JsonProperty("requested_at") String requestedAt) {}

    static DocumentStatusAnswer of(StoredDocument document, DocumentStatus status) {
        OutcomeAnswer outcome = status.outcome()
                .map(o -> new OutcomeAnswer(
                        o.outcome().value(),
                        o.table(),
                        o.tableVersion(),
                        o.rows(),
                        o.reason(),
                        o.message(),
                        Timestamps.format(o.committedAt())))
                .orElse(null);
        ReplayAnswer replay = status.replay()
                .map(r -> new ReplayAnswer(r.replayId(), r.replaysVersion(), Timestamps.format(r.requestedAt())))
                .orElse(null);
        return new DocumentStatusAnswer(
                DocumentReceipt.of(document, null), status.state().value(), outcome, replay);
    }
}
