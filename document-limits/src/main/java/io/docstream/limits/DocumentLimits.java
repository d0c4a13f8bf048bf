package io.docstream.limits;

/**
 * What one document may be: its size in bytes, and for JSON records the parser limits (longest string,
 * deepest nesting, longest number) and how many records it may hold. The ingest service refuses an upload
 * past any of them (413/422 with the reason); the job applies the same values to its parser and quarantines
 * what slips past them (a document announced by someone else, or limits changed on one side only).
 *
 * <p>The defaults are the one definition; each side can override them by configuration, and the deployment
 * sets both sides from the same values (docs/ingest-service.md, "Limits shared with the job"). Serializable: the
 * job ships it to its executors.
 *
 * @param maxBytes        largest document, in bytes
 * @param maxStringChars  longest JSON string (a value or a field name), in characters
 * @param maxNestingDepth deepest nesting of JSON arrays and objects
 * @param maxNumberChars  longest JSON number, in characters
 * @param maxRecords      most records (rows) one JSON document may hold
 */
public record DocumentLimits(long maxBytes, int maxStringChars, int maxNestingDepth, int maxNumberChars, int maxRecords)
        implements java.io.Serializable {

    public static final String DEFAULT_MAX_BYTES = "52428800";
    /** Jackson's own default (StreamReadConstraints), made explicit so that both sides agree whatever their version. */
    public static final String DEFAULT_MAX_STRING_CHARS = "20000000";

    public static final String DEFAULT_MAX_NESTING_DEPTH = "500";
    public static final String DEFAULT_MAX_NUMBER_CHARS = "1000";
    /** A document of more records than this is a bulk load, not a document: it would make one oversized batch. */
    public static final String DEFAULT_MAX_RECORDS = "10000";

    public static final DocumentLimits DEFAULTS = new DocumentLimits(
            Long.parseLong(DEFAULT_MAX_BYTES),
            Integer.parseInt(DEFAULT_MAX_STRING_CHARS),
            Integer.parseInt(DEFAULT_MAX_NESTING_DEPTH),
            Integer.parseInt(DEFAULT_MAX_NUMBER_CHARS),
            Integer.parseInt(DEFAULT_MAX_RECORDS));

    public DocumentLimits {
        if (maxBytes < 0 || maxStringChars < 1 || maxNestingDepth < 1 || maxNumberChars < 1 || maxRecords < 1) {
            throw new IllegalArgumentException("document limits must be positive (maxBytes not negative): maxBytes="
                    + maxBytes + ", maxStringChars=" + maxStringChars + ", maxNestingDepth=" + maxNestingDepth
                    + ", maxNumberChars=" + maxNumberChars + ", maxRecords=" + maxRecords);
        }
    }
}
