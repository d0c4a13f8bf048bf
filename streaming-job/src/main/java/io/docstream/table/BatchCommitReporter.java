package io.docstream.table;

import io.docstream.extract.DocumentColumn;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits each micro-batch with {@link BatchCommitter}, then tells the {@link BatchCommitListener}s what it
 * committed. A bridge until the committer tells its listeners itself (issue 19): the batch is kept (persisted) so
 * that the committer's pass and this one read each document once; one summary row per document comes back to the
 * driver (rows counted on the executors), and each table's version and commit time are those of the snapshot
 * delta-spark holds after the append (no read of the log). A table whose version did not move although the batch
 * had rows for it was committed by an earlier attempt of the batch: a re-run.
 */
public final class BatchCommitReporter implements VoidFunction2<Dataset<Row>, Long> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(BatchCommitReporter.class);

    private final BatchCommitter committer;
    private final String output;
    private final List<BatchCommitListener> listeners;

    public BatchCommitReporter(String output, List<BatchCommitListener> listeners) {
        this.committer = new BatchCommitter(output);
        this.output = output;
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void call(Dataset<Row> batch, Long batchId) {
        if (listeners.isEmpty()) {
            committer.call(batch, batchId);
            return;
        }
        SparkSession spark = batch.sparkSession();
        String queryId = spark.sparkContext().getLocalProperty(BatchCommitter.QUERY_ID_PROPERTY);
        Map<String, Long> versionsBefore = new LinkedHashMap<>();
        for (String table : List.of(DeltaTables.DOCUMENTS, DeltaTables.QUARANTINE)) {
            versionsBefore.put(table, snapshot(spark, table).version());
        }
        Dataset<Row> kept = batch.persist(StorageLevel.MEMORY_AND_DISK());
        try {
            committer.call(kept, batchId);
            List<CommittedBatch.DocumentOutcome> documents = outcomes(kept);
            Map<String, CommittedBatch.TableCommit> tables = new LinkedHashMap<>();
            versionsBefore.forEach((table, before) -> {
                long rows = documents.stream()
                        .filter(outcome -> outcome.table().equals(table))
                        .mapToLong(CommittedBatch.DocumentOutcome::rows)
                        .sum();
                if (rows > 0) {
                    Snapshot after = snapshot(spark, table);
                    tables.put(
                            table,
                            new CommittedBatch.TableCommit(
                                    table,
                                    after.version(),
                                    Instant.ofEpochMilli(after.timestamp()),
                                    rows,
                                    after.version() == before));
                }
            });
            tell(new CommittedBatch(queryId, batchId, tables, documents));
        } finally {
            kept.unpersist(false);
        }
    }

    private void tell(CommittedBatch committed) {
        for (BatchCommitListener listener : listeners) {
            try {
                listener.committed(committed);
            } catch (RuntimeException e) {
                // A listener's fault never holds the tables back: the batch is committed.
                LOG.warn("listener {} failed on batch {}", listener, committed.batchId(), e);
            }
        }
    }

    private Snapshot snapshot(SparkSession spark, String table) {
        return DeltaLog.forTable(spark, DeltaTables.path(output, table)).unsafeVolatileSnapshot();
    }

    private static final StructType SUMMARY = DataTypes.createStructType(List.of(
            DataTypes.createStructField("doc_id", DataTypes.StringType, true),
            DataTypes.createStructField("file_name", DataTypes.StringType, true),
            DataTypes.createStructField("source_uri", DataTypes.StringType, true),
            DataTypes.createStructField("kind", DataTypes.StringType, false),
            DataTypes.createStructField("reason", DataTypes.StringType, true),
            DataTypes.createStructField("message", DataTypes.StringType, true),
            DataTypes.createStructField("kafka_partition", DataTypes.IntegerType, false),
            DataTypes.createStructField("kafka_offset", DataTypes.LongType, false),
            DataTypes.createStructField("ingested_at", DataTypes.TimestampType, true),
            DataTypes.createStructField("rows", DataTypes.LongType, false)));

    /** One outcome per document: its rows summed where they are (a document's rows come from one task). */
    private static List<CommittedBatch.DocumentOutcome> outcomes(Dataset<Row> batch) {
        Map<String, CommittedBatch.DocumentOutcome> byDocument = new LinkedHashMap<>();
        for (Row row :
                batch.mapPartitions(new PerDocument(), Encoders.row(SUMMARY)).collectAsList()) {
            CommittedBatch.DocumentOutcome outcome = new CommittedBatch.DocumentOutcome(
                    row.getString(0),
                    row.getString(1),
                    row.getString(2),
                    row.getString(3),
                    row.getLong(9),
                    row.getString(4),
                    row.getString(5),
                    row.getInt(6),
                    row.getLong(7),
                    instant(row.get(8)));
            byDocument.merge(
                    outcome.table() + "/" + outcome.docId(),
                    outcome,
                    (first, more) -> new CommittedBatch.DocumentOutcome(
                            first.docId(),
                            first.fileName(),
                            first.sourceUri(),
                            first.table(),
                            first.rows() + more.rows(),
                            first.reason(),
                            first.message(),
                            first.kafkaPartition(),
                            first.kafkaOffset(),
                            first.ingestedAt()));
        }
        return new ArrayList<>(byDocument.values());
    }

    /** A timestamp column as Spark hands it to Java: {@code Timestamp}, or {@code Instant} with the Java 8 API on. */
    private static Instant instant(Object value) {
        return value instanceof Timestamp timestamp ? timestamp.toInstant() : (Instant) value;
    }

    /** Consecutive rows of one document (and kind) → one summary row with their count. */
    private static final class PerDocument implements MapPartitionsFunction<Row, Row> {
        private static final long serialVersionUID = 1L;
        private static final int DOC_ID = OutputTable.index(DocumentColumn.DOC_ID.columnName());
        private static final int KIND = OutputTable.index(OutputTable.KIND);
        private static final int[] SUMMARIZED = {
            DOC_ID,
            OutputTable.index(DocumentColumn.FILE_NAME.columnName()),
            OutputTable.index(DocumentColumn.SOURCE_URI.columnName()),
            KIND,
            OutputTable.index(OutputTable.REASON),
            OutputTable.index(OutputTable.MESSAGE),
            OutputTable.index(OutputTable.KAFKA_PARTITION),
            OutputTable.index(OutputTable.KAFKA_OFFSET),
            OutputTable.index(DocumentColumn.INGESTED_AT.columnName())
        };

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            List<Row> summaries = new ArrayList<>();
            Row first = null;
            long count = 0;
            while (rows.hasNext()) {
                Row row = rows.next();
                if (first != null
                        && java.util.Objects.equals(first.get(DOC_ID), row.get(DOC_ID))
                        && java.util.Objects.equals(first.get(KIND), row.get(KIND))) {
                    count++;
                    continue;
                }
                if (first != null) {
                    summaries.add(summary(first, count));
                }
                first = row;
                count = 1;
            }
            if (first != null) {
                summaries.add(summary(first, count));
            }
            return summaries.iterator();
        }

        private static Row summary(Row first, long count) {
            Object[] values = new Object[SUMMARIZED.length + 1];
            for (int i = 0; i < SUMMARIZED.length; i++) {
                values[i] = first.get(SUMMARIZED[i]);
            }
            values[SUMMARIZED.length] = count;
            return RowFactory.create(values);
        }
    }
}
