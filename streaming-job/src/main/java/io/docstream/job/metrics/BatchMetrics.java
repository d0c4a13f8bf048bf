package io.docstream.job.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.spark.sql.streaming.SourceProgress;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.StreamingQueryProgress;

/**
 * Each micro-batch as Spark reports it when it ends: how long each phase took, how many Kafka records it read,
 * and where in each partition it stopped (for {@link KafkaBacklog}).
 */
public final class BatchMetrics extends StreamingQueryListener {

    /** Phase durations, in seconds: from a few milliseconds (walCommit) to a batch stuck on an outage. */
    static final double[] DURATION_BUCKETS = {0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300};

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Counter batches;
    private final Counter inputRecords;
    private final Histogram phases;
    private final KafkaBacklog backlog;

    BatchMetrics(PrometheusRegistry registry, KafkaBacklog backlog) {
        this.backlog = backlog;
        batches = Counter.builder()
                .name("docstream_job_batches_total")
                .help("Micro-batches with data that completed")
                .withoutExemplars()
                .register(registry);
        inputRecords = Counter.builder()
                .name("docstream_job_input_records_total")
                .help("Kafka records read, re-announcements included")
                .withoutExemplars()
                .register(registry);
        phases = Histogram.builder()
                .name("docstream_job_batch_duration_seconds")
                .help(
                        "Duration of each phase of a micro-batch, as Spark reports it (triggerExecution: the whole batch)")
                .labelNames("phase")
                .classicOnly()
                .classicUpperBounds(DURATION_BUCKETS)
                .withoutExemplars()
                .register(registry);
    }

    @Override
    public void onQueryStarted(QueryStartedEvent event) {}

    @Override
    public void onQueryProgress(QueryProgressEvent event) {
        StreamingQueryProgress progress = event.progress();
        Map<TopicPartition, Long> readUpTo = new HashMap<>();
        for (SourceProgress source : progress.sources()) {
            readUpTo.putAll(kafkaOffsets(source.endOffset()));
        }
        batchEnded(progress.numInputRows(), progress.durationMs(), readUpTo);
    }

    /** One progress report: records read, milliseconds per phase, the next offset per partition. */
    void batchEnded(long records, Map<String, Long> phaseMillis, Map<TopicPartition, Long> readUpTo) {
        backlog.readUpTo(readUpTo);
        if (records == 0) {
            return; // an idle trigger: no batch ran
        }
        batches.inc();
        inputRecords.inc(records);
        phaseMillis.forEach((phase, millis) -> phases.labelValues(phase).observe(millis / 1000.0));
    }

    /** Kafka's source reports its offsets as {@code {"topic":{"0":12,"1":7}}}; any other source reports none. */
    static Map<TopicPartition, Long> kafkaOffsets(String offsetJson) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        if (offsetJson == null || offsetJson.isBlank()) {
            return offsets;
        }
        JsonNode root;
        try {
            root = JSON.readTree(offsetJson);
        } catch (JsonProcessingException e) {
            return offsets;
        }
        root.properties().forEach(topic -> {
            if (topic.getValue().isObject()) {
                topic.getValue().properties().forEach(partition -> {
                    if (partition.getKey().matches("\\d+")
                            && partition.getValue().canConvertToLong()) {
                        offsets.put(
                                new TopicPartition(topic.getKey(), Integer.parseInt(partition.getKey())),
                                partition.getValue().asLong());
                    }
                });
            }
        });
        return offsets;
    }

    @Override
    public void onQueryIdle(QueryIdleEvent event) {}

    @Override
    public void onQueryTerminated(QueryTerminatedEvent event) {}
}
