package io.docstream.table;

import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;

/**
 * Counts a batch's rows per table while they pass (accumulators, read in the driver after the action that
 * computes the batch), so that the counts need no aggregation of their own. A recomputed partition counts twice: the counts feed
 * only the progress line and the choice to skip an empty quarantine append, where too high is harmless.
 */
final class RowCounter implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;
    private static final int KIND = OutputTable.SCHEMA.fieldIndex(OutputTable.KIND);
    private static final int RECORD_INDEX = OutputTable.SCHEMA.fieldIndex(OutputTable.RECORD_INDEX);

    private final LongAccumulator rows;
    private final LongAccumulator quarantined;
    private final LongAccumulator documents;

    private RowCounter(LongAccumulator rows, LongAccumulator quarantined, LongAccumulator documents) {
        this.rows = rows;
        this.quarantined = quarantined;
        this.documents = documents;
    }

    static RowCounter register(SparkSession spark) {
        return new RowCounter(
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

    BatchCounts counts() {
        return new BatchCounts(rows.sum(), quarantined.sum(), documents.sum());
    }
}
