package io.docstream.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.docstream.job.TestStack;
import io.docstream.table.DeltaTables;
import io.docstream.table.TestBatches;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** The bench's visibility clock: each row's doc_id, mapped to the table version that committed it and that commit's time. */
class CommitTimesTest {

    private final SparkSession spark = TestStack.get().spark;

    @Test
    void eachDocumentMapsToTheVersionThatCommittedItsRow() throws Exception {
        Path root = TestStack.get().workDir.resolve(TestStack.unique("commit-times"));
        String output = root.toUri().toString();
        Instant day = Instant.parse("2026-12-01T10:00:00Z");
        TestBatches.commit(spark, output, "query-c", 0, TestBatches.batch(spark, "first", 3, 0, day));
        TestBatches.commit(spark, output, "query-c", 1, TestBatches.batch(spark, "second", 2, 0, day));

        Path table = Path.of(java.net.URI.create(DeltaTables.documentsPath(output)));
        Path tsv = root.resolve("times.tsv");
        CommitTimes.main(new String[] {table.toString(), tsv.toString()});

        Map<String, String[]> byDoc = new HashMap<>();
        List<String> lines = Files.readAllLines(tsv);
        lines.forEach(line -> byDoc.put(line.split("\t")[0], line.split("\t")));
        assertEquals(5, lines.size(), "one line per row: " + lines);
        for (String doc : List.of("first-0", "first-1", "first-2")) {
            assertEquals("0", byDoc.get(doc)[1], doc + " was committed by version 0");
        }
        for (String doc : List.of("second-0", "second-1")) {
            assertEquals("1", byDoc.get(doc)[1], doc + " was committed by version 1");
        }
        long first = Long.parseLong(byDoc.get("first-0")[2]);
        long second = Long.parseLong(byDoc.get("second-0")[2]);
        assertEquals(CommitTimes.addedFiles(table).get(0).commitMillis(), first);
        assertEquals(true, second >= first, "versions commit in time order");
        assertEquals(
                true, Math.abs(System.currentTimeMillis() - second) < 600_000, "commit times are epoch milliseconds");
    }
}
