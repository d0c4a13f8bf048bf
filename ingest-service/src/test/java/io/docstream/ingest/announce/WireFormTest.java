package io.docstream.ingest.announce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docstream.contract.DocType;
import io.docstream.ingest.store.StoredDocument;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/** The arrival event's bytes on the wire for one fixed document: headers in order, key, value. */
class WireFormTest {

    @Test
    void theRecordIsPinnedByteForByte() {
        StoredDocument document = new StoredDocument(
                "3f2b9c1e0a7d4b5c8e6f1a2b3c4d5e6f",
                "ADMINISTRATIVE ANALYST 1590 060118.txt",
                DocType.BULLETIN,
                "file:/var/lib/docstream/incoming/3f2b9c1e0a7d4b5c8e6f1a2b3c4d5e6f/ADMINISTRATIVE ANALYST 1590 060118.txt",
                null,
                "incoming/3f2b9c1e0a7d4b5c8e6f1a2b3c4d5e6f/ADMINISTRATIVE ANALYST 1590 060118.txt",
                9133,
                "9a3f0e0c5b8f7d6e5c4b3a29180706f5e4d3c2b1a09f8e7d6c5b4a3928170605",
                "text/plain; charset=UTF-8",
                Instant.parse("2026-11-24T03:00:00.100Z"));

        ProducerRecord<String, byte[]> record = ArrivalAnnouncer.record(
                "document-arrivals",
                document,
                ArrivalAnnouncer.data(new ObjectMapper(), document),
                "5f0c7a52-2a4e-4c39-9a51-3b2f3e0c9d11",
                Instant.parse("2026-11-24T03:00:00.120Z"));

        List<String> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(header.key() + ": " + new String(header.value(), StandardCharsets.UTF_8));
        }
        assertEquals(
                List.of(
                        "ce_specversion: 1.0",
                        "ce_id: 5f0c7a52-2a4e-4c39-9a51-3b2f3e0c9d11",
                        "ce_source: /docstream/ingest-service",
                        "ce_type: io.docstream.document.arrived.v1",
                        "ce_time: 2026-11-24T03:00:00.120Z",
                        "ce_subject: 3f2b9c1e0a7d4b5c8e6f1a2b3c4d5e6f",
                        "content-type: application/json"),
                headers);
        assertEquals("document-arrivals", record.topic());
        assertNull(record.partition());
        assertEquals("3f2b9c1e0a7d4b5c8e6f1a2b3c4d5e6f", record.key());
        assertEquals(
                "{\"doc_id\":\"3f2b9c1e0a7d4b5c8e6f1a2b3c4d5e6f\","
                        + "\"file_name\":\"ADMINISTRATIVE ANALYST 1590 060118.txt\",\"doc_type\":\"bulletin\","
                        + "\"uri\":\"file:/var/lib/docstream/incoming/3f2b9c1e0a7d4b5c8e6f1a2b3c4d5e6f/ADMINISTRATIVE ANALYST 1590 060118.txt\","
                        + "\"bucket\":null,\"key\":\"incoming/3f2b9c1e0a7d4b5c8e6f1a2b3c4d5e6f/ADMINISTRATIVE ANALYST 1590 060118.txt\","
                        + "\"size\":9133,\"sha256\":\"9a3f0e0c5b8f7d6e5c4b3a29180706f5e4d3c2b1a09f8e7d6c5b4a3928170605\","
                        + "\"content_type\":\"text/plain; charset=UTF-8\",\"received_at\":\"2026-11-24T03:00:00.100Z\"}",
                new String(record.value(), StandardCharsets.UTF_8));
    }
}
