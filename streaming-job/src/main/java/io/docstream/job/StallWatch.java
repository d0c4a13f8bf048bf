package io.docstream.job;

import io.docstream.job.metrics.StallMetrics;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says, while it lasts, that a micro-batch is stuck and on what: every {@link #CHECK_EVERY} it looks at the
 * query, and a trigger running for longer than the stall threshold (three triggers, at least 10 s) is logged
 * (WARN), again every threshold while it lasts, with what Spark is doing
 * and what a probe of each dependency finds — Kafka (describeCluster) and the table's store (a metadata
 * call on the output folder), each bounded by {@link #PROBE_TIMEOUT}. Spark itself only reports a batch once
 * it ends, so an outage of S3 or Kafka was silent until then. The last stall also goes into the next progress
 * line ({@link BatchProgressLogger}).
 */
final class StallWatch implements AutoCloseable {

    static final Duration CHECK_EVERY = Duration.ofSeconds(5);
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(StallWatch.class);

    /** The stall of the batch in progress, if any: what the progress line of that batch reports. */
    private static volatile String lastStall;

    private final StreamingQuery query;
    private final Duration threshold;
    private final String kafkaBootstrap;
    private final Map<String, String> kafkaClientSettings;
    private final Path output;
    private final Configuration hadoopConf;
    private final Clock clock;
    private final StallMetrics metrics;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("stall-watch"));
    private final ExecutorService prober = Executors.newCachedThreadPool(daemon("stall-probe"));
    private Admin admin;
    private long watchedBatch = -1;
    private Instant batchSeenAt;
    private Instant lastWarnAt;

    private StallWatch(
            StreamingQuery query,
            JobSettings settings,
            Map<String, String> kafkaClientSettings,
            Configuration hadoopConf,
            Clock clock,
            StallMetrics metrics) {
        this.query = query;
        this.metrics = metrics;
        this.kafkaClientSettings = kafkaClientSettings;
        this.threshold = stallThreshold(settings);
        this.kafkaBootstrap = settings.kafkaBootstrap();
        this.output = new Path(settings.output());
        this.hadoopConf = hadoopConf;
        this.clock = clock;
    }

    /** Watches {@code query} until it ends or the watch is closed. */
    static StallWatch watch(
            StreamingQuery query,
            JobSettings settings,
            Map<String, String> kafkaClientSettings,
            Configuration hadoopConf,
            StallMetrics metrics) {
        StallWatch watch = new StallWatch(query, settings, kafkaClientSettings, hadoopConf, Clock.systemUTC(), metrics);
        watch.ticker.scheduleWithFixedDelay(
                watch::check, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return watch;
    }

    /** Three triggers, and never less than 10 s: a batch that takes longer is stuck, not merely big. */
    static Duration stallThreshold(JobSettings settings) {
        long triggerMs;
        try {
            triggerMs = org.apache.spark.sql.catalyst.util.IntervalUtils.getDuration(
                    org.apache.spark.sql.catalyst.util.IntervalUtils.fromIntervalString(settings.trigger()),
                    TimeUnit.MILLISECONDS,
                    31);
        } catch (Exception e) {
            triggerMs = 5_000;
        }
        return Duration.ofMillis(Math.max(10_000, 3 * triggerMs));
    }

    /** The stall seen during the batch that just ended, once: the progress line takes it. */
    static Optional<String> takeLastStall() {
        String stall = lastStall;
        lastStall = null;
        return Optional.ofNullable(stall);
    }

    private void check() {
        try {
            if (!query.isActive()) {
                close();
                return;
            }
            long batch =
                    query.lastProgress() == null ? -1 : query.lastProgress().batchId();
            Instant now = clock.instant();
            if (batch != watchedBatch || batchSeenAt == null) {
                watchedBatch = batch;
                batchSeenAt = now;
                lastWarnAt = null;
                metrics.recovered();
                return;
            }
            Duration running = Duration.between(batchSeenAt, now);
            if (!query.status().isTriggerActive() || running.compareTo(threshold) < 0) {
                if (!query.status().isTriggerActive()) {
                    batchSeenAt = now; // idle between triggers is not a stall
                    metrics.recovered();
                }
                return;
            }
            if (lastWarnAt != null && Duration.between(lastWarnAt, now).compareTo(threshold) < 0) {
                return;
            }
            lastWarnAt = now;
            // Both at once, so that the answer comes within one probe timeout while the outage lasts.
            CompletableFuture<String> kafkaProbe = CompletableFuture.supplyAsync(this::probeKafka, prober);
            String store = probeStore();
            String kafka = kafkaProbe.join();
            metrics.stalled(kafka.startsWith("DOWN"), store.startsWith("DOWN"));
            lastStall = "stalled " + running.toSeconds() + " s (Kafka: " + kafka + "; store: " + store + ")";
            LOG.warn(
                    "query {} stalled: no batch has completed for {} s (Spark: {}); Kafka: {}; store: {}",
                    query.name(),
                    running.toSeconds(),
                    query.status().message(),
                    kafka,
                    store);
        } catch (RuntimeException e) {
            LOG.debug("stall check failed", e);
        }
    }

    private String probeKafka() {
        return probe(
                () -> {
                    if (admin == null) {
                        int timeoutMs = Math.toIntExact(PROBE_TIMEOUT.toMillis());
                        Map<String, Object> config = new java.util.HashMap<>(kafkaClientSettings);
                        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap);
                        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "docstream-stall-watch");
                        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
                        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
                        admin = Admin.create(config);
                    }
                    int nodes = admin.describeCluster(
                                    new DescribeClusterOptions().timeoutMs((int) PROBE_TIMEOUT.toMillis()))
                            .nodes()
                            .get()
                            .size();
                    return "up (" + nodes + " broker" + (nodes == 1 ? "" : "s") + ")";
                },
                "Kafka at " + kafkaBootstrap);
    }

    private String probeStore() {
        return probe(
                () -> {
                    FileSystem fs = FileSystem.get(
                            URI.create(output.toUri().getScheme() + "://"
                                    + (output.toUri().getAuthority() == null
                                            ? ""
                                            : output.toUri().getAuthority()) + "/"),
                            hadoopConf);
                    // The store answered either way: a table root not written yet is not an outage.
                    return fs.exists(output) ? "up" : "up (no tables yet)";
                },
                output.toString());
    }

    private String probe(java.util.concurrent.Callable<String> call, String what) {
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return call.call();
                    } catch (Exception e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                },
                prober);
        try {
            return answer.get(PROBE_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return "DOWN (" + what + " gave no answer within " + PROBE_TIMEOUT.toSeconds() + " s)";
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException c && c.getCause() != null
                    ? c.getCause()
                    : e.getCause();
            Throwable root = cause;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return "DOWN (" + what + ": " + firstLine(root.toString()) + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown (interrupted)";
        }
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        prober.shutdownNow();
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
