package io.docstream.ingest.store;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Documents as S3 objects ({@code <prefix><doc_id>/<file_name>}) with their metadata as the object's
 * user metadata, so one HEAD answers for a document. A document is found by listing its doc_id prefix,
 * since the file name (the last key segment) is not known from the id alone.
 */
public final class S3Store implements DocumentStore, AutoCloseable {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final String idempotencyPrefix;

    public S3Store(S3Client s3, String bucket, String prefix, String idempotencyPrefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
        this.idempotencyPrefix = idempotencyPrefix;
    }

    @Override
    public Optional<StoredDocument> find(String docId) {
        try {
            ListObjectsV2Response listing = s3.listObjectsV2(r -> r.bucket(bucket).prefix(prefix + docId + "/").maxKeys(1));
            if (listing.contents().isEmpty()) {
                return Optional.empty();
            }
            S3Object object = listing.contents().get(0);
            HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key(object.key()));
            return Optional.of(UserMetadata.toStored(head.metadata(), uri(object.key()), bucket, object.key(),
                    head.contentLength()));
        } catch (NoSuchKeyException e) {
            // Listed, then deleted before the HEAD: the document is gone.
            return Optional.empty();
        } catch (SdkException e) {
            throw unavailable("cannot look up " + prefix + docId + "/ in bucket " + bucket, e);
        }
    }

    @Override
    public Optional<StoredDocument> find(String docId, String fileName) {
        String key = prefix + docId + "/" + fileName;
        try {
            HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key(key));
            return Optional.of(UserMetadata.toStored(head.metadata(), uri(key), bucket, key, head.contentLength()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            if (e instanceof S3Exception s3e && s3e.statusCode() == 404) {
                // A HEAD's 404 has no body to name the error; some servers' answers do not map to NoSuchKey.
                return Optional.empty();
            }
            throw unavailable("cannot look up s3://" + bucket + "/" + key, e);
        }
    }

    @Override
    public StoredDocument put(NewDocument document) {
        String key = prefix + document.docId() + "/" + document.fileName();
        try {
            s3.putObject(r -> r.bucket(bucket).key(key)
                            .contentType(document.docType().contentType())
                            .contentLength(document.size())
                            .metadata(UserMetadata.of(document)),
                    requestBody(document.content()));
        } catch (SdkException e) {
            throw unavailable("cannot store s3://" + bucket + "/" + key, e);
        }
        return new StoredDocument(document.docId(), document.fileName(), document.docType(), uri(key), bucket, key,
                document.size(), document.sha256(), document.docType().contentType(), document.receivedAt());
    }

    @Override
    public void rememberIdempotencyKey(String keyHash, String docId) {
        String key = idempotencyPrefix + keyHash;
        try {
            s3.putObject(r -> r.bucket(bucket).key(key).contentType("text/plain"), RequestBody.fromString(docId));
        } catch (SdkException e) {
            throw unavailable("cannot store s3://" + bucket + "/" + key, e);
        }
    }

    @Override
    public Optional<String> docIdForIdempotencyKey(String keyHash) {
        String key = idempotencyPrefix + keyHash;
        try {
            return Optional.of(s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asString(StandardCharsets.US_ASCII).strip());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw unavailable("cannot read s3://" + bucket + "/" + key, e);
        }
    }

    @Override
    public void checkReachable() {
        try {
            s3.headBucket(r -> r.bucket(bucket));
        } catch (SdkException e) {
            throw unavailable("bucket " + bucket + " is not reachable", e);
        }
    }

    @Override
    public String describe() {
        return "S3 bucket " + bucket;
    }

    private static RequestBody requestBody(DocumentBytes content) {
        if (content instanceof DocumentBytes.InMemory memory) {
            return RequestBody.fromBytes(memory.bytes());
        }
        return RequestBody.fromFile(((DocumentBytes.OnDisk) content).file());
    }

    @Override
    public void close() {
        s3.close();
    }

    /** The s3a URI the Spark job reads from: the key verbatim (see docs/events.md on spaces). */
    private String uri(String key) {
        return "s3a://" + bucket + "/" + key;
    }

    private static StoreUnavailable unavailable(String what, SdkException e) {
        String detail = e instanceof S3Exception s3e && s3e.awsErrorDetails() != null
                ? " (" + s3e.statusCode() + " " + s3e.awsErrorDetails().errorCode() + ")" : "";
        return new StoreUnavailable(what + detail, e);
    }
}
