package io.docstream.job;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docstream.cli.IngestReplays;
import io.docstream.cli.QuarantinedDocuments;
import io.docstream.cli.ReplayCommand;
import io.docstream.contract.ArrivalHeaders;
import io.docstream.contract.ContractSchema;
import io.docstream.contract.OutcomeHeaders;
import io.docstream.extract.Corpus;
import io.docstream.extract.PdfSamples;
import io.docstream.extract.pdf.PdfSettings;
import io.docstream.servers.ChildJvm;
import io.docstream.servers.FreePort;
import io.docstream.servers.HttpProbe;
import io.docstream.servers.SparkFlags;
import io.docstream.table.DeltaTables;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A document's whole life across both services, every process real: the ingest service (its built jar) stores
 * uploads in s3proxy and announces them on Kafka; the job (a child JVM, as {@code bin/docstream job} runs it, OCR
 * off) commits them and publishes their outcomes; the ingest service records those and answers
 * {@code GET /documents/{id}?wait=}: processed with the table version that holds the rows, or quarantined with
 * the reason. Then the job is restarted with OCR on and the scanned PDF is replayed ({@code bin/docstream replay}'s
 * code, and the endpoint): it becomes a row, once, however often the replay is asked for or announced; the
 * truncated PDF, replayed, is quarantined again; the earlier quarantine entries stay.
 */
class DocumentLifecycleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path INGEST_JAR = Path.of("..", "ingest-service", "target", "quarkus-app", "quarkus-run.jar");
    private static final String API_KEY = "lifecycle-key";
    private static final Duration OUTCOME_DEADLINE = Duration.ofMinutes(4);
    private static final String SCANNED_SOURCE = "WORKERS' COMPENSATION CLAIMS ASSISTANT 1775.pdf";

    private final TestStack stack = TestStack.get();
    private final String run = TestStack.unique("lifecycle");
    private final Path dir = stack.workDir.resolve(run);
    private final String arrivals = run + "-arrivals";
    private final String outcomes = run + "-outcomes";
    private final String input = "s3a://" + TestStack.BUCKET + "/" + run + "/incoming/";
    private final String output = "s3a://" + TestStack.BUCKET + "/" + run + "/tables";
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<ChildJvm> children = new ArrayList<>();
    private ChildJvm job;
    private int ingestPort;
    private int jobStarts;

    @AfterEach
    void stopEverything() {
        for (ChildJvm child : children) {
            child.stop(Duration.ofSeconds(30));
        }
    }

    @Test
    void uploadWaitProcessedOrQuarantinedThenReplayTheScanWithOcrOn() throws Exception {
        assertTrue(
                INGEST_JAR.toFile().isFile(),
                INGEST_JAR.toAbsolutePath() + " is missing: this test runs the built ingest service"
                        + " (mvn -B -DskipTests package -pl ingest-service -am)");
        createTopics();
        ingestPort = FreePort.pick();
        startIngest();
        startJob("off");

        byte[] bulletin = Corpus.bytes(Corpus.dir().resolve("bulletins/ADMINISTRATIVE ANALYST 1590 060118.txt"));
        byte[] records = Corpus.bytes(Corpus.dir().resolve("json/worker_compensation_claims_array.json"));
        byte[] truncated = PdfSamples.firstHalf(PdfSamples.corpusPdfBytes("PORT POLICE SERGEANT 3222.pdf"));
        byte[] scan = PdfSamples.scanned(PdfSamples.corpusPdfBytes(SCANNED_SOURCE), 200);
        String bulletinId = upload("ADMINISTRATIVE ANALYST 1590 060118.txt", "text/plain", bulletin);
        String recordsId = upload("claims.json", "application/json", records);
        String truncatedId = upload("truncated bulletin.pdf", "application/pdf", truncated);
        String scanId = upload("scanned bulletin.pdf", "application/pdf", scan);

        JsonNode processed = awaitSettled(bulletinId);
        assertEquals("processed", processed.path("status").asText(), processed.toString());
        assertEquals("documents", processed.path("outcome").path("table").asText());
        assertEquals(1, processed.path("outcome").path("rows").asLong());
        assertRowsAppearAtVersion(
                bulletinId, processed.path("outcome").path("table_version").asLong(), 1);

        JsonNode json = awaitSettled(recordsId);
        assertEquals("processed", json.path("status").asText(), json.toString());
        long recordCount = JSON.readTree(records).size();
        assertTrue(recordCount > 1, "a JSON array of records");
        assertEquals(recordCount, json.path("outcome").path("rows").asLong());
        assertRowsAppearAtVersion(
                recordsId, json.path("outcome").path("table_version").asLong(), recordCount);

        JsonNode unreadable = awaitSettled(truncatedId);
        assertEquals("quarantined", unreadable.path("status").asText(), unreadable.toString());
        assertEquals("PDF_UNREADABLE", unreadable.path("outcome").path("reason").asText());
        assertTrue(!unreadable.path("outcome").path("message").asText().isBlank());

        JsonNode scanned = awaitSettled(scanId);
        assertEquals("quarantined", scanned.path("status").asText(), scanned.toString());
        assertEquals("NO_TEXT_LAYER", scanned.path("outcome").path("reason").asText());
        assertTrue(scanned.path("outcome").path("message").asText().contains(PdfSettings.OCR_ENV));

        // The events as the job published them: valid under the contract, one per document.
        List<ConsumerRecord<String, byte[]>> published = readAll(outcomes, 4);
        for (ConsumerRecord<String, byte[]> event : published) {
            String data = new String(event.value(), StandardCharsets.UTF_8);
            assertEquals(List.of(), ContractSchema.OUTCOMES.problems(data), data);
            JsonNode node = JSON.readTree(data);
            assertEquals(
                    OutcomeHeaders.of(
                            event.key(),
                            node.get("table").asText(),
                            node.get("table_version").asLong(),
                            node.get("kafka_partition").asInt(),
                            node.get("kafka_offset").asLong(),
                            Instant.parse(node.get("committed_at").asText())),
                    headers(event));
        }
        assertEquals(
                java.util.Set.of(bulletinId, recordsId, truncatedId, scanId),
                published.stream().map(ConsumerRecord::key).collect(java.util.stream.Collectors.toSet()));

        // Tesseract is there now: the job restarts with OCR on, and the scans in quarantine are replayed.
        job.stop(Duration.ofSeconds(60));
        startJob("on");
        ByteArrayOutputStream listing = new ByteArrayOutputStream();
        QuarantinedDocuments.Selection scans =
                new QuarantinedDocuments.Selection(Optional.of("NO_TEXT_LAYER"), Optional.empty(), List.of());
        assertEquals(0, ReplayCommand.run(stack.spark, output, scans, null, new PrintStream(listing, true)));
        assertTrue(listing.toString().startsWith("1 quarantined document(s) selected"), listing.toString());
        assertTrue(listing.toString().contains(scanId) && listing.toString().contains("dry run"), listing.toString());
        ByteArrayOutputStream applied = new ByteArrayOutputStream();
        assertEquals(
                0,
                ReplayCommand.run(
                        stack.spark,
                        output,
                        scans,
                        new IngestReplays(URI.create(ingestUrl()), Optional.of(API_KEY)),
                        new PrintStream(applied, true)));
        assertTrue(applied.toString().contains("1 replayed"), applied.toString());

        // Asked again before its outcome is in: the same replay, nothing announced again.
        HttpResponse<String> again = post("/documents/" + scanId + "/replay");
        assertEquals(202, again.statusCode(), again.body());
        String replayId =
                JSON.readTree(again.body()).path("replay").path("replay_id").asText();
        assertTrue(applied.toString().contains(replayId), applied.toString());
        // And the replay announced twice (as a retrying client of the topic could): the job reads it once.
        announceAgain(scanId, replayId);

        JsonNode replayed = awaitSettled(scanId);
        assertEquals("processed", replayed.path("status").asText(), replayed.toString());
        assertEquals(1, replayed.path("outcome").path("rows").asLong());
        long replayVersion = replayed.path("outcome").path("table_version").asLong();
        assertRowsAppearAtVersion(scanId, replayVersion, 1);

        // The truncated PDF still fails: a new quarantine entry, the first kept.
        assertEquals(202, post("/documents/" + truncatedId + "/replay").statusCode());
        JsonNode stillUnreadable = awaitSettled(truncatedId);
        assertEquals("quarantined", stillUnreadable.path("status").asText(), stillUnreadable.toString());
        assertTrue(stillUnreadable.path("outcome").path("table_version").asLong()
                > unreadable.path("outcome").path("table_version").asLong());

        // A marker uploaded after the duplicate replay: once it is processed, every batch before it is committed.
        String marker = upload(
                "marker.txt",
                "text/plain",
                (new String(bulletin, StandardCharsets.UTF_8) + "\nmarker " + UUID.randomUUID())
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals("processed", awaitSettled(marker).path("status").asText());
        assertEquals(1, documentRows(scanId), "the replayed scan is one row, however often it was replayed");
        assertEquals(1, quarantineEntries(scanId), "its quarantine entry stays, as history");
        assertEquals(2, quarantineEntries(truncatedId));
        assertEquals(409, post("/documents/" + scanId + "/replay").statusCode(), "a processed document");
        ByteArrayOutputStream after = new ByteArrayOutputStream();
        ReplayCommand.run(stack.spark, output, scans, null, new PrintStream(after, true));
        assertTrue(after.toString().startsWith("0 quarantined document(s) selected"), after.toString());
    }

    private void assertRowsAppearAtVersion(String docId, long version, long rows) {
        String table = DeltaTables.documentsPath(output);
        assertEquals(rows, countAt(table, version, docId), "rows of " + docId + " at version " + version);
        if (version > 0) {
            assertEquals(0, countAt(table, version - 1, docId), "rows of " + docId + " before version " + version);
        }
    }

    private long countAt(String table, long version, String docId) {
        return stack.spark
                .read()
                .format("delta")
                .option("versionAsOf", version)
                .load(table)
                .where(functions.col("doc_id").equalTo(docId))
                .count();
    }

    private long documentRows(String docId) {
        return stack.spark
                .read()
                .format("delta")
                .load(DeltaTables.documentsPath(output))
                .where(functions.col("doc_id").equalTo(docId))
                .count();
    }

    private long quarantineEntries(String docId) {
        return stack.spark
                .read()
                .format("delta")
                .load(DeltaTables.quarantinePath(output))
                .where(functions.col("doc_id").equalTo(docId))
                .count();
    }

    /** GET ?wait= until the document leaves received: each request is held up to the service's cap. */
    private JsonNode awaitSettled(String docId) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(OUTCOME_DEADLINE).pollInterval(Duration.ofMillis(100)).until(() -> {
            HttpResponse<String> answer =
                    send(HttpRequest.newBuilder(URI.create(ingestUrl() + "/documents/" + docId + "?wait=30s"))
                            .header("X-Api-Key", API_KEY)
                            .timeout(Duration.ofSeconds(60))
                            .GET());
            assertEquals(200, answer.statusCode(), answer.body());
            last[0] = JSON.readTree(answer.body());
            return !last[0].path("status").asText().equals("received");
        });
        return last[0];
    }

    private String upload(String fileName, String contentType, byte[] bytes) throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(ingestUrl() + "/documents?filename="
                        + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20")))
                .header("X-Api-Key", API_KEY)
                .header("Content-Type", contentType)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
        assertEquals(201, answer.statusCode(), answer.body());
        return JSON.readTree(answer.body()).path("doc_id").asText();
    }

    private HttpResponse<String> post(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(ingestUrl() + path))
                .header("X-Api-Key", API_KEY)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends the replay's announcement once more, as the ingest service sent it but with a new event id. */
    private void announceAgain(String docId, String replayId) throws Exception {
        ConsumerRecord<String, byte[]> replay = readAll(arrivals, 5).stream()
                .filter(record -> replayId.equals(headers(record).get(ArrivalHeaders.REPLAY_ID)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no announcement with replay id " + replayId));
        Map<String, String> headers =
                ArrivalHeaders.replay(UUID.randomUUID().toString(), Instant.now(), docId, replayId);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka.bootstrapServers()),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> copy =
                    new ProducerRecord<>(arrivals, docId.getBytes(StandardCharsets.UTF_8), replay.value());
            headers.forEach((name, value) -> copy.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            producer.send(copy).get();
        }
    }

    private List<ConsumerRecord<String, byte[]>> readAll(String topic, int atLeast) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka.bootstrapServers()),
                new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p));
            });
            assertTrue(records.size() >= atLeast, topic + ": " + records.size() + " records");
            return records;
        }
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    private String ingestUrl() {
        return "http://127.0.0.1:" + ingestPort;
    }

    private void createTopics() {
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(arrivals, 2, (short) 1), new NewTopic(outcomes, 2, (short) 1)))
                    .all()
                    .get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the topics", e);
        }
    }

    private void startIngest() {
        List<String> args = new ArrayList<>(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"));
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("quarkus.http.host", "127.0.0.1");
        properties.put("quarkus.http.port", String.valueOf(ingestPort));
        properties.put("kafka.bootstrap.servers", stack.kafka.bootstrapServers());
        properties.put("docstream.topic", arrivals);
        properties.put("docstream.status.topic", outcomes);
        properties.put("docstream.status.group-id", run + "-status");
        properties.put("docstream.status.prefix", run + "/document-status/");
        properties.put("docstream.store.kind", "s3");
        properties.put("docstream.store.prefix", run + "/incoming/");
        properties.put("docstream.store.s3.bucket", TestStack.BUCKET);
        properties.put("docstream.store.s3.endpoint", stack.s3.endpoint());
        properties.put("docstream.store.s3.path-style", "true");
        properties.put("docstream.store.s3.region", stack.s3.region());
        properties.forEach((key, value) -> args.add("-D" + key + "=" + value));
        args.add("-jar");
        args.add(INGEST_JAR.toAbsolutePath().toString());
        Map<String, String> env = Map.of(
                "DOCSTREAM_AUTH_API_KEYS", API_KEY,
                "DOCSTREAM_STORE_S3_ACCESS_KEY_ID", stack.s3.accessKey(),
                "DOCSTREAM_STORE_S3_SECRET_ACCESS_KEY", stack.s3.secretKey());
        ChildJvm ingest = ChildJvm.start("ingest-service", args, env, dir, dir.resolve("ingest.log"));
        children.add(ingest);
        ingest.awaitReady(() -> HttpProbe.status(ingestUrl() + "/q/health/ready") == 200, Duration.ofMinutes(2));
    }

    /** The job as {@code bin/docstream job} runs it, with {@code DOCSTREAM_PDF_OCR} in its (the executors') env. */
    private void startJob(String ocr) {
        jobStarts++;
        List<String> javaArgs = new ArrayList<>(List.of("-Xmx768m", "-XX:TieredStopAtLevel=1"));
        javaArgs.addAll(SparkFlags.jvmFlags());
        Map<String, String> confs = new LinkedHashMap<>(stack.s3aConfs());
        confs.remove("spark.hadoop.fs.s3a.access.key");
        confs.remove("spark.hadoop.fs.s3a.secret.key");
        confs.put("spark.master", "local[2]");
        confs.put("spark.ui.enabled", "false");
        confs.put("spark.driver.host", "127.0.0.1");
        confs.put("spark.driver.bindAddress", "127.0.0.1");
        confs.put("spark.docstream.kafka.bootstrap", stack.kafka.bootstrapServers());
        confs.put("spark.docstream.topic", arrivals);
        confs.put("spark.docstream.outcomes.topic", outcomes);
        confs.put("spark.docstream.input", input);
        confs.put("spark.docstream.output", output);
        confs.put("spark.docstream.checkpoint", "s3a://" + TestStack.BUCKET + "/" + run + "/checkpoints");
        confs.put("spark.docstream.trigger", "1 second");
        confs.put("spark.docstream.statePartitions", "2");
        confs.put("spark.docstream.maintenanceInterval", "off");
        confs.forEach((key, value) -> javaArgs.add("-D" + key + "=" + value));
        javaArgs.add("-cp");
        javaArgs.add(TestStack.jobClasspath());
        javaArgs.add(DocumentsStream.class.getName());
        Map<String, String> env = new HashMap<>();
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("AWS_ACCESS_KEY_ID", stack.s3.accessKey());
        env.put("AWS_SECRET_ACCESS_KEY", stack.s3.secretKey());
        env.put(PdfSettings.OCR_ENV, ocr);
        // OCR of a scan on this shared 2-core machine can take longer than the default limit of 2 minutes.
        env.put(PdfSettings.TIME_LIMIT_ENV, "600000");
        job = ChildJvm.start("lifecycle-job", javaArgs, env, dir, dir.resolve("job-" + jobStarts + ".log"));
        children.add(job);
    }
}
