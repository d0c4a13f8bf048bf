package io.docstream.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One of the events' JSON Schemas as this module ships it, for the tests of both services: validation, and the
 * fields, required fields, allowed values and examples it defines. Both services' tests read it through this one
 * class, so the contract they check their events against is read one way.
 */
public final class ContractSchema {

    /** docs/events.schema.json: the data of a document-arrivals event. */
    public static final ContractSchema ARRIVALS = load(ArrivalHeaders.SCHEMA_RESOURCE);
    /** docs/outcomes.schema.json: the data of a document-outcomes event. */
    public static final ContractSchema OUTCOMES = load(OutcomeHeaders.SCHEMA_RESOURCE);

    private final JsonNode tree;
    private final Schema schema;

    private ContractSchema(JsonNode tree) {
        this.tree = tree;
        this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(tree.toString());
    }

    /** The schema's complaints about {@code json} (empty when it is a valid event's data). */
    public List<String> problems(String json) {
        return schema.validate(json, InputFormat.JSON).stream()
                .map(Object::toString)
                .toList();
    }

    /** The data fields the schema defines, in its order. */
    public List<String> fields() {
        List<String> names = new ArrayList<>();
        tree.get("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    public List<String> required() {
        List<String> names = new ArrayList<>();
        tree.get("required").forEach(name -> names.add(name.asText()));
        return names;
    }

    /** The values the schema allows for {@code field}. */
    public List<String> enumOf(String field) {
        List<String> values = new ArrayList<>();
        tree.get("properties").get(field).get("enum").forEach(value -> values.add(value.asText()));
        return values;
    }

    /** The schema's examples, each a copy the caller may change. */
    public List<ObjectNode> examples() {
        List<ObjectNode> examples = new ArrayList<>();
        tree.get("examples").forEach(example -> examples.add((ObjectNode) example.deepCopy()));
        return examples;
    }

    /** The first example, as JSON text. */
    public String example() {
        return tree.get("examples").get(0).toString();
    }

    private static ContractSchema load(String resource) {
        try (InputStream in = ContractSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath (the event-contract jar)");
            }
            return new ContractSchema(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
