package io.docstream.table;

import io.docstream.extract.DocumentColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The two Delta Lake tables under the output root, {@code documents/} and {@code quarantine/}, and what
 * every session that reads or writes them needs. Their columns are projections of {@link OutputTable}'s
 * batch rows, so the extraction side and the tables cannot drift apart.
 */
public final class DeltaTables {

    public static final String DOCUMENTS = OutputTable.DOCUMENTS;
    public static final String QUARANTINE = OutputTable.QUARANTINE;

    /** The documents table's partition column: the UTC date of {@code ingested_at}. */
    public static final String INGEST_DATE = "ingest_date";

    /** The documents table: the spec's columns, the Kafka coordinates, the record's index, the partition. */
    public static final List<String> DOCUMENT_TABLE_COLUMNS;

    static {
        List<String> columns = new ArrayList<>(OutputTable.DOCUMENT_COLUMNS);
        columns.add(OutputTable.RECORD_INDEX);
        columns.add(INGEST_DATE);
        DOCUMENT_TABLE_COLUMNS = List.copyOf(columns);
    }

    private DeltaTables() {}

    /** The location of {@link #DOCUMENTS} or {@link #QUARANTINE} under the output root. */
    public static String path(String output, String table) {
        if (!table.equals(DOCUMENTS) && !table.equals(QUARANTINE)) {
            throw new IllegalArgumentException("no table " + table + ": documents or quarantine");
        }
        return root(output) + "/" + table;
    }

    public static String documentsPath(String output) {
        return path(output, DOCUMENTS);
    }

    public static String quarantinePath(String output) {
        return path(output, QUARANTINE);
    }

    /** Whether a Delta table exists at {@code path} (its log has a first commit). */
    public static boolean exists(SparkSession spark, String path) {
        return io.delta.tables.DeltaTable.isDeltaTable(spark, path);
    }

    private static String root(String output) {
        return output.replaceAll("/+$", "");
    }

    /** The documents rows of a batch, in the documents table's columns. */
    public static Dataset<Row> documentRows(Dataset<Row> batch) {
        return withIngestDate(batch)
                .where(functions.col(OutputTable.KIND).equalTo(OutputTable.DOCUMENTS))
                .select(DOCUMENT_TABLE_COLUMNS.stream().map(functions::col).toArray(Column[]::new));
    }

    /** A batch's rows with the documents table's partition value: the date of {@code ingested_at}, in the session's time zone. */
    static Dataset<Row> withIngestDate(Dataset<Row> batch) {
        return batch.withColumn(INGEST_DATE, functions.to_date(functions.col(DocumentColumn.INGESTED_AT.columnName())));
    }

    /** The quarantine rows of a batch, in the quarantine table's columns. */
    public static Dataset<Row> quarantineRows(Dataset<Row> batch) {
        return batch.where(functions.col(OutputTable.KIND).equalTo(OutputTable.QUARANTINE))
                .select(OutputTable.QUARANTINE_COLUMNS.stream()
                        .map(functions::col)
                        .toArray(Column[]::new));
    }

    /**
     * The session settings Delta needs (its SQL extension and catalog, both fixed when a session starts),
     * and the commit-path settings docs/streaming-job.md measures; a value the user set is kept.
     */
    public static void configure(SparkConf conf) {
        sessionDefaults().forEach(conf::setIfMissing);
    }

    public static Map<String, String> sessionDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
        defaults.put("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
        // A snapshot's state (the list of live files) is rebuilt after every commit: a shuffle into this many
        // partitions. Spark's default of 50 tasks costs more than the whole batch for a table of this size.
        defaults.put("spark.databricks.delta.snapshotPartitions", "2");
        // Re-checks each rebuilt snapshot against the log: a second pass over the same state per commit.
        defaults.put("spark.databricks.delta.stateReconstructionValidation.enabled", "false");
        return defaults;
    }
}
