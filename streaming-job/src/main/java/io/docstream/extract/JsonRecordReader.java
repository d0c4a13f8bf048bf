package io.docstream.extract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.docstream.contract.DocType;
import io.docstream.limits.DocumentLimits;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * JSON records in the reference schema (one object, or an array of objects) to rows. Values are held to the
 * column types: amounts may be numbers or numeric text, text columns text or an integer (kept as its digits),
 * dates ISO text, selection a string or an array of strings. Anything outside the schema or of the wrong type is kept, as it was sent, in rescued_data.
 */
final class JsonRecordReader {

    // Exact decimals, written plainly: a rescued 4300.0 must come back as 4300.0, not 4.3E+3. Writes only:
    // documents are parsed by parserFor(limits).
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** The columns a JSON record may carry: the reference schema plus the added columns the document determines. */
    private static final Set<String> JSON_COLUMNS = buildJsonColumns();

    private JsonRecordReader() {}

    /** A parser held to the limits (the same the ingest service enforces at upload). */
    static ObjectMapper parserFor(DocumentLimits limits) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(limits.maxStringChars())
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxNumberLength(limits.maxNumberChars())
                        .build())
                .build();
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }

    static Extraction read(String uploadedFileName, DecodedText decoded, ObjectMapper parser, int maxRecords) {
        JsonNode root;
        try {
            root = parser.readTree(decoded.text());
        } catch (StreamConstraintsException pastLimit) {
            return new Extraction.Quarantined(QuarantineReason.JSON_LIMIT_EXCEEDED, describe(pastLimit));
        } catch (JsonProcessingException malformed) {
            // A malformed upload is an expected outcome with its own reason code, not a failure of the reader.
            return new Extraction.Quarantined(QuarantineReason.MALFORMED_JSON, describe(malformed));
        }
        if (root == null || root.isMissingNode()) {
            return new Extraction.Quarantined(QuarantineReason.EMPTY, "the document holds no JSON value");
        }
        List<ObjectNode> records = new ArrayList<>();
        if (root.isObject()) {
            records.add((ObjectNode) root);
        } else if (root.isArray()) {
            if (root.isEmpty()) {
                return new Extraction.Quarantined(QuarantineReason.NOT_A_RECORD, "the JSON array holds no records");
            }
            if (root.size() > maxRecords) {
                return new Extraction.Quarantined(
                        QuarantineReason.TOO_MANY_RECORDS,
                        "the JSON array holds " + root.size() + " records, more than the limit of " + maxRecords
                                + " (maxRecordsPerDocument)");
            }
            for (int i = 0; i < root.size(); i++) {
                JsonNode element = root.get(i);
                if (!element.isObject()) {
                    return new Extraction.Quarantined(
                            QuarantineReason.NOT_A_RECORD,
                            "element " + i + " of the JSON array is " + kind(element) + ", not an object");
                }
                records.add((ObjectNode) element);
            }
        } else {
            return new Extraction.Quarantined(
                    QuarantineReason.NOT_A_RECORD,
                    "the JSON document is " + kind(root) + ", not an object or an array of objects");
        }
        List<ExtractedRow> rows = new ArrayList<>(records.size());
        for (ObjectNode record : records) {
            rows.add(toRow(record, uploadedFileName, decoded.windows1252()));
        }
        return new Extraction.Extracted(DocType.JSON_RECORD, rows);
    }

    private static ExtractedRow toRow(ObjectNode record, String uploadedFileName, boolean windows1252) {
        RecordFields fields = new RecordFields(record);
        String fileName = fields.text(DocumentColumn.FILE_NAME.columnName());
        String position = fields.text(DocumentColumn.POSITION.columnName());
        String classcode = fields.text(DocumentColumn.CLASSCODE.columnName());
        Double salaryStart = fields.amount(DocumentColumn.SALARY_START.columnName());
        Double salaryEnd = fields.amount(DocumentColumn.SALARY_END.columnName());
        LocalDate startDate = fields.date(DocumentColumn.START_DATE.columnName());
        LocalDate endDate = fields.date(DocumentColumn.END_DATE.columnName());
        String req = fields.text(DocumentColumn.REQ.columnName());
        String notes = fields.text(DocumentColumn.NOTES.columnName());
        String duties = fields.text(DocumentColumn.DUTIES.columnName());
        List<String> selection = fields.textList(DocumentColumn.SELECTION.columnName());
        String experience = fields.text(DocumentColumn.EXPERIENCE_LENGTH.columnName());
        String jobType = fields.text(DocumentColumn.JOB_TYPE.columnName());
        String education = fields.text(DocumentColumn.EDUCATION_LENGTH.columnName());
        String school = fields.text(DocumentColumn.SCHOOL_TYPE.columnName());
        String location = fields.text(DocumentColumn.APPLICATION_LOCATION.columnName());
        Double dwpStart = fields.amount(DocumentColumn.SALARY_DWP_START.columnName());
        Double dwpEnd = fields.amount(DocumentColumn.SALARY_DWP_END.columnName());
        String examType = fields.text(DocumentColumn.EXAM_TYPE.columnName());
        ObjectNode rescued = fields.rescuedWithUnknown();

        List<String> warnings = new ArrayList<>();
        if (windows1252) {
            warnings.add(ParseWarning.DECODED_AS_WINDOWS_1252.name());
        }
        warnIfMissing(position, ParseWarning.NO_POSITION, warnings);
        warnIfMissing(classcode, ParseWarning.NO_CLASS_CODE, warnings);
        warnIfMissing(salaryStart == null && salaryEnd == null ? null : "", ParseWarning.NO_SALARY, warnings);
        warnIfMissing(startDate, ParseWarning.NO_OPEN_DATE, warnings);
        warnIfMissing(endDate, ParseWarning.NO_DEADLINE, warnings);
        warnIfMissing(req, ParseWarning.NO_REQUIREMENTS, warnings);
        warnIfMissing(notes, ParseWarning.NO_NOTES, warnings);
        warnIfMissing(duties, ParseWarning.NO_DUTIES, warnings);
        warnIfMissing(selection, ParseWarning.NO_SELECTION, warnings);
        warnIfMissing(experience, ParseWarning.NO_EXPERIENCE_LENGTH, warnings);
        warnIfMissing(jobType, ParseWarning.NO_JOB_TYPE, warnings);
        warnIfMissing(education, ParseWarning.NO_EDUCATION_LENGTH, warnings);
        warnIfMissing(school, ParseWarning.NO_SCHOOL_TYPE, warnings);
        warnIfMissing(location, ParseWarning.NO_APPLICATION_LOCATION, warnings);
        if (!rescued.isEmpty()) {
            warnings.add(ParseWarning.RESCUED_FIELDS.name());
        }
        RowSanity.check(salaryStart, salaryEnd, dwpStart, dwpEnd, startDate, endDate, warnings);

        return new ExtractedRow(
                fileName != null && !fileName.isBlank() ? fileName : uploadedFileName,
                position,
                classcode,
                salaryStart,
                salaryEnd,
                startDate,
                endDate,
                req,
                notes,
                duties,
                selection,
                experience,
                jobType,
                education,
                school,
                location,
                dwpStart,
                dwpEnd,
                examType,
                DocType.JSON_RECORD,
                ExtractorVersion.CURRENT,
                rescued.isEmpty() ? null : asJson(rescued),
                List.copyOf(warnings));
    }

    private static String asJson(ObjectNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    private static Set<String> buildJsonColumns() {
        Set<String> columns = new HashSet<>();
        for (DocumentColumn column : DocumentColumn.REFERENCE) {
            columns.add(column.columnName());
        }
        columns.add(DocumentColumn.SALARY_DWP_START.columnName());
        columns.add(DocumentColumn.SALARY_DWP_END.columnName());
        columns.add(DocumentColumn.EXAM_TYPE.columnName());
        return Set.copyOf(columns);
    }

    private static void warnIfMissing(Object value, ParseWarning missing, List<String> warnings) {
        if (value == null) {
            warnings.add(missing.name());
        }
    }

    private static String describe(JsonProcessingException malformed) {
        JsonLocation at = malformed.getLocation();
        String problem = malformed.getOriginalMessage();
        int lineEnd = problem.indexOf('\n');
        if (lineEnd >= 0) {
            problem = problem.substring(0, lineEnd);
        }
        return at == null ? problem : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + problem;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case NUMBER -> "a number";
            case OBJECT -> "an object";
            case STRING -> "a string";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    /** Reads one record's schema fields by type, collecting what does not fit. */
    private static final class RecordFields {
        private final ObjectNode record;
        private final ObjectNode rescued = MAPPER.createObjectNode();

        RecordFields(ObjectNode record) {
            this.record = record;
        }

        String text(String column) {
            JsonNode value = record.get(column);
            if (value == null || value.isNull()) {
                return null;
            }
            if (value.isTextual()) {
                return value.textValue();
            }
            if (value.isIntegralNumber()) {
                // "classcode": 4300 is the text "4300": an integer converts without loss (a float, e.g. 0.10, would
                // not).
                return value.bigIntegerValue().toString();
            }
            rescued.set(column, value);
            return null;
        }

        Double amount(String column) {
            JsonNode value = record.get(column);
            if (value == null || value.isNull()) {
                return null;
            }
            if (value.isNumber()) {
                return value.doubleValue();
            }
            if (value.isTextual() && isDecimal(value.textValue().strip())) {
                return new BigDecimal(value.textValue().strip()).doubleValue();
            }
            rescued.set(column, value);
            return null;
        }

        LocalDate date(String column) {
            JsonNode value = record.get(column);
            if (value == null || value.isNull()) {
                return null;
            }
            if (value.isTextual()) {
                try {
                    return LocalDate.parse(value.textValue().strip());
                } catch (DateTimeParseException notIsoDate) {
                    // Not an ISO date: the value is kept in rescued_data below instead of being guessed at.
                    rescued.set(column, value);
                    return null;
                }
            }
            rescued.set(column, value);
            return null;
        }

        List<String> textList(String column) {
            JsonNode value = record.get(column);
            if (value == null || value.isNull()) {
                return null;
            }
            if (value.isTextual()) {
                return List.of(value.textValue());
            }
            if (value.isArray()) {
                List<String> items = new ArrayList<>(value.size());
                for (JsonNode item : value) {
                    if (!item.isTextual()) {
                        rescued.set(column, value);
                        return null;
                    }
                    items.add(item.textValue());
                }
                return items;
            }
            rescued.set(column, value);
            return null;
        }

        /** The type misfits so far plus every field that is not a column of the schema. */
        ObjectNode rescuedWithUnknown() {
            for (Map.Entry<String, JsonNode> field : record.properties()) {
                if (!JSON_COLUMNS.contains(field.getKey())) {
                    rescued.set(field.getKey(), field.getValue());
                }
            }
            return rescued;
        }

        private static boolean isDecimal(String text) {
            return !text.isEmpty()
                    && text.length() <= 32
                    && DECIMAL.matcher(text).matches();
        }
    }
}
