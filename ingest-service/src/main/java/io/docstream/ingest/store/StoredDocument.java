package io.docstream.ingest.store;

import io.docstream.contract.DocType;
import java.time.Instant;

/**
 * A document as the store holds it: where its bytes are and what was recorded when it was accepted.
 *
 * @param bucket the S3 bucket, or null for the local-folder store
 * @param key    the object key, or the path relative to the local store's root
 */
public record StoredDocument(
        String docId,
        String fileName,
        DocType docType,
        String uri,
        String bucket,
        String key,
        long size,
        String sha256,
        String contentType,
        Instant receivedAt) {}
