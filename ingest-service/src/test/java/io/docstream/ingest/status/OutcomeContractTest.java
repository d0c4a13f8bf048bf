package io.docstream.ingest.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docstream.contract.ContractSchema;
import io.docstream.contract.Outcome;
import io.docstream.contract.OutcomeFields;
import io.docstream.contract.OutcomeHeaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The outcome event against its contract, on the consuming side: the service reads what docs/outcomes.schema.json
 * allows and refuses what it does not; docs/events.md lists the schema's fields and the headers, and shows its
 * example; the contract's code is the schema's.
 */
class OutcomeContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSchemasExamplesAreReadAndEachRequiredFieldIsNeeded() {
        for (JsonNode example : ContractSchema.OUTCOMES.examples()) {
            assertEquals(List.of(), ContractSchema.OUTCOMES.problems(example.toString()));
            RecordedOutcome outcome = assertInstanceOf(RecordedOutcome.Valid.class, RecordedOutcome.parse(example))
                    .outcome();
            assertEquals(example.get(OutcomeFields.DOC_ID).asText(), outcome.docId());
            assertEquals(example.get(OutcomeFields.TABLE_VERSION).asLong(), outcome.tableVersion());
            assertEquals(Instant.parse(example.get(OutcomeFields.COMMITTED_AT).asText()), outcome.committedAt());
            for (String required : ContractSchema.OUTCOMES.required()) {
                ObjectNode without = example.deepCopy();
                without.remove(required);
                assertEquals(
                        1, ContractSchema.OUTCOMES.problems(without.toString()).size(), required);
                assertInstanceOf(
                        RecordedOutcome.Invalid.class,
                        RecordedOutcome.parse(without),
                        "the service reads an outcome without " + required);
            }
        }
        ObjectNode quarantinedWithoutReason =
                ContractSchema.OUTCOMES.examples().get(1).deepCopy();
        quarantinedWithoutReason.putNull(OutcomeFields.REASON);
        assertEquals(
                1,
                ContractSchema.OUTCOMES
                        .problems(quarantinedWithoutReason.toString())
                        .size());
        assertInstanceOf(RecordedOutcome.Invalid.class, RecordedOutcome.parse(quarantinedWithoutReason));
        ObjectNode rowInQuarantine = ContractSchema.OUTCOMES.examples().get(0).deepCopy();
        rowInQuarantine.put(OutcomeFields.TABLE, "quarantine");
        assertEquals(
                false,
                ContractSchema.OUTCOMES.problems(rowInQuarantine.toString()).isEmpty());
        assertInstanceOf(RecordedOutcome.Invalid.class, RecordedOutcome.parse(rowInQuarantine));
    }

    @Test
    void theContractsCodeIsTheSchemas() {
        assertEquals(ContractSchema.OUTCOMES.fields(), OutcomeFields.ALL, "OutcomeFields vs docs/outcomes.schema.json");
        assertEquals(
                ContractSchema.OUTCOMES.enumOf(OutcomeFields.OUTCOME),
                Arrays.stream(Outcome.values()).map(Outcome::value).toList());
        assertEquals(
                ContractSchema.OUTCOMES.enumOf(OutcomeFields.TABLE),
                Arrays.stream(Outcome.values()).map(Outcome::table).toList());
        assertEquals(
                OutcomeHeaders.of("d", "documents", 3, 1, 2, Instant.EPOCH),
                OutcomeHeaders.of("d", "documents", 3, 1, 2, Instant.EPOCH),
                "the same outcome, the same headers (ce_id included)");
    }

    @Test
    void theDocsListTheOutcomesFieldsHeadersAndExample() throws Exception {
        String contract = Files.readString(
                Path.of(System.getProperty("docs.dir", "../docs")).resolve("events.md"));
        Pattern firstCell = Pattern.compile("(?m)^\\| `([\\w-]+)` \\|");
        String outcomes = contract.substring(contract.indexOf("# Event contract: `document-outcomes`"));
        String outcomeHeaders = outcomes.substring(0, outcomes.indexOf("## Outcome data"));
        assertEquals(
                List.copyOf(OutcomeHeaders.of("d", "documents", 1, 0, 0, Instant.EPOCH)
                        .keySet()),
                firstCell.matcher(outcomeHeaders).results().map(m -> m.group(1)).toList(),
                "docs/events.md's outcome header table vs OutcomeHeaders");
        String data = outcomes.substring(outcomes.indexOf("## Outcome data"), outcomes.indexOf("## Outcome example"));
        assertEquals(
                ContractSchema.OUTCOMES.fields(),
                firstCell.matcher(data).results().map(m -> m.group(1)).toList(),
                "docs/events.md's outcome field table vs docs/outcomes.schema.json");
        String shown = outcomes.substring(outcomes.indexOf("```json\n") + "```json\n".length());
        assertEquals(
                ContractSchema.OUTCOMES.examples().get(0),
                JSON.readTree(shown.substring(0, shown.indexOf("```"))),
                "docs/events.md's outcome example is the schema's first");
    }
}
