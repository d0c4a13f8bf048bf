package io.docstream.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.DoublePredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus scraping the running pipeline: `bin/docstream demo` (kept running) starts it beside Kafka, the
 * ingest service and the job, scraping the ingest service's /q/metrics and the job's /metrics with the alert rules
 * loaded, before it uploads the samples. Through Prometheus' HTTP API: the job's documents counter holds every
 * uploaded document, the freshness histogram is not empty, the Kafka backlog is back to 0, and every expression of
 * the rules and of the dashboard evaluates without error. The job's endpoint serves every documented metric, and
 * `bin/docstream status` shows each table's last commit and the backlog. Ctrl-C (SIGTERM) stops everything.
 */
class MonitoringTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path scratch;

    @Test
    void prometheusScrapesTheRunningPipelineAndEveryRuleAndDashboardQueryEvaluates() throws Exception {
        Promtool.onPath("prometheus"); // a clear failure when it is missing, rather than a demo without it
        Path output = scratch.resolve("demo.out");
        Path runDir = scratch.resolve("run");
        ProcessBuilder builder = new ProcessBuilder(
                        "bash",
                        "bin/docstream",
                        "demo",
                        "--store",
                        "local",
                        "--dir",
                        scratch.resolve("state").toString())
                .directory(Repo.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("DOCSTREAM_RUN_DIR", runDir.toString());
        Process demo = builder.start();
        String printed;
        try {
            printed = awaitPrinted(demo, output, "the pipeline keeps running", Duration.ofMinutes(12));
            Matcher complete = Pattern.compile("(\\d+) of (\\d+) documents in the table or quarantine")
                    .matcher(printed);
            long documents = -1;
            while (complete.find()) {
                documents = Long.parseLong(complete.group(2));
            }
            assertTrue(documents > 0, printed);
            String jobMetrics = find(printed, "job metrics: (http://127\\.0\\.0\\.1:\\d+/metrics)");
            String prometheus =
                    find(printed, "Prometheus graph of freshness and backlog: (http://127\\.0\\.0\\.1:\\d+)/graph\\?");

            theJobServesEveryDocumentedMetricAndCountedEveryDocument(jobMetrics, documents);
            prometheusSeesTheUploadsFreshnessAndNoBacklog(prometheus, documents);
            everyRuleAndDashboardExpressionEvaluates(prometheus);
            statusShowsTheLastCommitsAndTheBacklog(runDir);
        } finally {
            demo.destroy(); // SIGTERM: the demo's Ctrl-C path
            if (!demo.waitFor(3, TimeUnit.MINUTES)) {
                demo.descendants().forEach(ProcessHandle::destroyForcibly);
                demo.destroyForcibly();
            }
        }
        new LauncherRun(Files.readString(output), runDir)
                .assertEverythingStopped(4, "kafka, ingest-service, streaming-job and prometheus");
    }

    private static void theJobServesEveryDocumentedMetricAndCountedEveryDocument(String url, long documents)
            throws Exception {
        String served = get(url);
        Set<String> missing = new TreeSet<>();
        // A metric "served once" something happened (a maintenance run) is not expected of a demo's first minutes.
        Matcher row = Pattern.compile("^\\| `([a-z_]+)` \\|(?!.*served once).*$", Pattern.MULTILINE)
                .matcher(Repo.read("docs/metrics.md"));
        while (row.find()) {
            if (!served.contains("# TYPE " + row.group(1) + " ")) {
                missing.add(row.group(1));
            }
        }
        assertEquals(Set.of(), missing, "documented metrics the running job does not serve");
        double counted = served.lines()
                .filter(line -> line.startsWith("docstream_job_documents_total{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
        assertEquals(documents, counted, 0, "the job's documents counter vs the documents the demo uploaded");
    }

    private static void prometheusSeesTheUploadsFreshnessAndNoBacklog(String prometheus, long documents)
            throws Exception {
        awaitValue(prometheus, "sum(docstream_job_documents_total)", v -> v == documents);
        awaitValue(prometheus, "sum(docstream_uploads_total{outcome=\"created\"})", v -> v == documents);
        awaitValue(prometheus, "sum(docstream_job_freshness_seconds_count)", v -> v > 0);
        awaitValue(
                prometheus,
                "histogram_quantile(0.5, sum by (le) (docstream_job_freshness_seconds_bucket))",
                v -> v > 0);
        awaitValue(prometheus, "sum(docstream_job_kafka_offsets_behind_latest)", v -> v == 0);
        awaitValue(prometheus, "count(docstream_job_kafka_offsets_behind_latest)", v -> v >= 1);
        awaitValue(prometheus, "min(up{job=~\"docstream-ingest|docstream-streaming-job\"})", v -> v == 1);
        awaitValue(prometheus, "count(up{job=~\"docstream-ingest|docstream-streaming-job\"})", v -> v == 2);
        awaitValue(prometheus, "docstream_ingest_ready", v -> v == 1);
    }

    private static void everyRuleAndDashboardExpressionEvaluates(String prometheus) throws Exception {
        List<String> expressions = new ArrayList<>(AlertRulesTest.ruleExpressions());
        expressions.addAll(AlertRulesTest.dashboardExpressions());
        List<String> failed = new ArrayList<>();
        for (String expression : expressions) {
            JsonNode answer = query(prometheus, expression);
            if (!answer.path("status").asText().equals("success")) {
                failed.add(expression + " → " + answer);
            }
        }
        assertEquals(List.of(), failed, "expressions Prometheus could not evaluate");
        // Prometheus has loaded every alert rule and evaluated each without error.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Set<String> healthy = new TreeSet<>();
        while (System.nanoTime() < deadline) {
            healthy.clear();
            for (JsonNode group : JSON.readTree(get(prometheus + "/api/v1/rules"))
                    .path("data")
                    .path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    if (rule.path("health").asText().equals("ok")) {
                        healthy.add(rule.path("name").asText());
                    }
                }
            }
            if (healthy.equals(AlertRulesTest.alertNames())) {
                return;
            }
            Thread.sleep(1000);
        }
        assertEquals(AlertRulesTest.alertNames(), healthy, "alert rules loaded and evaluated without error");
    }

    private static void statusShowsTheLastCommitsAndTheBacklog(Path runDir) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "bin/docstream", "status")
                .directory(Repo.root().toFile())
                .redirectErrorStream(true);
        builder.environment().put("DOCSTREAM_RUN_DIR", runDir.toString());
        Process status = builder.start();
        String printed = new String(status.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(status.waitFor(1, TimeUnit.MINUTES));
        assertEquals(0, status.exitValue(), printed);
        assertTrue(
                Pattern.compile("table documents +version \\d+, last commit \\d+ s ago")
                        .matcher(printed)
                        .find(),
                printed);
        assertTrue(printed.contains("job backlog: 0 Kafka records behind the end of the topic"), printed);
        assertTrue(printed.contains("streaming-job"), printed);
    }

    /** Polls an instant query until its single value satisfies the condition (scrapes come every 5 s). */
    private static void awaitValue(String prometheus, String expression, DoublePredicate condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonNode answer = null;
        while (System.nanoTime() < deadline) {
            answer = query(prometheus, expression);
            JsonNode result = answer.path("data").path("result");
            if (result.size() >= 1
                    && condition.test(Double.parseDouble(
                            result.get(0).path("value").get(1).asText()))) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError(expression + " never met its condition; last answer: " + answer);
    }

    private static JsonNode query(String prometheus, String expression) throws Exception {
        return JSON.readTree(
                get(prometheus + "/api/v1/query?query=" + URLEncoder.encode(expression, StandardCharsets.UTF_8)));
    }

    private static String get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(15))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    private static String awaitPrinted(Process demo, Path output, String marker, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String printed = Files.readString(output, StandardCharsets.UTF_8);
            if (printed.contains(marker)) {
                return printed;
            }
            if (!demo.isAlive()) {
                throw new AssertionError(
                        "the demo ended (exit " + demo.exitValue() + ") before \"" + marker + "\":\n" + printed);
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("no \"" + marker + "\" within " + timeout + ":\n" + Files.readString(output));
    }

    private static String find(String printed, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(printed);
        assertTrue(matcher.find(), "no line matching " + regex + " in:\n" + printed);
        return matcher.group(1);
    }
}
