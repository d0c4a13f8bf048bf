package io.docstream.ingest.store;

import io.docstream.contract.DocType;
import java.time.Instant;

/** A checked upload on its way into the store: its bytes and what is recorded with them. */
public record NewDocument(
        String docId,
        String fileName,
        DocType docType,
        DocumentBytes content,
        long size,
        String sha256,
        Instant receivedAt) {}
