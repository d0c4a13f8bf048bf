package io.docstream.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import io.docstream.query.TableViews;
import io.docstream.table.DeltaTables;
import io.docstream.table.OutputTable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;

/**
 * The documents that are in quarantine now, from the tables: each document's latest quarantine entry, for documents
 * that have no row in {@code documents} (a replay that became rows leaves its entries behind as history). Entries
 * without a document id of the ingest service's shape (a bad event's Kafka key) have nothing to replay.
 */
public final class QuarantinedDocuments {

    /** Which quarantined documents: each part empty for all. */
    public record Selection(Optional<String> reason, Optional<Instant> since, List<String> docIds) {}

    /** A document's latest quarantine entry. */
    public record Quarantined(String docId, String fileName, String reason, Instant quarantinedAt) {}

    private QuarantinedDocuments() {}

    public static List<Quarantined> find(SparkSession spark, String output, Selection selection) {
        TableViews.register(spark, output);
        String docId = "doc_id";
        Dataset<Row> entries =
                spark.table(DeltaTables.QUARANTINE).where(col(docId).rlike("^[0-9a-f]{32}$"));
        Dataset<Row> latest = entries.withColumn(
                        "entry",
                        row_number()
                                .over(Window.partitionBy(docId)
                                        .orderBy(
                                                col(OutputTable.QUARANTINED_AT).desc(),
                                                col(OutputTable.KAFKA_OFFSET).desc())))
                .where(col("entry").equalTo(1));
        Dataset<Row> withoutRows = latest.alias("q")
                .join(
                        spark.table(DeltaTables.DOCUMENTS)
                                .select(docId)
                                .distinct()
                                .alias("d"),
                        col("q." + docId).equalTo(col("d." + docId)),
                        "left_anti");
        if (selection.reason().isPresent()) {
            withoutRows = withoutRows.where(
                    col(OutputTable.REASON).equalTo(lit(selection.reason().get())));
        }
        if (selection.since().isPresent()) {
            withoutRows = withoutRows.where(col(OutputTable.QUARANTINED_AT)
                    .geq(lit(Timestamp.from(selection.since().get()))));
        }
        if (!selection.docIds().isEmpty()) {
            withoutRows = withoutRows.where(col(docId).isin(selection.docIds().toArray()));
        }
        return withoutRows
                .orderBy(col(OutputTable.QUARANTINED_AT), col(docId))
                .select(docId, "file_name", OutputTable.REASON, OutputTable.QUARANTINED_AT)
                .collectAsList()
                .stream()
                .map(row -> new Quarantined(
                        row.getString(0),
                        row.getString(1),
                        row.getString(2),
                        row.getTimestamp(3).toInstant()))
                .toList();
    }
}
