package io.docstream.extract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One row as one line of JSON with exactly the output table's columns ({@link Column}, in order):
 * ISO dates and timestamps, arrays as arrays, amounts as numbers, absent values as null.
 */
public final class JsonLinesRowWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonLinesRowWriter() {}

    public static String toJsonLine(ExtractedRow row, Lineage lineage) {
        StringWriter line = new StringWriter(1024);
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject();
            for (DocumentColumn column : DocumentColumn.values()) {
                write(json, column, column.valueOf(row, lineage));
            }
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to a string cannot fail", e);
        }
        return line.toString();
    }

    @SuppressWarnings("unchecked")
    private static void write(JsonGenerator json, DocumentColumn column, Object value) throws IOException {
        String name = column.columnName();
        switch (column.kind()) {
            case TEXT -> json.writeStringField(name, (String) value);
            case AMOUNT -> number(json, name, (Double) value);
            case DATE -> date(json, name, (LocalDate) value);
            case TIME -> instant(json, name, (Instant) value);
            case TEXT_LIST -> strings(json, name, (List<String>) value);
        }
    }

    private static void number(JsonGenerator json, String column, Double value) throws IOException {
        if (value == null) {
            json.writeNullField(column);
        } else {
            json.writeNumberField(column, value);
        }
    }

    private static void date(JsonGenerator json, String column, LocalDate value) throws IOException {
        json.writeStringField(column, value == null ? null : value.toString());
    }

    private static void instant(JsonGenerator json, String column, Instant value) throws IOException {
        json.writeStringField(column, value == null ? null : value.toString());
    }

    private static void strings(JsonGenerator json, String column, List<String> values) throws IOException {
        if (values == null) {
            json.writeNullField(column);
            return;
        }
        json.writeArrayFieldStart(column);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
