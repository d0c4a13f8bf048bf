package io.docstream.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * The output table's document columns (shared/spec/fields.md), once: in table order, each with its kind of value
 * and where the value comes from. The job's table schema and rows ({@code OutputTable}, {@code RowAssembler}) and
 * the command line's JSON lines ({@link JsonLinesRowWriter}) are derived from this list. The column's name is the
 * constant's, in lower case.
 */
public enum DocumentColumn {
    FILE_NAME(Kind.TEXT, (row, lineage) -> row.fileName()),
    POSITION(Kind.TEXT, (row, lineage) -> row.position()),
    CLASSCODE(Kind.TEXT, (row, lineage) -> row.classcode()),
    SALARY_START(Kind.AMOUNT, (row, lineage) -> row.salaryStart()),
    SALARY_END(Kind.AMOUNT, (row, lineage) -> row.salaryEnd()),
    START_DATE(Kind.DATE, (row, lineage) -> row.startDate()),
    END_DATE(Kind.DATE, (row, lineage) -> row.endDate()),
    REQ(Kind.TEXT, (row, lineage) -> row.req()),
    NOTES(Kind.TEXT, (row, lineage) -> row.notes()),
    DUTIES(Kind.TEXT, (row, lineage) -> row.duties()),
    SELECTION(Kind.TEXT_LIST, (row, lineage) -> row.selection()),
    EXPERIENCE_LENGTH(Kind.TEXT, (row, lineage) -> row.experienceLength()),
    JOB_TYPE(Kind.TEXT, (row, lineage) -> row.jobType()),
    EDUCATION_LENGTH(Kind.TEXT, (row, lineage) -> row.educationLength()),
    SCHOOL_TYPE(Kind.TEXT, (row, lineage) -> row.schoolType()),
    APPLICATION_LOCATION(Kind.TEXT, (row, lineage) -> row.applicationLocation()),
    SALARY_DWP_START(Kind.AMOUNT, (row, lineage) -> row.salaryDwpStart()),
    SALARY_DWP_END(Kind.AMOUNT, (row, lineage) -> row.salaryDwpEnd()),
    EXAM_TYPE(Kind.TEXT, (row, lineage) -> row.examType()),
    DOC_ID(Kind.TEXT, (row, lineage) -> lineage.docId()),
    SOURCE_URI(Kind.TEXT, (row, lineage) -> lineage.sourceUri()),
    /** What the extractor read the document as; the announced type when the extractor did not say. */
    SOURCE_TYPE(
            Kind.TEXT,
            (row, lineage) -> (row.sourceType() != null ? row.sourceType() : lineage.announcedType()).value()),
    CONTENT_SHA256(Kind.TEXT, (row, lineage) -> lineage.contentSha256()),
    INGESTED_AT(Kind.TIME, (row, lineage) -> lineage.ingestedAt()),
    PROCESSED_AT(Kind.TIME, (row, lineage) -> lineage.processedAt()),
    EXTRACTOR_VERSION(Kind.TEXT, (row, lineage) -> row.extractorVersion()),
    RESCUED_DATA(Kind.TEXT, (row, lineage) -> row.rescuedData()),
    /** The extractor's warnings, then the carrier's. */
    PARSE_WARNINGS(Kind.TEXT_LIST, (row, lineage) -> warnings(row.parseWarnings(), lineage.carrierWarnings()));

    /**
     * The kinds of value a column holds, as Java values: {@code TEXT} a String, {@code AMOUNT} a Double,
     * {@code DATE} a {@link LocalDate}, {@code TIME} an {@link Instant}, {@code TEXT_LIST} a list of Strings.
     */
    public enum Kind {
        TEXT,
        AMOUNT,
        DATE,
        TIME,
        TEXT_LIST
    }

    /** Every column's name, in table order. */
    public static final List<String> NAMES =
            Arrays.stream(values()).map(DocumentColumn::columnName).toList();

    /** The sixteen columns of the reference pipeline's schema, in its order. */
    public static final List<DocumentColumn> REFERENCE = List.of(
            FILE_NAME,
            POSITION,
            CLASSCODE,
            SALARY_START,
            SALARY_END,
            START_DATE,
            END_DATE,
            REQ,
            NOTES,
            DUTIES,
            SELECTION,
            EXPERIENCE_LENGTH,
            JOB_TYPE,
            EDUCATION_LENGTH,
            SCHOOL_TYPE,
            APPLICATION_LOCATION);

    private final String columnName;
    private final Kind kind;
    private final BiFunction<ExtractedRow, Lineage, Object> value;

    DocumentColumn(Kind kind, BiFunction<ExtractedRow, Lineage, Object> value) {
        this.columnName = name().toLowerCase(Locale.ROOT);
        this.kind = kind;
        this.value = value;
    }

    public String columnName() {
        return columnName;
    }

    public Kind kind() {
        return kind;
    }

    /** This column's value for {@code row} carried with {@code lineage}, as {@link Kind} describes it (or null). */
    public Object valueOf(ExtractedRow row, Lineage lineage) {
        return value.apply(row, lineage);
    }

    private static List<String> warnings(List<String> fromExtraction, List<String> fromCarrier) {
        if (fromCarrier.isEmpty()) {
            return fromExtraction;
        }
        List<String> all = new ArrayList<>(fromExtraction == null ? List.of() : fromExtraction);
        all.addAll(fromCarrier);
        return all;
    }
}
