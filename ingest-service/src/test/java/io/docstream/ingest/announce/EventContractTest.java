package io.docstream.ingest.announce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docstream.ingest.Api;
import io.docstream.ingest.Arrivals;
import io.docstream.ingest.Corpus;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.docstream.ingest.Api.client;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The produced event against the example in docs/events.md, parsed from the file itself: the same
 * headers with the same fixed values, the same data fields with the same JSON types.
 */
@QuarkusTest
class EventContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RFC_3339_UTC = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");

    @Test
    void theEventHasTheContractsHeadersAndDataShape() throws Exception {
        String contract = Files.readString(Path.of(System.getProperty("docs.dir", "../docs")).resolve("events.md"));
        Map<String, String> exampleHeaders = exampleHeaders(contract);
        JsonNode exampleData = JSON.readTree(between(contract, "```json\n", "```"));

        ConsumerRecord<String, String> event;
        try (Arrivals arrivals = Api.arrivals()) {
            client().contentType("text/plain").queryParam("filename", Corpus.fileName(Corpus.BULLETIN))
                    .body(Corpus.bytes(Corpus.BULLETIN)).post("/documents")
                    .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
            event = arrivals.awaitOne();
        }
        Map<String, String> headers = Arrivals.headers(event);
        JsonNode data = JSON.readTree(event.value());

        assertEquals(exampleHeaders.keySet(), headers.keySet());
        for (String fixed : new String[] {"ce_specversion", "ce_source", "ce_type", "content-type"}) {
            assertEquals(exampleHeaders.get(fixed), headers.get(fixed), fixed);
        }
        UUID.fromString(headers.get("ce_id"));
        assertTrue(RFC_3339_UTC.matcher(headers.get("ce_time")).matches(), headers.get("ce_time"));
        Instant.parse(headers.get("ce_time"));
        assertEquals(event.key(), headers.get("ce_subject"));
        assertEquals(event.key(), data.get("doc_id").asText());

        assertEquals(fieldNames(exampleData), fieldNames(data));
        for (Iterator<String> names = exampleData.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            assertEquals(exampleData.get(name).getNodeType(), data.get(name).getNodeType(), name);
        }
        assertTrue(data.get("doc_id").asText().matches("[0-9a-f]{32}"));
        assertEquals(exampleData.get("file_name").asText(), data.get("file_name").asText());
        assertEquals(exampleData.get("doc_type").asText(), data.get("doc_type").asText());
        assertEquals(exampleData.get("content_type").asText(), data.get("content_type").asText());
        assertEquals("s3a://" + data.get("bucket").asText() + "/" + data.get("key").asText(), data.get("uri").asText());
        assertTrue(RFC_3339_UTC.matcher(data.get("received_at").asText()).matches());
    }

    private static Map<String, String> exampleHeaders(String contract) {
        String block = between(contract.substring(contract.indexOf("## Example")), "Headers:\n\n```\n", "```");
        Map<String, String> headers = new LinkedHashMap<>();
        Matcher line = Pattern.compile("(?m)^([\\w-]+): (.+)$").matcher(block);
        while (line.find()) {
            headers.put(line.group(1), line.group(2).strip());
        }
        return headers;
    }

    private static String between(String text, String open, String close) {
        int start = text.indexOf(open);
        if (start < 0) {
            throw new IllegalStateException("docs/events.md has no '" + open.strip() + "' block");
        }
        start += open.length();
        return text.substring(start, text.indexOf(close, start));
    }

    private static TreeSet<String> fieldNames(JsonNode node) {
        TreeSet<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

}
