package io.docstream.table;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.docstream.job.OutputTable;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits one micro-batch to both Delta tables, exactly once. The batch is computed once (persisted: each
 * document is read and extracted once), then each table gets one append that carries Delta's idempotent
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
            throw new IllegalStateException("no streaming query id on this thread: BatchCommitter runs only in foreachBatch");
        }
        Dataset<Row> rows = batch.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            BatchCounts counts = BatchCounts.of(rows.agg(
                    countWhere(col(OutputTable.KIND).equalTo(OutputTable.DOCUMENTS)),
                    countWhere(col(OutputTable.KIND).equalTo(OutputTable.QUARANTINE)),
                    countWhere(col(OutputTable.KIND).equalTo(OutputTable.QUARANTINE).or(col(OutputTable.RECORD_INDEX).equalTo(0))))
                    .first());
            // An empty table append would still be a commit (a log entry, a snapshot rebuild): skipped. Skipping is
            // safe for exactly-once: a re-run of this batch reads the same offsets and makes the same rows.
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
        var writer = rows.coalesce(1).write().format("delta").mode("append")
                .option("txnAppId", appId)
                .option("txnVersion", batchId);
        if (partitionColumn != null) {
            writer = writer.partitionBy(partitionColumn);
        }
        writer.save(path);
        LOG.debug("batch {} appended to {} (txnAppId {})", batchId, path, appId);
    }

    private static Column countWhere(Column condition) {
        return sum(when(condition, lit(1L)).otherwise(lit(0L)));
    }
}
