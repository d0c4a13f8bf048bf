package io.docstream.table;

import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.statistics.DataFileStatistics;
import io.delta.kernel.types.StringType;
import io.delta.kernel.utils.DataFileStatus;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * String statistics cut to a prefix, as delta-spark writes them: a minimum becomes its first
 * {@link #PREFIX_LENGTH} characters (still a lower bound), a maximum that prefix followed by the largest code point
 * (still an upper bound). Kernel writes whole values, which for the bulletins' long text columns would double the
 * log and its checkpoints.
 */
final class StatisticsPrefixes {

    /** delta-spark's {@code spark.databricks.delta.stats.prefixLength} default. */
    static final int PREFIX_LENGTH = 32;

    private static final String LARGEST = new String(Character.toChars(Character.MAX_CODE_POINT));

    private StatisticsPrefixes() {}

    static DataFileStatus truncated(DataFileStatus file) {
        Optional<DataFileStatistics> statistics = file.getStatistics();
        if (statistics.isEmpty()) {
            return file;
        }
        DataFileStatistics stats = statistics.get();
        Map<Column, Literal> min = new HashMap<>();
        stats.getMinValues().forEach((column, value) -> min.put(column, lower(value)));
        Map<Column, Literal> max = new HashMap<>();
        stats.getMaxValues().forEach((column, value) -> upper(value).ifPresent(bound -> max.put(column, bound)));
        return new DataFileStatus(
                file.getPath(),
                file.getSize(),
                file.getModificationTime(),
                Optional.of(new DataFileStatistics(
                        stats.getNumRecords(), min, max, stats.getNullCount(), stats.getTightBounds())));
    }

    private static Literal lower(Literal value) {
        if (!(value.getDataType() instanceof StringType) || value.getValue() == null) {
            return value;
        }
        String text = (String) value.getValue();
        return text.codePointCount(0, text.length()) <= PREFIX_LENGTH ? value : Literal.ofString(prefix(text));
    }

    /** Empty when no prefix bound exists (the character after the prefix is itself the largest code point). */
    static Optional<Literal> upper(Literal value) {
        if (!(value.getDataType() instanceof StringType) || value.getValue() == null) {
            return Optional.of(value);
        }
        String text = (String) value.getValue();
        if (text.codePointCount(0, text.length()) <= PREFIX_LENGTH) {
            return Optional.of(value);
        }
        String prefix = prefix(text);
        if (text.codePointAt(prefix.length()) == Character.MAX_CODE_POINT) {
            return Optional.empty();
        }
        return Optional.of(Literal.ofString(prefix + LARGEST));
    }

    private static String prefix(String text) {
        return text.substring(0, text.offsetByCodePoints(0, PREFIX_LENGTH));
    }
}
