package io.docstream.table;

import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
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

    public BatchCommitter(String output) {
        this.documentsPath = DeltaTables.documentsPath(output);
        this.quarantinePath = DeltaTables.quarantinePath(output);
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
            if (counts.rows() > 0) {
                append(DeltaTables.documentRows(rows), documentsPath, appId, batchId, DeltaTables.INGEST_DATE);
            }
            if (counts.quarantined() > 0) {
                append(DeltaTables.quarantineRows(rows), quarantinePath, appId, batchId, null);
            }
            BatchCounts.record(appId, batchId, counts);
        } finally {
            rows.unpersist(false);
        }
    }

    /** One file per table and partition per batch: the batch is already computed, one writer is enough. */
    private static void append(Dataset<Row> rows, String path, String appId, long batchId, String partitionColumn) {
        var writer = rows.coalesce(1)
                .write()
                .format("delta")
                .mode("append")
                .option("txnAppId", appId)
                .option("txnVersion", batchId);
        if (partitionColumn != null) {
            writer = writer.partitionBy(partitionColumn);
        }
        writer.save(path);
        LOG.debug("batch {} appended to {} (txnAppId {})", batchId, path, appId);
    }
}
