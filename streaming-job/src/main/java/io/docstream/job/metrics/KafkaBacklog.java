package io.docstream.job.metrics;

import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How far behind the end of each partition the job is, when scraped: the partition's latest offset (asked of
 * Kafka then) minus the next offset the job will read (from its last completed batch). Asked at scrape time
 * rather than taken from Spark's progress, so that the backlog keeps growing while a batch is stuck. When Kafka
 * does not answer within {@link #TIMEOUT} the gauge has no samples: an unknown backlog is not a zero one.
 */
final class KafkaBacklog implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(3);
    private static final Logger LOG = LoggerFactory.getLogger(KafkaBacklog.class);

    private final Map<String, Object> adminConfig;
    private final Map<TopicPartition, Long> nextOffsets = new ConcurrentHashMap<>();
    private Admin admin;

    KafkaBacklog(PrometheusRegistry registry, String bootstrap, Map<String, String> kafkaClientSettings) {
        int timeoutMs = Math.toIntExact(TIMEOUT.toMillis());
        adminConfig = new HashMap<>(kafkaClientSettings);
        adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, "docstream-metrics");
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        GaugeWithCallback.builder()
                .name("docstream_job_kafka_offsets_behind_latest")
                .help("Records of the partition the job has not read yet: latest offset minus the job's next offset")
                .labelNames("topic", "partition")
                .callback(callback -> behind().forEach((partition, behind) ->
                        callback.call(behind, partition.topic(), String.valueOf(partition.partition()))))
                .register(registry);
    }

    /** The job has read every partition up to (not including) these offsets. */
    void readUpTo(Map<TopicPartition, Long> offsets) {
        nextOffsets.putAll(offsets);
    }

    /** Records behind per partition; empty when nothing was read yet in this JVM or Kafka does not answer. */
    synchronized Map<TopicPartition, Long> behind() {
        if (nextOffsets.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, Long> read = Map.copyOf(nextOffsets);
        try {
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest = admin().listOffsets(
                            read.keySet().stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                    .all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, Long> behind = new HashMap<>();
            latest.forEach(
                    (partition, info) -> behind.put(partition, Math.max(0, info.offset() - read.get(partition))));
            return behind;
        } catch (ExecutionException | TimeoutException e) {
            LOG.debug("no latest offsets from Kafka: the backlog is not reported", e);
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
    }

    private Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminConfig);
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
