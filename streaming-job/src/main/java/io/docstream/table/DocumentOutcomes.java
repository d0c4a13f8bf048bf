package io.docstream.table;

import io.docstream.extract.DocumentColumn;
import io.docstream.table.CommittedBatch.DocumentOutcome;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * A batch's rows summed up per document: one {@link DocumentOutcome} per quarantine entry, one per document whose
 * records became rows (its row count, the coordinates of its first record).
 */
final class DocumentOutcomes {

    /** The columns an outcome needs, by name: the rows given to {@link #of} have at least these. */
    static final List<String> COLUMNS = List.of(
            OutputTable.KIND,
            DocumentColumn.DOC_ID.columnName(),
            DocumentColumn.FILE_NAME.columnName(),
            DocumentColumn.SOURCE_URI.columnName(),
            OutputTable.REASON,
            OutputTable.MESSAGE,
            OutputTable.KAFKA_PARTITION,
            OutputTable.KAFKA_OFFSET,
            DocumentColumn.INGESTED_AT.columnName());

    private DocumentOutcomes() {}

    /** The outcome columns of a batch, brought to the driver: for batches whose rows stay on the executors. */
    static List<DocumentOutcome> collect(Dataset<Row> batch) {
        return of(batch.select(COLUMNS.stream().map(functions::col).toArray(Column[]::new))
                .collectAsList());
    }

    /** Rows with a schema (collected from a Dataset) holding {@link #COLUMNS}. */
    static List<DocumentOutcome> of(List<Row> rows) {
        List<DocumentOutcome> quarantined = new ArrayList<>();
        Map<String, DocumentOutcome> documents = new LinkedHashMap<>();
        for (Row row : rows) {
            String docId = row.getAs(DocumentColumn.DOC_ID.columnName());
            if (OutputTable.QUARANTINE.equals(row.getAs(OutputTable.KIND))) {
                quarantined.add(outcome(row, DeltaTables.QUARANTINE, 1));
            } else {
                documents.merge(
                        docId,
                        outcome(row, DeltaTables.DOCUMENTS, 1),
                        (first, next) -> withRows(first, first.rows() + 1));
            }
        }
        List<DocumentOutcome> outcomes = new ArrayList<>(documents.values());
        outcomes.addAll(quarantined);
        return outcomes;
    }

    private static DocumentOutcome outcome(Row row, String table, long rows) {
        Timestamp ingestedAt = row.getAs(DocumentColumn.INGESTED_AT.columnName());
        return new DocumentOutcome(
                row.getAs(DocumentColumn.DOC_ID.columnName()),
                row.getAs(DocumentColumn.FILE_NAME.columnName()),
                row.getAs(DocumentColumn.SOURCE_URI.columnName()),
                table,
                rows,
                row.getAs(OutputTable.REASON),
                row.getAs(OutputTable.MESSAGE),
                row.<Integer>getAs(OutputTable.KAFKA_PARTITION),
                row.<Long>getAs(OutputTable.KAFKA_OFFSET),
                ingestedAt == null ? null : ingestedAt.toInstant());
    }

    private static DocumentOutcome withRows(DocumentOutcome outcome, long rows) {
        return new DocumentOutcome(
                outcome.docId(),
                outcome.fileName(),
                outcome.sourceUri(),
                outcome.table(),
                rows,
                outcome.reason(),
                outcome.message(),
                outcome.kafkaPartition(),
                outcome.kafkaOffset(),
                outcome.ingestedAt());
    }
}
