package io.docstream.query;

import static org.apache.spark.sql.functions.col;

import io.docstream.job.OutputTable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The job's table as users query it: temp views {@code documents} and {@code quarantine}. Reading the
 * table's root makes Spark list files from its {@code _spark_metadata} log, so files of batches that never
 * committed (a crash mid-batch leaves some) are not read.
 */
public final class TableViews {

    private TableViews() {
    }

    public static void register(SparkSession spark, String output) {
        Dataset<Row> table = spark.read().schema(OutputTable.SCHEMA).parquet(output);
        documents(table).createOrReplaceTempView(OutputTable.DOCUMENTS);
        quarantine(table).createOrReplaceTempView(OutputTable.QUARANTINE);
    }

    public static Dataset<Row> documents(Dataset<Row> table) {
        return table.where(col(OutputTable.KIND).equalTo(OutputTable.DOCUMENTS)).select(columns(OutputTable.DOCUMENT_COLUMNS));
    }

    public static Dataset<Row> quarantine(Dataset<Row> table) {
        return table.where(col(OutputTable.KIND).equalTo(OutputTable.QUARANTINE)).select(columns(OutputTable.QUARANTINE_COLUMNS));
    }

    private static Column[] columns(java.util.List<String> names) {
        return names.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }
}
