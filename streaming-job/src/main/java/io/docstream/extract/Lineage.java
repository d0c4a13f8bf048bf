package io.docstream.extract;

import io.docstream.contract.DocType;
import java.time.Instant;
import java.util.List;

/**
 * Where a row's document came from and when: the lineage columns, added by whoever carried the document, with
 * the type it was announced as and the carrier's own parse warnings.
 */
public record Lineage(
        String docId,
        String sourceUri,
        String contentSha256,
        Instant ingestedAt,
        Instant processedAt,
        DocType announcedType,
        List<String> carrierWarnings) {

    public Lineage(String docId, String sourceUri, String contentSha256, Instant ingestedAt, Instant processedAt) {
        this(docId, sourceUri, contentSha256, ingestedAt, processedAt, null, List.of());
    }
}
