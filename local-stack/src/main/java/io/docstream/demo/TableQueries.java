package io.docstream.demo;

import io.docstream.servers.ChildJvm;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs Spark SQL over the pipeline's tables the way a user does with `bin/docstream query`, in its own
 * JVM, and returns what it printed.
 */
final class TableQueries {

    private final Artifacts artifacts;
    private final PipelineSettings settings;
    private final Path logDir;
    private final AtomicInteger runs = new AtomicInteger();

    TableQueries(Artifacts artifacts, PipelineSettings settings, Path logDir) {
        this.artifacts = artifacts;
        this.settings = settings;
        this.logDir = logDir;
    }

    String run(String sql) {
        List<String> javaArgs = new ArrayList<>(artifacts.embeddedSparkArgs(
                List.of("-Xmx512m", "-XX:TieredStopAtLevel=1"),
                settings.queryConfs(),
                "local[1]",
                Artifacts.QUERY_MAIN));
        javaArgs.add(sql);
        Path log = logDir.resolve("query-" + runs.incrementAndGet() + ".log");
        ChildJvm query = ChildJvm.start("query", javaArgs, settings.awsEnvironment(), logDir, log);
        int exit = query.waitFor(Duration.ofMinutes(3));
        if (exit == -1) {
            query.kill();
        }
        try {
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (exit != 0) {
                throw new IllegalStateException("query failed (exit " + exit + "): " + sql + query.tail());
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
