package io.docstream.job.outcomes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docstream.contract.ContractSchema;
import io.docstream.servers.FreePort;
import io.docstream.servers.KafkaBroker;
import io.docstream.table.CommittedBatch;
import io.docstream.table.CommittedBatch.TableCommit;
import io.docstream.table.DeltaTables;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The driver's publisher against a real broker that is away and comes back: a batch is never held (committed()
 * returns at once), the events wait and are then delivered exactly as many as were kept, and when more wait than
 * the buffer holds, the surplus is dropped and counted, not silently lost. Its own broker: the test stops it.
 */
class OutcomePublisherTest {

    private static final String TOPIC = "outcomes-publisher-test";
    private static final Duration AT_ONCE = Duration.ofMillis(500);

    private final List<AutoCloseable> opened = new ArrayList<>();
    private int batchIds;
    private int offsets;

    @AfterEach
    void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    @Test
    void outcomesWaitForABrokerNotYetThereThenArriveAndWhatDoesNotFitIsDroppedAndCounted() throws Exception {
        int port = FreePort.pick();
        OutcomePublisher publisher =
                OutcomePublisher.start(new OutcomeSettings(TOPIC, 5), "127.0.0.1:" + port, Map.of());
        opened.add(publisher);

        for (int batch = 0; batch < 3; batch++) {
            long started = System.nanoTime();
            publisher.committed(batchOf(3));
            assertTrue(
                    System.nanoTime() - started < AT_ONCE.toNanos(),
                    "committed() returned after " + (System.nanoTime() - started) / 1_000_000 + " ms");
            if (batch == 0) {
                // The sender takes the first event and waits with it for the topic's metadata.
                await().atMost(Duration.ofSeconds(5)).until(() -> publisher.queued() == 2);
            }
        }
        // One event in the sender's hands, five in the queue: the third batch's last three did not fit.
        OutcomePublisher.Counts waiting = publisher.counts();
        assertEquals(new OutcomePublisher.Counts(0, 6, 3, 0), waiting);

        KafkaBroker broker = KafkaBroker.start(Files.createTempDirectory("outcomes-broker"), port);
        opened.add(0, broker);
        await().atMost(Duration.ofSeconds(60)).until(() -> publisher.counts().published() == 6);
        List<ConsumerRecord<String, String>> events = read(broker, 6);
        assertEquals(6, events.size());
        for (ConsumerRecord<String, String> event : events) {
            assertEquals(List.of(), ContractSchema.OUTCOMES.problems(event.value()), event.value());
        }
        assertEquals(new OutcomePublisher.Counts(6, 0, 3, 0), publisher.counts());
    }

    @Test
    void aBrokerThatGoesAwayDelaysTheOutcomesNeverTheBatch() throws Exception {
        KafkaBroker broker = KafkaBroker.start(Files.createTempDirectory("outcomes-broker"));
        opened.add(broker);
        OutcomePublisher publisher =
                OutcomePublisher.start(new OutcomeSettings(TOPIC, 100), broker.bootstrapServers(), Map.of());
        opened.add(publisher);
        publisher.committed(batchOf(2));
        await().atMost(Duration.ofSeconds(60)).until(() -> publisher.counts().published() == 2);

        broker.stop();
        long started = System.nanoTime();
        publisher.committed(batchOf(3));
        publisher.committed(batchOf(3));
        assertTrue(System.nanoTime() - started < AT_ONCE.toNanos(), "the batches were not held");
        Thread.sleep(2000);
        assertEquals(2, publisher.counts().published(), "nothing published while the broker is away");
        assertEquals(6, publisher.counts().waiting());

        broker.restart();
        await().atMost(Duration.ofSeconds(90)).until(() -> publisher.counts().published() == 8);
        assertEquals(new OutcomePublisher.Counts(8, 0, 0, 0), publisher.counts());
        List<ConsumerRecord<String, String>> events = read(broker, 8);
        assertEquals(8, events.size(), "each event once: the producer is idempotent");
        assertEquals(8, events.stream().map(ConsumerRecord::key).distinct().count());
    }

    /** A committed batch of {@code documents} bulletins, each with a new doc_id and arrival offset. */
    private CommittedBatch batchOf(int documents) {
        List<CommittedBatch.DocumentOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < documents; i++) {
            int offset = offsets++;
            outcomes.add(OutcomeRecordsTest.outcome(
                    String.format("%032x", offset + 1),
                    "bulletin " + offset + ".txt",
                    DeltaTables.DOCUMENTS,
                    1,
                    null,
                    0,
                    offset));
        }
        long batchId = batchIds++;
        return new CommittedBatch(
                "query",
                batchId,
                Map.of(
                        DeltaTables.DOCUMENTS,
                        new TableCommit(DeltaTables.DOCUMENTS, batchId, Instant.now(), documents, false)),
                outcomes);
    }

    private static List<ConsumerRecord<String, String>> read(KafkaBroker broker, int expected) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            // A little longer: a duplicate would arrive now.
            consumer.poll(Duration.ofSeconds(2)).forEach(records::add);
            return records;
        }
    }
}
