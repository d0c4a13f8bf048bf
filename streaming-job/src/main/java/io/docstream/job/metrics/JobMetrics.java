package io.docstream.job.metrics;

import io.docstream.table.DeltaTables;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job's metrics on the driver, in Prometheus' text format (docs/metrics.md lists every one): what the tables
 * received ({@link CommitMetrics}), the micro-batches ({@link BatchMetrics}), the Kafka backlog
 * ({@link KafkaBacklog}), stalls ({@link StallMetrics}), table maintenance ({@link MaintenanceMetrics}), the outcome
 * events ({@link OutcomeEventMetrics}) and the JVM. Served over HTTP by {@link #serve} on one address, 127.0.0.1 unless the deployment says otherwise.
 */
public final class JobMetrics implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobMetrics.class);

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final KafkaBacklog backlog;
    private final CommitMetrics commits;
    private final BatchMetrics batches;
    private final StallMetrics stalls;
    private final MaintenanceMetrics maintenance;
    private final OutcomeEventMetrics outcomeEvents;
    private HTTPServer server;

    /** @param kafkaClientSettings Kafka client settings beyond the bootstrap (TLS, SASL), as the job has them */
    public JobMetrics(String kafkaBootstrap, Map<String, String> kafkaClientSettings) {
        backlog = new KafkaBacklog(registry, kafkaBootstrap, kafkaClientSettings);
        commits = new CommitMetrics(registry);
        batches = new BatchMetrics(registry, backlog);
        stalls = new StallMetrics(registry);
        maintenance = new MaintenanceMetrics(registry);
        outcomeEvents = new OutcomeEventMetrics(registry);
        JvmMetrics.builder().register(registry);
    }

    /**
     * The metrics of the job writing the tables under {@code output}: Spark reports each batch to them, and each
     * table's last commit is read from its log on a thread of its own (an alert on commit age must not wait for a
     * first batch, and the query's start must not wait for the log).
     */
    public static JobMetrics forJob(
            SparkSession spark, String output, String kafkaBootstrap, Map<String, String> kafkaClientSettings) {
        JobMetrics metrics = new JobMetrics(kafkaBootstrap, kafkaClientSettings);
        spark.streams().addListener(metrics.batches);
        Thread seeding = new Thread(() -> seedLastCommits(spark, output, metrics.commits), "metrics-last-commits");
        seeding.setDaemon(true);
        seeding.start();
        return metrics;
    }

    private static void seedLastCommits(SparkSession spark, String output, CommitMetrics commits) {
        for (String table : List.of(DeltaTables.DOCUMENTS, DeltaTables.QUARANTINE)) {
            try {
                Snapshot latest = DeltaLog.forTable(spark, DeltaTables.path(output, table))
                        .unsafeVolatileSnapshot();
                if (latest.version() >= 0) {
                    commits.seed(table, latest.version(), Instant.ofEpochMilli(latest.timestamp()));
                }
            } catch (RuntimeException e) {
                // The first commit of this run sets it instead.
                LOG.warn("cannot read the last commit of {} for the metrics", table, e);
            }
        }
    }

    /** Serves {@code /metrics} on that address and port (0: any free one); returns its URL. */
    public String serve(String bindAddress, int port) {
        try {
            server = HTTPServer.builder()
                    .hostname(bindAddress)
                    .port(port)
                    .registry(registry)
                    .buildAndStart();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the job's metrics on " + bindAddress + ":" + port, e);
        }
        boolean everyInterface = bindAddress.equals("0.0.0.0") || bindAddress.equals("::");
        String url = "http://" + (everyInterface ? localHostName() : bindAddress) + ":" + server.getPort() + "/metrics";
        LOG.info("job metrics: {}", url);
        return url;
    }

    private static String localHostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    public CommitMetrics commits() {
        return commits;
    }

    public BatchMetrics batches() {
        return batches;
    }

    public StallMetrics stalls() {
        return stalls;
    }

    public MaintenanceMetrics maintenance() {
        return maintenance;
    }

    public OutcomeEventMetrics outcomeEvents() {
        return outcomeEvents;
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        backlog.close();
    }
}
