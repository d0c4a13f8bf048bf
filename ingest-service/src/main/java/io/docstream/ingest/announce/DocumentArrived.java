package io.docstream.ingest.announce;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.docstream.ingest.store.StoredDocument;

/**
 * The data of a {@code io.docstream.document.arrived.v1} event, field for field as docs/events.md
 * lists it. {@code bucket} is written as null (not left out) for the local store: the contract says so.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"doc_id", "file_name", "doc_type", "uri", "bucket", "key", "size", "sha256", "content_type",
        "received_at"})
public record DocumentArrived(
        @JsonProperty("doc_id") String docId,
        @JsonProperty("file_name") String fileName,
        @JsonProperty("doc_type") String docType,
        @JsonProperty("uri") String uri,
        @JsonProperty("bucket") String bucket,
        @JsonProperty("key") String key,
        @JsonProperty("size") long size,
        @JsonProperty("sha256") String sha256,
        @JsonProperty("content_type") String contentType,
        @JsonProperty("received_at") String receivedAt) {

    public static DocumentArrived of(StoredDocument document) {
        return new DocumentArrived(document.docId(), document.fileName(), document.docType().wireName(),
                document.uri(), document.bucket(), document.key(), document.size(), document.sha256(),
                document.contentType(), Timestamps.format(document.receivedAt()));
    }
}
