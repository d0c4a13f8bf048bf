package io.docstream.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.streaming.StreamingQueryListener;

/**
 * Appends each micro-batch's progress (Spark's own JSON: durations per phase, rows, sources) as one line to
 * the file named by {@code spark.docstream.bench.progressFile}, for {@code bin/docstream bench}. Registered
 * through {@code spark.sql.streaming.streamingQueryListeners}, so the job under test runs unchanged.
 */
public final class ProgressFile extends StreamingQueryListener {

    public static final String CONF = "spark.docstream.bench.progressFile";

    private final Path file;

    public ProgressFile(SparkConf conf) {
        this.file = Path.of(conf.get(CONF));
    }

    @Override
    public void onQueryStarted(QueryStartedEvent event) {}

    @Override
    public void onQueryProgress(QueryProgressEvent event) {
        String line = event.progress().json().replace('\n', ' ') + "\n";
        try {
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append progress to " + file, e);
        }
    }

    @Override
    public void onQueryIdle(QueryIdleEvent event) {}

    @Override
    public void onQueryTerminated(QueryTerminatedEvent event) {}
}
