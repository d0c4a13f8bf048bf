package io.docstream.extract;

import java.util.List;

/**
 * The output table's column names (snake_case, shared/spec/fields.md), in table order, so the Spark job and
 * the command line write exactly the same names.
 */
public final class Columns {

    public static final String FILE_NAME = "file_name";
    public static final String POSITION = "position";
    public static final String CLASSCODE = "classcode";
    public static final String SALARY_START = "salary_start";
    public static final String SALARY_END = "salary_end";
    public static final String START_DATE = "start_date";
    public static final String END_DATE = "end_date";
    public static final String REQ = "req";
    public static final String NOTES = "notes";
    public static final String DUTIES = "duties";
    public static final String SELECTION = "selection";
    public static final String EXPERIENCE_LENGTH = "experience_length";
    public static final String JOB_TYPE = "job_type";
    public static final String EDUCATION_LENGTH = "education_length";
    public static final String SCHOOL_TYPE = "school_type";
    public static final String APPLICATION_LOCATION = "application_location";
    public static final String SALARY_DWP_START = "salary_dwp_start";
    public static final String SALARY_DWP_END = "salary_dwp_end";
    public static final String EXAM_TYPE = "exam_type";
    public static final String DOC_ID = "doc_id";
    public static final String SOURCE_URI = "source_uri";
    public static final String SOURCE_TYPE = "source_type";
    public static final String CONTENT_SHA256 = "content_sha256";
    public static final String INGESTED_AT = "ingested_at";
    public static final String PROCESSED_AT = "processed_at";
    public static final String EXTRACTOR_VERSION = "extractor_version";
    public static final String RESCUED_DATA = "rescued_data";
    public static final String PARSE_WARNINGS = "parse_warnings";

    /** The sixteen columns of the reference pipeline's schema, in its order. */
    public static final List<String> REFERENCE = List.of(
            FILE_NAME, POSITION, CLASSCODE, SALARY_START, SALARY_END, START_DATE, END_DATE, REQ, NOTES, DUTIES,
            SELECTION, EXPERIENCE_LENGTH, JOB_TYPE, EDUCATION_LENGTH, SCHOOL_TYPE, APPLICATION_LOCATION);

    /** Every column of the output table, in table order. */
    public static final List<String> ALL = List.of(
            FILE_NAME, POSITION, CLASSCODE, SALARY_START, SALARY_END, START_DATE, END_DATE, REQ, NOTES, DUTIES,
            SELECTION, EXPERIENCE_LENGTH, JOB_TYPE, EDUCATION_LENGTH, SCHOOL_TYPE, APPLICATION_LOCATION,
            SALARY_DWP_START, SALARY_DWP_END, EXAM_TYPE, DOC_ID, SOURCE_URI, SOURCE_TYPE, CONTENT_SHA256,
            INGESTED_AT, PROCESSED_AT, EXTRACTOR_VERSION, RESCUED_DATA, PARSE_WARNINGS);

    private Columns() {
    }
}
