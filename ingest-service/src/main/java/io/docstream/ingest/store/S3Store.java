package io.docstream.ingest.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Documents as S3 objects ({@code <prefix><doc_id>/<file_name>}, a long name shortened by {@link KeySegment})
 * with their metadata as the object's user metadata, so one HEAD answers for a document. A document is found by listing its doc_id prefix,
 * since the file name (the last key segment) is not known from the id alone.
 */
public final class S3Store implements DocumentStore, AutoCloseable {

    private static final int PRECONDITION_FAILED = 412;
    /** AWS S3's answer to a conditional write racing another one on the same key. */
    private static final int CONDITIONAL_REQUEST_CONFLICT = 409;

    /** Error codes of bytes that did not arrive as sent: the same upload, sent again, can succeed. */
    private static final java.util.Set<String> DAMAGED_IN_TRANSIT = java.util.Set.of(
            "BadDigest", "InvalidDigest", "XAmzContentSHA256Mismatch", "IncompleteBody", "RequestTimeout");

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final String idempotencyPrefix;
    private final boolean conditionalWrites;

    /**
     * @param conditionalWrites whether the server honours {@code If-None-Match: *} on PUT (AWS S3, MinIO and
     *                          s3proxy do): then a new document costs one request instead of a HEAD and a PUT
     */
    public S3Store(S3Client s3, String bucket, String prefix, String idempotencyPrefix, boolean conditionalWrites) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
        this.idempotencyPrefix = idempotencyPrefix;
        this.conditionalWrites = conditionalWrites;
    }

    @Override
    public Optional<StoredDocument> find(String docId) {
        try {
            ListObjectsV2Response listing = s3.listObjectsV2(
                    r -> r.bucket(bucket).prefix(prefix + docId + "/").maxKeys(1));
            if (listing.contents().isEmpty()) {
                return Optional.empty();
            }
            S3Object object = listing.contents().get(0);
            HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key(object.key()));
            return Optional.of(UserMetadata.toStored(
                    head.metadata(), uri(object.key()), bucket, object.key(), head.contentLength()));
        } catch (NoSuchKeyException e) {
            // Listed, then deleted before the HEAD: the document is gone.
            return Optional.empty();
        } catch (SdkException e) {
            throw failure("cannot look up " + prefix + docId + "/ in bucket " + bucket, e);
        }
    }

    @Override
    public Optional<StoredDocument> find(String docId, String fileName) {
        String key = prefix + docId + "/" + KeySegment.of(fileName);
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
            throw failure("cannot look up s3://" + bucket + "/" + key, e);
        }
    }

    @Override
    public StoredDocument put(NewDocument document) {
        String key = keyOf(document);
        try {
            s3.putObject(putRequest(document, key).build(), requestBody(document.content()));
        } catch (SdkException e) {
            throw failure("cannot store s3://" + bucket + "/" + key, e);
        }
        return stored(document, key);
    }

    /**
     * With conditional writes, a PUT with {@code If-None-Match: *} both checks and stores: the server refuses
     * it (412) when the key exists, and only then is the existing object's metadata read.
     */
    @Override
    public Placement putIfAbsent(NewDocument document) {
        if (!conditionalWrites) {
            return DocumentStore.super.putIfAbsent(document);
        }
        String key = keyOf(document);
        try {
            s3.putObject(putRequest(document, key).ifNoneMatch("*").build(), requestBody(document.content()));
            return Placement.created(stored(document, key));
        } catch (S3Exception e) {
            if (e.statusCode() != PRECONDITION_FAILED && e.statusCode() != CONDITIONAL_REQUEST_CONFLICT) {
                throw failure("cannot store s3://" + bucket + "/" + key, e);
            }
        } catch (SdkException e) {
            throw failure("cannot store s3://" + bucket + "/" + key, e);
        }
        // Refused because the key exists (or another upload of the same bytes is writing it right now); if it
        // is not there when looked up, storing it plainly is what is wanted: the bytes are the same.
        return find(document.docId(), document.fileName())
                .map(Placement::alreadyStored)
                .orElseGet(() -> Placement.created(put(document)));
    }

    /**
     * The SHA-256 the upload scan computed travels as the object's checksum, so the server verifies the
     * bytes end to end and the SDK need not checksum the body a second time.
     */
    private PutObjectRequest.Builder putRequest(NewDocument document, String key) {
        return PutObjectRequest.builder()
                .bucket(bucket)
                .key(key)
                .contentType(document.docType().contentType())
                .contentLength(document.size())
                .checksumSHA256(
                        Base64.getEncoder().encodeToString(HexFormat.of().parseHex(document.sha256())))
                .metadata(UserMetadata.of(document));
    }

    private String keyOf(NewDocument document) {
        return prefix + document.docId() + "/" + KeySegment.of(document.fileName());
    }

    private StoredDocument stored(NewDocument document, String key) {
        return new StoredDocument(
                document.docId(),
                document.fileName(),
                document.docType(),
                uri(key),
                bucket,
                key,
                document.size(),
                document.sha256(),
                document.docType().contentType(),
                document.receivedAt());
    }

    @Override
    public void rememberIdempotencyKey(String keyHash, String docId) {
        String key = idempotencyPrefix + keyHash;
        try {
            s3.putObject(r -> r.bucket(bucket).key(key).contentType("text/plain"), RequestBody.fromString(docId));
        } catch (SdkException e) {
            throw failure("cannot store s3://" + bucket + "/" + key, e);
        }
    }

    @Override
    public Optional<String> docIdForIdempotencyKey(String keyHash) {
        String key = idempotencyPrefix + keyHash;
        try {
            return Optional.of(s3.getObjectAsBytes(r -> r.bucket(bucket).key(key))
                    .asString(StandardCharsets.US_ASCII)
                    .strip());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw failure("cannot read s3://" + bucket + "/" + key, e);
        }
    }

    @Override
    public void putRecord(String key, byte[] content) {
        try {
            s3.putObject(
                    r -> r.bucket(bucket).key(key).contentType("application/json"), RequestBody.fromBytes(content));
        } catch (SdkException e) {
            throw failure("cannot store s3://" + bucket + "/" + key, e);
        }
    }

    @Override
    public Optional<byte[]> getRecord(String key) {
        try {
            return Optional.of(
                    s3.getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw failure("cannot read s3://" + bucket + "/" + key, e);
        }
    }

    @Override
    public void checkReachable() {
        try {
            s3.headBucket(r -> r.bucket(bucket));
        } catch (SdkException e) {
            throw failure("bucket " + bucket + " is not reachable", e);
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

    /**
     * An unreachable or overloaded store (no answer, 5xx, 408, 429), or bytes damaged on the way (a digest
     * error), is worth a retry: {@link StoreUnavailable}. Any other 4xx is the store refusing this request
     * as it is, and would refuse it again: {@link StoreRefused}.
     */
    private static RuntimeException failure(String what, SdkException e) {
        if (!(e instanceof S3Exception s3e)) {
            return new StoreUnavailable(what, e);
        }
        String code =
                s3e.awsErrorDetails() == null ? null : s3e.awsErrorDetails().errorCode();
        String detail = " (" + s3e.statusCode() + (code == null ? "" : " " + code) + ")";
        return isPermanent(s3e.statusCode(), code)
                ? new StoreRefused(what + detail, e)
                : new StoreUnavailable(what + detail, e);
    }

    static boolean isPermanent(int status, String errorCode) {
        boolean clientError = status >= 400 && status < 500 && status != 408 && status != 429;
        return clientError && !(errorCode != null && DAMAGED_IN_TRANSIT.contains(errorCode));
    }
}
