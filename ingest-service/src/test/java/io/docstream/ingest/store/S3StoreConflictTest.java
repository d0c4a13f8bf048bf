package io.docstream.ingest.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docstream.contract.DocType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * AWS S3 answers 409 to a conditional PUT that races another one on the same key. No local server can be
 * made to produce that race on demand, so this one fault is played by a stand-in client; everything else
 * about {@link S3Store} is tested against a real s3proxy in {@link S3StoreTest}.
 */
class S3StoreConflictTest {

    private static final byte[] BYTES = "Class Code: 1234\n".getBytes(StandardCharsets.UTF_8);
    private static final NewDocument DOCUMENT = new NewDocument(
            "0123456789abcdef0123456789abcdef",
            "bulletin.txt",
            DocType.BULLETIN,
            new DocumentBytes.InMemory(BYTES),
            BYTES.length,
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            Instant.parse("2026-11-24T06:00:00Z"));

    @Test
    void aConflictWithAnUploadThatFinishedIsADuplicate() {
        RacingClient s3 = new RacingClient(true);
        Placement placement = new S3Store(s3, "bucket", "incoming/", ".idempotency/", true).putIfAbsent(DOCUMENT);

        assertFalse(placement.created());
        assertEquals(List.of("PUT If-None-Match", "HEAD"), s3.calls);
    }

    @Test
    void aConflictWithAnUploadThatVanishedStoresTheDocumentPlainly() {
        RacingClient s3 = new RacingClient(false);
        Placement placement = new S3Store(s3, "bucket", "incoming/", ".idempotency/", true).putIfAbsent(DOCUMENT);

        assertTrue(placement.created());
        assertEquals(List.of("PUT If-None-Match", "HEAD", "PUT"), s3.calls);
    }

    /** Answers every conditional PUT with 409; the object is then there or not, as the test says. */
    private static final class RacingClient implements S3Client {
        private final boolean otherUploadLanded;
        private final List<String> calls = new ArrayList<>();

        RacingClient(boolean otherUploadLanded) {
            this.otherUploadLanded = otherUploadLanded;
        }

        @Override
        public PutObjectResponse putObject(PutObjectRequest request, RequestBody body) {
            if (request.ifNoneMatch() != null) {
                calls.add("PUT If-None-Match");
                throw (S3Exception) S3Exception.builder()
                        .statusCode(409)
                        .message("ConditionalRequestConflict")
                        .build();
            }
            calls.add("PUT");
            return PutObjectResponse.builder().build();
        }

        @Override
        public HeadObjectResponse headObject(HeadObjectRequest request) {
            calls.add("HEAD");
            if (!otherUploadLanded) {
                throw NoSuchKeyException.builder().statusCode(404).build();
            }
            return HeadObjectResponse.builder()
                    .contentLength((long) BYTES.length)
                    .metadata(Map.copyOf(UserMetadata.of(DOCUMENT)))
                    .build();
        }

        @Override
        public String serviceName() {
            return "s3";
        }

        @Override
        public void close() {}
    }
}
