package io.docstream.job.outcomes;

import io.docstream.job.JobSettings.Key;
import io.docstream.table.BatchCommitListener;
import io.docstream.table.CommittedBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the outcome of every committed document on the document-outcomes topic, from the driver, without
 * holding the batch: {@link #committed} only puts the batch's records in a bounded queue, and one sender thread
 * hands them to an idempotent producer that retries until the broker takes them. Kafka away delays the outcomes,
 * never the tables. While it is away the queue fills; the records of a batch that do not fit are dropped, each
 * drop told in an ERROR line with the doc ids and counted ({@link #counts}): those documents are in the tables, and
 * the ingest service keeps showing them as {@code received}.
 */
public final class OutcomePublisher implements BatchCommitListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomePublisher.class);

    /** How long one hand-over to the producer may wait for the topic's metadata or buffer space. */
    static final Duration SEND_BLOCK = Duration.ofSeconds(5);
    /** How long {@link #close} lets the sender drain what waits. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private static final Duration OUTAGE_REMINDER = Duration.ofMinutes(1);
    private static final int DOC_IDS_LOGGED = 50;
    /** The producer's own buffer, on top of the queue: records handed over, not yet acknowledged. */
    private static final long PRODUCER_BUFFER_BYTES = 16L << 20;

    /** What the publisher did so far. {@code waiting}: in the queue or handed over, not yet acknowledged. */
    public record Counts(long published, long waiting, long dropped, long failed) {}

    private final String topic;
    private final int capacity;
    private final BlockingQueue<ProducerRecord<String, byte[]>> queue;
    private final Producer<String, byte[]> producer;
    private final Thread sender;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    /** Taken from the queue, not yet acknowledged or failed: held by the sender, or in the producer's buffer. */
    private final AtomicLong taken = new AtomicLong();

    private volatile ProducerRecord<String, byte[]> holding;
    private volatile boolean closing;
    private final AtomicBoolean closed = new AtomicBoolean();

    OutcomePublisher(String topic, int capacity, Producer<String, byte[]> producer) {
        this.topic = topic;
        this.capacity = capacity;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.producer = producer;
        this.sender = new Thread(this::sendAll, "outcome-publisher");
        sender.setDaemon(true);
        sender.start();
    }

    /**
     * @param clientOptions Kafka client settings beyond the bootstrap servers (TLS, SASL), as the Kafka client
     *                      names them
     */
    public static OutcomePublisher start(
            OutcomeSettings settings, String bootstrap, Map<String, String> clientOptions) {
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                producerConfig(bootstrap, clientOptions), new StringSerializer(), new ByteArraySerializer());
        LOG.info(
                "outcome events go to topic {} ({} events wait for Kafka at most)",
                settings.topic(),
                settings.buffer());
        return new OutcomePublisher(settings.topic(), settings.buffer(), producer);
    }

    /**
     * Acks from every in-sync replica, idempotent retries for as long as it takes (a record the producer holds is
     * never given up on), and hand-overs that block the sender thread for {@link #SEND_BLOCK} at most.
     */
    static Map<String, Object> producerConfig(String bootstrap, Map<String, String> clientOptions) {
        Map<String, Object> config = new HashMap<>(clientOptions);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.toIntExact(SEND_BLOCK.toMillis()));
        config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, PRODUCER_BUFFER_BYTES);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "docstream-job-outcomes");
        return config;
    }

    /** Queues the batch's outcome events and returns: never waits for Kafka. */
    @Override
    public void committed(CommittedBatch batch) {
        List<ProducerRecord<String, byte[]>> records = OutcomeRecords.of(topic, batch);
        List<String> notQueued = new ArrayList<>();
        for (ProducerRecord<String, byte[]> record : records) {
            if (closing || !queue.offer(record)) {
                notQueued.add(record.key());
            }
        }
        if (!notQueued.isEmpty()) {
            dropped.addAndGet(notQueued.size());
            LOG.error(
                    "batch {}: {} of its {} outcome events DROPPED: {} events already wait for Kafka ({} = {}). Those"
                            + " documents are committed to the tables; the ingest service shows them as received."
                            + " Doc ids: {}",
                    batch.batchId(),
                    notQueued.size(),
                    records.size(),
                    queue.size(),
                    Key.OUTCOMES_BUFFER.conf(),
                    capacity,
                    listed(notQueued));
        }
    }

    /** Events in the queue, not yet taken by the sender. */
    int queued() {
        return queue.size();
    }

    public Counts counts() {
        long waiting = queue.size() + taken.get();
        return new Counts(published.get(), waiting, dropped.get(), failed.get());
    }

    /** Sends what waits for up to {@link #CLOSE_WAIT}, then stops; what is still unsent is logged. Once. */
    @Override
    public void close() {
        closing = true;
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            sender.join(CLOSE_WAIT.toMillis());
            if (sender.isAlive()) {
                sender.interrupt();
                sender.join(SEND_BLOCK.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long unsentInQueue = queue.size() + (holding == null ? 0 : 1);
        producer.close(Duration.ofSeconds(5)); // records still unacknowledged fail now: counted as failed
        Counts counts = counts();
        if (unsentInQueue > 0 || counts.failed() > 0 || counts.dropped() > 0) {
            LOG.error(
                    "outcome events at stop: {} published, {} never sent, {} failed, {} dropped (their documents stay"
                            + " received in the ingest service; the tables have them)",
                    counts.published(),
                    unsentInQueue,
                    counts.failed(),
                    counts.dropped());
        } else {
            LOG.info("outcome events at stop: {} published, none lost", counts.published());
        }
    }

    private void sendAll() {
        long outageSince = 0;
        long lastReminder = 0;
        while (true) {
            ProducerRecord<String, byte[]> record = holding;
            if (record == null) {
                if (closing && queue.isEmpty()) {
                    return;
                }
                try {
                    record = queue.poll(200, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                if (record == null) {
                    continue;
                }
                taken.incrementAndGet();
                holding = record;
            }
            try {
                handOver(record);
                holding = null;
                if (outageSince != 0) {
                    LOG.info(
                            "outcome events flow again after {} s without Kafka",
                            (System.nanoTime() - outageSince) / 1_000_000_000);
                    outageSince = 0;
                }
            } catch (TimeoutException e) {
                // No metadata for the topic (broker away) or no room in the producer's buffer: the record waits.
                long now = System.nanoTime();
                if (outageSince == 0 || now - lastReminder > OUTAGE_REMINDER.toNanos()) {
                    outageSince = outageSince == 0 ? now : outageSince;
                    lastReminder = now;
                    LOG.warn(
                            "outcome events wait: Kafka does not take them ({}); {} waiting",
                            e.getMessage(),
                            counts().waiting());
                }
            } catch (InterruptException e) {
                return;
            } catch (KafkaException e) {
                holding = null;
                taken.decrementAndGet();
                failed.incrementAndGet();
                LOG.error("the outcome event of {} cannot be sent, not retried: {}", record.key(), e.toString());
            }
        }
    }

    /**
     * Hands one record to the producer; throws {@link TimeoutException} when the producer did not take it (no
     * metadata for the topic, or no room in its buffer, within {@link #SEND_BLOCK}): the caller keeps it and tries
     * again.
     */
    private void handOver(ProducerRecord<String, byte[]> record) {
        Delivery delivery = new Delivery(record.key());
        producer.send(record, delivery);
        delivery.handedOver();
    }

    /**
     * The outcome of one send. The producer reports a record it did not take (a timeout waiting for metadata or
     * buffer space) through the callback, before send() returns: that is no delivery failure but a record still to
     * send, told to the sender thread instead of counted.
     */
    private final class Delivery implements Callback {

        private final String docId;
        private boolean returned;
        private TimeoutException notTaken;

        Delivery(String docId) {
            this.docId = docId;
        }

        @Override
        public synchronized void onCompletion(RecordMetadata metadata, Exception exception) {
            if (!returned && exception instanceof TimeoutException timeout) {
                notTaken = timeout;
                return;
            }
            taken.decrementAndGet();
            if (exception == null) {
                published.incrementAndGet();
            } else {
                failed.incrementAndGet();
                LOG.error("the outcome event of {} was not published: {}", docId, exception.toString());
            }
        }

        synchronized void handedOver() {
            returned = true;
            if (notTaken != null) {
                throw notTaken;
            }
        }
    }

    private static String listed(List<String> docIds) {
        if (docIds.size() <= DOC_IDS_LOGGED) {
            return String.join(", ", docIds);
        }
        return String.join(", ", docIds.subList(0, DOC_IDS_LOGGED)) + " and " + (docIds.size() - DOC_IDS_LOGGED)
                + " more";
    }
}
