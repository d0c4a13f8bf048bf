package io.docstream.ingest.store;

import io.docstream.ingest.upload.DocType;

import java.nio.file.Path;
import java.time.Instant;

/** A checked upload on its way into the store: its bytes (in {@code content}) and what is recorded with them. */
public record NewDocument(String docId, String fileName, DocType docType, Path content, long size, String sha256,
                          Instant receivedAt) {
}
