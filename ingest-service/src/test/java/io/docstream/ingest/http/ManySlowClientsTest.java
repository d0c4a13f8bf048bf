package io.docstream.ingest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docstream.ingest.Api;
import io.docstream.ingest.Corpus;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Slow clients do not starve honest ones: 200 connections each sending its body at a byte a second are held open
 * while documents are uploaded at 20 a second, and those uploads all succeed, their median latency within twice
 * that of the same uploads without the slow connections. (Before the service received bodies on the event loop,
 * each slow body held one of the 200 worker threads and the uploads waited for the slow bodies' deadline.)
 *
 * <p>The machine is shared: segments without and beside the slow connections alternate (three of each) and the
 * medians of all their uploads are compared, so a passing load on the machine moves both sides alike.
 */
@QuarkusTest
class ManySlowClientsTest {

    private static final int SLOW_CONNECTIONS = 200;
    private static final int UPLOADS_PER_SECOND = 20;
    /** Unloaded and loaded segments alternate, so that a change in the machine's own load reaches both sides. */
    private static final int ROUNDS = 3;

    private static final Duration SEGMENT = Duration.ofSeconds(4);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final byte[] bulletin = Corpus.bytes(Corpus.BULLETIN);

    @Test
    void twoHundredSlowBodiesLeaveHonestUploadsTheirPace() {
        uploadsAt(Duration.ofSeconds(6)); // warm-up: the JIT, the connection pools, the store and the broker
        List<Long> unloaded = new ArrayList<>();
        List<Long> loaded = new ArrayList<>();
        List<String> rounds = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            List<Long> without = uploadsAt(SEGMENT);
            List<Long> beside = besideSlowBodies(() -> uploadsAt(SEGMENT));
            unloaded.addAll(without);
            loaded.addAll(beside);
            rounds.add(median(without) + " / " + median(beside) + " ms");
        }

        long unloadedMedian = median(unloaded);
        long loadedMedian = median(loaded);
        System.out.printf(
                "uploads at %d/s, median (p90) latency: %d ms (%d) without slow clients, %d ms (%d) beside %d slow"
                        + " bodies at 1 byte/s; rounds (without / beside): %s%n",
                UPLOADS_PER_SECOND,
                unloadedMedian,
                percentile(unloaded, 90),
                loadedMedian,
                percentile(loaded, 90),
                SLOW_CONNECTIONS,
                rounds);
        assertTrue(
                loadedMedian <= 2 * unloadedMedian,
                "median upload latency " + loadedMedian + " ms beside the slow clients, more than twice "
                        + unloadedMedian + " ms without them (rounds: " + rounds + ")");
    }

    /** Runs {@code measure} while {@value #SLOW_CONNECTIONS} bodies arrive a byte a second, then drops them. */
    private List<Long> besideSlowBodies(Supplier<List<Long>> measure) {
        List<RawClient> slow = new ArrayList<>();
        try {
            byte[] trickle = "x".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < SLOW_CONNECTIONS; i++) {
                slow.add(RawClient.connect()
                        .send(RawClient.uploadHead("slow-" + i + ".txt", Api.KEY, trickle.length))
                        .drip(trickle, 1, Duration.ofSeconds(1)));
            }
            sleep(Duration.ofSeconds(1));
            List<Long> latencies = measure.get();
            long stillHeld =
                    slow.stream().filter(c -> c.dripping() && !c.answered()).count();
            assertEquals(
                    SLOW_CONNECTIONS,
                    stillHeld,
                    "the slow connections must still be open and unanswered while the uploads are measured");
            return latencies;
        } finally {
            slow.forEach(RawClient::close);
            sleep(Duration.ofMillis(500));
        }
    }

    /** Uploads new documents at a fixed rate (open loop) for {@code duration}; every one must be created. */
    private List<Long> uploadsAt(Duration duration) {
        int count = (int) (duration.toSeconds() * UPLOADS_PER_SECOND);
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / UPLOADS_PER_SECOND;
        URI base = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/documents?filename=");
        List<CompletableFuture<Long>> uploads = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            sleepUntil(start + i * intervalNanos);
            long n = SEQUENCE.incrementAndGet();
            byte[] body = concat(
                    bulletin, ("\nupload " + n + " " + System.nanoTime() + "\n").getBytes(StandardCharsets.US_ASCII));
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "honest-" + n + ".txt"))
                    .timeout(Duration.ofSeconds(60))
                    .header("X-Api-Key", Api.KEY)
                    .header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            long sent = System.nanoTime();
            uploads.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .thenApply(response -> {
                        if (response.statusCode() != 201) {
                            throw new AssertionError(
                                    "upload " + n + " answered " + response.statusCode() + ": " + response.body());
                        }
                        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
                    }));
        }
        return uploads.stream().map(CompletableFuture::join).toList();
    }

    private static long median(List<Long> values) {
        return percentile(values, 50);
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static void sleepUntil(long nanoTime) {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            sleep(Duration.ofNanos(wait));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
