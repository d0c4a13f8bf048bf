package io.docstream.table;

import io.delta.kernel.types.ArrayType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DateType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.types.TimestampType;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;

/**
 * The two tables' schemas in Delta Kernel's types, derived from the batch rows' Spark schema
 * ({@link OutputTable#SCHEMA}) and the tables' column lists ({@link DeltaTables}): every column nullable, as
 * delta-spark makes a table it creates from a DataFrame.
 */
final class KernelSchema {

    private KernelSchema() {}

    static StructType of(String table) {
        List<String> columns = table.equals(DeltaTables.DOCUMENTS)
                ? DeltaTables.DOCUMENT_TABLE_COLUMNS
                : OutputTable.QUARANTINE_COLUMNS;
        StructType schema = new StructType();
        for (String column : columns) {
            DataType type = column.equals(DeltaTables.INGEST_DATE)
                    ? DateType.DATE
                    : kernelType(OutputTable.SCHEMA.apply(column).dataType());
            schema = schema.add(new StructField(column, type, true));
        }
        return schema;
    }

    private static DataType kernelType(org.apache.spark.sql.types.DataType type) {
        if (type.equals(DataTypes.StringType)) {
            return StringType.STRING;
        } else if (type.equals(DataTypes.DoubleType)) {
            return DoubleType.DOUBLE;
        } else if (type.equals(DataTypes.IntegerType)) {
            return IntegerType.INTEGER;
        } else if (type.equals(DataTypes.LongType)) {
            return LongType.LONG;
        } else if (type.equals(DataTypes.DateType)) {
            return DateType.DATE;
        } else if (type.equals(DataTypes.TimestampType)) {
            return TimestampType.TIMESTAMP;
        } else if (type instanceof org.apache.spark.sql.types.ArrayType array) {
            return new ArrayType(kernelType(array.elementType()), array.containsNull());
        }
        throw new IllegalArgumentException("no Delta Kernel type for the column type " + type);
    }
}
