package io.docstream.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docstream.job.TestStack;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/docstream maintain} on a table the way a 1 s trigger leaves it: one small file per batch, and a
 * file of a killed attempt that no commit lists. Afterwards: few files, the same rows, the orphan gone, and
 * a reader counting during the compaction always saw the whole table.
 */
class TableMaintenanceTest {

    private static final int BATCHES = 24;
    private final SparkSession spark = TestStack.get().spark;

    @Test
    void compactionBoundsTheFilesKeepsTheRowsAndVacuumRemovesOrphans() throws Exception {
        Path root = TestStack.get().workDir.resolve(TestStack.unique("maintain"));
        String output = root.toUri().toString();
        Instant day = Instant.parse("2026-12-01T10:00:00Z");
        for (int batch = 0; batch < BATCHES; batch++) {
            TestBatches.commit(
                    spark,
                    output,
                    "query-m",
                    batch,
                    TestBatches.batch(spark, "m" + batch, 3, batch % 6 == 0 ? 1 : 0, day));
        }
        DeltaLogReplay documents = new DeltaLogReplay(root.resolve("documents"));
        Set<String> committed = documents.liveFiles();
        assertEquals(BATCHES, committed.size(), "one file per batch before maintenance");
        // A killed attempt's file: written, never committed.
        Path orphan = root.resolve("documents")
                .resolve(committed.iterator().next())
                .resolveSibling("part-00000-killed-attempt.c000.snappy.parquet");
        Files.copy(root.resolve("documents").resolve(committed.iterator().next()), orphan);
        assertEquals(
                3 * BATCHES + 3,
                documents.columnOfEveryFile("doc_id").size(),
                "a prefix-listing reader counts the orphan");

        long expectedRows = 3L * BATCHES;
        List<Long> countsDuringCompaction = new CopyOnWriteArrayList<>();
        AtomicBoolean compacting = new AtomicBoolean(true);
        Thread reader = new Thread(
                () -> {
                    while (compacting.get()) {
                        countsDuringCompaction.add(spark.read()
                                .format("delta")
                                .load(DeltaTables.documentsPath(output))
                                .count());
                    }
                },
                "reader-during-optimize");
        reader.start();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        TableMaintenance.Outcome outcome;
        try {
            outcome = new TableMaintenance(spark, new PrintStream(printed, true, StandardCharsets.UTF_8))
                    .maintain("documents", DeltaTables.documentsPath(output), 0, true, true);
        } finally {
            compacting.set(false);
            reader.join();
        }

        assertEquals(BATCHES, outcome.filesBefore());
        assertEquals(1, outcome.filesAfter(), "one partition, compacted into one file");
        assertEquals(expectedRows, outcome.rowsBefore());
        assertEquals(expectedRows, outcome.rowsAfter());
        assertFalse(Files.exists(orphan), "VACUUM deleted the killed attempt's file");
        assertEquals(
                1,
                documents.everyParquetFile().size(),
                "only the compacted file is left: " + documents.everyParquetFile());
        assertEquals(expectedRows, documents.column("doc_id").size(), "the non-Spark reader after maintenance");
        assertEquals(
                expectedRows, documents.columnOfEveryFile("doc_id").size(), "and a prefix-listing reader agrees now");
        assertFalse(countsDuringCompaction.isEmpty());
        assertTrue(
                countsDuringCompaction.stream().allMatch(c -> c == expectedRows),
                "counts during OPTIMIZE: " + countsDuringCompaction);
        assertTrue(
                Files.list(root.resolve("documents/_delta_log"))
                        .anyMatch(f -> f.toString().endsWith(".checkpoint.parquet")),
                "a log checkpoint was written");
        String progress = printed.toString(StandardCharsets.UTF_8);
        assertTrue(progress.contains("OPTIMIZE " + BATCHES + " → 1 files"), progress);
        assertTrue(progress.contains("VACUUM"), progress);
    }
}
