package io.docstream.job.metrics;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docstream.job.outcomes.OutcomePublisher;
import io.docstream.job.outcomes.OutcomeRecordsTest;
import io.docstream.job.outcomes.OutcomeSettings;
import io.docstream.servers.FreePort;
import io.docstream.table.CommittedBatch;
import io.docstream.table.CommittedBatch.TableCommit;
import io.docstream.table.DeltaTables;
import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The outcome events' metrics are the publisher's counts: with no broker and room for one event, a batch of five
 * leaves events waiting and the rest dropped, and the metrics say so.
 */
class OutcomeEventMetricsTest {

    @Test
    void theMetricsServeThePublishersCounts() {
        PrometheusRegistry registry = new PrometheusRegistry();
        OutcomeEventMetrics metrics = new OutcomeEventMetrics(registry);
        String before = scrape(registry);
        assertTrue(before.contains("docstream_job_outcome_events_total{result=\"dropped\"} 0.0"), before);
        assertTrue(before.contains("docstream_job_outcome_events_waiting 0.0"), before);

        try (OutcomePublisher publisher = OutcomePublisher.start(
                new OutcomeSettings("outcomes-metrics-test", 1), "127.0.0.1:" + FreePort.pick(), Map.of())) {
            metrics.watch(publisher);
            publisher.committed(batchOf(5));
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                OutcomePublisher.Counts counts = publisher.counts();
                String served = scrape(registry);
                return counts.equals(publisher.counts())
                        && counts.dropped() >= 3
                        && served.contains(
                                "docstream_job_outcome_events_total{result=\"dropped\"} " + (double) counts.dropped())
                        && served.contains("docstream_job_outcome_events_waiting " + (double) counts.waiting())
                        && served.contains("docstream_job_outcome_events_total{result=\"published\"} 0.0");
            });
        }
    }

    private static CommittedBatch batchOf(int documents) {
        List<CommittedBatch.DocumentOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < documents; i++) {
            outcomes.add(OutcomeRecordsTest.outcome(
                    String.format("%032x", i + 1), "bulletin " + i + ".txt", DeltaTables.DOCUMENTS, 1, null, 0, i));
        }
        return new CommittedBatch(
                "query",
                1,
                Map.of(
                        DeltaTables.DOCUMENTS,
                        new TableCommit(DeltaTables.DOCUMENTS, 1, Instant.now(), documents, false)),
                outcomes);
    }

    private static String scrape(PrometheusRegistry registry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
