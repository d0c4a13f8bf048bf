package io.docstream.table;

import io.docstream.contract.DocType;
import io.docstream.extract.Corpus;
import io.docstream.extract.DocumentColumn;
import io.docstream.extract.DocumentExtractor;
import io.docstream.extract.Extraction;
import io.docstream.job.JobSettings;
import io.docstream.job.arrivals.Announcement;
import io.docstream.job.arrivals.ArrivalEvent;
import java.nio.file.Path;
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

    /**
     * Real documents as the job's processor makes them: each file extracted and assembled with its lineage (rows of
     * every kind of column: long texts, lists, dates, amounts); a JSON file of several records makes several rows.
     */
    public static Dataset<Row> documents(SparkSession spark, String prefix, List<Path> files, Instant ingestedAt) {
        DocumentExtractor extractor = new DocumentExtractor();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            String name = file.getFileName().toString();
            DocType type = name.endsWith(".json") ? DocType.JSON_RECORD : DocType.BULLETIN;
            byte[] bytes = Corpus.bytes(file);
            String docId = prefix + "-" + i;
            ArrivalEvent event = new ArrivalEvent(
                    docId, name, type, "file:/input/" + docId + "/" + name, bytes.length, "0".repeat(64), ingestedAt);
            Announcement announcement = new Announcement(0, 100L + i, docId, event, null);
            Extraction.Extracted extracted = (Extraction.Extracted) extractor.extract(type, name, bytes);
            for (int record = 0; record < extracted.rows().size(); record++) {
                rows.add(RowAssembler.document(
                        announcement, extracted.rows().get(record), record, "0".repeat(64), List.of(), ingestedAt));
            }
        }
        return spark.createDataFrame(rows, OutputTable.SCHEMA);
    }

    /** Commits a batch as the stream would, under the given query id, with the job's default driver commit bound. */
    public static void commit(SparkSession spark, String output, String queryId, long batchId, Dataset<Row> batch)
            throws Exception {
        commit(spark, output, queryId, batchId, batch, JobSettings.defaultDriverCommit());
    }

    /** The same through the path {@code bound} chooses: {@code new DriverCommitBound(0, 0)} is delta-spark's. */
    public static void commit(
            SparkSession spark,
            String output,
            String queryId,
            long batchId,
            Dataset<Row> batch,
            DriverCommitBound bound)
            throws Exception {
        String before = spark.sparkContext().getLocalProperty(QUERY_ID_PROPERTY);
        spark.sparkContext().setLocalProperty(QUERY_ID_PROPERTY, queryId);
        try {
            new BatchCommitter(output, bound).call(batch, batchId);
        } finally {
            spark.sparkContext().setLocalProperty(QUERY_ID_PROPERTY, before);
        }
    }

    private static void set(Object[] values, String column, Object value) {
        values[OutputTable.SCHEMA.fieldIndex(column)] = value;
    }
}
