package io.docstream.ingest.store;

/** The outcome of {@link DocumentStore#putIfAbsent}: the stored document, and whether this call stored it. */
public record Placement(StoredDocument document, boolean created) {

    public static Placement created(StoredDocument document) {
        return new Placement(document, true);
    }

    public static Placement alreadyStored(StoredDocument document) {
        return new Placement(document, false);
    }
}
