package io.docstream.ingest.announce;

import static io.docstream.contract.ArrivalFields.BUCKET;
import static io.docstream.contract.ArrivalFields.CONTENT_TYPE;
import static io.docstream.contract.ArrivalFields.DOC_ID;
import static io.docstream.contract.ArrivalFields.DOC_TYPE;
import static io.docstream.contract.ArrivalFields.FILE_NAME;
import static io.docstream.contract.ArrivalFields.KEY;
import static io.docstream.contract.ArrivalFields.RECEIVED_AT;
import static io.docstream.contract.ArrivalFields.SHA256;
import static io.docstream.contract.ArrivalFields.SIZE;
import static io.docstream.contract.ArrivalFields.URI;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.docstream.contract.Timestamps;
import io.docstream.ingest.store.StoredDocument;

/**
 * The data of an arrival event, field for field as docs/events.schema.json defines it (tests validate it).
 * {@code bucket} is written as null (not left out) for the local store: the contract says so.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({DOC_ID, FILE_NAME, DOC_TYPE, URI, BUCKET, KEY, SIZE, SHA256, CONTENT_TYPE, RECEIVED_AT})
public record DocumentArrived(
        @JsonProperty(DOC_ID) String docId,
        @JsonProperty(FILE_NAME) String fileName,
        @JsonProperty(DOC_TYPE) String docType,
        @JsonProperty(URI) String uri,
        @JsonProperty(BUCKET) String bucket,
        @JsonProperty(KEY) String key,
        @JsonProperty(SIZE) long size,
        @JsonProperty(SHA256) String sha256,
        @JsonProperty(CONTENT_TYPE) String contentType,
        @JsonProperty(RECEIVED_AT) String receivedAt) {

    public static DocumentArrived of(StoredDocument document) {
        return new DocumentArrived(
                document.docId(),
                document.fileName(),
                document.docType().value(),
                document.uri(),
                document.bucket(),
                document.key(),
                document.size(),
                document.sha256(),
                document.contentType(),
                Timestamps.format(document.receivedAt()));
    }
}
