package io.docstream.ingest.announce;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docstream.contract.ArrivalHeaders;
import io.docstream.ingest.config.IngestConfig;
import io.docstream.ingest.store.StoredDocument;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Announces a stored document on the arrivals topic as a CloudEvent in Kafka binary mode, and returns
 * only once the broker has acknowledged it (acks=all, idempotent producer).
 *
 * <p>A plain {@link KafkaProducer} rather than a reactive-messaging Emitter: the upload must wait for
 * the ack with its own deadline and then answer 503, and with the plain producer that deadline bounds
 * every step (metadata wait, send, ack) through {@code max.block.ms} / {@code delivery.timeout.ms},
 * with no channel buffer or overflow strategy in between that could hold a record after we gave up.
 */
@ApplicationScoped
public class ArrivalAnnouncer {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final Duration ackTimeout;
    private final ObjectMapper json;
    private final Clock clock;

    public ArrivalAnnouncer(
            IngestConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            ObjectMapper json,
            Clock clock) {
        this.topic = config.topic();
        this.ackTimeout = config.announce().ackTimeout();
        this.json = json;
        this.clock = clock;
        this.producer = new KafkaProducer<>(
                producerConfig(kafkaConfig, ackTimeout), new StringSerializer(), new ByteArraySerializer());
    }

    /** Where an announcement landed on the arrivals topic. */
    public record Announced(int partition, long offset) {}

    /** Sends the event and waits for the broker's ack; throws {@link AnnouncementFailed} otherwise. */
    public Announced announce(StoredDocument document) {
        return send(
                record(topic, document, data(json, document), UUID.randomUUID().toString(), clock.instant()),
                document.docId());
    }

    /**
     * Announces a stored document again as a replay ({@link ArrivalHeaders#REPLAY_ID}): the job reads it although
     * it saw the document before, once per replay id.
     */
    public Announced announceReplay(StoredDocument document, String replayId) {
        Map<String, String> headers =
                ArrivalHeaders.replay(UUID.randomUUID().toString(), clock.instant(), document.docId(), replayId);
        return send(record(topic, document, data(json, document), headers), document.docId());
    }

    private Announced send(ProducerRecord<String, byte[]> record, String docId) {
        try {
            Future<RecordMetadata> ack = producer.send(record);
            RecordMetadata metadata = ack.get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Announced(metadata.partition(), metadata.offset());
        } catch (TimeoutException e) {
            throw new AnnouncementFailed(
                    "Kafka did not acknowledge the arrival of " + docId + " within " + ackTimeout.toMillis() + " ms",
                    e);
        } catch (ExecutionException e) {
            throw new AnnouncementFailed(
                    "Kafka refused the arrival of " + docId + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (KafkaException e) {
            // send() itself throws when the topic's metadata cannot be had within max.block.ms.
            throw new AnnouncementFailed("cannot send the arrival of " + docId + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnnouncementFailed("interrupted while waiting for Kafka's ack of " + docId, e);
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }

    /** The Kafka record announcing {@code document}: key doc_id, value the event's data, CloudEvents headers. */
    static ProducerRecord<String, byte[]> record(
            String topic, StoredDocument document, byte[] data, String eventId, Instant time) {
        return record(topic, document, data, ArrivalHeaders.of(eventId, time, document.docId()));
    }

    static ProducerRecord<String, byte[]> record(
            String topic, StoredDocument document, byte[] data, Map<String, String> ceHeaders) {
        RecordHeaders headers = new RecordHeaders();
        ceHeaders.forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(topic, null, document.docId(), data, headers);
    }

    static byte[] data(ObjectMapper json, StoredDocument document) {
        try {
            return json.writeValueAsBytes(DocumentArrived.of(document));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the arrival event of " + document.docId() + " cannot be serialized", e);
        }
    }

    /**
     * The {@code kafka.*} configuration with the guarantees this service relies on forced: acks from all
     * in-sync replicas, no duplicates from producer retries, and no step that outlives the ack deadline.
     */
    static Map<String, Object> producerConfig(Map<String, Object> kafkaConfig, Duration ackTimeout) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "docstream-ingest");
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 1);
        int timeoutMs = Math.toIntExact(ackTimeout.toMillis());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        // delivery.timeout.ms must cover linger.ms + request.timeout.ms; past it the producer drops the record.
        long linger = Long.parseLong(String.valueOf(config.get(ProducerConfig.LINGER_MS_CONFIG)));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.toIntExact(timeoutMs + linger));
        return config;
    }
}
