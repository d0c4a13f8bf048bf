package io.docstream.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.docstream.contract.OutcomeHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** docs/outcomes.schema.json, as the event-contract module ships it. */
public final class OutcomeSchema {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode TREE = read();
    private static final Schema SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(TREE.toString());

    private OutcomeSchema() {}

    /** The schema's complaints about {@code json} (empty when it is a valid event's data). */
    public static List<String> problems(String json) {
        return SCHEMA.validate(json, InputFormat.JSON).stream()
                .map(Object::toString)
                .toList();
    }

    public static List<String> fields() {
        List<String> names = new ArrayList<>();
        TREE.get("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    public static List<String> required() {
        List<String> names = new ArrayList<>();
        TREE.get("required").forEach(name -> names.add(name.asText()));
        return names;
    }

    public static JsonNode exampleNode() {
        return TREE.get("examples").get(0).deepCopy();
    }

    public static String example() {
        return exampleNode().toString();
    }

    private static JsonNode read() {
        try (InputStream in = OutcomeSchema.class.getResourceAsStream(OutcomeHeaders.SCHEMA_RESOURCE)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
