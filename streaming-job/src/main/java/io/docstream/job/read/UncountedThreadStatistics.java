package io.docstream.job.read;

import org.apache.hadoop.fs.statistics.IOStatistics;
import org.apache.hadoop.fs.statistics.IOStatisticsAggregator;
import org.apache.hadoop.fs.statistics.IOStatisticsContext;
import org.apache.hadoop.fs.statistics.IOStatisticsSnapshot;

/**
 * The Hadoop IO-statistics context of the document-reader threads: it keeps nothing. A Hadoop stream
 * merges its counters, on close, into the context of the thread that opened it — a copy of some fifty
 * maps per document — and nobody reads the contexts of these short-lived threads. The file system's own
 * statistics, and Spark's input metrics, are still kept.
 *
 * <p>It covers streams opened on the reader thread (local files, S3A's plain {@code open}). S3A's
 * {@code openFile} opens on S3A's own thread pool, so those streams merge into that pool thread's context.
 */
public final class UncountedThreadStatistics implements IOStatisticsContext {

    static final UncountedThreadStatistics INSTANCE = new UncountedThreadStatistics();

    private static final IOStatisticsAggregator DISCARD = statistics -> false;

    private UncountedThreadStatistics() {}

    /** Makes the current thread's S3A streams skip the per-thread merge. */
    static void applyToCurrentThread() {
        IOStatisticsContext.setThreadIOStatisticsContext(INSTANCE);
    }

    @Override
    public IOStatisticsAggregator getAggregator() {
        return DISCARD;
    }

    @Override
    public IOStatistics getIOStatistics() {
        return new IOStatisticsSnapshot();
    }

    @Override
    public IOStatisticsSnapshot snapshot() {
        return new IOStatisticsSnapshot();
    }

    @Override
    public long getID() {
        return 0;
    }

    @Override
    public void reset() {
        // nothing is kept, so nothing to reset
    }
}
