package io.docstream.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docstream.contract.DocType;
import io.docstream.extract.Corpus;
import io.docstream.extract.DocumentExtractor;
import io.docstream.extract.Extraction;
import io.docstream.servers.ChildJvm;
import io.docstream.servers.SparkFlags;
import io.docstream.table.CrashPoint;
import io.docstream.table.DeltaLogReplay;
import io.docstream.table.DeltaTables;
import io.docstream.table.OutputTable;
import io.docstream.table.TrinoTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * The job as a separate process on S3, killed with SIGKILL (or stopping itself as SIGKILL would, at a
 * {@link CrashPoint}) in the middle of micro-batches at four different moments and restarted each time; at the
 * end the documents table holds every document exactly once and the quarantine every missing object once, none
 * lost, none duplicated, both for Spark's Delta reader and for a reader that is not Spark ({@link DeltaLogReplay}:
 * the log's add/remove actions, files read with parquet-hadoop), and for Trino over S3 ({@link TrinoTables}). A
 * reader that lists
 * the table's files instead of its log also sees the killed attempts' files: the log is what makes it exact.
 */
class CrashRecoveryTest {

    private static final int DOCUMENTS = 600;

    private final TestStack stack = TestStack.get();
    private final String run = TestStack.unique("crash");
    private final String topic = TestStack.unique("arrivals-crash");
    private final String output = "s3a://" + TestStack.BUCKET + "/tables/" + run;
    private final Path outputOnDisk = stack.s3
            .dataDir()
            .resolve("buckets")
            .resolve(TestStack.BUCKET)
            .resolve("tables")
            .resolve(run);
    private final Path documentsOnDisk = outputOnDisk.resolve(DeltaTables.DOCUMENTS);
    private final Path offsetsOnDisk = stack.s3
            .dataDir()
            .resolve("buckets")
            .resolve(TestStack.BUCKET)
            .resolve("checkpoints")
            .resolve(run)
            .resolve("documents")
            .resolve("offsets");
    private final Random random = new Random();
    private int starts;
    private final List<com.fasterxml.jackson.databind.node.ObjectNode> retries = new ArrayList<>();
    private final Set<String> missing = new java.util.HashSet<>();

    @Test
    void killedMidBatchThreeTimesTheTableEndsWithEveryDocumentExactlyOnce() throws Exception {
        Map<String, Long> expectedRows = announceCorpusDocuments();

        ChildJvm job = startJob(null);
        // 1. At a random moment once batches are flowing (the tables exist: later batches are committed by Kernel).
        await(
                () -> Files.exists(documentsOnDisk.resolve("_delta_log").resolve(String.format("%020d.json", 0))),
                Duration.ofMinutes(4),
                job);
        Thread.sleep(random.nextInt(1500));
        job.kill();

        // 2. A restarted job's first batch: its data file is written, its commit is not (the job stops itself there as
        // kill -9 would: the moment is too short to hit from outside).
        long orphansBefore = orphanFiles();
        job = startJob(CrashPoint.FILES_WRITTEN);
        assertEquals(137, job.waitFor(Duration.ofMinutes(4)), "the job did not stop at its crash point:" + job.tail());
        assertTrue(orphanFiles() > orphansBefore, "no data file was left outside the log by the crash");

        // 3. Between the two tables' commits of a batch: documents committed, quarantine not.
        try (Announcer announcer = new Announcer(stack.kafka.bootstrapServers(), topic)) {
            // Retries arriving while the job is down, of documents processed before or not yet: one row each.
            retries.forEach(announcer::announce);
        }
        job = startJob(CrashPoint.BETWEEN_TABLES);
        assertEquals(137, job.waitFor(Duration.ofMinutes(4)), "the job did not stop at its crash point:" + job.tail());

        // 4. Right after a new batch is planned (its offsets written), before its files or commit.
        job = startJob(null);
        long batches = countFiles(offsetsOnDisk);
        await(() -> countFiles(offsetsOnDisk) > batches, Duration.ofMinutes(2), job);
        Thread.sleep(random.nextInt(300));
        job.kill();

        job = startJob(null);
        long total = expectedRows.values().stream().mapToLong(Long::longValue).sum();
        try {
            await(
                    () -> documents().count() >= total && quarantineCount() >= missing.size(),
                    Duration.ofMinutes(8),
                    job);
            Thread.sleep(6000); // a few more 1 s triggers: late retries would show up as extra rows
        } finally {
            job.stop(Duration.ofSeconds(30));
        }

        Dataset<Row> documents = documents();
        assertEquals(total, documents.count(), "rows in the table");
        assertEquals(
                total,
                documents.select("doc_id", "record_index").distinct().count(),
                "distinct (doc_id, record_index)");
        Map<String, Long> actual = new HashMap<>();
        for (Row row : documents.groupBy("doc_id").count().collectAsList()) {
            actual.put(row.getString(0), row.getLong(1));
        }
        assertEquals(expectedRows, actual);
        assertEquals(missing.size(), quarantineCount(), "each announcement of a missing object quarantined once");
        assertEquals(
                missing,
                new java.util.HashSet<>(
                        new DeltaLogReplay(outputOnDisk.resolve(DeltaTables.QUARANTINE)).column("doc_id")),
                "the quarantine's doc_ids (non-Spark reader)");
        assertTrue(starts == 5);

        DeltaLogReplay replay = new DeltaLogReplay(documentsOnDisk);
        List<String> docIds = replay.column("doc_id");
        assertEquals(total, docIds.size(), "rows of the log's live files (non-Spark reader)");
        assertEquals(expectedRows, DeltaLogReplay.counts(docIds), "rows per document (non-Spark reader)");
        assertEquals(expectedRows, TrinoTables.get().rowsPerDocId(output), "rows per document (Trino)");
        long listed = replay.columnOfEveryFile("doc_id").size();
        Set<String> orphans = new java.util.HashSet<>(replay.everyParquetFile());
        orphans.removeAll(replay.liveFiles());
        System.out.printf(
                "crash test: %d rows in the table (Spark and log replay), %d rows for a reader listing the"
                        + " prefix, %d documents files and %d files of both tables left by killed attempts,"
                        + " %d committed files%n",
                total, listed, orphans.size(), orphanFiles(), replay.liveFiles().size());
        assertTrue(orphanFiles() > 0, "the crash point's attempt left its files outside the logs");
        assertEquals(
                orphans.isEmpty(),
                listed == total,
                "a reader listing the prefix sees exactly the killed attempts' rows on top of the log's: " + orphans);
    }

    /**
     * Data files of both tables that their logs do not name: those of killed attempts. Both, because the batch that
     * stops at the crash point may write only quarantine rows, or re-run a batch whose documents commit landed.
     */
    private long orphanFiles() {
        long orphans = 0;
        for (String table : List.of(DeltaTables.DOCUMENTS, DeltaTables.QUARANTINE)) {
            Path tableOnDisk = outputOnDisk.resolve(table);
            if (Files.exists(tableOnDisk.resolve("_delta_log"))) {
                DeltaLogReplay replay = new DeltaLogReplay(tableOnDisk);
                Set<String> files = new java.util.HashSet<>(replay.everyParquetFile());
                files.removeAll(replay.liveFiles());
                orphans += files.size();
            }
        }
        return orphans;
    }

    private Map<String, Long> announceCorpusDocuments() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> txt = Files.list(Corpus.dir().resolve("bulletins"));
                Stream<Path> json = Files.list(Corpus.dir().resolve("json"))) {
            files.addAll(txt.sorted().toList());
            files.addAll(json.sorted().toList());
        }
        DocumentExtractor extractor = new DocumentExtractor();
        Map<String, Long> expectedRows = new HashMap<>();
        try (Announcer announcer = new Announcer(stack.kafka.bootstrapServers(), topic)) {
            for (int i = 0; i < DOCUMENTS; i++) {
                Path file = files.get(i % files.size());
                String name = file.getFileName().toString();
                byte[] bytes = Files.readAllBytes(file);
                DocType type = DocType.fromFileName(name).orElseThrow();
                if (!(extractor.extract(type, name, bytes) instanceof Extraction.Extracted extracted)) {
                    continue;
                }
                String docId = Announcer.docId(run + "/" + i);
                String key = "incoming/" + run + "/" + docId + "/" + name;
                stack.put(TestStack.BUCKET, key, bytes);
                announcer.announce(Announcer.event(
                        docId,
                        name,
                        type.value(),
                        "s3a://" + TestStack.BUCKET + "/" + key,
                        TestStack.BUCKET,
                        key,
                        bytes));
                expectedRows.put(docId, (long) extracted.rows().size());
                if (i % 30 == 0) {
                    retries.add(Announcer.event(
                            docId,
                            name,
                            type.value(),
                            "s3a://" + TestStack.BUCKET + "/" + key,
                            TestStack.BUCKET,
                            key,
                            bytes));
                }
                if (i % 10 == 5) {
                    // An object that is not in the store: a quarantine row (SOURCE_MISSING) in most batches.
                    String missingId = Announcer.docId(run + "/missing/" + i);
                    String missingKey = "incoming/" + run + "/" + missingId + "/" + name;
                    announcer.announce(Announcer.event(
                            missingId,
                            name,
                            type.value(),
                            "s3a://" + TestStack.BUCKET + "/" + missingKey,
                            TestStack.BUCKET,
                            missingKey,
                            bytes));
                    missing.add(missingId);
                }
                if (i % 50 == 0) {
                    announcer.announce(Announcer.event(
                            docId,
                            name,
                            type.value(),
                            "s3a://" + TestStack.BUCKET + "/" + key,
                            TestStack.BUCKET,
                            key,
                            bytes)); // an immediate client retry
                }
            }
        }
        return expectedRows;
    }

    /** @param crashAt the {@link CrashPoint} where the job stops itself, or null */
    private ChildJvm startJob(String crashAt) {
        starts++;
        List<String> javaArgs = new ArrayList<>(List.of("-Xmx768m", "-XX:TieredStopAtLevel=1"));
        if (crashAt != null) {
            javaArgs.add("-D" + CrashPoint.PROPERTY + "=" + crashAt);
        }
        javaArgs.addAll(SparkFlags.jvmFlags());
        Map<String, String> confs = new HashMap<>(stack.s3aConfs());
        confs.put("spark.master", "local[2]");
        confs.put("spark.ui.enabled", "false");
        confs.put("spark.driver.host", "127.0.0.1");
        confs.put("spark.driver.bindAddress", "127.0.0.1");
        confs.put("spark.docstream.kafka.bootstrap", stack.kafka.bootstrapServers());
        confs.put("spark.docstream.topic", topic);
        confs.put("spark.docstream.input", "s3a://" + TestStack.BUCKET + "/incoming/" + run + "/");
        confs.put("spark.docstream.output", output);
        confs.put("spark.docstream.checkpoint", "s3a://" + TestStack.BUCKET + "/checkpoints/" + run);
        confs.put("spark.docstream.trigger", "1 second");
        confs.put("spark.docstream.maxOffsetsPerTrigger", "60");
        confs.put("spark.docstream.readParallelism", "4");
        confs.put("spark.docstream.statePartitions", "2");
        confs.put("spark.docstream.metrics.port", "0"); // any free port: jobs of parallel builds never collide
        confs.forEach((key, value) -> javaArgs.add("-D" + key + "=" + value));
        javaArgs.add("-cp");
        javaArgs.add(TestStack.jobClasspath());
        javaArgs.add(DocumentsStream.class.getName());
        return ChildJvm.start(
                "crash-job",
                javaArgs,
                Map.of("SPARK_LOCAL_IP", "127.0.0.1"),
                stack.workDir,
                stack.workDir.resolve(run + "-job-" + starts + ".log"));
    }

    private Dataset<Row> documents() {
        return Files.exists(documentsOnDisk.resolve("_delta_log"))
                ? stack.spark.read().format("delta").load(DeltaTables.documentsPath(output))
                : stack.spark.createDataFrame(List.of(), OutputTable.SCHEMA);
    }

    private long quarantineCount() {
        Path quarantine = outputOnDisk.resolve(DeltaTables.QUARANTINE);
        return Files.exists(quarantine.resolve("_delta_log"))
                ? stack.spark
                        .read()
                        .format("delta")
                        .load(DeltaTables.quarantinePath(output))
                        .count()
                : 0;
    }

    private static long countFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".parquet")
                            || f.getFileName().toString().matches("\\d+"))
                    .count();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0; // files come and go while the job writes
        }
    }

    private static void await(BooleanSupplier condition, Duration timeout, ChildJvm job) throws InterruptedException {
        await(condition, timeout, job, 50);
    }

    private static void await(BooleanSupplier condition, Duration timeout, ChildJvm job, long pollMs)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!job.isAlive()) {
                throw new AssertionError("the job ended by itself:" + job.tail());
            }
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(pollMs);
        }
        throw new AssertionError("not reached within " + timeout + ":" + job.tail());
    }
}
