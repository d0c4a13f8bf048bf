package io.docstream.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Rows committed to a Delta table so far, summed from the {@code numRecords} statistics of the files its
 * commits added: cheap enough to poll every second for the live progress line and the drain.
 */
final class DeltaLogRows {

    private static final Pattern COMMIT = Pattern.compile("\\d{20}\\.json");
    private static final Pattern ADD_RECORDS = Pattern.compile("\"add\":\\{.*?numRecords\\\\?\":(\\d+)");

    private DeltaLogRows() {}

    static long committed(Path table) {
        Path log = table.resolve("_delta_log");
        if (!Files.isDirectory(log)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(log)) {
            return files.filter(file ->
                            COMMIT.matcher(file.getFileName().toString()).matches())
                    .mapToLong(DeltaLogRows::addedRows)
                    .sum();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + log, e);
        }
    }

    private static long addedRows(Path commit) {
        try {
            long rows = 0;
            for (String line : Files.readAllLines(commit)) {
                if (line.startsWith("{\"add\"") && !line.contains("\"dataChange\":false")) {
                    Matcher records = ADD_RECORDS.matcher(line);
                    if (records.find()) {
                        rows += Long.parseLong(records.group(1));
                    }
                }
            }
            return rows;
        } catch (IOException e) {
            return 0; // a commit being written right now: counted on the next poll
        }
    }
}
