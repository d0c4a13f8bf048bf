package io.docstream.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.docstream.job.JobSettings;
import io.docstream.trino.TextTable;
import io.docstream.trino.TrinoQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/**
 * `bin/docstream query` is one command whichever engine runs the query: Spark's rows print through
 * {@link ResultTable}, Trino's through local-stack's {@link TextTable}, the same values as the same text; and
 * both engines find the tables through the job's output setting.
 */
class QueryEnginesAgreeTest {

    @Test
    void sparkAndTrinoResultsPrintTheSameTable() {
        String[] columns = {"doc_id", "salary_start", "selection", "notes"};
        Object[] first = {"a1", 50000.0, List.of("Interview"), null};
        Object[] second = {"b2", 61234.5, List.of("Essay", "Interview"), "a long line\nwith   spaces " + "x".repeat(80)
        };
        List<Row> sparkRows = List.of(
                RowFactory.create(first[0], first[1], scalaSeq(first[2]), first[3]),
                RowFactory.create(second[0], second[1], scalaSeq(second[2]), second[3]));
        List<List<Object>> trinoRows =
                List.of(new ArrayList<>(Arrays.asList(first)), new ArrayList<>(Arrays.asList(second)));

        String spark = new ResultTable(60).format(columns, sparkRows);
        assertEquals(spark, new TextTable(60).format(List.of(columns), trinoRows));
        assertEquals(true, spark.endsWith("(2 rows)\n"), spark);
    }

    @Test
    void theTrinoEngineReadsTheTablesWhereTheJobWritesThem() {
        assertEquals(JobSettings.Key.OUTPUT.conf(), TrinoQuery.OUTPUT_PROPERTY);
        assertEquals(JobSettings.Key.OUTPUT.env(), TrinoQuery.OUTPUT_ENV);
        assertEquals(JobSettings.Key.OUTPUT.defaultValue(), TrinoQuery.DEFAULT_OUTPUT);
    }

    private static Object scalaSeq(Object list) {
        return scala.jdk.javaapi.CollectionConverters.asScala((List<?>) list).toSeq();
    }
}
