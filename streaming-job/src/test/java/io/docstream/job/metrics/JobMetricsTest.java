package io.docstream.job.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docstream.job.TestStack;
import io.docstream.table.CommittedBatch;
import io.docstream.table.CommittedBatch.DocumentOutcome;
import io.docstream.table.CommittedBatch.TableCommit;
import io.docstream.table.DeltaTables;
import io.docstream.table.MaintenanceSchedule;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The job's metrics endpoint, fed as the job feeds it (a committed batch, Spark's batch report, a stall, a
 * maintenance run) against a real Kafka broker for the backlog: what it serves, and that docs/metrics.md lists
 * exactly the families served.
 */
class JobMetricsTest {

    private static final Instant COMMITTED = Instant.parse("2026-12-07T10:00:30Z");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static String topic;
    private static JobMetrics metrics;
    private static String served;

    @BeforeAll
    static void feedTheMetricsAsTheJobDoes() throws Exception {
        TestStack stack = TestStack.get();
        topic = TestStack.unique("metrics");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        }
        Properties producerConfig = new Properties();
        producerConfig.put("bootstrap.servers", stack.kafka.bootstrapServers());
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(topic, 0, "k" + i, "v")).get();
            }
            for (int i = 0; i < 2; i++) {
                producer.send(new ProducerRecord<>(topic, 1, "k" + i, "v")).get();
            }
        }
        metrics = new JobMetrics(stack.kafka.bootstrapServers(), Map.of());
        String url = metrics.serve("127.0.0.1", 0);
        assertTrue(url.matches("http://127\\.0\\.0\\.1:\\d+/metrics"), url);

        // Spark's report of a batch that read offsets 0-2 of partition 0 and 0-1 of partition 1.
        metrics.batches()
                .batchEnded(
                        5,
                        Map.of("triggerExecution", 2_500L, "addBatch", 2_000L, "walCommit", 40L),
                        Map.of(new TopicPartition(topic, 0), 3L, new TopicPartition(topic, 1), 2L));
        metrics.batches().batchEnded(0, Map.of("triggerExecution", 3L), Map.of()); // an idle trigger
        metrics.commits().committed(batch());
        metrics.commits().committed(reRunOfTheSameBatch());
        metrics.stalls().stalled(false, true);
        metrics.maintenance()
                .ran(new MaintenanceSchedule.Run(
                        DeltaTables.DOCUMENTS, true, Duration.ofSeconds(42), COMMITTED.plusSeconds(60)));
        served = scrape(url);
    }

    @AfterAll
    static void stop() {
        if (metrics != null) {
            metrics.close();
        }
    }

    private static CommittedBatch batch() {
        return new CommittedBatch(
                "query-1",
                7,
                Map.of(
                        DeltaTables.DOCUMENTS,
                        new TableCommit(DeltaTables.DOCUMENTS, 12, COMMITTED, 4, false),
                        DeltaTables.QUARANTINE,
                        new TableCommit(DeltaTables.QUARANTINE, 3, COMMITTED.plusMillis(200), 1, false)),
                List.of(
                        document("a", 1, 0, COMMITTED.minusSeconds(4)),
                        document("b", 3, 1, COMMITTED.minusSeconds(25)),
                        new DocumentOutcome(
                                "c",
                                "c.json",
                                "s3a://b/c.json",
                                DeltaTables.QUARANTINE,
                                1,
                                "MALFORMED_JSON",
                                "bad",
                                0,
                                2,
                                COMMITTED.minusSeconds(5))));
    }

    /** The same batch after a crash: its commits are the first attempt's, nothing is counted twice. */
    private static CommittedBatch reRunOfTheSameBatch() {
        return new CommittedBatch(
                "query-1",
                7,
                Map.of(DeltaTables.DOCUMENTS, new TableCommit(DeltaTables.DOCUMENTS, 12, COMMITTED, 4, true)),
                List.of(
                        document("a", 1, 0, COMMITTED.minusSeconds(4)),
                        document("b", 3, 1, COMMITTED.minusSeconds(25))));
    }

    private static DocumentOutcome document(String docId, long rows, int partition, Instant ingestedAt) {
        return new DocumentOutcome(
                docId,
                docId + ".txt",
                "s3a://b/" + docId,
                DeltaTables.DOCUMENTS,
                rows,
                null,
                null,
                partition,
                0,
                ingestedAt);
    }

    @Test
    void documentsRowsAndQuarantineAreCountedOncePerTable() {
        assertEquals(2, value("docstream_job_documents_total{table=\"documents\"}"));
        assertEquals(1, value("docstream_job_documents_total{table=\"quarantine\"}"));
        assertEquals(4, value("docstream_job_rows_total{table=\"documents\"}"));
        assertEquals(1, value("docstream_job_quarantined_total{reason=\"MALFORMED_JSON\"}"));
        assertEquals(0, value("docstream_job_quarantined_total{reason=\"SOURCE_MISSING\"}"), "every reason from 0");
    }

    @Test
    void freshnessIsCommitTimeMinusIngestedAtPerDocument() {
        assertEquals(2, value("docstream_job_freshness_seconds_count"));
        assertEquals(29, value("docstream_job_freshness_seconds_sum"), 1e-9);
        assertEquals(1, value("docstream_job_freshness_seconds_bucket{le=\"5.0\"}"));
        assertEquals(2, value("docstream_job_freshness_seconds_bucket{le=\"30.0\"}"));
    }

    @Test
    void eachTablesLastCommitAndVersion() {
        assertEquals(
                COMMITTED.getEpochSecond(), value("docstream_job_last_commit_timestamp_seconds{table=\"documents\"}"));
        assertEquals(12, value("docstream_job_table_version{table=\"documents\"}"));
        assertEquals(3, value("docstream_job_table_version{table=\"quarantine\"}"));
    }

    @Test
    void batchesAndTheirPhasesFromSparksReport() {
        assertEquals(1, value("docstream_job_batches_total"), "the idle trigger is no batch");
        assertEquals(5, value("docstream_job_input_records_total"));
        assertEquals(2.5, value("docstream_job_batch_duration_seconds_sum{phase=\"triggerExecution\"}"), 1e-9);
        assertEquals(1, value("docstream_job_batch_duration_seconds_count{phase=\"walCommit\"}"));
    }

    @Test
    void theBacklogIsKafkasLatestOffsetMinusWhatTheJobRead() {
        assertEquals(2, value("docstream_job_kafka_offsets_behind_latest{partition=\"0\",topic=\"" + topic + "\"}"));
        assertEquals(0, value("docstream_job_kafka_offsets_behind_latest{partition=\"1\",topic=\"" + topic + "\"}"));
    }

    @Test
    void stallsByCauseAndMaintenanceRuns() {
        assertEquals(1, value("docstream_job_stalled{cause=\"store\"}"));
        assertEquals(0, value("docstream_job_stalled{cause=\"kafka\"}"));
        assertEquals(1, value("docstream_job_stalls_total{cause=\"store\"}"));
        assertEquals(1, value("docstream_job_maintenance_runs_total{outcome=\"success\",table=\"documents\"}"));
        assertEquals(0, value("docstream_job_maintenance_runs_total{outcome=\"failure\",table=\"documents\"}"));
        assertEquals(42, value("docstream_job_maintenance_duration_seconds_sum{table=\"documents\"}"), 1e-9);
    }

    @Test
    void aStallEndsWhenBatchesCompleteAgainAndCountsOncePerCause() throws IOException {
        PrometheusRegistry registry = new PrometheusRegistry();
        StallMetrics stalls = new StallMetrics(registry);
        stalls.stalled(true, false);
        stalls.stalled(true, false); // the same stall, warned again
        stalls.stalled(true, true); // the store went down too
        String during = text(registry);
        stalls.recovered();
        stalls.stalled(false, false); // a new stall, neither found down
        String after = text(registry);
        assertTrue(during.contains("docstream_job_stalled{cause=\"kafka\"} 1.0"), during);
        assertTrue(during.contains("docstream_job_stalls_total{cause=\"kafka\"} 1.0"), during);
        assertTrue(during.contains("docstream_job_stalls_total{cause=\"store\"} 1.0"), during);
        assertTrue(after.contains("docstream_job_stalled{cause=\"kafka\"} 0.0"), after);
        assertTrue(after.contains("docstream_job_stalled{cause=\"unknown\"} 1.0"), after);
        assertTrue(after.contains("docstream_job_stalls_total{cause=\"unknown\"} 1.0"), after);
    }

    private static String text(PrometheusRegistry registry) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theDocsTableListsExactlyTheFamiliesServed() throws IOException {
        Set<String> documented = documentedFamilies();
        Set<String> servedFamilies = new TreeSet<>();
        Matcher type = Pattern.compile("^# TYPE (\\S+) ", Pattern.MULTILINE).matcher(served);
        while (type.find()) {
            servedFamilies.add(type.group(1));
        }
        Set<String> servedJob = servedFamilies.stream()
                .filter(name -> name.startsWith("docstream_job_"))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> documentedJob = documented.stream()
                .filter(name -> name.startsWith("docstream_job_"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(documentedJob, servedJob, "docs/metrics.md's table vs the docstream_job_* families served");
        for (String jvm : documented) {
            assertTrue(servedFamilies.contains(jvm), jvm + " is documented but not served: " + servedFamilies);
        }
    }

    /** The metric names of docs/metrics.md's table. */
    static Set<String> documentedFamilies() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "metrics.md"));
        Set<String> names = new TreeSet<>();
        Matcher row = Pattern.compile("^\\| `([a-z_]+)` \\|", Pattern.MULTILINE).matcher(doc);
        while (row.find()) {
            names.add(row.group(1));
        }
        return names;
    }

    private static double value(String sample) {
        for (String line : served.lines().toList()) {
            if (line.startsWith(sample + " ")) {
                return Double.parseDouble(line.substring(sample.length() + 1).split(" ")[0]);
            }
        }
        throw new AssertionError(sample + " is not served:\n" + served);
    }

    private static String scrape(String url) throws IOException, InterruptedException {
        HttpResponse<String> response =
                HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return response.body();
    }
}
