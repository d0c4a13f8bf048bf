package io.docstream.ingest.http;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docstream.ingest.Api;
import io.docstream.ingest.Arrivals;
import io.docstream.ingest.Corpus;
import io.docstream.ingest.LocalServers;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Bodies against the pace {@code docstream.http.*} sets, on plain sockets, at the service's default settings
 * (the test profile leaves them alone): a 3 bytes/s body, a body that never starts and one that stops half-way
 * are each answered 408 with the reason and their connection closed, leaving nothing stored, announced or
 * spooled; a slow but steady upload that outlasts the window arrives whole.
 */
@QuarkusTest
class SlowBodyTest {

    @Test
    void bodiesBelowThePaceAre408AndLeaveNothingBehind() throws Exception {
        Duration start = setting("docstream.http.body-start-timeout");
        Duration window = setting("docstream.http.body-rate-window");
        String run = Long.toString(System.nanoTime());
        String trickleName = "slow-trickle-" + run + ".txt";
        String silentName = "slow-silent-" + run + ".txt";
        String stalledName = "slow-stalled-" + run + ".txt";
        try (Arrivals arrivals = Api.arrivals();
                RawClient trickle = RawClient.connect();
                RawClient silent = RawClient.connect();
                RawClient stalled = RawClient.connect()) {
            trickle.send(RawClient.uploadHead(trickleName, Api.KEY, 1000))
                    .drip("x".repeat(1000).getBytes(StandardCharsets.US_ASCII), 1, Duration.ofMillis(333));
            silent.send(RawClient.uploadHead(silentName, Api.KEY, 1000));
            stalled.send(RawClient.uploadHead(stalledName, Api.KEY, 200_000)).send("Class Code: 1590\n".repeat(5000));

            Duration patience = window.plus(Duration.ofSeconds(20));
            List<CompletableFuture<RawClient.Answer>> waiting = Stream.of(trickle, silent, stalled)
                    .map(client -> CompletableFuture.supplyAsync(() -> client.awaitAnswer(patience)))
                    .toList();
            RawClient.Answer tooSlow = waiting.get(0).get();
            RawClient.Answer neverStarted = waiting.get(1).get();
            RawClient.Answer stopped = waiting.get(2).get();

            assertAll(
                    () -> assertRefused(tooSlow, "below the minimum of 500 bytes/s"),
                    () -> assertTrue(
                            tooSlow.after().compareTo(Duration.ofSeconds(30)) <= 0,
                            "a 3 bytes/s body was cut only after " + tooSlow.after()),
                    () -> assertRefused(neverStarted, "did not start within " + start.toSeconds() + " s"),
                    () -> assertTrue(
                            neverStarted.after().compareTo(start) >= 0
                                    && neverStarted.after().compareTo(start.plusSeconds(5)) <= 0,
                            "a body that never started was cut after " + neverStarted.after()),
                    () -> assertRefused(stopped, "below the minimum of 500 bytes/s"),
                    () -> assertTrue(
                            stopped.after().compareTo(window) >= 0,
                            "a body that stopped after 85,000 bytes was cut before a window had passed: "
                                    + stopped.after()));

            assertEquals(0, arrivals.countSinceOpened(), "a refused body was announced");
            try (S3Client s3 = LocalServers.s3Client()) {
                List<String> stored = s3.listObjectsV2Paginator(r -> r.bucket(LocalServers.BUCKET)).contents().stream()
                        .map(o -> o.key())
                        .filter(key -> key.contains(run))
                        .toList();
                assertEquals(List.of(), stored, "a refused body was stored");
            }
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(List.of(), receivedSpoolFiles()));
        }
    }

    @Test
    void aSteadyUploadThatOutlastsTheWindowArrivesWhole() throws Exception {
        // 4,000 bytes/s (8 times the minimum) for longer than a window, and larger than the memory threshold: the
        // spool file path, judged several times.
        byte[] bulletin = Corpus.bytes(Corpus.BULLETIN);
        ByteArrayOutputStream document = new ByteArrayOutputStream();
        while (document.size() < 100_000) {
            document.write(bulletin);
        }
        document.write(("\nuploaded slowly " + System.nanoTime() + "\n").getBytes(StandardCharsets.US_ASCII));
        byte[] body = document.toByteArray();
        String name = "slow-steady-" + System.nanoTime() + ".txt";
        try (Arrivals arrivals = Api.arrivals();
                RawClient client = RawClient.connect()) {
            client.send(RawClient.uploadHead(name, Api.KEY, body.length)).drip(body, 400, Duration.ofMillis(100));
            RawClient.Answer answer = client.awaitAnswer(Duration.ofSeconds(body.length / 4000 + 30));

            assertEquals(201, answer.status(), answer.raw());
            assertTrue(
                    answer.after().compareTo(setting("docstream.http.body-rate-window")) > 0,
                    "the upload took " + answer.after() + ", not longer than a window");
            String docId = answer.body().replaceAll("(?s).*\"doc_id\":\"([0-9a-f]{32})\".*", "$1");
            try (S3Client s3 = LocalServers.s3Client()) {
                byte[] stored = s3.getObjectAsBytes(
                                r -> r.bucket(LocalServers.BUCKET).key("incoming/" + docId + "/" + name))
                        .asByteArray();
                assertArrayEquals(body, stored, "the stored document differs from the one sent");
            }
            assertEquals(docId, arrivals.awaitOne().key());
        }
    }

    private static void assertRefused(RawClient.Answer answer, String reason) {
        assertEquals(408, answer.status(), answer.raw());
        assertTrue(answer.body().contains("\"error\":\"REQUEST_TIMEOUT\""), answer.raw());
        assertTrue(answer.body().contains(reason), answer.raw());
        assertTrue(answer.head().contains("connection: close"), answer.raw());
        assertTrue(answer.closed(), "the connection stayed open after the 408: " + answer.raw());
    }

    private static List<Path> receivedSpoolFiles() throws IOException {
        Path spool = LocalServers.spoolDir();
        if (!Files.isDirectory(spool)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(f -> f.getFileName().toString().startsWith("received-"))
                    .toList();
        }
    }

    private static Duration setting(String name) {
        return DurationConverter.parseDuration(Api.config(name));
    }
}
