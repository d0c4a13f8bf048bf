package io.docstream.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docstream.extract.DocType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The job accepts exactly the contract's example (docs/events.md) and quarantines what is not an event. */
class ArrivalEventTest {

    @Test
    void theContractsExampleIsAccepted() throws Exception {
        String contract = Files.readString(Path.of("..", "docs", "events.md"));
        Matcher json = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(contract);
        assertTrue(json.find(), "docs/events.md has a json example");
        Matcher headerBlock = Pattern.compile("Headers:\\s*```\\n(.*?)```", Pattern.DOTALL).matcher(contract);
        assertTrue(headerBlock.find(), "docs/events.md has example headers");
        Map<String, String> headers = new LinkedHashMap<>();
        headerBlock.group(1).lines().filter(l -> l.contains(":")).forEach(l ->
                headers.put(l.substring(0, l.indexOf(':')).trim(), l.substring(l.indexOf(':') + 1).trim()));

        ArrivalEvent.Parsed parsed = ArrivalEvent.parse(json.group(1).getBytes(StandardCharsets.UTF_8), headers);

        ArrivalEvent event = assertInstanceOf(ArrivalEvent.Good.class, parsed).event();
        assertEquals("3f2b9c1e0a7d4b5c8e6f1a2b3c4d5e6f", event.docId());
        assertEquals("ADMINISTRATIVE ANALYST 1590 060118.txt", event.fileName());
        assertEquals(DocType.BULLETIN, event.docType());
        assertEquals("s3a://docstream-input/incoming/3f2b9c1e0a7d4b5c8e6f1a2b3c4d5e6f/ADMINISTRATIVE ANALYST 1590 060118.txt",
                event.uri());
        assertEquals(9133, event.size());
        assertEquals(Instant.parse("2026-11-24T03:00:00.100Z"), event.receivedAt());
        SourceConfinement confinement = new SourceConfinement("s3a://docstream-input/incoming/");
        assertInstanceOf(SourceConfinement.Allowed.class, confinement.check(event.uri()));
    }

    private static final Map<String, String> HEADERS = Map.of("ce_specversion", "1.0", "ce_id", "1",
            "ce_source", "/docstream/ingest-service", "ce_type", ArrivalEvent.EVENT_TYPE);
    private static final String SHA = "\"sha256\":\"" + "ab".repeat(32) + "\"";

    @Test
    void aPdfBulletinIsItsOwnDocType() {
        String value = "{\"doc_id\":\"a\",\"uri\":\"file:/in/a.pdf\",\"doc_type\":\"bulletin_pdf\"," + SHA + "}";
        ArrivalEvent event = assertInstanceOf(ArrivalEvent.Good.class,
                ArrivalEvent.parse(value.getBytes(StandardCharsets.UTF_8), HEADERS)).event();
        assertEquals(DocType.BULLETIN_PDF, event.docType());
    }

    @Test
    void unknownFieldsAreIgnored() {
        String value = "{\"doc_id\":\"a\",\"uri\":\"file:/in/a.txt\",\"doc_type\":\"json_record\"," + SHA + ",\"new_field\":[1,2]}";
        assertInstanceOf(ArrivalEvent.Good.class, ArrivalEvent.parse(value.getBytes(StandardCharsets.UTF_8), HEADERS));
    }

    @Test
    void anEventWithoutTheRequiredCloudEventsHeadersOrSha256IsBad() {
        String value = "{\"doc_id\":\"a\",\"uri\":\"file:/in/a.txt\",\"doc_type\":\"bulletin\"," + SHA + "}";
        assertBad(value, Map.of(), "ce_specversion is missing");
        for (String header : ArrivalEvent.REQUIRED_HEADERS) {
            Map<String, String> without = new java.util.HashMap<>(HEADERS);
            without.remove(header);
            assertBad(value, without, header + " is missing");
        }
        Map<String, String> otherVersion = new java.util.HashMap<>(HEADERS);
        otherVersion.put("ce_specversion", "0.3");
        assertBad(value, otherVersion, "ce_specversion");
        assertBad("{\"doc_id\":\"a\",\"uri\":\"file:/in/a.txt\",\"doc_type\":\"bulletin\"}", HEADERS, "sha256");
        assertBad("{\"doc_id\":\"a\",\"uri\":\"file:/in/a.txt\",\"doc_type\":\"bulletin\",\"sha256\":\"00\"}", HEADERS, "sha256");
    }

    @Test
    void whatIsNotAnArrivalEventIsBadWithAReason() {
        assertBad("not json at all", HEADERS, "not JSON");
        assertBad("[1,2]", HEADERS, "not a JSON object");
        assertBad("{\"uri\":\"file:/in/a.txt\",\"doc_type\":\"bulletin\"}", HEADERS, "doc_id and uri");
        assertBad("{\"doc_id\":\"a\",\"doc_type\":\"bulletin\"}", HEADERS, "doc_id and uri");
        assertBad("{\"doc_id\":\"a\",\"uri\":\"file:/in/a.pdf\",\"doc_type\":\"pdf\"}", HEADERS, "unknown doc_type 'pdf'");
        assertBad("{\"doc_id\":\"a\",\"uri\":\"file:/in/a.txt\",\"doc_type\":\"bulletin\",\"received_at\":\"yesterday\"}",
                HEADERS, "received_at");
        Map<String, String> otherType = new java.util.HashMap<>(HEADERS);
        otherType.put("ce_type", "io.docstream.document.deleted.v1");
        assertBad("{\"doc_id\":\"a\",\"uri\":\"file:/in/a.txt\",\"doc_type\":\"bulletin\"}", otherType, "ce_type");
        assertInstanceOf(ArrivalEvent.Bad.class, ArrivalEvent.parse(null, HEADERS));
    }

    private static void assertBad(String value, Map<String, String> headers, String expectedProblem) {
        ArrivalEvent.Bad bad = assertInstanceOf(ArrivalEvent.Bad.class,
                ArrivalEvent.parse(value.getBytes(StandardCharsets.UTF_8), headers));
        assertTrue(bad.problem().contains(expectedProblem), bad.problem());
        assertTrue(bad.message().contains(value.substring(0, Math.min(10, value.length()))), bad.message());
    }
}
