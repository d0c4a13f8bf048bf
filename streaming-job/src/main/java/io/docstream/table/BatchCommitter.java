package io.docstream.table;

import io.docstream.table.CommittedBatch.TableCommit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits one micro-batch to both Delta tables, exactly once. The batch is computed once (persisted: each
 * document is read and extracted once), then each table with rows gets one append that carries Delta's idempotent
 * transaction id: {@code txnAppId} = this streaming query's id (kept in its checkpoint), {@code txnVersion}
 * = the batch id. A batch re-run after a crash finds its version already recorded in a table's log and
 * Delta skips that append, so neither table is committed twice; a table the crashed attempt did not reach
 * is committed now.
 */
public final class BatchCommitter implements VoidFunction2<Dataset<Row>, Long> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(BatchCommitter.class);

    /** The local property Spark sets on a query's thread: the query id, stable across restarts. */
    static final String QUERY_ID_PROPERTY = "sql.streaming.queryId";

    private final String documentsPath;
    private final String quarantinePath;
    /** Driver-side only: foreachBatch runs this function on the driver, it is never shipped to executors. */
    private final transient List<BatchCommitListener> listeners;

    public BatchCommitter(String output) {
        this(output, List.of());
    }

    public BatchCommitter(String output, List<BatchCommitListener> listeners) {
        this.documentsPath = DeltaTables.documentsPath(output);
        this.quarantinePath = DeltaTables.quarantinePath(output);
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
            // Computed here, whatever the appends do: Spark checks that every state store committed for the batch,
            // and a re-run batch whose appends Delta skips would otherwise never compute it. One stage, no shuffle;
            // the rows are counted on the way.
            rows.foreachPartition((ForeachPartitionFunction<Row>) partition -> partition.forEachRemaining(row -> {}));
            BatchCounts counts = counter.counts();
            // An append without rows would still be a commit (its transaction): skipped. Safe for exactly-once: a
            // re-run of this batch reads the same offsets and makes the same rows.
            Map<String, TableCommit> commits = new LinkedHashMap<>();
            if (counts.rows() > 0) {
                commits.put(
                        DeltaTables.DOCUMENTS,
                        append(
                                DeltaTables.documentRows(rows),
                                DeltaTables.DOCUMENTS,
                                documentsPath,
                                appId,
                                batchId,
                                counts.rows()));
            }
            if (counts.quarantined() > 0) {
                commits.put(
                        DeltaTables.QUARANTINE,
                        append(
                                DeltaTables.quarantineRows(rows),
                                DeltaTables.QUARANTINE,
                                quarantinePath,
                                appId,
                                batchId,
                                counts.quarantined()));
            }
            BatchCounts.record(appId, batchId, counts);
            if (!listeners.isEmpty() && !commits.isEmpty()) {
                tell(new CommittedBatch(appId, batchId, commits, DocumentOutcomes.collect(rows)));
            }
        } finally {
            rows.unpersist(false);
        }
    }

    /**
     * One idempotent append, and the commit that holds the batch in {@code path}: this append's, or an earlier
     * attempt's (Delta skips the append then). One file per partition: the batch is already computed, one writer
     * is enough.
     */
    private static TableCommit append(
            Dataset<Row> tableRows, String table, String path, String appId, long batchId, long rowCount) {
        SparkSession spark = tableRows.sparkSession();
        long before = DeltaTables.exists(spark, path)
                ? DeltaLog.forTable(spark, path)
                        .update(false, scala.Option.empty(), scala.Option.empty())
                        .version()
                : -1;
        var writer = tableRows
                .coalesce(1)
                .write()
                .format("delta")
                .mode("append")
                .option("txnAppId", appId)
                .option("txnVersion", batchId);
        if (table.equals(DeltaTables.DOCUMENTS)) {
            writer = writer.partitionBy(DeltaTables.INGEST_DATE);
        }
        writer.save(path);
        long latest = DeltaLog.forTable(spark, path).unsafeVolatileSnapshot().version();
        TransactionCommits.Found found = TransactionCommits.find(
                        spark.sparkContext().hadoopConfiguration(), path, latest, appId, batchId)
                .orElseThrow(() -> new IllegalStateException(
                        "batch " + batchId + " of " + appId + " is not among the last commits of " + path));
        LOG.debug("batch {} in {} at version {} (txnAppId {})", batchId, path, found.version(), appId);
        return new TableCommit(table, found.version(), found.committedAt(), rowCount, found.version() <= before);
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
