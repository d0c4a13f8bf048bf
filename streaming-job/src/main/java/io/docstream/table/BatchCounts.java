package io.docstream.table;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.sql.Row;

/**
 * What one committed batch wrote: rows to documents, rows to quarantine, and documents (a quarantine entry
 * or a document's first record). Kept in the driver for the progress line of the same batch, which Spark
 * reports right after the batch commits.
 */
public record BatchCounts(long rows, long quarantined, long documents) {

    private static final Map<String, BatchCounts> RECENT = new ConcurrentHashMap<>();
    private static final int KEPT = 200;

    static BatchCounts of(Row aggregate) {
        return new BatchCounts(longOf(aggregate, 0), longOf(aggregate, 1), longOf(aggregate, 2));
    }

    static void record(String queryId, long batchId, BatchCounts counts) {
        if (RECENT.size() > KEPT) {
            RECENT.clear(); // counts nobody took (no listener): do not let them pile up
        }
        RECENT.put(queryId + "/" + batchId, counts);
    }

    /** The counts of that query's batch, once; empty when no batch ran with that id in this JVM. */
    public static Optional<BatchCounts> take(String queryId, long batchId) {
        return Optional.ofNullable(RECENT.remove(queryId + "/" + batchId));
    }

    private static long longOf(Row row, int index) {
        return row.isNullAt(index) ? 0 : row.getLong(index);
    }
}
