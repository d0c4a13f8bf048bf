package io.docstream.ingest.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docstream.contract.DocType;
import io.docstream.servers.S3Server;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@link S3Store#putIfAbsent} against a real s3proxy, with conditional writes (one PUT with
 * {@code If-None-Match: *}) and without (HEAD, then PUT): both store a document once and report a repeat.
 */
class S3StoreTest {

    private static final String BUCKET = "store-test";
    private static S3Server server;
    private static S3Client s3;

    @TempDir
    static Path serverDir;

    @BeforeAll
    static void start() {
        server = S3Server.start(serverDir);
        s3 = S3Client.builder()
                .endpointOverride(URI.create(server.endpoint()))
                .region(Region.of(server.region()))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(server.accessKey(), server.secretKey())))
                .build();
        s3.createBucket(r -> r.bucket(BUCKET));
    }

    @AfterAll
    static void stop() {
        s3.close();
        server.close();
    }

    @ParameterizedTest(name = "conditional writes: {0}")
    @ValueSource(booleans = {true, false})
    void aDocumentIsStoredOnceAndARepeatFindsIt(boolean conditionalWrites) {
        S3Store store = new S3Store(s3, BUCKET, "incoming/", ".idempotency/", conditionalWrites);
        byte[] bytes = ("Class Code: 1234\n" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        NewDocument document = document(bytes, sha256(bytes));

        Placement first = store.putIfAbsent(document);
        Placement repeat = store.putIfAbsent(new NewDocument(
                document.docId(),
                document.fileName(),
                document.docType(),
                document.content(),
                document.size(),
                document.sha256(),
                Instant.parse("2030-01-01T00:00:00Z")));

        assertTrue(first.created());
        assertFalse(repeat.created());
        assertEquals(first.document().key(), repeat.document().key());
        // The repeat is the stored document as first received, not the second request's copy.
        assertEquals(document.receivedAt(), repeat.document().receivedAt());
        assertArrayEquals(
                bytes,
                s3.getObjectAsBytes(r -> r.bucket(BUCKET).key(first.document().key()))
                        .asByteArray());
    }

    @Test
    void bytesThatDoNotMatchTheirScannedChecksumAreRefusedByTheServer() {
        S3Store store = new S3Store(s3, BUCKET, "incoming/", ".idempotency/", true);
        byte[] bytes = "Class Code: 4321\n".getBytes(StandardCharsets.UTF_8);
        NewDocument document = document(bytes, sha256("other bytes".getBytes(StandardCharsets.UTF_8)));

        assertThrows(StoreUnavailable.class, () -> store.putIfAbsent(document));
        assertTrue(store.find(document.docId(), document.fileName()).isEmpty());
    }

    @Test
    void anonymousClientsCanNeitherListNorReadTheBucket() throws Exception {
        S3Store store = new S3Store(s3, BUCKET, "incoming/", ".idempotency/", true);
        byte[] bytes = ("Class Code: 4323\n" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        Placement placed = store.putIfAbsent(document(bytes, sha256(bytes)));

        assertEquals(403, anonymousGet("/" + BUCKET + "?list-type=2"));
        assertEquals(403, anonymousGet("/" + BUCKET + "/" + placed.document().key()));
    }

    private static int anonymousGet(String path) throws java.io.IOException {
        java.net.HttpURLConnection get = (java.net.HttpURLConnection)
                URI.create(server.endpoint() + path.replace(" ", "%20")).toURL().openConnection();
        try {
            return get.getResponseCode();
        } finally {
            get.disconnect();
        }
    }

    @Test
    void aRefusalNoRetryCanMendIsNotReportedAsUnavailable() {
        S3Store store = new S3Store(s3, "no-such-bucket-" + UUID.randomUUID(), "incoming/", ".idempotency/", true);
        byte[] bytes = "Class Code: 4322\n".getBytes(StandardCharsets.UTF_8);

        StoreRefused refused =
                assertThrows(StoreRefused.class, () -> store.putIfAbsent(document(bytes, sha256(bytes))));
        assertTrue(refused.getMessage().contains("404"), refused.getMessage());
    }

    private static NewDocument document(byte[] bytes, String sha256) {
        String docId =
                HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII), 0, 16);
        return new NewDocument(
                docId,
                "bulletin.txt",
                DocType.BULLETIN,
                new DocumentBytes.InMemory(bytes),
                bytes.length,
                sha256,
                Instant.parse("2026-11-24T06:00:00Z"));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
