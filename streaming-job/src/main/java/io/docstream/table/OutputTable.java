package io.docstream.table;

import io.docstream.extract.DocumentColumn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Parquet table the job writes: one file sink whose rows are either documents or quarantine entries,
 * partitioned by {@code kind} ({@code kind=documents/}, {@code kind=quarantine/}). One sink is what keeps
 * both exactly-once with a single checkpoint: a micro-batch commits documents and quarantine entries
 * together in one {@code _spark_metadata} log entry, or neither.
 *
 * <p>Readers see two views: {@link #DOCUMENT_COLUMNS} (exactly shared/spec/fields.md, then the Kafka
 * coordinates) and {@link #QUARANTINE_COLUMNS}.
 */
public final class OutputTable {

    public static final String KIND = "kind";
    public static final String DOCUMENTS = "documents";
    public static final String QUARANTINE = "quarantine";

    public static final String KAFKA_PARTITION = "kafka_partition";
    public static final String KAFKA_OFFSET = "kafka_offset";
    /** Position of the row's record in its document (0 for a bulletin): with doc_id, the row's key. */
    public static final String RECORD_INDEX = "record_index";

    public static final String REASON = "reason";
    public static final String MESSAGE = "message";
    public static final String QUARANTINED_AT = "quarantined_at";

    public static final List<String> DOCUMENT_COLUMNS;
    public static final List<String> QUARANTINE_COLUMNS = List.of(
            DocumentColumn.DOC_ID.columnName(),
            DocumentColumn.FILE_NAME.columnName(),
            DocumentColumn.SOURCE_URI.columnName(),
            REASON,
            MESSAGE,
            KAFKA_PARTITION,
            KAFKA_OFFSET,
            QUARANTINED_AT);

    /** Every physical column, {@code kind} (the partition column) last. */
    public static final StructType SCHEMA;

    static {
        List<String> documentColumns = new ArrayList<>(DocumentColumn.NAMES);
        documentColumns.add(KAFKA_PARTITION);
        documentColumns.add(KAFKA_OFFSET);
        DOCUMENT_COLUMNS = List.copyOf(documentColumns);

        List<StructField> fields = new ArrayList<>();
        for (DocumentColumn column : DocumentColumn.values()) {
            fields.add(DataTypes.createStructField(column.columnName(), typeOf(column.kind()), true));
        }
        fields.add(DataTypes.createStructField(KAFKA_PARTITION, DataTypes.IntegerType, false));
        fields.add(DataTypes.createStructField(KAFKA_OFFSET, DataTypes.LongType, false));
        fields.add(DataTypes.createStructField(RECORD_INDEX, DataTypes.IntegerType, true));
        fields.add(DataTypes.createStructField(REASON, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(MESSAGE, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(QUARANTINED_AT, DataTypes.TimestampType, true));
        fields.add(DataTypes.createStructField(KIND, DataTypes.StringType, false));
        SCHEMA = DataTypes.createStructType(fields);
    }

    private OutputTable() {}

    /** Looked up for every field of every row: a plain map, not StructType's Scala one. */
    private static final Map<String, Integer> INDEX = indexOf(SCHEMA);

    public static int index(String column) {
        Integer index = INDEX.get(column);
        if (index == null) {
            throw new IllegalArgumentException("the output table has no column " + column);
        }
        return index;
    }

    private static Map<String, Integer> indexOf(StructType schema) {
        Map<String, Integer> index = new HashMap<>();
        String[] names = schema.fieldNames();
        for (int i = 0; i < names.length; i++) {
            index.put(names[i], i);
        }
        return Map.copyOf(index);
    }

    private static DataType typeOf(DocumentColumn.Kind kind) {
        return switch (kind) {
            case TEXT -> DataTypes.StringType;
            case AMOUNT -> DataTypes.DoubleType;
            case DATE -> DataTypes.DateType;
            case TIME -> DataTypes.TimestampType;
            case TEXT_LIST -> DataTypes.createArrayType(DataTypes.StringType, true);
        };
    }
}
