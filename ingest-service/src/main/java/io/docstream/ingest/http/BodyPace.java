package io.docstream.ingest.http;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Optional;

/**
 * The pace one request body must keep, in the manner of Apache's mod_reqtimeout ({@code body=20,MinRate=500}):
 * its first byte within {@link Rules#startTimeout()} of the headers, then at least {@link Rules#minBytesPerSecond()}
 * averaged over every trailing {@link Rules#window()}. Unlike mod_reqtimeout the average slides: bytes sent fast
 * early buy no credit for a trickle later. Time during which the server itself stopped reading (its spool was
 * behind) is not counted against the client. Not thread-safe: fed and checked on the request's event loop.
 */
final class BodyPace {

    /** The settings, from {@code docstream.http.body-start-timeout}, {@code min-body-rate}, {@code body-rate-window}. */
    record Rules(Duration startTimeout, long minBytesPerSecond, Duration window) {
        Rules {
            if (startTimeout.isNegative() || startTimeout.isZero() || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("body-start-timeout and body-rate-window must be positive");
            }
            if (minBytesPerSecond < 0) {
                throw new IllegalArgumentException("min-body-rate must not be negative");
            }
        }
    }

    /** Why a body was refused: what the client is told in the 408's message. */
    record Breach(String reason) {}

    private record Mark(long readingNanos, long bytes) {}

    private final Rules rules;
    private final long startNanos;
    private final ArrayDeque<Mark> marks = new ArrayDeque<>();
    private long bytes;
    private long pausedNanos;
    private long pausedSince = -1;

    BodyPace(Rules rules, long nowNanos) {
        this.rules = rules;
        this.startNanos = nowNanos;
        marks.add(new Mark(0, 0));
    }

    void received(long count) {
        bytes += count;
    }

    long bytes() {
        return bytes;
    }

    /** The server stopped reading (its own writes are behind): from now on the clock stands still for the client. */
    void serverPaused(long nowNanos) {
        if (pausedSince < 0) {
            pausedSince = nowNanos;
        }
    }

    void serverResumed(long nowNanos) {
        if (pausedSince >= 0) {
            pausedNanos += nowNanos - pausedSince;
            pausedSince = -1;
        }
    }

    /**
     * Called about once a second while the body is arriving: empty while the body keeps its pace, else the
     * breach. The rate is judged over the span between now and the newest mark at least one window old.
     */
    Optional<Breach> check(long nowNanos) {
        if (pausedSince >= 0) {
            return Optional.empty();
        }
        long reading = nowNanos - startNanos - pausedNanos;
        if (bytes == 0 && reading >= rules.startTimeout().toNanos()) {
            return Optional.of(new Breach("the body did not start within "
                    + seconds(rules.startTimeout().toNanos())
                    + " s of the headers (docstream.http.body-start-timeout)"));
        }
        long windowNanos = rules.window().toNanos();
        Mark from = null;
        while (!marks.isEmpty() && reading - marks.peekFirst().readingNanos() >= windowNanos) {
            from = marks.pollFirst();
        }
        marks.add(new Mark(reading, bytes));
        if (from == null) {
            return Optional.empty();
        }
        // The newest mark a window old stays: it is the start of the next span judged.
        marks.addFirst(from);
        long span = reading - from.readingNanos();
        double rate = (bytes - from.bytes()) * 1e9 / span;
        if (rate < rules.minBytesPerSecond()) {
            return Optional.of(new Breach(String.format(
                    Locale.ROOT,
                    "the body arrived at %.0f bytes/s over the last %s s, below the minimum of %d bytes/s"
                            + " (docstream.http.min-body-rate, averaged over docstream.http.body-rate-window);"
                            + " send it at a steady pace",
                    rate,
                    seconds(span),
                    rules.minBytesPerSecond())));
        }
        return Optional.empty();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.0f", nanos / 1e9);
    }
}
