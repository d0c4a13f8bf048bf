package io.docstream.job.outcomes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docstream.contract.ContractSchema;
import io.docstream.contract.OutcomeFields;
import io.docstream.contract.OutcomeHeaders;
import io.docstream.table.CommittedBatch;
import io.docstream.table.CommittedBatch.DocumentOutcome;
import io.docstream.table.CommittedBatch.TableCommit;
import io.docstream.table.DeltaTables;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * The outcome events of a committed batch against their contract (docs/outcomes.schema.json and the headers):
 * one per document, valid, keyed by doc_id, told from the commit alone so that a re-run batch publishes the same.
 */
public class OutcomeRecordsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final Instant DOCUMENTS_AT = Instant.parse("2026-11-24T03:00:04.512Z");
    static final Instant QUARANTINE_AT = Instant.parse("2026-11-24T03:00:04.730Z");

    /** A batch that wrote a bulletin, a JSON file of 3 records, a quarantined scan and a keyless bad event. */
    static CommittedBatch batch(boolean reRun) {
        Map<String, TableCommit> tables = new LinkedHashMap<>();
        tables.put(DeltaTables.DOCUMENTS, new TableCommit(DeltaTables.DOCUMENTS, 42, DOCUMENTS_AT, 4, reRun));
        tables.put(DeltaTables.QUARANTINE, new TableCommit(DeltaTables.QUARANTINE, 7, QUARANTINE_AT, 2, reRun));
        return new CommittedBatch(
                "query-1",
                12,
                tables,
                List.of(
                        outcome(
                                "3f2b9c1e0a7d4b5c8e6f1a2b3c4d5e6f",
                                "ANALYST 1590.txt",
                                DeltaTables.DOCUMENTS,
                                1,
                                null,
                                0,
                                10),
                        outcome(
                                "0123456789abcdef0123456789abcdef",
                                "claims.json",
                                DeltaTables.DOCUMENTS,
                                3,
                                null,
                                1,
                                4),
                        outcome(
                                "8c1d0e2f3a4b5c6d7e8f9a0b1c2d3e4f",
                                "scan.pdf",
                                DeltaTables.QUARANTINE,
                                1,
                                "NO_TEXT_LAYER",
                                1,
                                5),
                        outcome(null, null, DeltaTables.QUARANTINE, 1, "BAD_EVENT", 0, 11)));
    }

    public static DocumentOutcome outcome(
            String docId, String fileName, String table, long rows, String reason, int partition, long offset) {
        return new DocumentOutcome(
                docId,
                fileName,
                docId == null ? null : "file:/in/" + docId + "/" + fileName,
                table,
                rows,
                reason,
                reason == null ? null : "why: " + reason,
                partition,
                offset,
                Instant.parse("2026-11-24T03:00:00.100Z"));
    }

    @Test
    void eachDocumentWithAnIdHasOneValidEventKeyedByItsDocId() throws Exception {
        List<ProducerRecord<String, byte[]>> records = OutcomeRecords.of("document-outcomes", batch(false));

        assertEquals(
                List.of(
                        "3f2b9c1e0a7d4b5c8e6f1a2b3c4d5e6f",
                        "0123456789abcdef0123456789abcdef",
                        "8c1d0e2f3a4b5c6d7e8f9a0b1c2d3e4f"),
                records.stream().map(ProducerRecord::key).toList(),
                "no event for the bad event without a key");
        for (ProducerRecord<String, byte[]> record : records) {
            String value = new String(record.value(), StandardCharsets.UTF_8);
            assertEquals(List.of(), ContractSchema.OUTCOMES.problems(value), value);
            List<String> fields = new ArrayList<>();
            JSON.readTree(value).fieldNames().forEachRemaining(fields::add);
            assertEquals(ContractSchema.OUTCOMES.fields(), fields, "every field of the schema, in its order");
            assertEquals("document-outcomes", record.topic());
        }
        JsonNode json = JSON.readTree(records.get(1).value());
        assertEquals("row", json.get(OutcomeFields.OUTCOME).asText());
        assertEquals(42, json.get(OutcomeFields.TABLE_VERSION).asLong());
        assertEquals(3, json.get(OutcomeFields.ROWS).asLong());
        assertEquals(
                "2026-11-24T03:00:04.512Z", json.get(OutcomeFields.COMMITTED_AT).asText());
        JsonNode scan = JSON.readTree(records.get(2).value());
        assertEquals("quarantined", scan.get(OutcomeFields.OUTCOME).asText());
        assertEquals("quarantine", scan.get(OutcomeFields.TABLE).asText());
        assertEquals(7, scan.get(OutcomeFields.TABLE_VERSION).asLong());
        assertEquals("NO_TEXT_LAYER", scan.get(OutcomeFields.REASON).asText());
        assertEquals(5, scan.get(OutcomeFields.KAFKA_OFFSET).asLong());
        assertEquals(
                OutcomeHeaders.of("8c1d0e2f3a4b5c6d7e8f9a0b1c2d3e4f", "quarantine", 7, 1, 5, QUARANTINE_AT),
                headers(records.get(2)));
    }

    @Test
    void aReRunBatchPublishesTheSameEventsIdsIncluded() {
        List<ProducerRecord<String, byte[]>> first = OutcomeRecords.of("t", batch(false));
        List<ProducerRecord<String, byte[]>> again = OutcomeRecords.of("t", batch(true));
        assertEquals(first.size(), again.size());
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i).key(), again.get(i).key());
            assertArrayEquals(first.get(i).value(), again.get(i).value());
            assertEquals(headers(first.get(i)), headers(again.get(i)));
        }
    }

    static Map<String, String> headers(ProducerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
