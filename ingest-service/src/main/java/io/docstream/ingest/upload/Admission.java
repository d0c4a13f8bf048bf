package io.docstream.ingest.upload;

import io.docstream.ingest.store.StoredDocument;

/** A document stored and announced; {@code duplicate} when it was already in the store. */
public record Admission(StoredDocument document, boolean duplicate) {}
