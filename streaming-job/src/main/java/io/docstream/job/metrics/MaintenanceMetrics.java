package io.docstream.job.metrics;

import io.docstream.table.DeltaTables;
import io.docstream.table.MaintenanceSchedule;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;

/** The job's table maintenance (OPTIMIZE, VACUUM, log checkpoint per table): runs, outcome, duration. */
public final class MaintenanceMetrics {

    static final double[] DURATION_BUCKETS = {1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600};

    private final Counter runs;
    private final Histogram duration;
    private final Gauge lastSuccess;

    MaintenanceMetrics(PrometheusRegistry registry) {
        runs = Counter.builder()
                .name("docstream_job_maintenance_runs_total")
                .help("Maintenance runs of a table, by outcome (success, failure)")
                .labelNames("table", "outcome")
                .withoutExemplars()
                .register(registry);
        duration = Histogram.builder()
                .name("docstream_job_maintenance_duration_seconds")
                .help("Duration of one table's maintenance run")
                .labelNames("table")
                .classicOnly()
                .classicUpperBounds(DURATION_BUCKETS)
                .withoutExemplars()
                .register(registry);
        lastSuccess = Gauge.builder()
                .name("docstream_job_maintenance_last_success_timestamp_seconds")
                .help("When the table's last successful maintenance run ended (Unix time)")
                .labelNames("table")
                .register(registry);
        for (String table : List.of(DeltaTables.DOCUMENTS, DeltaTables.QUARANTINE)) {
            runs.initLabelValues(table, "success");
            runs.initLabelValues(table, "failure");
            duration.initLabelValues(table);
        }
    }

    public void ran(MaintenanceSchedule.Run run) {
        runs.labelValues(run.table(), run.succeeded() ? "success" : "failure").inc();
        duration.labelValues(run.table()).observe(run.took().toMillis() / 1000.0);
        if (run.succeeded()) {
            lastSuccess.labelValues(run.table()).set(run.endedAt().toEpochMilli() / 1000.0);
        }
    }
}
