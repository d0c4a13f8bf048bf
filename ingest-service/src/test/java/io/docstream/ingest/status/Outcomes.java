package io.docstream.ingest.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docstream.contract.ContractSchema;
import io.docstream.contract.Outcome;
import io.docstream.contract.OutcomeFields;
import io.docstream.contract.OutcomeHeaders;
import io.docstream.contract.Timestamps;
import io.docstream.ingest.Api;
import io.docstream.ingest.LocalServers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays the job's part: publishes outcome events on the service's document-outcomes topic, each checked against
 * docs/outcomes.schema.json first, with the contract's headers.
 */
public final class Outcomes implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Api.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
            new StringSerializer(),
            new ByteArraySerializer());

    /** The data of the outcome of the arrival at {@code partition}/{@code offset}, in the schema's field order. */
    public static ObjectNode data(
            String docId,
            Outcome outcome,
            long tableVersion,
            long rows,
            String reason,
            int partition,
            long offset,
            Instant committedAt) {
        ObjectNode data = JSON.createObjectNode();
        data.put(OutcomeFields.DOC_ID, docId);
        data.put(OutcomeFields.FILE_NAME, "a document.txt");
        data.put(OutcomeFields.OUTCOME, outcome.value());
        data.put(OutcomeFields.TABLE, outcome.table());
        data.put(OutcomeFields.TABLE_VERSION, tableVersion);
        data.put(OutcomeFields.ROWS, rows);
        data.put(OutcomeFields.REASON, reason);
        data.put(OutcomeFields.MESSAGE, reason == null ? null : "why: " + reason);
        data.put(OutcomeFields.SOURCE_URI, "s3a://bucket/incoming/" + docId + "/a document.txt");
        data.put(OutcomeFields.KAFKA_PARTITION, partition);
        data.put(OutcomeFields.KAFKA_OFFSET, offset);
        data.put(OutcomeFields.COMMITTED_AT, Timestamps.format(committedAt));
        return data;
    }

    /** Publishes a valid outcome event (schema-checked) and waits for the broker's ack. */
    public void publish(ObjectNode data) {
        assertEquals(List.of(), ContractSchema.OUTCOMES.problems(data.toString()), "the test's outcome event is valid");
        Map<String, String> headers = OutcomeHeaders.of(
                data.get(OutcomeFields.DOC_ID).asText(),
                data.get(OutcomeFields.TABLE).asText(),
                data.get(OutcomeFields.TABLE_VERSION).asLong(),
                data.get(OutcomeFields.KAFKA_PARTITION).asInt(),
                data.get(OutcomeFields.KAFKA_OFFSET).asLong(),
                Instant.parse(data.get(OutcomeFields.COMMITTED_AT).asText()));
        send(data.get(OutcomeFields.DOC_ID).asText(), data.toString().getBytes(StandardCharsets.UTF_8), headers);
    }

    /** Sends any record to the topic, as a producer that does not keep the contract might. */
    void send(String key, byte[] value, Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(LocalServers.OUTCOMES_TOPIC, key, value);
        headers.forEach(
                (name, headerValue) -> record.headers().add(name, headerValue.getBytes(StandardCharsets.UTF_8)));
        try {
            producer.send(record).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("the broker did not take the outcome event", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
