package io.docstream.job;

import io.docstream.table.BatchCounts;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.streaming.SourceProgress;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per micro-batch, what an operator watches: events in, documents, rows written, quarantined,
 * throughput, batch duration, how far behind the end of the topic the job is, and — when the batch stalled on
 * an outage — for how long and on what ({@link StallWatch}). The counts are what the batch committed
 * ({@link BatchCounts}).
 */
public final class BatchProgressLogger extends StreamingQueryListener {

    private static final Logger LOG = LoggerFactory.getLogger(BatchProgressLogger.class);

    @Override
    public void onQueryStarted(QueryStartedEvent event) {
        LOG.info("query {} started (run {})", event.name(), event.runId());
    }

    @Override
    public void onQueryProgress(QueryProgressEvent event) {
        StreamingQueryProgress progress = event.progress();
        Optional<BatchCounts> counts = BatchCounts.take(progress.id().toString(), progress.batchId());
        if (progress.numInputRows() == 0 && counts.isEmpty()) {
            return; // idle trigger: nothing to report
        }
        String line = describe(progress, counts.orElse(new BatchCounts(0, 0, 0)));
        LOG.info(StallWatch.takeLastStall().map(stall -> line + ", " + stall).orElse(line));
    }

    @Override
    public void onQueryIdle(QueryIdleEvent event) {}

    @Override
    public void onQueryTerminated(QueryTerminatedEvent event) {
        if (event.exception().isDefined()) {
            LOG.error("query {} failed: {}", event.id(), event.exception().get());
        } else {
            LOG.info("query {} stopped", event.id());
        }
    }

    static String describe(StreamingQueryProgress progress, BatchCounts counts) {
        long documents = counts.documents();
        long rows = counts.rows();
        long quarantined = counts.quarantined();
        long durationMs = Optional.ofNullable(progress.durationMs().get("triggerExecution"))
                .orElse(0L);
        double rowsPerSecond = durationMs == 0 ? 0 : rows * 1000.0 / durationMs;
        return String.format(
                "batch %d: %d events in, %d documents, %d rows written, %d quarantined, %.0f rows/s,"
                        + " %.2f s, Kafka backlog avg %s max %s offsets",
                progress.batchId(),
                progress.numInputRows(),
                documents,
                rows,
                quarantined,
                rowsPerSecond,
                durationMs / 1000.0,
                backlog(progress, "avgOffsetsBehindLatest"),
                backlog(progress, "maxOffsetsBehindLatest"));
    }

    private static String backlog(StreamingQueryProgress progress, String metric) {
        for (SourceProgress source : progress.sources()) {
            Map<String, String> metrics = source.metrics();
            if (metrics != null && metrics.containsKey(metric)) {
                return metrics.get(metric);
            }
        }
        return "?";
    }
}
