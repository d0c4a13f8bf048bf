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
    /** Neither a bulletin (.txt or .pdf) nor a JSON record file: the pipeline has no rules for it. */
    UNSUPPORTED_TYPE,
    /** A PDF that needs a password to open. */
    PDF_ENCRYPTED,
    /** Not a PDF, a truncated one, or one PDFBox cannot parse. */
    PDF_UNREADABLE,
    /** A PDF with more pages than the per-document page limit. */
    PDF_TOO_MANY_PAGES,
    /** A PDF whose text (or OCR) took longer than the per-document time limit. */
    PDF_TIME_LIMIT,
    /** A PDF of page images only (a scan) while OCR is off or not installed. */
    NO_TEXT_LAYER
}
