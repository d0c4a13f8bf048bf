package io.docstream.table;

import io.delta.tables.DeltaTable;
import java.io.PrintStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;

/**
 * Keeps one Delta table healthy while the stream keeps appending: compacts small files (OPTIMIZE: a
 * commit that removes many small files and adds a few large ones, which appends never conflict with),
 * deletes files no snapshot within the retention needs (VACUUM: replaced files and files of killed
 * attempts, which were never in the log), and writes a log checkpoint so that readers replay few commits.
 */
public final class TableMaintenance {

    /** Delta's own floor: below it a reader or writer still working on an older snapshot may lose files. */
    public static final double SAFE_RETENTION_HOURS = 168;

    private final SparkSession spark;
    private final PrintStream progress;

    public TableMaintenance(SparkSession spark, PrintStream progress) {
        this.spark = spark;
        this.progress = progress;
    }

    /** What one table looked like before and after. */
    public record Outcome(
            String table,
            long rowsBefore,
            long rowsAfter,
            long filesBefore,
            long filesAfter,
            long filesVacuumed,
            long version) {}

    /**
     * @param unsafeShortRetention allow a retention below {@link #SAFE_RETENTION_HOURS} (Delta refuses it
     *                             otherwise): only when no batch or reader takes that long
     * @param countRows            count the rows before and after (a full read of the table each time; the
     *                             command line shows them, the job's hourly maintenance does not): -1 otherwise
     */
    public Outcome maintain(
            String name, String path, double retainHours, boolean unsafeShortRetention, boolean countRows) {
        DeltaTable table = DeltaTable.forPath(spark, path);
        long rowsBefore = countRows ? table.toDF().count() : -1;
        long filesBefore = liveFiles(table);
        progress.printf(
                "%s: %s%d files; compacting ...%n", name, countRows ? rowsBefore + " rows in " : "", filesBefore);
        long started = System.nanoTime();
        Row optimized = table.optimize().executeCompaction().first();
        long filesAfter = liveFiles(table);
        progress.printf(
                "%s: OPTIMIZE %d → %d files in %.1f s (%s)%n",
                name,
                filesBefore,
                filesAfter,
                seconds(started),
                optimized.getAs("metrics").toString());

        started = System.nanoTime();
        long onDiskBefore = filesOnStore(path);
        String check = "spark.databricks.delta.retentionDurationCheck.enabled";
        String checkBefore = spark.conf().get(check, "true");
        if (unsafeShortRetention) {
            spark.conf().set(check, "false");
        }
        try {
            table.vacuum(retainHours);
        } finally {
            spark.conf().set(check, checkBefore);
        }
        long vacuumed = onDiskBefore - filesOnStore(path);
        progress.printf(
                "%s: VACUUM (retain %.0f h) deleted %d files in %.1f s%n",
                name, retainHours, vacuumed, seconds(started));

        started = System.nanoTime();
        DeltaLog log = DeltaLog.forTable(spark, path);
        log.checkpoint();
        long version =
                log.update(false, scala.Option.empty(), scala.Option.empty()).version();
        progress.printf("%s: log checkpoint at version %d in %.1f s%n", name, version, seconds(started));
        long rowsAfter = countRows ? DeltaTable.forPath(spark, path).toDF().count() : -1;
        if (countRows) {
            progress.printf(
                    "%s: %d rows after (%s)%n",
                    name, rowsAfter, rowsAfter == rowsBefore ? "unchanged" : "the stream appended meanwhile");
        }
        return new Outcome(name, rowsBefore, rowsAfter, filesBefore, filesAfter, vacuumed, version);
    }

    private static long liveFiles(DeltaTable table) {
        return table.detail().first().<Long>getAs("numFiles");
    }

    /**
     * Data files under the table, in the log or not (what VACUUM can delete). The log's folder is not walked: the
     * stream writes and renames files there meanwhile.
     */
    private long filesOnStore(String path) {
        try {
            org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(path);
            return dataFilesUnder(root.getFileSystem(spark.sparkContext().hadoopConfiguration()), root);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + path, e);
        }
    }

    private static long dataFilesUnder(org.apache.hadoop.fs.FileSystem fs, org.apache.hadoop.fs.Path folder)
            throws java.io.IOException {
        long count = 0;
        for (org.apache.hadoop.fs.FileStatus entry : fs.listStatus(folder)) {
            String name = entry.getPath().getName();
            if (entry.isDirectory() && !name.equals("_delta_log")) {
                count += dataFilesUnder(fs, entry.getPath());
            } else if (entry.isFile() && name.endsWith(".parquet")) {
                count++;
            }
        }
        return count;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
