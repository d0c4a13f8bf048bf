package io.docstream.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the demo shows of the job's Delta tables without starting Spark: each table's latest version, read
 * from the commit files of its {@code _delta_log} on this machine's disk (s3proxy keeps objects as files).
 */
final class DeltaTablesOnDisk {

    static final List<String> TABLES = List.of("documents", "quarantine");

    // The demo runs on the JDK alone (no Jackson on its classpath). Delta writes one action per line, the
    // action's name first; the path is the action's first string field, numRecords sits in the stats string.
    private static final Pattern PATH = Pattern.compile("\"path\":\"([^\"]+)\"");
    private static final Pattern NUM_RECORDS = Pattern.compile("\\\\\"numRecords\\\\\":(\\d+)");

    private final Path root;

    DeltaTablesOnDisk(Path root) {
        this.root = root;
    }

    /** The latest committed version of a table, or empty before its first commit. */
    OptionalLong latestVersion(String table) {
        Path log = root.resolve(table).resolve("_delta_log");
        if (!Files.isDirectory(log)) {
            return OptionalLong.empty();
        }
        try (Stream<Path> files = Files.list(log)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.matches("\\d{20}\\.json"))
                    .mapToLong(name -> Long.parseLong(name.substring(0, 20)))
                    .max();
        } catch (IOException e) {
            return OptionalLong.empty(); // the log is being written: not committed yet as far as we can tell
        }
    }

    /** Rows and data files of a table's latest snapshot, from its log: each live add action's numRecords. */
    record Snapshot(long rows, int files) {}

    Snapshot snapshot(String table) {
        Path log = root.resolve(table).resolve("_delta_log");
        java.util.Map<String, Long> live = new java.util.HashMap<>();
        try (Stream<Path> files = Files.list(log)) {
            for (Path commit : files.filter(f -> f.getFileName().toString().matches("\\d{20}\\.json"))
                    .sorted()
                    .toList()) {
                for (String line : Files.readAllLines(commit)) {
                    Matcher path = PATH.matcher(line);
                    if (line.startsWith("{\"add\":") && path.find()) {
                        Matcher records = NUM_RECORDS.matcher(line);
                        live.put(path.group(1), records.find() ? Long.parseLong(records.group(1)) : 0L);
                    } else if (line.startsWith("{\"remove\":") && path.find()) {
                        live.remove(path.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + log, e);
        }
        return new Snapshot(live.values().stream().mapToLong(Long::longValue).sum(), live.size());
    }

    boolean anyCommitted() {
        return TABLES.stream().anyMatch(table -> latestVersion(table).isPresent());
    }

    /** The Athena DDL for one table at its S3 location (Athena reads the schema from the Delta log). */
    static String athenaDdl(String database, String table, String s3Location) {
        return "CREATE EXTERNAL TABLE " + database + "." + table + "\n  LOCATION '" + s3Location + "'\n"
                + "  TBLPROPERTIES ('table_type' = 'DELTA');";
    }
}
