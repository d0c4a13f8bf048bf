package io.docstream.query;

import io.docstream.job.JobSettings;
import io.docstream.table.TableSession;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code bin/docstream query "SQL"}: Spark SQL over the Delta tables {@code documents} and {@code quarantine}
 * (time travel: {@code FROM documents VERSION AS OF 3}) under {@code spark.docstream.output} (or DOCSTREAM_OUTPUT, default {@code .docstream/tables}); prints
 * the result as a table. At most {@code spark.docstream.query.maxRows} rows (default 1000) are shown.
 */
public final class QueryCommand {

    private QueryCommand() {}

    public static void main(String[] args) {
        if (args.length != 1 || args[0].isBlank()) {
            System.err.println(
                    "usage: bin/docstream query \"SELECT ... FROM documents\"  (views: documents, quarantine)");
            System.exit(2);
        }
        SparkConf conf = new SparkConf();
        JobSettings settings = JobSettings.resolve(List.of(), conf, System.getenv());
        int maxRows = conf.getInt("spark.docstream.query.maxRows", 1000);
        SparkSession spark = TableSession.start(conf, "docstream-query", "local[*]");
        try {
            System.out.print(run(spark, settings.output(), args[0], maxRows));
        } finally {
            spark.stop();
        }
    }

    /** Registers the views over {@code output}, runs {@code sql} and formats at most {@code maxRows} rows. */
    public static String run(SparkSession spark, String output, String sql, int maxRows) {
        TableViews.register(spark, output);
        Dataset<Row> result = spark.sql(sql);
        List<Row> rows = result.limit(maxRows).collectAsList();
        return new ResultTable(60).format(result.columns(), rows);
    }
}
