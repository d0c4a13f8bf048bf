package io.docstream.job.outcomes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docstream.contract.Outcome;
import io.docstream.contract.OutcomeFields;
import io.docstream.contract.OutcomeHeaders;
import io.docstream.contract.Timestamps;
import io.docstream.table.CommittedBatch;
import io.docstream.table.CommittedBatch.DocumentOutcome;
import io.docstream.table.CommittedBatch.TableCommit;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The document-outcomes records of one committed batch (docs/events.md): one per announced document, key doc_id,
 * data per docs/outcomes.schema.json, CloudEvents headers ({@link OutcomeHeaders}). Made from the commit alone, so
 * a re-run batch, told the same versions, makes the same records.
 */
final class OutcomeRecords {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeRecords.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private OutcomeRecords() {}

    static List<ProducerRecord<String, byte[]>> of(String topic, CommittedBatch batch) {
        List<ProducerRecord<String, byte[]>> records =
                new ArrayList<>(batch.documents().size());
        for (DocumentOutcome document : batch.documents()) {
            TableCommit commit = batch.tables().get(document.table());
            if (document.docId() == null) {
                // A bad event without a key: nothing anyone could look it up by. Its quarantine entry is the record.
                continue;
            }
            if (commit == null) {
                LOG.error(
                        "batch {}: document {} went to {}, which the batch did not commit; no outcome event",
                        batch.batchId(),
                        document.docId(),
                        document.table());
                continue;
            }
            records.add(record(topic, document, commit));
        }
        return records;
    }

    static ProducerRecord<String, byte[]> record(String topic, DocumentOutcome document, TableCommit commit) {
        RecordHeaders headers = new RecordHeaders();
        OutcomeHeaders.of(
                        document.docId(),
                        commit.table(),
                        commit.version(),
                        document.kafkaPartition(),
                        document.kafkaOffset(),
                        commit.committedAt())
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>(topic, null, document.docId(), data(document, commit), headers);
    }

    static byte[] data(DocumentOutcome document, TableCommit commit) {
        Outcome outcome = Outcome.ofTable(commit.table())
                .orElseThrow(() -> new IllegalArgumentException("no outcome is told for table " + commit.table()));
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(OutcomeFields.DOC_ID, document.docId());
        data.put(OutcomeFields.FILE_NAME, document.fileName());
        data.put(OutcomeFields.OUTCOME, outcome.value());
        data.put(OutcomeFields.TABLE, commit.table());
        data.put(OutcomeFields.TABLE_VERSION, commit.version());
        data.put(OutcomeFields.ROWS, document.rows());
        data.put(OutcomeFields.REASON, document.reason());
        data.put(OutcomeFields.MESSAGE, document.message());
        data.put(OutcomeFields.SOURCE_URI, document.sourceUri());
        data.put(OutcomeFields.KAFKA_PARTITION, document.kafkaPartition());
        data.put(OutcomeFields.KAFKA_OFFSET, document.kafkaOffset());
        data.put(OutcomeFields.COMMITTED_AT, Timestamps.format(commit.committedAt()));
        try {
            return JSON.writeValueAsBytes(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the outcome of " + document.docId() + " cannot be serialized", e);
        }
    }
}
