package io.docstream.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The micro-batches a job ran, from the progress lines its {@code ProgressFile} listener appended (Spark's
 * {@code StreamingQueryProgress} JSON): when each started, its input rows and its phase durations.
 */
final class BatchProgress {

    /** One micro-batch. Planning is what Spark does before the sink sees a row: finding offsets or files, planning. */
    record Batch(long batchId, Instant start, long inputRows, Map<String, Long> durationsMs) {
        long totalMs() {
            return durationsMs.getOrDefault("triggerExecution", 0L);
        }

        long planningMs() {
            return durationsMs.getOrDefault("latestOffset", 0L)
                    + durationsMs.getOrDefault("getBatch", 0L)
                    + durationsMs.getOrDefault("queryPlanning", 0L);
        }

        long sinkMs() {
            return durationsMs.getOrDefault("addBatch", 0L);
        }
    }

    private static final Pattern BATCH_ID = Pattern.compile("\"batchId\":(\\d+)");
    private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":\"([^\"]+)\"");
    private static final Pattern INPUT_ROWS = Pattern.compile("\"numInputRows\":(\\d+)");
    private static final Pattern DURATIONS = Pattern.compile("\"durationMs\":\\{([^}]*)}");
    private static final Pattern ENTRY = Pattern.compile("\"(\\w+)\":(\\d+)");

    private BatchProgress() {}

    /** The batches that started in [from, to) and had input. */
    static List<Batch> read(Path file, Instant from, Instant to) {
        List<Batch> batches = new ArrayList<>();
        if (!Files.exists(file)) {
            return batches;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                Batch batch = parse(line);
                if (batch != null
                        && batch.inputRows() > 0
                        && !batch.start().isBefore(from)
                        && batch.start().isBefore(to)) {
                    batches.add(batch);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return batches;
    }

    static Batch parse(String line) {
        Matcher id = BATCH_ID.matcher(line);
        Matcher timestamp = TIMESTAMP.matcher(line);
        Matcher rows = INPUT_ROWS.matcher(line);
        Matcher durations = DURATIONS.matcher(line);
        if (!id.find() || !timestamp.find() || !rows.find() || !durations.find()) {
            return null;
        }
        Map<String, Long> durationsMs = new LinkedHashMap<>();
        Matcher entry = ENTRY.matcher(durations.group(1));
        while (entry.find()) {
            durationsMs.put(entry.group(1), Long.parseLong(entry.group(2)));
        }
        return new Batch(
                Long.parseLong(id.group(1)),
                Instant.parse(timestamp.group(1)),
                Long.parseLong(rows.group(1)),
                durationsMs);
    }
}
