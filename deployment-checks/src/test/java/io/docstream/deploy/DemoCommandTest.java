package io.docstream.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command, as a newcomer types it (with --exit so it ends): the launcher starts the real
 * stack (Kafka, s3proxy, ingest service, streaming job), uploads input/ over HTTP, finds every sample in
 * the table, prints the example queries, and stops everything it started.
 */
class DemoCommandTest {

    @TempDir
    Path scratch;

    @Test
    void demoRunsThePipelineEndToEndAndLeavesNothingRunning() throws Exception {
        Path repo = Repo.root();
        Promtool.onPath("prometheus"); // the demo starts it when installed; .ci/run installs it
        LauncherRun demo = LauncherRun.of(
                scratch, "demo", "--exit", "--dir", scratch.resolve("state").toString(), "--timeout", "600");
        String printed = demo.printed();

        List<String> samples = samples(repo.resolve("input"));
        assertTrue(printed.contains(samples.size() + " of " + samples.size() + " documents in the table"), printed);
        for (String bulletin : samples.stream()
                .filter(name -> name.endsWith(".txt") || name.endsWith(".pdf"))
                .toList()) {
            assertTrue(
                    printed.contains(bulletin.replaceAll("\\s+", " ")) || printed.contains(bulletin),
                    bulletin + " is not in the printed table:\n" + printed);
        }
        assertTrue(printed.contains("avg_salary_start"), "the example queries ran:\n" + printed);
        assertTrue(
                Pattern.compile(
                                "> curl -H 'X-Api-Key: [^']+' 'http://127\\.0\\.0\\.1:\\d+/documents/[0-9a-f]{32}\\?wait=30s'\n"
                                        + "\\{.*\"status\":\"processed\",\"outcome\":\\{\"outcome\":\"row\",\"table\":\"documents\","
                                        + "\"table_version\":\\d+")
                        .matcher(printed)
                        .find(),
                "the demo shows a document's status, processed with its table version:\n" + printed);

        // The tables are Delta: the add actions of documents' _delta_log hold exactly the rows Spark reads.
        Matcher logRows = Pattern.compile("Delta table documents: version \\d+, (\\d+) rows in \\d+ files")
                .matcher(printed);
        assertTrue(logRows.find(), "the demo prints the documents table's version:\n" + printed);
        Matcher queried = Pattern.compile("> SELECT file_name, position[^\\n]*\\n(?:[|+][^\\n]*\\n)*\\((\\d+) rows?\\)")
                .matcher(printed);
        assertTrue(queried.find(), "the documents listing ends with its row count:\n" + printed);
        assertEquals(queried.group(1), logRows.group(1), "rows in the log's add actions vs rows Spark reads");
        assertTrue(Long.parseLong(logRows.group(1)) >= samples.size(), "a row for every sample at least");
        Path log = scratch.resolve("state/s3/buckets/docstream/tables/documents/_delta_log");
        assertTrue(Files.isDirectory(log), "documents is a Delta table: " + log);
        assertTrue(
                printed.contains("TBLPROPERTIES ('table_type' = 'DELTA')"), "the Athena DDL is printed:\n" + printed);

        assertTrue(
                Pattern.compile("^job metrics: http://127\\.0\\.0\\.1:\\d+/metrics$", Pattern.MULTILINE)
                        .matcher(printed)
                        .find(),
                "the job's metrics URL is printed:\n" + printed);
        demo.assertEverythingStopped(5, "s3proxy, kafka, ingest-service, streaming-job and prometheus");
    }

    private static List<String> samples(Path input) throws IOException {
        try (Stream<Path> files = Files.list(input)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".txt") || name.endsWith(".pdf") || name.endsWith(".json"))
                    .sorted()
                    .toList();
        }
    }
}
