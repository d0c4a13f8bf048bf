package io.docstream.ingest.status;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ?wait=} of a status request: {@code 30s}, {@code 500ms}, {@code 1m}, {@code 1h} or plain seconds ({@code 30}),
 * cut to the longest wait the service holds a request.
 */
final class WaitTime {

    private static final Pattern SHAPE = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");

    private WaitTime() {}

    /** Empty when {@code given} is not a wait time; no wait when it is absent. */
    static Optional<Duration> parse(String given, Duration longest) {
        if (given == null || given.isBlank()) {
            return Optional.of(Duration.ZERO);
        }
        Matcher matcher = SHAPE.matcher(given.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration asked = switch (matcher.group(2) == null ? "s" : matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
        return Optional.of(asked.compareTo(longest) > 0 ? longest : asked);
    }

    /**
     * The longest hold: {@code maxWait}, and 5 s under the HTTP idle timeout (Vert.x closes a connection that stays
     * silent that long, request pending or not).
     */
    static Duration longest(Duration maxWait, Optional<Duration> idleTimeout) {
        Duration longest = maxWait;
        if (idleTimeout.isPresent() && !idleTimeout.get().isZero()) {
            longest = shorter(longest, idleTimeout.get().minusSeconds(5));
        }
        return longest;
    }

    private static Duration shorter(Duration a, Duration b) {
        Duration shorter = a.compareTo(b) <= 0 ? a : b;
        return shorter.isNegative() ? Duration.ZERO : shorter;
    }
}
