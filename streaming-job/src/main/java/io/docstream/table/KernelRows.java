package io.docstream.table;

import io.delta.kernel.data.ArrayValue;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampType;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Rows collected from a Spark batch, seen as a Delta Kernel {@link ColumnarBatch} of a table's schema: each of the
 * table's columns is the row field of the same name. Values are converted where Kernel reads them, in the units
 * Delta stores: a date as days since the epoch, a timestamp as microseconds since the epoch (UTC).
 */
final class KernelRows implements ColumnarBatch {

    private final StructType schema;
    private final List<Row> rows;
    private final int[] fieldOfColumn;

    /** {@code rows} have a schema (collected from a Dataset) that holds every column of {@code schema}. */
    KernelRows(StructType schema, List<Row> rows) {
        this(schema, rows, fieldsOf(schema, rows));
    }

    private KernelRows(StructType schema, List<Row> rows, int[] fieldOfColumn) {
        this.schema = schema;
        this.rows = rows;
        this.fieldOfColumn = fieldOfColumn;
    }

    private static int[] fieldsOf(StructType schema, List<Row> rows) {
        int[] fields = new int[schema.length()];
        if (!rows.isEmpty()) {
            for (int i = 0; i < schema.length(); i++) {
                fields[i] = rows.get(0).fieldIndex(schema.at(i).getName());
            }
        }
        return fields;
    }

    /** Kernel drops the partition columns this way before it writes a file (their values are in the path). */
    @Override
    public ColumnarBatch withDeletedColumnAt(int ordinal) {
        List<io.delta.kernel.types.StructField> fields = new java.util.ArrayList<>(schema.fields());
        fields.remove(ordinal);
        int[] remaining = new int[fieldOfColumn.length - 1];
        for (int i = 0, j = 0; i < fieldOfColumn.length; i++) {
            if (i != ordinal) {
                remaining[j++] = fieldOfColumn[i];
            }
        }
        return new KernelRows(new StructType(fields), rows, remaining);
    }

    @Override
    public StructType getSchema() {
        return schema;
    }

    @Override
    public ColumnVector getColumnVector(int ordinal) {
        return new Values(schema.at(ordinal).getDataType(), new FieldValues(rows, fieldOfColumn[ordinal]));
    }

    @Override
    public int getSize() {
        return rows.size();
    }

    /** One column's values, by position: a row's field or an array's elements. */
    private interface ValueSource {
        int size();

        Object get(int position);
    }

    private record FieldValues(List<Row> rows, int field) implements ValueSource {
        @Override
        public int size() {
            return rows.size();
        }

        @Override
        public Object get(int position) {
            return rows.get(position).get(field);
        }
    }

    private record ListValues(List<?> values) implements ValueSource {
        @Override
        public int size() {
            return values.size();
        }

        @Override
        public Object get(int position) {
            return values.get(position);
        }
    }

    /** A column of values of one Kernel type. */
    private record Values(DataType type, ValueSource source) implements ColumnVector {

        @Override
        public DataType getDataType() {
            return type;
        }

        @Override
        public int getSize() {
            return source.size();
        }

        @Override
        public void close() {}

        @Override
        public boolean isNullAt(int rowId) {
            return source.get(rowId) == null;
        }

        @Override
        public boolean getBoolean(int rowId) {
            return (Boolean) source.get(rowId);
        }

        @Override
        public int getInt(int rowId) {
            Object value = source.get(rowId);
            if (type instanceof DateType) {
                return (int) epochDay(value);
            }
            return ((Number) value).intValue();
        }

        @Override
        public long getLong(int rowId) {
            Object value = source.get(rowId);
            if (type instanceof TimestampType) {
                return epochMicros(value);
            }
            return ((Number) value).longValue();
        }

        @Override
        public double getDouble(int rowId) {
            return ((Number) source.get(rowId)).doubleValue();
        }

        @Override
        public String getString(int rowId) {
            return (String) source.get(rowId);
        }

        @Override
        public ArrayValue getArray(int rowId) {
            Object value = source.get(rowId);
            List<?> elements = value instanceof List<?> list
                    ? list
                    : scala.jdk.javaapi.CollectionConverters.asJava((scala.collection.Seq<?>) value);
            DataType elementType = ((ArrayType) type).getElementType();
            return new ArrayValue() {
                @Override
                public int getSize() {
                    return elements.size();
                }

                @Override
                public ColumnVector getElements() {
                    return new Values(elementType, new ListValues(elements));
                }
            };
        }

        private static long epochDay(Object value) {
            return value instanceof LocalDate date
                    ? date.toEpochDay()
                    : ((Date) value).toLocalDate().toEpochDay();
        }

        private static long epochMicros(Object value) {
            Instant instant = value instanceof Instant i ? i : ((Timestamp) value).toInstant();
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
        }
    }
}
