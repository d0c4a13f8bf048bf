package io.docstream.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link CommitTimes} in a JVM of its own on the job's classpath (it reads Parquet, whose libraries the bench's
 * own classpath leaves out) over a table folder: for each {@code doc_id}, the commit times of the versions that
 * added its rows.
 */
final class CommitTimesReader {

    private static final String MAIN = JobAdditions.COMMIT_TIMES_MAIN;

    private final List<String> classpath;
    private final Path workDir;

    CommitTimesReader(List<String> classpath, Path workDir) {
        this.classpath = classpath;
        this.workDir = workDir;
    }

    /** doc_id → commit time (epoch ms) of each row of it in the table; empty if the table does not exist yet. */
    Map<String, List<Long>> read(Path table) throws InterruptedException {
        Map<String, List<Long>> commits = new HashMap<>();
        if (!Files.isDirectory(table.resolve("_delta_log"))) {
            return commits;
        }
        try {
            Files.createDirectories(workDir);
            Path out = Files.createTempFile(workDir, "commit-times-", ".tsv");
            Path log = workDir.resolve("commit-times.log");
            Process process = new ProcessBuilder(
                            javaCommand(),
                            "-Xmx512m",
                            "-XX:TieredStopAtLevel=1",
                            "-cp",
                            String.join(java.io.File.pathSeparator, classpath),
                            MAIN,
                            table.toString(),
                            out.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("reading commit times of " + table + " took over 5 minutes");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        "reading commit times of " + table + " failed: " + Files.readString(log));
            }
            for (String line : Files.readAllLines(out)) {
                String[] fields = line.split("\t");
                commits.computeIfAbsent(fields[0], id -> new ArrayList<>()).add(Long.parseLong(fields[2]));
            }
            Files.delete(out);
            return commits;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read commit times of " + table, e);
        }
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
