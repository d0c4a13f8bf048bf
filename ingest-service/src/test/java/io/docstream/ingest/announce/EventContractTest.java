package io.docstream.ingest.announce;

import static io.docstream.ingest.Api.client;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docstream.contract.ArrivalFields;
import io.docstream.contract.ArrivalHeaders;
import io.docstream.contract.ContractSchema;
import io.docstream.contract.DocType;
import io.docstream.ingest.Api;
import io.docstream.ingest.Arrivals;
import io.docstream.ingest.Corpus;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The produced event against the contract: its data valid under docs/events.schema.json with every field the
 * schema defines, in its order, and the contract's headers; docs/events.md listing exactly the schema's fields
 * and the contract's headers, and showing the schema's example.
 */
@QuarkusTest
class EventContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theEventHasTheContractsHeadersAndValidData() throws Exception {
        ConsumerRecord<String, String> event;
        try (Arrivals arrivals = Api.arrivals()) {
            client().contentType("text/plain")
                    .queryParam("filename", Corpus.fileName(Corpus.BULLETIN))
                    .body(Corpus.bytes(Corpus.BULLETIN))
                    .post("/documents")
                    .then()
                    .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
            event = arrivals.awaitOne();
        }
        Map<String, String> headers = Arrivals.headers(event);
        UUID.fromString(headers.get("ce_id"));
        Instant time = Instant.parse(headers.get("ce_time"));
        assertEquals(ArrivalHeaders.of(headers.get("ce_id"), time, event.key()), headers);

        assertEquals(List.of(), ContractSchema.ARRIVALS.problems(event.value()));
        JsonNode data = JSON.readTree(event.value());
        assertEquals(ContractSchema.ARRIVALS.fields(), fieldNames(data));
        assertEquals(event.key(), data.get(ArrivalFields.DOC_ID).asText());
        assertEquals(
                "s3a://" + data.get("bucket").asText() + "/" + data.get("key").asText(),
                data.get("uri").asText());
    }

    @Test
    void theContractsCodeIsTheSchemas() {
        assertEquals(ContractSchema.ARRIVALS.fields(), ArrivalFields.ALL, "ArrivalFields vs docs/events.schema.json");
        assertEquals(
                ContractSchema.ARRIVALS.enumOf(ArrivalFields.DOC_TYPE),
                Arrays.stream(DocType.values()).map(DocType::value).toList());
        assertEquals(
                ContractSchema.ARRIVALS.enumOf(ArrivalFields.CONTENT_TYPE),
                Arrays.stream(DocType.values()).map(DocType::contentType).toList());
    }

    @Test
    void theDocsListTheSchemasFieldsAndTheHeadersAndShowTheExample() throws Exception {
        String contract = Files.readString(
                Path.of(System.getProperty("docs.dir", "../docs")).resolve("events.md"));
        Pattern firstCell = Pattern.compile("(?m)^\\| `([\\w-]+)` \\|");
        String headerTable = contract.substring(0, contract.indexOf("## Data"));
        assertEquals(
                List.copyOf(ArrivalHeaders.replay("id", Instant.EPOCH, "doc", "replay")
                        .keySet()),
                firstCell.matcher(headerTable).results().map(m -> m.group(1)).toList(),
                "docs/events.md's header table (a replay's: every header) vs ArrivalHeaders");
        String dataSection = contract.substring(contract.indexOf("## Data"), contract.indexOf("## Example"));
        assertEquals(
                ContractSchema.ARRIVALS.fields(),
                firstCell.matcher(dataSection).results().map(m -> m.group(1)).toList(),
                "docs/events.md's field table vs docs/events.schema.json");
        String shown = contract.substring(contract.indexOf("```json\n") + "```json\n".length());
        assertEquals(
                JSON.readTree(ContractSchema.ARRIVALS.example()),
                JSON.readTree(shown.substring(0, shown.indexOf("```"))),
                "docs/events.md's example is the schema's");
        assertEquals(List.of(), ContractSchema.ARRIVALS.problems(ContractSchema.ARRIVALS.example()));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
