package io.docstream.ingest.status;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code docstream_outcomes_total} for /q/metrics, by what became of each consumed outcome event: {@code recorded}
 * (the document's status now), {@code seen} (that outcome or a later one was already recorded: a re-delivery),
 * {@code ignored} (not about a document of this service: a bad event's key), {@code rejected} (not an outcome event
 * of the contract); and {@code docstream_replays_total} by result.
 */
@ApplicationScoped
public class OutcomeMetrics {

    private final MeterRegistry registry;

    public OutcomeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void outcome(String result) {
        registry.counter("docstream.outcomes", "result", result).increment();
    }

    void replay(String result) {
        registry.counter("docstream.replays", "result", result).increment();
    }
}
