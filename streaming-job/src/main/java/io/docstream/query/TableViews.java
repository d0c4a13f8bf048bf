package io.docstream.query;

import io.docstream.table.DeltaTables;
import io.docstream.table.OutputTable;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The job's tables as users query them: {@code documents} and {@code quarantine}, each the Delta table under
 * the output root, registered in the session's catalog so that {@code VERSION AS OF} and
 * {@code TIMESTAMP AS OF} work. A Delta reader lists the files of the table's log, so files of batches that
 * never committed (a crash mid-batch leaves some) are not read.
 */
public final class TableViews {

    private TableViews() {}

    /**
     * Registers both tables. A table the job has not created yet (no batch had a quarantined document, say)
     * is an empty view with the table's columns, so that queries over both run from the first batch on.
     */
    public static void register(SparkSession spark, String output) {
        registerTable(
                spark,
                DeltaTables.DOCUMENTS,
                DeltaTables.documentsPath(output),
                DeltaTables.documentRows(emptyBatch(spark)));
        registerTable(
                spark,
                DeltaTables.QUARANTINE,
                DeltaTables.quarantinePath(output),
                DeltaTables.quarantineRows(emptyBatch(spark)));
    }

    private static void registerTable(SparkSession spark, String name, String path, Dataset<Row> whenMissing) {
        spark.sql("DROP TABLE IF EXISTS " + name);
        spark.catalog().dropTempView(name);
        if (DeltaTables.exists(spark, path)) {
            spark.sql("CREATE TABLE " + name + " USING delta LOCATION '" + path.replace("'", "\\'") + "'");
        } else {
            whenMissing.createOrReplaceTempView(name);
        }
    }

    private static Dataset<Row> emptyBatch(SparkSession spark) {
        return spark.createDataFrame(List.of(), OutputTable.SCHEMA);
    }
}
