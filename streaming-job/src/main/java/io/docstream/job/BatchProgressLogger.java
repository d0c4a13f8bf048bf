package io.docstream.job;

import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.SourceProgress;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per micro-batch, what an operator watches: events in, documents, rows written, quarantined,
 * throughput, batch duration, how far behind the end of the topic the job is, and — when the batch stalled on
 * an outage — for how long and on what ({@link StallWatch}). The counts come from the
 * batch's observed metrics ({@link #METRICS}), which Spark computes exactly once per committed batch.
 */
public final class BatchProgressLogger extends StreamingQueryListener {

    /** Name of the observation on the output rows (see {@link DocumentsStream}). */
    public static final String METRICS = "docstream_batch";

    private static final Logger LOG = LoggerFactory.getLogger(BatchProgressLogger.class);

    @Override
    public void onQueryStarted(QueryStartedEvent event) {
        LOG.info("query {} started (run {})", event.name(), event.runId());
    }

    @Override
    public void onQueryProgress(QueryProgressEvent event) {
        StreamingQueryProgress progress = event.progress();
        if (progress.numInputRows() == 0 && !progress.observedMetrics().containsKey(METRICS)) {
            return; // idle trigger: nothing to report
        }
        String line = describe(progress);
        LOG.info(StallWatch.takeLastStall().map(stall -> line + ", " + stall).orElse(line));
    }

    @Override
    public void onQueryIdle(QueryIdleEvent event) {
    }

    @Override
    public void onQueryTerminated(QueryTerminatedEvent event) {
        if (event.exception().isDefined()) {
            LOG.error("query {} failed: {}", event.id(), event.exception().get());
        } else {
            LOG.info("query {} stopped", event.id());
        }
    }

    static String describe(StreamingQueryProgress progress) {
        Row metrics = progress.observedMetrics().get(METRICS);
        long documents = metric(metrics, "documents");
        long rows = metric(metrics, "rows");
        long quarantined = metric(metrics, "quarantined");
        long durationMs = Optional.ofNullable(progress.durationMs().get("triggerExecution")).orElse(0L);
        double rowsPerSecond = durationMs == 0 ? 0 : rows * 1000.0 / durationMs;
        return String.format("batch %d: %d events in, %d documents, %d rows written, %d quarantined, %.0f rows/s,"
                        + " %.2f s, Kafka backlog avg %s max %s offsets",
                progress.batchId(), progress.numInputRows(), documents, rows, quarantined, rowsPerSecond,
                durationMs / 1000.0, backlog(progress, "avgOffsetsBehindLatest"), backlog(progress, "maxOffsetsBehindLatest"));
    }

    private static long metric(Row metrics, String name) {
        if (metrics == null) {
            return 0;
        }
        Object value = metrics.getAs(name);
        return value == null ? 0 : ((Number) value).longValue();
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
