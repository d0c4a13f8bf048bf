package io.docstream.contract;

import java.util.Optional;

/** What became of an announced document: the {@code outcome} of a document-outcomes event, with its table. */
public enum Outcome {
    /** Its records are rows of the documents table. */
    ROW("row", "documents"),
    /** It is an entry of the quarantine table, with a reason code. */
    QUARANTINED("quarantined", "quarantine");

    private final String value;
    private final String table;

    Outcome(String value, String table) {
        this.value = value;
        this.table = table;
    }

    public String value() {
        return value;
    }

    /** The Delta table the document went to. */
    public String table() {
        return table;
    }

    public static Optional<Outcome> fromValue(String value) {
        for (Outcome outcome : values()) {
            if (outcome.value.equals(value)) {
                return Optional.of(outcome);
            }
        }
        return Optional.empty();
    }

    public static Optional<Outcome> ofTable(String table) {
        for (Outcome outcome : values()) {
            if (outcome.table.equals(table)) {
                return Optional.of(outcome);
            }
        }
        return Optional.empty();
    }
}
