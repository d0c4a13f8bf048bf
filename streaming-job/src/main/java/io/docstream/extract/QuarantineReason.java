package io.docstream.extract;

/** Why a document produced no row. The names are the reason codes users see in the quarantine table. */
public enum QuarantineReason {
    EMPTY,
    NOT_TEXT,
    MALFORMED_JSON,
    NOT_A_RECORD,
    TOO_LARGE,
    /** Neither a bulletin nor a JSON record file (e.g. a PDF): the pipeline has no rules for it. */
    UNSUPPORTED_TYPE
}
