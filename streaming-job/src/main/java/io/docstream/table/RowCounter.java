package io.docstream.table;

import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;

/**
 * Counts a batch's rows per table while they pass (accumulators, read in the driver after the action that
 * computes the batch), so that the counts need no aggregation of their own. A recomputed partition counts twice: the counts
 * feed the progress line, the choice to skip an empty append and the {@link DriverCommitBound}, where too high is
 * harmless (a batch that would fit goes through delta-spark).
 */
final class RowCounter implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;
    private static final int KIND = OutputTable.SCHEMA.fieldIndex(OutputTable.KIND);
    private static final int RECORD_INDEX = OutputTable.SCHEMA.fieldIndex(OutputTable.RECORD_INDEX);

    private final LongAccumulator rows;
    private final LongAccumulator quarantined;
    private final LongAccumulator documents;
    private final LongAccumulator bytes;

    private RowCounter(
            LongAccumulator rows, LongAccumulator quarantined, LongAccumulator documents, LongAccumulator bytes) {
        this.rows = rows;
        this.quarantined = quarantined;
        this.documents = documents;
        this.bytes = bytes;
    }

    static RowCounter register(SparkSession spark) {
        return new RowCounter(
                spark.sparkContext().longAccumulator(),
                spark.sparkContext().longAccumulator(),
                spark.sparkContext().longAccumulator(),
                spark.sparkContext().longAccumulator());
    }

    @Override
    public Iterator<Row> call(Iterator<Row> input) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return input.hasNext();
            }

            @Override
            public Row next() {
                Row row = input.next();
                bytes.add(estimatedBytes(row));
                if (OutputTable.QUARANTINE.equals(row.getString(KIND))) {
                    quarantined.add(1);
                    documents.add(1);
                } else {
                    rows.add(1);
                    if (!row.isNullAt(RECORD_INDEX) && row.getInt(RECORD_INDEX) == 0) {
                        documents.add(1);
                    }
                }
                return row;
            }
        };
    }

    /** A row's size in a driver's memory, roughly: two bytes a character of text, eight a value otherwise. */
    private static long estimatedBytes(Row row) {
        long size = 0;
        for (int i = 0; i < row.length(); i++) {
            Object value = row.get(i);
            if (value instanceof String text) {
                size += 40 + 2L * text.length();
            } else if (value instanceof scala.collection.Iterable<?> values) {
                for (scala.collection.Iterator<?> it = values.iterator(); it.hasNext(); ) {
                    Object element = it.next();
                    size += 40 + (element instanceof String text ? 2L * text.length() : 8);
                }
            } else if (value instanceof Object[] values) {
                for (Object element : values) {
                    size += 40 + (element instanceof String text ? 2L * text.length() : 8);
                }
            } else {
                size += 16;
            }
        }
        return size;
    }

    /** The rows' estimated size in memory, in bytes. */
    long bytes() {
        return bytes.sum();
    }

    BatchCounts counts() {
        return new BatchCounts(rows.sum(), quarantined.sum(), documents.sum());
    }
}
