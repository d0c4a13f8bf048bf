package io.docstream.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docstream.contract.ArrivalHeaders;
import io.docstream.contract.DocType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Plays the ingest service's part: announces stored documents on the topic, with the contract's headers. */
public final class Announcer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final List<Future<RecordMetadata>> sent = new ArrayList<>();

    public Announcer(String bootstrapServers, String topic) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        createTopic(bootstrapServers, topic);
        this.producer = new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
        this.topic = topic;
    }

    /** Created up front rather than on first send: auto-creation under load made early sends time out. */
    private static void createTopic(String bootstrapServers, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + topic, e.getCause());
            }
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("cannot create topic " + topic, e);
        }
    }

    /** The event for a document stored at {@code uri}; {@code bytes} gives size and sha256. */
    public static ObjectNode event(
            String docId, String fileName, String docType, String uri, String bucket, String key, byte[] bytes) {
        ObjectNode event = JSON.createObjectNode();
        event.put("doc_id", docId);
        event.put("file_name", fileName);
        event.put("doc_type", docType);
        event.put("uri", uri);
        if (bucket == null) {
            event.putNull("bucket");
        } else {
            event.put("bucket", bucket);
        }
        event.put("key", key);
        event.put("size", bytes.length);
        event.put("sha256", sha256(bytes));
        event.put("content_type", DocType.fromValue(docType).orElseThrow().contentType());
        event.put("received_at", "2026-11-24T03:00:00.100Z");
        return event;
    }

    public void announce(ObjectNode event) {
        String docId = event.path("doc_id").asText();
        send(
                docId,
                event.toString().getBytes(StandardCharsets.UTF_8),
                ArrivalHeaders.of(UUID.randomUUID().toString(), Instant.now(), docId));
    }

    void send(String key, byte[] value, Map<String, String> headers) {
        ProducerRecord<byte[], byte[]> record =
                new ProducerRecord<>(topic, key == null ? null : key.getBytes(StandardCharsets.UTF_8), value);
        headers.forEach(
                (name, headerValue) -> record.headers().add(name, headerValue.getBytes(StandardCharsets.UTF_8)));
        sent.add(producer.send(record));
    }

    /** Waits until the broker has every record: a send that failed fails the test instead of losing an event. */
    public void flush() {
        producer.flush();
        try {
            for (Future<RecordMetadata> result : sent) {
                result.get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("an announcement was not accepted by the broker", e);
        }
        sent.clear();
    }

    @Override
    public void close() {
        flush();
        producer.close();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String docId(String name) {
        return sha256(name.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }
}
