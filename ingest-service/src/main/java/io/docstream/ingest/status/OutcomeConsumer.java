package io.docstream.ingest.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docstream.contract.OutcomeHeaders;
import io.docstream.ingest.config.IngestConfig;
import io.docstream.ingest.store.StoreRefused;
import io.docstream.ingest.store.StoreUnavailable;
import io.docstream.ingest.upload.DocumentId;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Records every document's outcome from the document-outcomes topic in the store ({@link StatusRecords}), and
 * tells the requests waiting here ({@link StatusWatch}). One consumer group for all replicas: each outcome is
 * recorded once, by one of them, and every replica reads it from the store.
 *
 * <p>At least once: offsets are committed after the outcomes they cover are recorded, and an unreachable store is
 * waited out on the same record, never skipped. An event that is not an outcome of the contract is counted and
 * logged, and skipped: no retry can make it one.
 */
@ApplicationScoped
public class OutcomeConsumer {

    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);

    private final StatusRecords records;
    private final StatusWatch watch;
    private final OutcomeMetrics metrics;
    private final ObjectMapper json;
    private final String topic;
    private final Map<String, Object> consumerConfig;
    private volatile boolean running = true;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    public OutcomeConsumer(
            StatusRecords records,
            StatusWatch watch,
            OutcomeMetrics metrics,
            ObjectMapper json,
            IngestConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.records = records;
        this.watch = watch;
        this.metrics = metrics;
        this.json = json;
        this.topic = config.status().topic();
        this.consumerConfig = consumerConfig(kafkaConfig, config.status().groupId());
    }

    /** The {@code kafka.*} configuration (bootstrap, TLS, SASL), for a consumer of the group that commits itself. */
    static Map<String, Object> consumerConfig(Map<String, Object> kafkaConfig, String groupId) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.keySet().removeIf(name -> name.endsWith(".serializer") || name.endsWith(".deserializer"));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // A new group reads the topic from its start: every outcome still kept becomes a status.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "docstream-ingest-status");
        return config;
    }

    void start(@Observes StartupEvent started) {
        thread = new Thread(this::consume, "outcome-consumer");
        thread.setDaemon(true);
        thread.start();
        Log.infof("recording document outcomes from topic %s (group %s)", topic, consumerConfig.get("group.id"));
    }

    @PreDestroy
    void stop() {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void consume() {
        try (KafkaConsumer<String, byte[]> kafka =
                new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = kafka;
            kafka.subscribe(List.of(topic));
            while (running) {
                ConsumerRecords<String, byte[]> batch = kafka.poll(POLL);
                for (ConsumerRecord<String, byte[]> record : batch) {
                    if (!recordPatiently(record)) {
                        return; // stopping: the offset stays uncommitted, the next consumer records it
                    }
                }
                if (!batch.isEmpty()) {
                    commit(kafka);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            Log.errorf(e, "the outcome consumer stopped: statuses are no longer recorded by this replica");
            throw e;
        }
    }

    private static void commit(KafkaConsumer<String, byte[]> kafka) {
        try {
            kafka.commitSync();
        } catch (CommitFailedException e) {
            // The group moved the partitions elsewhere meanwhile: their new owner records those outcomes again.
            Log.warnf("outcome offsets not committed (%s): another replica records them again", e.getMessage());
        }
    }

    /** Records one event, waiting out an unreachable store; false only when the service stops meanwhile. */
    private boolean recordPatiently(ConsumerRecord<String, byte[]> record) {
        Duration pause = FIRST_RETRY;
        while (running) {
            try {
                handle(record);
                return true;
            } catch (StoreUnavailable | StoreRefused e) {
                Log.warnf(
                        "cannot record the outcome of %s (%s); retrying in %d ms",
                        record.key(), e.getMessage(), pause.toMillis());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                pause = pause.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : pause.multipliedBy(2);
            }
        }
        return false;
    }

    void handle(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : record.headers()) {
            headers.put(
                    header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        String where = record.topic() + "/" + record.partition() + "@" + record.offset();
        var headerProblem = OutcomeHeaders.problem(headers);
        if (headerProblem.isPresent()) {
            reject(where, headerProblem.get());
            return;
        }
        JsonNode data;
        try {
            data = record.value() == null ? null : json.readTree(record.value());
        } catch (IOException e) {
            reject(where, "the value is not JSON");
            return;
        }
        RecordedOutcome.Parsed parsed = RecordedOutcome.parse(data);
        if (parsed instanceof RecordedOutcome.Invalid invalid) {
            reject(where, invalid.problem());
            return;
        }
        RecordedOutcome outcome = ((RecordedOutcome.Valid) parsed).outcome();
        if (!DocumentId.isWellFormed(outcome.docId())) {
            metrics.outcome("ignored"); // a bad arrival's key: no document of this service has that id
            return;
        }
        if (records.record(outcome, record.value())) {
            metrics.outcome("recorded");
            watch.changed(outcome.docId());
        } else {
            metrics.outcome("seen");
        }
    }

    private void reject(String where, String problem) {
        metrics.outcome("rejected");
        Log.warnf("skipped %s: not an outcome event (%s)", where, problem);
    }
}
