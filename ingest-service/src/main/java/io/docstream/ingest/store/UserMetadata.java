package io.docstream.ingest.store;

import io.docstream.contract.DocType;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * The metadata kept with every stored document, as S3 user metadata (or the local store's sidecar).
 * S3 user metadata travels in HTTP headers and must be US-ASCII, so the file name is percent-encoded.
 */
final class UserMetadata {

    static final String DOC_ID = "docstream-doc-id";
    static final String FILE_NAME = "docstream-file-name";
    static final String DOC_TYPE = "docstream-doc-type";
    static final String SHA256 = "docstream-sha256";
    static final String RECEIVED_AT = "docstream-received-at";

    private UserMetadata() {}

    static Map<String, String> of(NewDocument document) {
        return Map.of(
                DOC_ID, document.docId(),
                FILE_NAME, URLEncoder.encode(document.fileName(), StandardCharsets.UTF_8),
                DOC_TYPE, document.docType().value(),
                SHA256, document.sha256(),
                RECEIVED_AT, document.receivedAt().toString());
    }

    /** Rebuilds the stored document from its metadata; the location and size come from the store. */
    static StoredDocument toStored(Map<String, String> metadata, String uri, String bucket, String key, long size) {
        String typeName = require(metadata, DOC_TYPE, key);
        DocType type = DocType.fromValue(typeName)
                .orElseThrow(() -> new IllegalArgumentException("unknown doc_type " + typeName));
        return new StoredDocument(
                require(metadata, DOC_ID, key),
                fileName(metadata, key),
                type,
                uri,
                bucket,
                key,
                size,
                require(metadata, SHA256, key),
                type.contentType(),
                Instant.parse(require(metadata, RECEIVED_AT, key)));
    }

    static String fileName(Map<String, String> metadata, String key) {
        return URLDecoder.decode(require(metadata, FILE_NAME, key), StandardCharsets.UTF_8);
    }

    private static String require(Map<String, String> metadata, String name, String key) {
        String value = metadata.get(name);
        if (value == null) {
            throw new IllegalStateException("stored object " + key + " lacks its metadata '" + name + "'");
        }
        return value;
    }
}
