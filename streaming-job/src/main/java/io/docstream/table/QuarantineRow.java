package io.docstream.table;

import io.docstream.extract.DocumentColumn;
import java.time.Instant;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * A row of {@link OutputTable} of kind {@code quarantine}: an announcement that produced no document row,
 * with the reason code users filter on. The job's own reasons are here; the extractor's come from
 * {@link io.docstream.extract.QuarantineReason}.
 */
public final class QuarantineRow {

    /** The value is not an arrival event (docs/events.md). */
    public static final String BAD_EVENT = "BAD_EVENT";
    /** The event names an object that does not exist. */
    public static final String SOURCE_MISSING = "SOURCE_MISSING";
    /** The bytes read do not hash to the event's sha256: not the document that was announced. */
    public static final String CHECKSUM_MISMATCH = "CHECKSUM_MISMATCH";
    /** The event names a location outside the configured input: not opened. */
    public static final String FORBIDDEN_SOURCE = "FORBIDDEN_SOURCE";

    private QuarantineRow() {}

    public static Row of(
            String docId,
            String fileName,
            String sourceUri,
            String reason,
            String message,
            int kafkaPartition,
            long kafkaOffset,
            Instant quarantinedAt) {
        Object[] values = new Object[OutputTable.SCHEMA.size()];
        RowAssembler.set(values, DocumentColumn.DOC_ID.columnName(), docId);
        RowAssembler.set(values, DocumentColumn.FILE_NAME.columnName(), fileName);
        RowAssembler.set(values, DocumentColumn.SOURCE_URI.columnName(), sourceUri);
        RowAssembler.set(values, OutputTable.REASON, reason);
        RowAssembler.set(values, OutputTable.MESSAGE, message);
        RowAssembler.set(values, OutputTable.KAFKA_PARTITION, kafkaPartition);
        RowAssembler.set(values, OutputTable.KAFKA_OFFSET, kafkaOffset);
        RowAssembler.set(values, OutputTable.QUARANTINED_AT, RowAssembler.timestamp(quarantinedAt));
        RowAssembler.set(values, OutputTable.KIND, OutputTable.QUARANTINE);
        return RowFactory.create(values);
    }
}
