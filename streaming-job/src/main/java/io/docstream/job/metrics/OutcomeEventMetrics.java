package io.docstream.job.metrics;

import io.docstream.job.outcomes.OutcomePublisher;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.Supplier;

/**
 * The outcome events of the driver's publisher ({@link OutcomePublisher}), read from its counts at scrape time:
 * published, dropped (its buffer was full while Kafka was away), failed (refused for good), and waiting. Zero while
 * no publisher runs ({@code spark.docstream.outcomes.topic=off}).
 */
public final class OutcomeEventMetrics {

    private volatile Supplier<OutcomePublisher.Counts> counts = () -> new OutcomePublisher.Counts(0, 0, 0, 0);

    OutcomeEventMetrics(PrometheusRegistry registry) {
        CounterWithCallback.builder()
                .name("docstream_job_outcome_events_total")
                .help("Outcome events of committed documents: published, dropped (buffer full while Kafka was away),"
                        + " failed (refused for good)")
                .labelNames("result")
                .callback(callback -> {
                    OutcomePublisher.Counts now = counts.get();
                    callback.call(now.published(), "published");
                    callback.call(now.dropped(), "dropped");
                    callback.call(now.failed(), "failed");
                })
                .register(registry);
        GaugeWithCallback.builder()
                .name("docstream_job_outcome_events_waiting")
                .help("Outcome events waiting for Kafka: queued or sent and not yet acknowledged")
                .callback(callback -> callback.call(counts.get().waiting()))
                .register(registry);
    }

    /** Serves the counts of this publisher from now on. */
    public void watch(OutcomePublisher publisher) {
        counts = publisher::counts;
    }
}
