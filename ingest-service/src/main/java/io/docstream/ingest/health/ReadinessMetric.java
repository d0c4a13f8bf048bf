package io.docstream.ingest.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code docstream_ingest_ready} on /q/metrics: 1 while every readiness check (Kafka, object store) is UP, as of
 * the last run every {@link #EVERY}. Run on a thread of its own rather than at scrape time, so that a scrape never
 * waits for a hung dependency; an alert can then say "not ready" where Prometheus only sees the scrape answered.
 */
@ApplicationScoped
public class ReadinessMetric {

    static final Duration EVERY = Duration.ofSeconds(15);

    private final Instance<HealthCheck> checks;
    private final AtomicInteger ready = new AtomicInteger(0);
    private final ScheduledExecutorService runner = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "readiness-metric");
        thread.setDaemon(true);
        return thread;
    });

    public ReadinessMetric(@Readiness Instance<HealthCheck> checks, MeterRegistry registry) {
        this.checks = checks;
        Gauge.builder("docstream.ingest.ready", ready, AtomicInteger::get)
                .description("1 while every readiness check (Kafka, object store) is UP, as of its last run")
                .register(registry);
    }

    void start(@Observes StartupEvent started) {
        runner.scheduleWithFixedDelay(this::check, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void check() {
        boolean allUp = true;
        for (HealthCheck check : checks) {
            try {
                allUp &= check.call().getStatus() == HealthCheckResponse.Status.UP;
            } catch (RuntimeException e) {
                allUp = false;
            }
        }
        ready.set(allUp ? 1 : 0);
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
