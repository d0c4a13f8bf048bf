package io.docstream.ingest.status;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A replay of a quarantined document, announced and not yet answered by an outcome: kept beside the document's
 * status until an outcome of an announcement at or after {@code kafkaOffset} arrives.
 *
 * @param replaysVersion the quarantine table version of the entry replayed (the replay id is made from it)
 * @param kafkaPartition where the replay's announcement landed on the arrivals topic
 */
public record PendingReplay(
        @JsonProperty("replay_id") String replayId,
        @JsonProperty("replays_version") long replaysVersion,
        @JsonProperty("requested_at") Instant requestedAt,
        @JsonProperty("kafka_partition") int kafkaPartition,
        @JsonProperty("kafka_offset") long kafkaOffset) {

    /**
     * Whether {@code outcome} answers this replay: the outcome of this announcement or of a later one of the
     * document (the key is the doc_id, so all its announcements share one partition).
     */
    boolean answeredBy(RecordedOutcome outcome) {
        if (outcome.kafkaPartition() == kafkaPartition) {
            return outcome.kafkaOffset() >= kafkaOffset;
        }
        // The topic's partitions changed in between: fall back on time.
        return outcome.committedAt().isAfter(requestedAt);
    }
}
