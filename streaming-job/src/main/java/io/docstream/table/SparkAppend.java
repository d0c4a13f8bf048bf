package io.docstream.table;

import io.docstream.table.CommittedBatch.TableCommit;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A batch appended by delta-spark's writer: Spark jobs write the files from the executors. The path for batches too
 * large to bring to the driver (a backlog after an outage).
 */
final class SparkAppend {

    private static final Logger LOG = LoggerFactory.getLogger(SparkAppend.class);

    private SparkAppend() {}

    /**
     * One idempotent append ({@code txnAppId}/{@code txnVersion}), and the commit that holds the batch: this append's,
     * or an earlier attempt's (Delta skips the append then). One file per partition: the batch is already computed,
     * one writer is enough.
     */
    static TableCommit append(
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
        LOG.debug("batch {} in {} at version {} by delta-spark", batchId, path, found.version());
        return new TableCommit(table, found.version(), found.committedAt(), rowCount, found.version() <= before);
    }
}
