package io.docstream.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Prometheus launcher: a real Prometheus that scrapes, loads rules, answers queries and stops by pid. */
class PrometheusServerTest {

    @TempDir
    Path dir;

    @Test
    void scrapesItsTargetsEvaluatesRulesAndStops() throws Exception {
        Path rules = dir.resolve("rules.yaml");
        Files.writeString(rules, """
                groups:
                  - name: test
                    rules:
                      - record: job:up:sum
                        expr: sum by (job) (up)
                """);
        int port = FreePort.pick();
        long pid;
        // It scrapes itself (127.0.0.1:port/metrics) and a port where nothing listens.
        try (PrometheusServer prometheus = PrometheusServer.start(
                dir.resolve("prometheus"),
                port,
                List.of(
                        new PrometheusServer.Target("self", "127.0.0.1:" + port, "/metrics"),
                        new PrometheusServer.Target("nobody", "127.0.0.1:" + FreePort.pick(), "/metrics")),
                List.of(rules),
                Duration.ofSeconds(1))) {
            pid = prometheus.pid();
            assertEquals("http://127.0.0.1:" + port, prometheus.url());
            assertEquals("rw-------", LocalServersTest.permissions(dir.resolve("prometheus/prometheus.yml")));
            awaitAnswer(prometheus, "job:up:sum{job=\"self\"}", "\"1\"");
            awaitAnswer(prometheus, "up{job=\"nobody\"}", "\"0\"");
            assertTrue(prometheus.api("/api/v1/rules").contains("job:up:sum"));
            assertTrue(prometheus.query("sum(").contains("\"status\":\"error\""), "a bad query is an error");
            assertTrue(prometheus.graphUrl(List.of("up"), "1h").startsWith(prometheus.url() + "/graph?g0.expr=up"));
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "stopped by pid");
        assertFalse(FreePort.isInUse(port));
    }

    @Test
    void aTakenPortIsAClearError() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            IllegalStateException error = assertThrows(
                    IllegalStateException.class,
                    () -> PrometheusServer.start(
                            dir.resolve("p"), taken.getLocalPort(), List.of(), List.of(), Duration.ofSeconds(1)));
            assertTrue(error.getMessage().contains("already in use"), error.getMessage());
        }
    }

    private static void awaitAnswer(PrometheusServer prometheus, String query, String expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String answer = "";
        while (System.nanoTime() < deadline) {
            answer = prometheus.query(query);
            if (answer.contains(expected)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(query + " never answered " + expected + ": " + answer);
    }
}
