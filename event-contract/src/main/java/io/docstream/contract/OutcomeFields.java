package io.docstream.contract;

import java.util.List;

/**
 * The names of an outcome event's data fields, in wire order. The definition is docs/outcomes.schema.json: tests
 * in both services fail when {@link #ALL} and the schema's properties differ.
 */
public final class OutcomeFields {

    public static final String DOC_ID = "doc_id";
    public static final String FILE_NAME = "file_name";
    public static final String OUTCOME = "outcome";
    public static final String TABLE = "table";
    public static final String TABLE_VERSION = "table_version";
    public static final String ROWS = "rows";
    public static final String REASON = "reason";
    public static final String MESSAGE = "message";
    public static final String SOURCE_URI = "source_uri";
    public static final String KAFKA_PARTITION = "kafka_partition";
    public static final String KAFKA_OFFSET = "kafka_offset";
    public static final String COMMITTED_AT = "committed_at";

    public static final List<String> ALL = List.of(
            DOC_ID,
            FILE_NAME,
            OUTCOME,
            TABLE,
            TABLE_VERSION,
            ROWS,
            REASON,
            MESSAGE,
            SOURCE_URI,
            KAFKA_PARTITION,
            KAFKA_OFFSET,
            COMMITTED_AT);

    private OutcomeFields() {}
}
