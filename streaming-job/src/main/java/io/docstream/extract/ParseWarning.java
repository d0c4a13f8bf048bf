package io.docstream.extract;

/**
 * Machine-readable codes for {@code parse_warnings}: {@code NO_<FIELD>} when a field could not be found,
 * a named sanity failure when values contradict each other, and notes on how the document was read.
 */
public enum ParseWarning {
    NO_POSITION,
    NO_CLASS_CODE,
    NO_SALARY,
    NO_OPEN_DATE,
    NO_DEADLINE,
    NO_REQUIREMENTS,
    NO_NOTES,
    NO_DUTIES,
    NO_SELECTION,
    NO_EXPERIENCE_LENGTH,
    NO_JOB_TYPE,
    NO_EDUCATION_LENGTH,
    NO_SCHOOL_TYPE,
    NO_APPLICATION_LOCATION,
    NO_EXAM_TYPE,

    SALARY_START_GT_END,
    DWP_SALARY_START_GT_END,
    SALARY_OUT_OF_RANGE,
    END_DATE_BEFORE_START_DATE,

    DECODED_AS_WINDOWS_1252,
    /** A PDF without a text layer whose text was read from its page images by OCR: expect misread characters. */
    TEXT_FROM_OCR,
    /** A JSON record carried fields outside the schema or of the wrong type; they are in rescued_data. */
    RESCUED_FIELDS
}
