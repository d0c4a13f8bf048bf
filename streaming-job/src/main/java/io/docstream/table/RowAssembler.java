package io.docstream.table;

import io.docstream.extract.DocumentColumn;
import io.docstream.extract.ExtractedRow;
import io.docstream.extract.Lineage;
import io.docstream.job.arrivals.Announcement;
import io.docstream.job.arrivals.ArrivalEvent;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * One extracted row plus the lineage only the job knows (where the document came from, when, which Kafka
 * record announced it) → a row of {@link OutputTable} of kind {@code documents}.
 */
public final class RowAssembler {

    private RowAssembler() {}

    public static Row document(
            Announcement announcement,
            ExtractedRow row,
            int recordIndex,
            String contentSha256,
            List<String> extraWarnings,
            Instant processedAt) {
        ArrivalEvent event = announcement.event();
        Lineage lineage = new Lineage(
                event.docId(),
                event.uri(),
                contentSha256,
                event.receivedAt(),
                processedAt,
                event.docType(),
                extraWarnings);
        Object[] values = new Object[OutputTable.SCHEMA.size()];
        for (DocumentColumn column : DocumentColumn.values()) {
            set(values, column.columnName(), sparkValue(column.kind(), column.valueOf(row, lineage)));
        }
        set(values, OutputTable.KAFKA_PARTITION, announcement.kafkaPartition());
        set(values, OutputTable.KAFKA_OFFSET, announcement.kafkaOffset());
        set(values, OutputTable.RECORD_INDEX, recordIndex);
        set(values, OutputTable.KIND, OutputTable.DOCUMENTS);
        return RowFactory.create(values);
    }

    static void set(Object[] values, String column, Object value) {
        values[OutputTable.index(column)] = value;
    }

    static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    /** A {@link DocumentColumn.Kind}'s Java value as Spark holds it in a row. */
    @SuppressWarnings("unchecked")
    private static Object sparkValue(DocumentColumn.Kind kind, Object value) {
        if (value == null) {
            return null;
        }
        return switch (kind) {
            case TEXT, AMOUNT -> value;
            case DATE -> Date.valueOf((LocalDate) value);
            case TIME -> Timestamp.from((Instant) value);
            case TEXT_LIST -> ((List<String>) value).toArray(String[]::new);
        };
    }
}
