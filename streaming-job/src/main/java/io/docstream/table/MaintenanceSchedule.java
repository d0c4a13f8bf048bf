package io.docstream.table;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job's own table maintenance, on a driver thread beside the stream: every interval, both tables are
 * compacted, vacuumed (with Delta's safe retention) and checkpointed. In the driver because on S3 Delta
 * serialises commits only within one JVM (S3SingleDriverLogStore): a maintenance process of its own would
 * be a second writer that could overwrite a commit of the stream. Compaction and the stream's appends do
 * not conflict (appends only add files), so the stream keeps committing meanwhile.
 */
public final class MaintenanceSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceSchedule.class);

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread t = new Thread(runnable, "docstream-table-maintenance");
        t.setDaemon(true);
        return t;
    });

    /** One table's maintenance run: whether it succeeded, how long it took, when it ended. */
    public record Run(String table, boolean succeeded, Duration took, Instant endedAt) {}

    private final Consumer<Run> runs;

    private MaintenanceSchedule(Consumer<Run> runs) {
        this.runs = runs;
    }

    /** @param runs told of every table's run (the job's metrics) */
    public static MaintenanceSchedule start(SparkSession spark, String output, long intervalMs, Consumer<Run> runs) {
        MaintenanceSchedule schedule = new MaintenanceSchedule(runs);
        schedule.thread.scheduleWithFixedDelay(
                () -> schedule.runOnce(spark, output), intervalMs, intervalMs, TimeUnit.MILLISECONDS);
        return schedule;
    }

    private void runOnce(SparkSession spark, String output) {
        TableMaintenance maintenance = new TableMaintenance(spark, new PrintStream(new LogLines(), true));
        for (String table : List.of(DeltaTables.DOCUMENTS, DeltaTables.QUARANTINE)) {
            String path = DeltaTables.path(output, table);
            long started = System.nanoTime();
            try {
                if (DeltaTables.exists(spark, path)) {
                    maintenance.maintain(table, path, TableMaintenance.SAFE_RETENTION_HOURS, false, false);
                    runs.accept(new Run(table, true, Duration.ofNanos(System.nanoTime() - started), Instant.now()));
                }
            } catch (RuntimeException e) {
                runs.accept(new Run(table, false, Duration.ofNanos(System.nanoTime() - started), Instant.now()));
                // The next run retries; the stream is not affected by a failed compaction (nothing committed).
                LOG.warn("table maintenance of {} failed; retried at the next interval", path, e);
            }
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }

    /** Maintenance progress as log lines of this class. */
    private static final class LogLines extends java.io.OutputStream {
        private final StringBuilder line = new StringBuilder();

        @Override
        public void write(int b) {
            if (b == '\n') {
                LOG.info(line.toString());
                line.setLength(0);
            } else {
                line.append((char) b);
            }
        }
    }
}
