package io.docstream.ingest.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docstream.ingest.Api;
import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The header deadline is {@code quarkus.http.idle-timeout}: Vert.x's idle timer sees whole HTTP messages only, so
 * headers sent one byte a second are silence to it, and the connection is closed when the timeout has passed since
 * it opened. Vert.x gives the service no hook before the headers are parsed: the close comes without an answer.
 */
@QuarkusTest
class HeaderDeadlineTest {

    @Test
    void headersSentAByteASecondAreCutAtTheIdleTimeout() {
        Duration deadline = DurationConverter.parseDuration(Api.config("quarkus.http.idle-timeout"));
        byte[] head = RawClient.uploadHead("slow-headers.txt", Api.KEY, 10)
                .replace("\r\n\r\n", "\r\nX-Padding: " + "p".repeat(200) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        assertTrue(head.length > deadline.toSeconds() + 30, "the headers must outlast the deadline at a byte a second");
        try (RawClient client = RawClient.connect()) {
            client.drip(head, 1, Duration.ofSeconds(1));
            RawClient.Answer answer = client.awaitAnswer(deadline.plusSeconds(20));

            System.out.printf(
                    "headers at 1 byte/s: connection closed after %d ms (idle-timeout %s)%n",
                    answer.after().toMillis(), deadline);
            assertTrue(answer.closed(), "the connection was still open after " + answer.after());
            assertTrue(
                    answer.after().compareTo(deadline.minusSeconds(1)) >= 0,
                    "closed after " + answer.after() + ", before the deadline of " + deadline
                            + ": something else cut it");
            assertTrue(
                    answer.after().compareTo(deadline.plusSeconds(5)) <= 0,
                    "closed only after " + answer.after() + ", well past the deadline of " + deadline);
            assertEquals("", answer.raw(), "Vert.x closes without an answer; if it now answers, document it");
        }
    }
}
