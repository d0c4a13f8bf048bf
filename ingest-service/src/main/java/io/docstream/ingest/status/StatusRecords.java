package io.docstream.ingest.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docstream.ingest.config.IngestConfig;
import io.docstream.ingest.store.DocumentStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Optional;

/**
 * A document's status as the store keeps it, beside the document so that every replica answers the same:
 * {@code <prefix><doc_id>.json}, the data of its latest outcome event, written by whichever replica consumed it;
 * {@code <prefix><doc_id>.replay.json}, a replay announced and not yet answered. Each file has one kind of writer,
 * so the consumer and a replay request never overwrite each other's news.
 */
@ApplicationScoped
public class StatusRecords {

    private final DocumentStore store;
    private final ObjectMapper json;
    private final String prefix;

    public StatusRecords(DocumentStore store, ObjectMapper json, IngestConfig config) {
        this.store = store;
        this.json = json;
        this.prefix = config.status().prefix();
    }

    /** What is known of the document now (its doc_id must be well formed: it becomes part of a key). */
    public DocumentStatus read(String docId) {
        return DocumentStatus.of(outcome(docId), replay(docId));
    }

    Optional<RecordedOutcome> outcome(String docId) {
        return store.getRecord(outcomeKey(docId)).map(bytes -> {
            RecordedOutcome.Parsed parsed = RecordedOutcome.parse(tree(bytes, outcomeKey(docId)));
            if (parsed instanceof RecordedOutcome.Valid valid) {
                return valid.outcome();
            }
            throw new IllegalStateException("the status record " + outcomeKey(docId) + " is damaged: "
                    + ((RecordedOutcome.Invalid) parsed).problem());
        });
    }

    Optional<PendingReplay> replay(String docId) {
        return store.getRecord(replayKey(docId)).map(bytes -> {
            try {
                return json.readValue(bytes, PendingReplay.class);
            } catch (IOException e) {
                throw new IllegalStateException("the replay record " + replayKey(docId) + " is damaged", e);
            }
        });
    }

    /**
     * Keeps {@code data} (a valid outcome event's data) as the document's outcome unless the store already holds
     * this outcome or a later one (a re-delivered or reordered event); says whether it wrote.
     */
    boolean record(RecordedOutcome outcome, byte[] data) {
        Optional<RecordedOutcome> current = outcome(outcome.docId());
        if (current.isPresent()
                && (current.get().sameAs(outcome)
                        || RecordedOutcome.COMMIT_ORDER.compare(current.get(), outcome) > 0)) {
            return false;
        }
        store.putRecord(outcomeKey(outcome.docId()), data);
        return true;
    }

    void recordReplay(String docId, PendingReplay replay) {
        try {
            store.putRecord(replayKey(docId), json.writeValueAsBytes(replay));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the replay of " + docId + " cannot be serialized", e);
        }
    }

    private JsonNode tree(byte[] bytes, String key) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("the status record " + key + " is not JSON", e);
        }
    }

    private String outcomeKey(String docId) {
        return prefix + docId + ".json";
    }

    private String replayKey(String docId) {
        return prefix + docId + ".replay.json";
    }
}
