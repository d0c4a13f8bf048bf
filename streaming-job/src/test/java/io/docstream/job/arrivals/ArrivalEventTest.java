package io.docstream.job.arrivals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docstream.contract.ArrivalFields;
import io.docstream.contract.ArrivalHeaders;
import io.docstream.contract.ContractSchema;
import io.docstream.contract.DocType;
import io.docstream.job.Announcer;
import io.docstream.job.read.SourceConfinement;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The job accepts the contract's example (docs/events.schema.json) and quarantines what is not an event. */
class ArrivalEventTest {

    @Test
    void theSchemasExampleIsAccepted() {
        String example = ContractSchema.ARRIVALS.example();
        assertEquals(List.of(), ContractSchema.ARRIVALS.problems(example));
        Map<String, String> headers = ArrivalHeaders.of(
                "5f0c7a52-2a4e-4c39-9a51-3b2f3e0c9d11",
                Instant.parse("2026-11-24T03:00:00.123Z"),
                "3f2b9c1e0a7d4b5c8e6f1a2b3c4d5e6f");

        ArrivalEvent.Parsed parsed = ArrivalEvent.parse(example.getBytes(StandardCharsets.UTF_8), headers);

        ArrivalEvent event = assertInstanceOf(ArrivalEvent.Good.class, parsed).event();
        assertEquals("3f2b9c1e0a7d4b5c8e6f1a2b3c4d5e6f", event.docId());
        assertEquals("ADMINISTRATIVE ANALYST 1590 060118.txt", event.fileName());
        assertEquals(DocType.BULLETIN, event.docType());
        assertEquals(
                "s3a://docstream-input/incoming/3f2b9c1e0a7d4b5c8e6f1a2b3c4d5e6f/ADMINISTRATIVE ANALYST 1590 060118.txt",
                event.uri());
        assertEquals(9133, event.size());
        assertEquals(Instant.parse("2026-11-24T03:00:00.100Z"), event.receivedAt());
        SourceConfinement confinement = new SourceConfinement("s3a://docstream-input/incoming/");
        assertInstanceOf(SourceConfinement.Allowed.class, confinement.check(event.uri()));
    }

    @Test
    void theParserReadsTheSchemasFieldsAndDocTypes() {
        assertEquals(
                Arrays.stream(DocType.values()).map(DocType::value).toList(),
                ContractSchema.ARRIVALS.enumOf(ArrivalFields.DOC_TYPE));
        assertEquals(ContractSchema.ARRIVALS.fields(), ArrivalFields.ALL, "ArrivalFields vs docs/events.schema.json");
        for (String required : ContractSchema.ARRIVALS.required()) {
            ObjectNode without = ContractSchema.ARRIVALS.examples().get(0);
            without.remove(required);
            assertEquals(1, ContractSchema.ARRIVALS.problems(without.toString()).size(), required);
            assertInstanceOf(
                    ArrivalEvent.Bad.class,
                    ArrivalEvent.parse(without.toString().getBytes(StandardCharsets.UTF_8), HEADERS),
                    "the job accepts an event without " + required);
        }
        ObjectNode announced = Announcer.event(
                "3f2b9c1e0a7d4b5c8e6f1a2b3c4d5e6f",
                "a.pdf",
                "bulletin_pdf",
                "file:/in/a.pdf",
                null,
                "a.pdf",
                new byte[] {1, 2});
        assertEquals(List.of(), ContractSchema.ARRIVALS.problems(announced.toString()), "the test announcer's events");
        List<String> fields = new ArrayList<>();
        announced.fieldNames().forEachRemaining(fields::add);
        assertEquals(ContractSchema.ARRIVALS.fields(), fields);
    }

    private static final Map<String, String> HEADERS = ArrivalHeaders.of("1", Instant.EPOCH, "a");
    private static final String SHA = "\"sha256\":\"" + "ab".repeat(32) + "\"";

    @Test
    void aPdfBulletinIsItsOwnDocType() {
        String value = "{\"doc_id\":\"a\",\"uri\":\"file:/in/a.pdf\",\"doc_type\":\"bulletin_pdf\"," + SHA + "}";
        ArrivalEvent event = assertInstanceOf(
                        ArrivalEvent.Good.class, ArrivalEvent.parse(value.getBytes(StandardCharsets.UTF_8), HEADERS))
                .event();
        assertEquals(DocType.BULLETIN_PDF, event.docType());
    }

    @Test
    void unknownFieldsAreIgnored() {
        String value = "{\"doc_id\":\"a\",\"uri\":\"file:/in/a.txt\",\"doc_type\":\"json_record\"," + SHA
                + ",\"new_field\":[1,2]}";
        assertInstanceOf(ArrivalEvent.Good.class, ArrivalEvent.parse(value.getBytes(StandardCharsets.UTF_8), HEADERS));
    }

    @Test
    void anEventWithoutTheRequiredCloudEventsHeadersOrSha256IsBad() {
        String value = "{\"doc_id\":\"a\",\"uri\":\"file:/in/a.txt\",\"doc_type\":\"bulletin\"," + SHA + "}";
        assertBad(value, Map.of(), "ce_specversion is missing");
        for (String header : ArrivalHeaders.REQUIRED) {
            Map<String, String> without = new java.util.HashMap<>(HEADERS);
            without.remove(header);
            assertBad(value, without, header + " is missing");
        }
        Map<String, String> otherVersion = new java.util.HashMap<>(HEADERS);
        otherVersion.put("ce_specversion", "0.3");
        assertBad(value, otherVersion, "ce_specversion");
        assertBad("{\"doc_id\":\"a\",\"uri\":\"file:/in/a.txt\",\"doc_type\":\"bulletin\"}", HEADERS, "sha256");
        assertBad(
                "{\"doc_id\":\"a\",\"uri\":\"file:/in/a.txt\",\"doc_type\":\"bulletin\",\"sha256\":\"00\"}",
                HEADERS,
                "sha256");
    }

    @Test
    void whatIsNotAnArrivalEventIsBadWithAReason() {
        assertBad("not json at all", HEADERS, "not JSON");
        assertBad("[1,2]", HEADERS, "not a JSON object");
        assertBad("{\"uri\":\"file:/in/a.txt\",\"doc_type\":\"bulletin\"}", HEADERS, "doc_id and uri");
        assertBad("{\"doc_id\":\"a\",\"doc_type\":\"bulletin\"}", HEADERS, "doc_id and uri");
        assertBad(
                "{\"doc_id\":\"a\",\"uri\":\"file:/in/a.pdf\",\"doc_type\":\"pdf\"}",
                HEADERS,
                "unknown doc_type 'pdf'");
        assertBad(
                "{\"doc_id\":\"a\",\"uri\":\"file:/in/a.txt\",\"doc_type\":\"bulletin\",\"received_at\":\"yesterday\"}",
                HEADERS,
                "received_at");
        Map<String, String> otherType = new java.util.HashMap<>(HEADERS);
        otherType.put("ce_type", "io.docstream.document.deleted.v1");
        assertBad("{\"doc_id\":\"a\",\"uri\":\"file:/in/a.txt\",\"doc_type\":\"bulletin\"}", otherType, "ce_type");
        assertInstanceOf(ArrivalEvent.Bad.class, ArrivalEvent.parse(null, HEADERS));
    }

    private static void assertBad(String value, Map<String, String> headers, String expectedProblem) {
        ArrivalEvent.Bad bad = assertInstanceOf(
                ArrivalEvent.Bad.class, ArrivalEvent.parse(value.getBytes(StandardCharsets.UTF_8), headers));
        assertTrue(bad.problem().contains(expectedProblem), bad.problem());
        assertTrue(bad.message().contains(value.substring(0, Math.min(10, value.length()))), bad.message());
    }
}
