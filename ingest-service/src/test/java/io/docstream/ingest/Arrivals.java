package io.docstream.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the arrivals topic the way the streaming job does, with a plain consumer: from the end as
 * it was when opened, so a test sees only what its own requests announced.
 */
public final class Arrivals implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions;
    private final Map<TopicPartition, Long> start;

    private Arrivals(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new StringDeserializer(),
                new StringDeserializer());
        partitions = consumer.partitionsFor(topic, Duration.ofSeconds(20)).stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        consumer.assign(partitions);
        start = consumer.endOffsets(partitions, Duration.ofSeconds(20));
        start.forEach(consumer::seek);
    }

    public static Arrivals fromNow(String bootstrapServers, String topic) {
        return new Arrivals(bootstrapServers, topic);
    }

    /** Every record announced since this reader was opened, waiting until at least {@code atLeast} came. */
    public List<ConsumerRecord<String, String>> await(int atLeast) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (records.size() < atLeast && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        if (records.size() < atLeast) {
            throw new AssertionError("expected at least " + atLeast + " arrival(s), got " + records.size());
        }
        return records;
    }

    public ConsumerRecord<String, String> awaitOne() {
        List<ConsumerRecord<String, String>> records = await(1);
        if (records.size() != 1) {
            throw new AssertionError("expected exactly one arrival, got " + records.size());
        }
        return records.get(0);
    }

    /** How many records were appended to the topic since this reader was opened (acked ones only). */
    public long countSinceOpened() {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(20));
        return end.entrySet().stream()
                .mapToLong(e -> e.getValue() - start.get(e.getKey()))
                .sum();
    }

    public static Map<String, String> headers(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
