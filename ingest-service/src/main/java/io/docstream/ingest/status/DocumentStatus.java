package io.docstream.ingest.status;

import io.docstream.contract.Outcome;
import java.util.Optional;

/**
 * Where a stored document is in its life: {@code received} (stored and announced, no outcome yet, or a replay
 * not yet answered), {@code processed} (its rows are in the documents table) or {@code quarantined}.
 *
 * @param outcome the latest outcome recorded, if any (while a replay waits: the one it replays)
 * @param replay  the replay announced and not yet answered, if any
 */
public record DocumentStatus(State state, Optional<RecordedOutcome> outcome, Optional<PendingReplay> replay) {

    public enum State {
        RECEIVED("received"),
        PROCESSED("processed"),
        QUARANTINED("quarantined");

        private final String value;

        State(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    static DocumentStatus of(Optional<RecordedOutcome> outcome, Optional<PendingReplay> replay) {
        Optional<PendingReplay> waiting =
                replay.filter(r -> outcome.map(o -> !r.answeredBy(o)).orElse(true));
        if (waiting.isPresent() || outcome.isEmpty()) {
            return new DocumentStatus(State.RECEIVED, outcome, waiting);
        }
        State state = outcome.get().outcome() == Outcome.ROW ? State.PROCESSED : State.QUARANTINED;
        return new DocumentStatus(state, outcome, Optional.empty());
    }

    /** Whether the document has left {@code received}: what a waiting request waits for. */
    public boolean settled() {
        return state != State.RECEIVED;
    }
}
