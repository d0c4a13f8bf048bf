package io.docstream.extract;

import java.time.Instant;

/** Where a row's document came from and when: the lineage columns, added by whoever carried the document. */
public record Lineage(String docId, String sourceUri, String contentSha256, Instant ingestedAt, Instant processedAt) {
}
