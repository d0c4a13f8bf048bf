package io.docstream.job.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.EnumSet;
import java.util.Set;

/**
 * Stalls of the query as the job's stall watch sees them: a micro-batch running far longer than its trigger, and
 * which dependency a probe found down at that moment (Kafka, the table's store, or neither: {@code unknown}).
 */
public final class StallMetrics {

    /** What a stall is blamed on. */
    public enum Cause {
        KAFKA,
        STORE,
        UNKNOWN;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Gauge stalled;
    private final Counter stalls;
    private final Set<Cause> current = EnumSet.noneOf(Cause.class);

    StallMetrics(PrometheusRegistry registry) {
        stalled = Gauge.builder()
                .name("docstream_job_stalled")
                .help("1 while a micro-batch is stalled and a probe blames this cause (kafka, store, unknown)")
                .labelNames("cause")
                .register(registry);
        stalls = Counter.builder()
                .name("docstream_job_stalls_total")
                .help("Stalls of a micro-batch, by the cause a probe found")
                .labelNames("cause")
                .withoutExemplars()
                .register(registry);
        for (Cause cause : Cause.values()) {
            stalled.labelValues(cause.label()).set(0);
            stalls.initLabelValues(cause.label());
        }
    }

    /** The batch in progress is stalled, with Kafka and/or the store found down (neither: cause unknown). */
    public synchronized void stalled(boolean kafkaDown, boolean storeDown) {
        Set<Cause> causes = EnumSet.noneOf(Cause.class);
        if (kafkaDown) {
            causes.add(Cause.KAFKA);
        }
        if (storeDown) {
            causes.add(Cause.STORE);
        }
        if (causes.isEmpty()) {
            causes.add(Cause.UNKNOWN);
        }
        for (Cause cause : Cause.values()) {
            boolean now = causes.contains(cause);
            if (now && !current.contains(cause)) {
                stalls.labelValues(cause.label()).inc();
            }
            stalled.labelValues(cause.label()).set(now ? 1 : 0);
        }
        current.clear();
        current.addAll(causes);
    }

    /** Batches complete again. */
    public synchronized void recovered() {
        for (Cause cause : Cause.values()) {
            stalled.labelValues(cause.label()).set(0);
        }
        current.clear();
    }
}
