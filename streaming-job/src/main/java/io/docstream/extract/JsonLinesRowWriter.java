package io.docstream.extract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One row as one line of JSON with exactly the output table's column names ({@link Columns#ALL}, in order):
 * ISO dates and timestamps, arrays as arrays, amounts as numbers, absent values as null.
 */
public final class JsonLinesRowWriter {

    private static final JsonFactory JSON = new JsonFactory();

    private JsonLinesRowWriter() {
    }

    public static String toJsonLine(ExtractedRow row, Lineage lineage) {
        StringWriter line = new StringWriter(1024);
        try (JsonGenerator json = JSON.createGenerator(line)) {
            json.writeStartObject();
            json.writeStringField(Columns.FILE_NAME, row.fileName());
            json.writeStringField(Columns.POSITION, row.position());
            json.writeStringField(Columns.CLASSCODE, row.classcode());
            number(json, Columns.SALARY_START, row.salaryStart());
            number(json, Columns.SALARY_END, row.salaryEnd());
            date(json, Columns.START_DATE, row.startDate());
            date(json, Columns.END_DATE, row.endDate());
            json.writeStringField(Columns.REQ, row.req());
            json.writeStringField(Columns.NOTES, row.notes());
            json.writeStringField(Columns.DUTIES, row.duties());
            strings(json, Columns.SELECTION, row.selection());
            json.writeStringField(Columns.EXPERIENCE_LENGTH, row.experienceLength());
            json.writeStringField(Columns.JOB_TYPE, row.jobType());
            json.writeStringField(Columns.EDUCATION_LENGTH, row.educationLength());
            json.writeStringField(Columns.SCHOOL_TYPE, row.schoolType());
            json.writeStringField(Columns.APPLICATION_LOCATION, row.applicationLocation());
            number(json, Columns.SALARY_DWP_START, row.salaryDwpStart());
            number(json, Columns.SALARY_DWP_END, row.salaryDwpEnd());
            json.writeStringField(Columns.EXAM_TYPE, row.examType());
            json.writeStringField(Columns.DOC_ID, lineage.docId());
            json.writeStringField(Columns.SOURCE_URI, lineage.sourceUri());
            json.writeStringField(Columns.SOURCE_TYPE, row.sourceType().value());
            json.writeStringField(Columns.CONTENT_SHA256, lineage.contentSha256());
            instant(json, Columns.INGESTED_AT, lineage.ingestedAt());
            instant(json, Columns.PROCESSED_AT, lineage.processedAt());
            json.writeStringField(Columns.EXTRACTOR_VERSION, row.extractorVersion());
            json.writeStringField(Columns.RESCUED_DATA, row.rescuedData());
            strings(json, Columns.PARSE_WARNINGS, row.parseWarnings());
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to a string cannot fail", e);
        }
        return line.toString();
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
