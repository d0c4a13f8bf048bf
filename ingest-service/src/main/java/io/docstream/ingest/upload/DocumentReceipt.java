package io.docstream.ingest.upload;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.docstream.contract.Timestamps;
import io.docstream.ingest.store.StoredDocument;

/** What an uploader (or a GET) is told about a stored document. */
@JsonPropertyOrder({
    "doc_id",
    "file_name",
    "doc_type",
    "uri",
    "size",
    "sha256",
    "content_type",
    "received_at",
    "duplicate"
})
public record DocumentReceipt(
        @JsonProperty("doc_id") String docId,
        @JsonProperty("file_name") String fileName,
        @JsonProperty("doc_type") String docType,
        @JsonProperty("uri") String uri,
        @JsonProperty("size") long size,
        @JsonProperty("sha256") String sha256,
        @JsonProperty("content_type") String contentType,
        @JsonProperty("received_at") String receivedAt,

        @JsonProperty("duplicate") @JsonInclude(JsonInclude.Include.NON_NULL)
        Boolean duplicate) {

    public static DocumentReceipt of(StoredDocument document, Boolean duplicate) {
        return new DocumentReceipt(
                document.docId(),
                document.fileName(),
                document.docType().value(),
                document.uri(),
                document.size(),
                document.sha256(),
                document.contentType(),
                Timestamps.format(document.receivedAt()),
                duplicate);
    }
}
