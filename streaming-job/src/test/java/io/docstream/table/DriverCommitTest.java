package io.docstream.table;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docstream.extract.Corpus;
import io.docstream.job.JobSettings;
import io.docstream.job.TestStack;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Batches committed from the driver by Delta Kernel ({@link KernelTable}) against the same batches written by
 * delta-spark: the same table for every reader, the same exactly-once transaction ids, Kernel's post-commit work done,
 * and compaction beside it losing or doubling nothing.
 */
class DriverCommitTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DriverCommitBound SPARK_ONLY = new DriverCommitBound(0, 0);

    private final SparkSession spark = TestStack.get().spark;

    @Test
    void aBatchCommittedByKernelMakesTheSameTableAsDeltaSpark() throws Exception {
        Path kernelRoot = TestStack.get().workDir.resolve(TestStack.unique("kernel"));
        Path sparkRoot = TestStack.get().workDir.resolve(TestStack.unique("spark"));
        Instant day1 = Instant.parse("2026-12-01T23:59:00Z");
        Instant day2 = Instant.parse("2026-12-02T00:01:00Z");
        // Batch 0 creates both tables (delta-spark, as the job's first batch does); batches 1 and 2 go each way.
        for (Path root : List.of(kernelRoot, sparkRoot)) {
            TestBatches.commit(
                    spark, root.toUri().toString(), "q", 0, TestBatches.batch(spark, "b0", 2, 1, day1), SPARK_ONLY);
        }
        List<Path> files = realDocuments();
        Dataset<Row> batch1 =
                TestBatches.documents(spark, "b1", files, day1).union(TestBatches.batch(spark, "b1", 0, 2, day1));
        Dataset<Row> batch2 = TestBatches.documents(spark, "b2", files.subList(0, 3), day2);
        for (long batchId = 1; batchId <= 2; batchId++) {
            Dataset<Row> batch = batchId == 1 ? batch1 : batch2;
            TestBatches.commit(
                    spark, kernelRoot.toUri().toString(), "q", batchId, batch, JobSettings.defaultDriverCommit());
            TestBatches.commit(spark, sparkRoot.toUri().toString(), "q", batchId, batch, SPARK_ONLY);
        }

        for (String table : List.of(DeltaTables.DOCUMENTS, DeltaTables.QUARANTINE)) {
            DeltaLogReplay byKernel = new DeltaLogReplay(kernelRoot.resolve(table));
            DeltaLogReplay bySpark = new DeltaLogReplay(sparkRoot.resolve(table));
            assertTrue(
                    byKernel.commits().get(1).actions().stream()
                            .anyMatch(a -> a.path("commitInfo")
                                    .path("engineInfo")
                                    .asText()
                                    .contains("docstream-job")),
                    table + ": batch 1 was not committed by Kernel: "
                            + byKernel.commits().get(1).actions());
            assertEquals(bySpark.protocol(), byKernel.protocol(), table + " protocol");
            assertEquals(
                    bySpark.metadata().get("schemaString"), byKernel.metadata().get("schemaString"), table);
            assertEquals(sorted(read(sparkRoot, table)), sorted(read(kernelRoot, table)), table + " rows");
            assertEquals(partitionValues(bySpark), partitionValues(byKernel), table + " partition values");
            for (JsonNode add : addActions(byKernel)) {
                JsonNode stats = JSON.readTree(add.get("stats").asText());
                assertTrue(stats.get("numRecords").asLong() > 0, "stats of " + add);
                assertTrue(
                        stats.has("minValues") && stats.has("maxValues") && stats.has("nullCount"), "stats of " + add);
                stats.get("maxValues")
                        .properties()
                        .forEach(value -> assertTrue(
                                !value.getValue().isTextual()
                                        || value.getValue()
                                                        .asText()
                                                        .codePointCount(
                                                                0,
                                                                value.getValue()
                                                                        .asText()
                                                                        .length())
                                                <= StatisticsPrefixes.PREFIX_LENGTH + 1,
                                "a string statistic longer than its prefix: " + value));
                assertTrue(
                        add.get("path").asText().endsWith(".snappy.parquet")
                                || isSnappy(kernelRoot.resolve(table), add),
                        "Kernel's files are compressed as delta-spark's: " + add.get("path"));
            }
        }
        assertEquals(
                List.of("ingest_date=2026-12-01", "ingest_date=2026-12-02"),
                new DeltaLogReplay(kernelRoot.resolve(DeltaTables.DOCUMENTS))
                        .liveFiles().stream()
                                .map(f -> f.substring(0, f.indexOf('/')))
                                .distinct()
                                .sorted()
                                .toList());
    }

    @Test
    void aTableCreatedByKernelIsTheTableDeltaSparkCreates() throws Exception {
        Path kernelRoot = TestStack.get().workDir.resolve(TestStack.unique("kernel-create"));
        Path sparkRoot = TestStack.get().workDir.resolve(TestStack.unique("spark-create"));
        Dataset<Row> batch = TestBatches.documents(
                        spark, "n0", realDocuments().subList(0, 2), Instant.parse("2026-12-01T10:00:00Z"))
                .union(TestBatches.batch(spark, "n0", 0, 1, Instant.parse("2026-12-01T10:00:00Z")));
        TestBatches.commit(spark, kernelRoot.toUri().toString(), "q", 0, batch, JobSettings.defaultDriverCommit());
        TestBatches.commit(spark, sparkRoot.toUri().toString(), "q", 0, batch, SPARK_ONLY);
        for (String table : List.of(DeltaTables.DOCUMENTS, DeltaTables.QUARANTINE)) {
            DeltaLogReplay byKernel = new DeltaLogReplay(kernelRoot.resolve(table));
            DeltaLogReplay bySpark = new DeltaLogReplay(sparkRoot.resolve(table));
            assertEquals(bySpark.protocol(), byKernel.protocol(), table + " protocol");
            assertEquals(
                    bySpark.metadata().get("schemaString"), byKernel.metadata().get("schemaString"), table);
            assertEquals(
                    bySpark.metadata().get("partitionColumns"),
                    byKernel.metadata().get("partitionColumns"),
                    table);
            assertEquals(sorted(read(sparkRoot, table)), sorted(read(kernelRoot, table)), table + " rows");
            assertTrue(
                    byKernel.commits().get(0).actions().stream()
                            .anyMatch(a -> a.path("txn").path("appId").asText().equals("q")),
                    table + ": the creating commit carries the batch's transaction id");
        }
        // The same batch again (a re-run after a crash): recorded at creation, not committed twice.
        TestBatches.commit(spark, kernelRoot.toUri().toString(), "q", 0, batch, JobSettings.defaultDriverCommit());
        assertEquals(2, read(kernelRoot, DeltaTables.DOCUMENTS).size());
        assertEquals(
                1,
                new DeltaLogReplay(kernelRoot.resolve(DeltaTables.DOCUMENTS))
                        .commits()
                        .size());
    }

    @Test
    void aReRunBatchIsToldTheVersionsItsFirstAttemptCommitted() throws Exception {
        Path root = TestStack.get().workDir.resolve(TestStack.unique("kernel-rerun"));
        String output = root.toUri().toString();
        Instant day = Instant.parse("2026-12-01T10:00:00Z");
        TestBatches.commit(spark, output, "q", 0, TestBatches.batch(spark, "b0", 1, 1, day), SPARK_ONLY);
        List<CommittedBatch> told = new ArrayList<>();
        BatchCommitter committer = new BatchCommitter(output, JobSettings.defaultDriverCommit(), List.of(told::add));
        Dataset<Row> batch1 = TestBatches.batch(spark, "b1", 4, 1, day);
        commit(committer, 1, batch1);
        commit(committer, 1, batch1); // the crash case: the same batch again after its commits
        // A fresh committer (a new process) finds the earlier commit in the log, not in memory.
        commit(new BatchCommitter(output, JobSettings.defaultDriverCommit(), List.of(told::add)), 1, batch1);

        assertEquals(5, read(root, DeltaTables.DOCUMENTS).size());
        assertEquals(2, read(root, DeltaTables.QUARANTINE).size());
        assertEquals(3, told.size());
        CommittedBatch first = told.get(0);
        assertFalse(first.tables().get(DeltaTables.DOCUMENTS).reRun());
        assertEquals(1, first.tables().get(DeltaTables.DOCUMENTS).version());
        for (CommittedBatch again : told.subList(1, 3)) {
            for (String table : List.of(DeltaTables.DOCUMENTS, DeltaTables.QUARANTINE)) {
                assertTrue(again.tables().get(table).reRun(), table + " " + again);
                assertEquals(
                        first.tables().get(table).version(),
                        again.tables().get(table).version(),
                        table);
            }
            assertEquals(first.documents(), again.documents());
        }
        assertEquals(5, first.documents().size());
        assertEquals(
                1,
                first.documents().stream()
                        .filter(CommittedBatch.DocumentOutcome::quarantined)
                        .count());
    }

    @Test
    void kernelWritesTheCheckpointAtTheTablesInterval() throws Exception {
        Path root = TestStack.get().workDir.resolve(TestStack.unique("kernel-checkpoint"));
        String output = root.toUri().toString();
        Instant day = Instant.parse("2026-12-01T10:00:00Z");
        BatchCommitter committer = new BatchCommitter(output, JobSettings.defaultDriverCommit());
        for (long batchId = 0; batchId <= 11; batchId++) {
            commit(committer, batchId, TestBatches.batch(spark, "c" + batchId, 2, 0, day));
        }
        Path log = root.resolve(DeltaTables.DOCUMENTS).resolve("_delta_log");
        // Versions 0 (the table's creation) to 11 are Kernel's; delta.checkpointInterval is 10.
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Files.exists(log.resolve(String.format("%020d.checkpoint.parquet", 10))));
        assertTrue(Files.exists(log.resolve("_last_checkpoint")));
        assertEquals(24, read(root, DeltaTables.DOCUMENTS).size());
    }

    @Test
    void compactionBesideKernelCommitsLosesAndDoublesNothing() throws Exception {
        Path root = TestStack.get().workDir.resolve(TestStack.unique("kernel-optimize"));
        String output = root.toUri().toString();
        Instant day = Instant.parse("2026-12-01T10:00:00Z");
        BatchCommitter committer = new BatchCommitter(output, JobSettings.defaultDriverCommit());
        commit(committer, 0, TestBatches.batch(spark, "o0", 5, 1, day));
        int batches = 20;
        TableMaintenance maintenance = new TableMaintenance(spark, new PrintStream(OutputStream.nullOutputStream()));
        CompletableFuture<Void> compactions = CompletableFuture.runAsync(() -> {
            for (int run = 0; run < 3; run++) {
                maintenance.maintain(
                        DeltaTables.DOCUMENTS,
                        DeltaTables.documentsPath(output),
                        TableMaintenance.SAFE_RETENTION_HOURS,
                        false,
                        false);
            }
        });
        for (long batchId = 1; batchId <= batches; batchId++) {
            commit(committer, batchId, TestBatches.batch(spark, "o" + batchId, 5, 1, day));
        }
        compactions.join();
        List<Row> documents = read(root, DeltaTables.DOCUMENTS);
        assertEquals(5 * (batches + 1), documents.size());
        assertEquals(
                5L * (batches + 1),
                documents.stream().map(r -> r.getAs("doc_id")).distinct().count());
        DeltaLogReplay log = new DeltaLogReplay(root.resolve(DeltaTables.DOCUMENTS));
        assertTrue(
                log.commits().stream()
                        .anyMatch(c -> c.actions().stream()
                                .anyMatch(a -> a.path("commitInfo")
                                        .path("operation")
                                        .asText()
                                        .equals("OPTIMIZE"))),
                "no compaction ran beside the commits");
        assertEquals(documents.size(), log.column("doc_id").size(), "the log's live files hold the same rows");
    }

    private void commit(BatchCommitter committer, long batchId, Dataset<Row> batch) throws Exception {
        String before = spark.sparkContext().getLocalProperty(TestBatches.QUERY_ID_PROPERTY);
        spark.sparkContext().setLocalProperty(TestBatches.QUERY_ID_PROPERTY, "q");
        try {
            committer.call(batch, batchId);
        } finally {
            spark.sparkContext().setLocalProperty(TestBatches.QUERY_ID_PROPERTY, before);
        }
    }

    private List<Row> read(Path root, String table) {
        return spark.read()
                .format("delta")
                .load(root.resolve(table).toUri().toString())
                .collectAsList();
    }

    private static List<String> sorted(List<Row> rows) {
        return rows.stream().map(Row::toString).sorted().toList();
    }

    private static List<String> partitionValues(DeltaLogReplay log) {
        return addActions(log).stream()
                .map(add -> add.get("partitionValues").toString())
                .distinct()
                .sorted()
                .toList();
    }

    private static List<JsonNode> addActions(DeltaLogReplay log) {
        List<JsonNode> adds = new ArrayList<>();
        log.commits()
                .forEach(c -> c.actions().stream().filter(a -> a.has("add")).forEach(a -> adds.add(a.get("add"))));
        return adds;
    }

    private static boolean isSnappy(Path table, JsonNode add) {
        try (var reader = org.apache.parquet.hadoop.ParquetFileReader.open(
                new org.apache.parquet.io.LocalInputFile(table.resolve(java.net.URLDecoder.decode(
                        add.get("path").asText(), java.nio.charset.StandardCharsets.UTF_8))))) {
            return reader.getFooter().getBlocks().stream()
                    .flatMap(b -> b.getColumns().stream())
                    .allMatch(c -> c.getCodec() == org.apache.parquet.hadoop.metadata.CompressionCodecName.SNAPPY);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A few real bulletins and a JSON file of several records. */
    private static List<Path> realDocuments() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> bulletins = Files.list(Corpus.dir().resolve("bulletins"))) {
            bulletins
                    .filter(f -> f.toString().endsWith(".txt"))
                    .sorted(Comparator.naturalOrder())
                    .limit(6)
                    .forEach(files::add);
        }
        try (Stream<Path> json = Files.list(Corpus.dir().resolve("json"))) {
            json.filter(f -> f.getFileName().toString().contains("array"))
                    .sorted()
                    .limit(1)
                    .forEach(files::add);
        }
        return files;
    }
}
