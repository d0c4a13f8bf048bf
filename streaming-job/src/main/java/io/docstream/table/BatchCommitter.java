package io.docstream.table;

import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.TableNotFoundException;
import io.docstream.table.CommittedBatch.DocumentOutcome;
import io.docstream.table.CommittedBatch.TableCommit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits one micro-batch to both Delta tables, exactly once. The batch is computed once (persisted: each
 * document is read and extracted once), then each table with rows gets one commit that carries Delta's idempotent
 * transaction id: appId = this streaming query's id (kept in its checkpoint), version = the batch id. A batch re-run
 * after a crash finds its version already recorded in a table's log and that table is not committed again; a table
 * the crashed attempt did not reach is committed now.
 *
 * <p>A batch within the {@link DriverCommitBound} (the usual case) is brought to the driver and committed there by
 * Delta Kernel ({@link KernelTable}): no Spark job per commit. A larger one goes through delta-spark's writer
 * ({@link SparkAppend}). Both record the same transaction ids, so either path honours the other's
 * commits. Once both tables are committed, the {@link BatchCommitListener}s are told.
 */
public final class BatchCommitter implements VoidFunction2<Dataset<Row>, Long> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(BatchCommitter.class);

    /** The local property Spark sets on a query's thread: the query id, stable across restarts. */
    static final String QUERY_ID_PROPERTY = "sql.streaming.queryId";

    private final String documentsPath;
    private final String quarantinePath;
    private final DriverCommitBound driverCommit;
    /** Driver-side only: foreachBatch runs this function on the driver, it is never shipped to executors. */
    private final transient List<BatchCommitListener> listeners;

    private transient Map<String, KernelTable> kernelTables;
    private transient Engine engine;
    private transient ExecutorService postCommitThread;

    public BatchCommitter(String output, DriverCommitBound driverCommit) {
        this(output, driverCommit, List.of());
    }

    public BatchCommitter(String output, DriverCommitBound driverCommit, List<BatchCommitListener> listeners) {
        this.documentsPath = DeltaTables.documentsPath(output);
        this.quarantinePath = DeltaTables.quarantinePath(output);
        this.driverCommit = driverCommit;
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void call(Dataset<Row> batch, Long batchId) {
        String appId = batch.sparkSession().sparkContext().getLocalProperty(QUERY_ID_PROPERTY);
        if (appId == null) {
            throw new IllegalStateException(
                    "no streaming query id on this thread: BatchCommitter runs only in foreachBatch");
        }
        RowCounter counter = RowCounter.register(batch.sparkSession());
        Dataset<Row> rows = batch.mapPartitions(counter, batch.encoder()).persist(StorageLevel.MEMORY_AND_DISK());
        try {
            // Computed here, whatever the commits do: Spark checks that every state store committed for the batch,
            // and a re-run batch whose tables are already committed would otherwise never compute it. One stage, no
            // shuffle; the rows are counted on the way.
            rows.foreachPartition((ForeachPartitionFunction<Row>) partition -> partition.forEachRemaining(row -> {}));
            BatchCounts counts = counter.counts();
            // A commit without rows would still be a commit (its transaction): skipped. Safe for exactly-once: a
            // re-run of this batch reads the same offsets and makes the same rows.
            if (counts.rows() + counts.quarantined() == 0) {
                BatchCounts.record(appId, batchId, counts);
                return;
            }
            CommittedBatch committed = driverCommit.admits(counts.rows() + counts.quarantined(), counter.bytes())
                    ? commitFromDriver(rows, appId, batchId)
                    : commitWithSpark(rows, counts, appId, batchId);
            BatchCounts.record(appId, batchId, counts);
            tell(committed);
        } finally {
            rows.unpersist(false);
        }
    }

    /** The batch's rows brought to the driver, each table committed (or created) by Kernel. */
    private CommittedBatch commitFromDriver(Dataset<Row> rows, String appId, long batchId) {
        List<Row> collected = DeltaTables.withIngestDate(rows).collectAsList();
        Map<String, List<Row>> byTable = new HashMap<>();
        for (Row row : collected) {
            String table = OutputTable.QUARANTINE.equals(row.getAs(OutputTable.KIND))
                    ? DeltaTables.QUARANTINE
                    : DeltaTables.DOCUMENTS;
            byTable.computeIfAbsent(table, t -> new ArrayList<>()).add(row);
        }
        Map<String, TableCommit> commits = new LinkedHashMap<>();
        for (String table : List.of(DeltaTables.DOCUMENTS, DeltaTables.QUARANTINE)) {
            List<Row> tableRows = byTable.getOrDefault(table, List.of());
            if (tableRows.isEmpty()) {
                continue;
            }
            if (!commits.isEmpty()) {
                CrashPoint.reach(CrashPoint.BETWEEN_TABLES);
            }
            commits.put(table, kernelTable(rows.sparkSession(), table).append(tableRows, appId, batchId));
        }
        return new CommittedBatch(appId, batchId, commits, DocumentOutcomes.of(collected));
    }

    private CommittedBatch commitWithSpark(Dataset<Row> rows, BatchCounts counts, String appId, long batchId) {
        Map<String, TableCommit> commits = new LinkedHashMap<>();
        if (counts.rows() > 0) {
            commits.put(DeltaTables.DOCUMENTS, sparkAppend(rows, DeltaTables.DOCUMENTS, appId, batchId, counts.rows()));
        }
        if (counts.quarantined() > 0) {
            commits.put(
                    DeltaTables.QUARANTINE,
                    sparkAppend(rows, DeltaTables.QUARANTINE, appId, batchId, counts.quarantined()));
        }
        List<DocumentOutcome> outcomes = listeners.isEmpty() ? List.of() : DocumentOutcomes.collect(rows);
        return new CommittedBatch(appId, batchId, commits, outcomes);
    }

    private TableCommit sparkAppend(Dataset<Row> rows, String table, String appId, long batchId, long rowCount) {
        boolean documents = table.equals(DeltaTables.DOCUMENTS);
        TableCommit commit = SparkAppend.append(
                documents ? DeltaTables.documentRows(rows) : DeltaTables.quarantineRows(rows),
                table,
                documents ? documentsPath : quarantinePath,
                appId,
                batchId,
                rowCount);
        // Kernel's snapshot of the table no longer is the latest, and the commit it missed carries this query's
        // transaction id, which Kernel would take for a concurrent attempt of its own batch: start afresh.
        synchronized (this) {
            if (kernelTables != null) {
                kernelTables.remove(table);
            }
        }
        return commit;
    }

    /**
     * Opens the existing tables with Kernel ahead of the first batch (their snapshots loaded, Kernel's classes
     * with them), so that a restarted job's first batch does not wait for it. Safe beside a running batch.
     */
    public void openTables(SparkSession spark) {
        if (driverCommit.maxRows() > 0) {
            kernelTable(spark, DeltaTables.DOCUMENTS);
            kernelTable(spark, DeltaTables.QUARANTINE);
        }
    }

    /** Kernel's writer of {@code table}; its first commit creates the table when there is none yet. */
    private synchronized KernelTable kernelTable(SparkSession spark, String table) {
        if (kernelTables == null) {
            kernelTables = new HashMap<>();
            Configuration hadoop = new Configuration(spark.sparkContext().hadoopConfiguration());
            // Kernel's Parquet writer leaves files uncompressed unless told; delta-spark writes Snappy.
            hadoop.setIfUnset("parquet.compression", "SNAPPY");
            engine = DefaultEngine.create(hadoop);
            postCommitThread = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "docstream-post-commit");
                thread.setDaemon(true);
                return thread;
            });
        }
        KernelTable kernel = kernelTables.get(table);
        if (kernel == null) {
            String path = table.equals(DeltaTables.DOCUMENTS) ? documentsPath : quarantinePath;
            try {
                kernel = KernelTable.open(
                        table,
                        path,
                        table.equals(DeltaTables.DOCUMENTS) ? DeltaTables.INGEST_DATE : null,
                        engine,
                        spark.sparkContext().hadoopConfiguration(),
                        postCommitThread);
            } catch (TableNotFoundException e) {
                kernel = KernelTable.create(
                        table,
                        path,
                        table.equals(DeltaTables.DOCUMENTS) ? DeltaTables.INGEST_DATE : null,
                        KernelSchema.of(table),
                        engine,
                        spark.sparkContext().hadoopConfiguration(),
                        postCommitThread);
            }
            kernelTables.put(table, kernel);
        }
        return kernel;
    }

    private void tell(CommittedBatch committed) {
        for (BatchCommitListener listener : listeners) {
            try {
                listener.committed(committed);
            } catch (RuntimeException e) {
                // The tables are committed; a listener's fault must not fail the batch (it would be re-run for
                // nothing).
                LOG.error(
                        "batch {}: listener {} failed",
                        committed.batchId(),
                        listener.getClass().getName(),
                        e);
            }
        }
    }
}
