package io.docstream.extract;

/** Why a document produced no row. The names are the reason codes users see in the quarantine table. */
public enum QuarantineReason {
    EMPTY,
    NOT_TEXT,
    MALFORMED_JSON,
    /** Valid JSON past a parser limit of {@link io.docstream.limits.DocumentLimits} (string length, nesting, number length). */
    JSON_LIMIT_EXCEEDED,
    NOT_A_RECORD,
    TOO_LARGE,
    /** More records than {@link io.docstream.limits.DocumentLimits#maxRecords()}: none of them is written. */
    TOO_MANY_RECORDS,
    /** Neither a bulletin nor a JSON record file (e.g. a PDF): the pipeline has no rules for it. */
    UNSUPPORTED_TYPE
}
