package io.docstream.ingest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docstream.ingest.config.IngestConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The pace a body must keep, on a simulated clock, with the service's default settings as declared in
 * {@link IngestConfig.Http}: what a client at a given speed meets, over minutes, in milliseconds of test time.
 */
class BodyPaceTest {

    private static final long SECOND = 1_000_000_000L;
    private static final BodyPace.Rules DEFAULTS = new BodyPace.Rules(
            DurationConverter.parseDuration(defaultOf("bodyStartTimeout")),
            Long.parseLong(defaultOf("minBodyRate")),
            DurationConverter.parseDuration(defaultOf("bodyRateWindow")));

    /** What a client sending {@code bytesPerSecond} (in 10 ms slices) for up to {@code total} bytes meets. */
    private record Outcome(Optional<BodyPace.Breach> breach, long atNanos, long bytesSent) {}

    private static Outcome send(BodyPace.Rules rules, double bytesPerSecond, long total, Duration giveUpAfter) {
        long start = 7 * SECOND; // any origin: the pace only looks at differences
        BodyPace pace = new BodyPace(rules, start);
        long tick = BodyReception.tickOf(rules).toNanos();
        long slice = 10_000_000L;
        double owed = 0;
        long sent = 0;
        for (long now = start; now - start <= giveUpAfter.toNanos() && sent < total; now += slice) {
            owed += bytesPerSecond * slice / SECOND;
            long chunk = Math.min(total - sent, (long) owed);
            if (chunk > 0) {
                pace.received(chunk);
                sent += chunk;
                owed -= chunk;
            }
            if ((now - start) % tick == 0) {
                Optional<BodyPace.Breach> breach = pace.check(now);
                if (breach.isPresent()) {
                    return new Outcome(breach, now - start, sent);
                }
            }
        }
        return new Outcome(Optional.empty(), -1, sent);
    }

    @Test
    void theDefaultsAreThoseOfTheIssue() {
        assertEquals(new BodyPace.Rules(Duration.ofSeconds(10), 500, Duration.ofSeconds(20)), DEFAULTS);
    }

    @Test
    void aBodyAtThreeBytesASecondIsCutWithinThirtySeconds() {
        Outcome outcome = send(DEFAULTS, 3, 1_000_000, Duration.ofMinutes(5));
        assertTrue(outcome.breach().isPresent(), "a 3 bytes/s body was never cut");
        assertTrue(outcome.atNanos() <= 30 * SECOND, "cut only after " + outcome.atNanos() / 1e9 + " s");
        assertTrue(
                outcome.breach().get().reason().contains("3 bytes/s over the last 20 s"),
                outcome.breach().get().reason());
    }

    @Test
    void fiftyMebibytesAtThreeHundredKilobytesASecondArriveWhole() {
        long size = 50L * 1024 * 1024;
        Outcome outcome = send(DEFAULTS, 300_000, size, Duration.ofMinutes(10));
        assertEquals(Optional.empty(), outcome.breach());
        assertEquals(size, outcome.bytesSent(), "the upload took " + size / 300_000 + " s and was not cut");
    }

    @Test
    void aBodyThatNeverStartsIsCutAtTheStartTimeout() {
        Outcome outcome = send(DEFAULTS, 0, 1000, Duration.ofMinutes(1));
        assertEquals(10 * SECOND, outcome.atNanos());
        assertTrue(outcome.breach().orElseThrow().reason().contains("did not start within 10 s"));
    }

    @Test
    void theMinimumIsTheBoundary() {
        assertEquals(
                Optional.empty(),
                send(DEFAULTS, 550, 1_000_000, Duration.ofMinutes(5)).breach());
        Outcome slow = send(DEFAULTS, 450, 1_000_000, Duration.ofMinutes(5));
        assertTrue(slow.breach().isPresent());
        assertEquals(20 * SECOND, slow.atNanos(), "judged once the first window is over");
    }

    @Test
    void aFastStartBuysNoCreditForATrickleLater() {
        BodyPace pace = new BodyPace(DEFAULTS, 0);
        pace.received(10_000_000);
        long now = 0;
        Optional<BodyPace.Breach> breach = Optional.empty();
        while (breach.isEmpty() && now < 120 * SECOND) {
            now += SECOND / 2;
            pace.received(1);
            breach = pace.check(now);
        }
        assertTrue(breach.isPresent(), "10 MB in the first second then 2 bytes/s was never cut");
        assertTrue(now <= 21 * SECOND, "cut only after " + now / 1e9 + " s");
    }

    @Test
    void timeTheServerStoppedReadingIsNotTheClients() {
        BodyPace pace = new BodyPace(DEFAULTS, 0);
        long now = 0;
        for (; now < 30 * SECOND; now += SECOND) {
            pace.received(1000);
            assertEquals(Optional.empty(), pace.check(now));
        }
        pace.serverPaused(now);
        long resumeAt = now + 90 * SECOND;
        for (; now < resumeAt; now += SECOND) {
            assertEquals(Optional.empty(), pace.check(now), "judged while the server was not reading");
        }
        pace.serverResumed(now);
        for (long end = now + 30 * SECOND; now < end; now += SECOND) {
            pace.received(1000);
            assertEquals(Optional.empty(), pace.check(now), "the pause counted against the client at " + now / 1e9);
        }
    }

    @Test
    void zeroTurnsTheRateCheckOff() {
        BodyPace.Rules off = new BodyPace.Rules(Duration.ofSeconds(10), 0, Duration.ofSeconds(20));
        assertEquals(
                Optional.empty(), send(off, 0.5, 1000, Duration.ofMinutes(10)).breach());
    }

    private static String defaultOf(String method) {
        try {
            return IngestConfig.Http.class
                    .getMethod(method)
                    .getAnnotation(WithDefault.class)
                    .value();
        } catch (NoSuchMethodException e) {
            throw new AssertionError("IngestConfig.Http has no " + method, e);
        }
    }
}
