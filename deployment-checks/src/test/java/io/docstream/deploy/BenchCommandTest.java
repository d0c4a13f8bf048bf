package io.docstream.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `bin/docstream bench` on a short run, as the interface names it: it starts the whole pipeline and the
 * reference peer, sends the load, reads every document's commit from the tables, writes the report, the JSON
 * and the plot, ends with the summary line, and stops every process it started.
 */
class BenchCommandTest {

    private static final Pattern SUMMARY =
            Pattern.compile("bench: rate=(\\d+)/s trigger=(\\S+) sent=(\\d+) visible=(\\d+)"
                    + " lost=(\\d+) duplicated=(\\d+) visible_p50=(\\d+\\.\\d\\d)s visible_p99=(\\d+\\.\\d\\d)s"
                    + " job_cores=(\\d+\\.\\d\\d) ingest_cores=(\\d+\\.\\d\\d)");

    @TempDir
    Path scratch;

    @Test
    void aShortRunMeasuresBothPipelinesWritesItsFilesAndStopsEverything() throws Exception {
        Path results = scratch.resolve("results");
        LauncherRun bench = LauncherRun.of(
                scratch,
                "bench",
                "--rates",
                "5",
                "--seconds",
                "8",
                "--trigger",
                "1 second",
                "--store",
                "local",
                "--peer",
                "--drain-seconds",
                "240",
                "--dir",
                scratch.resolve("state").toString(),
                "--results",
                results.toString(),
                "--name",
                "short");
        String printed = bench.printed();

        List<String> lines = printed.lines().filter(line -> !line.isBlank()).toList();
        Matcher summary = SUMMARY.matcher(lines.get(lines.size() - 1));
        assertTrue(summary.matches(), "the last line is the summary line:\n" + printed);
        assertEquals("5", summary.group(1));
        assertEquals("1s", summary.group(2));
        assertEquals("40", summary.group(3), "5 docs/s for 8 s");
        assertEquals("40", summary.group(4), "every upload became visible:\n" + printed);
        assertEquals("0", summary.group(5));
        assertEquals("0", summary.group(6));
        assertTrue(Double.parseDouble(summary.group(7)) > 0
                && Double.parseDouble(summary.group(8)) >= Double.parseDouble(summary.group(7)));
        assertTrue(Double.parseDouble(summary.group(9)) > 0, "the job used CPU");
        assertTrue(Double.parseDouble(summary.group(10)) > 0, "the ingest service used CPU");

        String json = Files.readString(results.resolve("short.json"));
        assertTrue(json.contains("\"name\": \"docstream\", \"visible\": 40, \"lost\": 0, \"duplicated\": 0"), json);
        assertTrue(
                json.contains("\"name\": \"reference\", \"visible\": 40, \"lost\": 0, \"duplicated\": 0"),
                "the reference peer made the same 40 uploads visible:\n" + json);
        String markdown = Files.readString(results.resolve("short.md"));
        assertTrue(markdown.contains("| 5/s, 1s |") && markdown.contains("| reference |"), markdown);
        byte[] png = Files.readAllBytes(results.resolve("short.png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4), "a PNG plot");

        bench.assertEverythingStopped(
                4, "kafka, ingest-service, streaming-job and reference-job (local store: no s3proxy)");
    }
}
