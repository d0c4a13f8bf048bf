package io.docstream.demo;

import io.docstream.servers.PrometheusServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the demo shows of monitoring: the job's metrics URL, and — when Debian's prometheus is installed — a
 * Prometheus scraping the ingest service and the job with the repository's alert rules, and a graph of freshness
 * and backlog in its own UI. Without it the demo says how to install it and goes on.
 */
final class DemoMonitoring {

    static final String RULES = "monitoring/prometheus/alerts.yaml";

    /** The graph the demo links to: upload→visible p50/p99, and the Kafka backlog. */
    static final List<String> GRAPH = List.of(
            "histogram_quantile(0.5, sum by (le) (rate(docstream_job_freshness_seconds_bucket[1m])))",
            "histogram_quantile(0.99, sum by (le) (rate(docstream_job_freshness_seconds_bucket[1m])))",
            "sum(docstream_job_kafka_offsets_behind_latest)");

    private DemoMonitoring() {}

    static void start(Stack stack, PipelineSettings settings, Path home) {
        stack.jobMetricsUrl("streaming-job").ifPresent(url -> System.out.println("job metrics: " + url));
        if (PrometheusServer.installed().isEmpty()) {
            System.out.println("Prometheus is not installed (`apt-get install -y prometheus` brings it): no graphs;"
                    + " the metrics above are all there is");
            return;
        }
        Path rules = home.resolve(RULES);
        PrometheusServer prometheus =
                stack.startPrometheus(settings, Files.isRegularFile(rules) ? List.of(rules) : List.of());
        System.out.println("Prometheus graph of freshness and backlog: " + prometheus.graphUrl(GRAPH, "15m"));
    }
}
