package io.docstream.table;

import io.docstream.extract.DocumentColumn;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/** Micro-batches as the job's processor makes them (rows of {@link OutputTable#SCHEMA}), for table tests. */
public final class TestBatches {

    static final String QUERY_ID_PROPERTY = BatchCommitter.QUERY_ID_PROPERTY;

    private TestBatches() {}

    /** {@code documents} document rows and {@code quarantined} quarantine rows, doc ids prefixed. */
    public static Dataset<Row> batch(
            SparkSession spark, String prefix, int documents, int quarantined, Instant ingestedAt) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < documents; i++) {
            Object[] values = new Object[OutputTable.SCHEMA.size()];
            set(values, DocumentColumn.DOC_ID.columnName(), prefix + "-" + i);
            set(values, DocumentColumn.FILE_NAME.columnName(), "bulletin " + i + ".txt");
            set(values, DocumentColumn.CLASSCODE.columnName(), String.valueOf(1000 + i));
            set(values, DocumentColumn.SALARY_START.columnName(), 50000.0 + i);
            set(values, DocumentColumn.INGESTED_AT.columnName(), Timestamp.from(ingestedAt));
            set(values, OutputTable.KAFKA_PARTITION, 0);
            set(values, OutputTable.KAFKA_OFFSET, (long) i);
            set(values, OutputTable.RECORD_INDEX, 0);
            set(values, OutputTable.KIND, OutputTable.DOCUMENTS);
            rows.add(RowFactory.create(values));
        }
        for (int i = 0; i < quarantined; i++) {
            Object[] values = new Object[OutputTable.SCHEMA.size()];
            set(values, DocumentColumn.DOC_ID.columnName(), prefix + "-q" + i);
            set(values, OutputTable.REASON, "EMPTY");
            set(values, OutputTable.MESSAGE, "the document is empty");
            set(values, OutputTable.KAFKA_PARTITION, 0);
            set(values, OutputTable.KAFKA_OFFSET, 1000L + i);
            set(values, OutputTable.QUARANTINED_AT, Timestamp.from(ingestedAt));
            set(values, OutputTable.KIND, OutputTable.QUARANTINE);
            rows.add(RowFactory.create(values));
        }
        return spark.createDataFrame(rows, OutputTable.SCHEMA);
    }

    /** Commits a batch as the stream would, under the given query id. */
    public static void commit(SparkSession spark, String output, String queryId, long batchId, Dataset<Row> batch)
            throws Exception {
        String before = spark.sparkContext().getLocalProperty(QUERY_ID_PROPERTY);
        spark.sparkContext().setLocalProperty(QUERY_ID_PROPERTY, queryId);
        try {
            new BatchCommitter(output).call(batch, batchId);
        } finally {
            spark.sparkContext().setLocalProperty(QUERY_ID_PROPERTY, before);
        }
    }

    private static void set(Object[] values, String column, Object value) {
        values[OutputTable.SCHEMA.fieldIndex(column)] = value;
    }
}
