package io.docstream.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.docstream.job.TestStack;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The two tables' commit protocol: each batch commits each table once, a re-run batch commits neither again,
 * and the log stays at the protocol Athena engine v3 and Trino read (reader 1 / writer 2, no table features).
 */
class DeltaTablesTest {

    private final SparkSession spark = TestStack.get().spark;

    @Test
    void aReRunBatchCommitsNeitherTableTwice() throws Exception {
        Path root = TestStack.get().workDir.resolve(TestStack.unique("delta-once"));
        String output = root.toUri().toString();
        Instant day = Instant.parse("2026-12-01T10:00:00Z");
        TestBatches.commit(spark, output, "query-a", 0, TestBatches.batch(spark, "b0", 5, 2, day));
        // The crash case: the same batch again (same query, same batch id), e.g. after a kill before the
        // checkpoint recorded the commit. Its rows must not appear twice in either table.
        TestBatches.commit(spark, output, "query-a", 0, TestBatches.batch(spark, "b0", 5, 2, day));
        TestBatches.commit(spark, output, "query-a", 1, TestBatches.batch(spark, "b1", 3, 0, day));

        assertEquals(
                8,
                spark.read()
                        .format("delta")
                        .load(DeltaTables.documentsPath(output))
                        .count());
        assertEquals(
                2,
                spark.read()
                        .format("delta")
                        .load(DeltaTables.quarantinePath(output))
                        .count());
        DeltaLogReplay documents = new DeltaLogReplay(root.resolve("documents"));
        DeltaLogReplay quarantine = new DeltaLogReplay(root.resolve("quarantine"));
        assertEquals(2, documents.commits().size(), "one commit per batch with rows: " + documents.commits());
        assertEquals(1, quarantine.commits().size(), "batch 1 had nothing to quarantine: no empty commit");
        JsonNode txn = documents.commits().get(1).actions().stream()
                .filter(a -> a.has("txn"))
                .findFirst()
                .orElseThrow()
                .get("txn");
        assertEquals("query-a", txn.get("appId").asText());
        assertEquals(1, txn.get("version").asLong());

        // A batch with only quarantine entries: no commit on documents.
        TestBatches.commit(spark, output, "query-a", 2, TestBatches.batch(spark, "b2", 0, 1, day));
        assertEquals(2, documents.commits().size(), "no empty commit: " + documents.commits());
        assertEquals(2, quarantine.commits().size());
        assertEquals(
                3,
                spark.read()
                        .format("delta")
                        .load(DeltaTables.quarantinePath(output))
                        .count());

        // A new checkpoint is a new query id: its batch 0 is new data, not a repeat.
        TestBatches.commit(spark, output, "query-b", 0, TestBatches.batch(spark, "c0", 4, 0, day));
        assertEquals(
                12,
                spark.read()
                        .format("delta")
                        .load(DeltaTables.documentsPath(output))
                        .count());
    }

    @Test
    void theTablesKeepTheProtocolAthenaAndTrinoRead() throws Exception {
        Path root = TestStack.get().workDir.resolve(TestStack.unique("delta-protocol"));
        String output = root.toUri().toString();
        TestBatches.commit(
                spark,
                output,
                "query-p",
                0,
                TestBatches.batch(spark, "p", 3, 1, Instant.parse("2026-12-01T23:59:59Z")));
        TestBatches.commit(
                spark,
                output,
                "query-p",
                1,
                TestBatches.batch(spark, "p1", 3, 1, Instant.parse("2026-12-02T00:00:01Z")));

        for (String table : List.of("documents", "quarantine")) {
            DeltaLogReplay log = new DeltaLogReplay(root.resolve(table));
            JsonNode protocol = log.protocol();
            assertEquals(1, protocol.get("minReaderVersion").asInt(), table + " " + protocol);
            assertEquals(2, protocol.get("minWriterVersion").asInt(), table + " " + protocol);
            assertFalse(protocol.has("readerFeatures"), table + " has reader features: " + protocol);
            assertFalse(protocol.has("writerFeatures"), table + " has writer features: " + protocol);
            JsonNode configuration = log.metadata().path("configuration");
            for (String property :
                    List.of("delta.enableDeletionVectors", "delta.columnMapping.mode", "delta.checkpointPolicy")) {
                assertFalse(configuration.has(property), table + " sets " + property + ": " + configuration);
            }
        }
        JsonNode documents = new DeltaLogReplay(root.resolve("documents")).metadata();
        List<String> partitions = new ArrayList<>();
        documents.get("partitionColumns").forEach(p -> partitions.add(p.asText()));
        assertEquals(List.of(DeltaTables.INGEST_DATE), partitions);
        assertEquals(
                List.of("ingest_date=2026-12-01", "ingest_date=2026-12-02"),
                new DeltaLogReplay(root.resolve("documents"))
                        .liveFiles().stream()
                                .map(f -> f.substring(0, f.indexOf('/')))
                                .sorted()
                                .toList());
        assertTrue(new DeltaLogReplay(root.resolve("quarantine"))
                .metadata()
                .get("partitionColumns")
                .isEmpty());
        assertEquals(
                DeltaTables.DOCUMENT_TABLE_COLUMNS,
                List.of(spark.read()
                        .format("delta")
                        .load(DeltaTables.documentsPath(output))
                        .columns()));
    }
}
