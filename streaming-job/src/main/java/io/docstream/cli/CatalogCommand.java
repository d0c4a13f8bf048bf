package io.docstream.cli;

import io.docstream.job.JobSettings;
import io.docstream.table.TableRegistration;
import io.docstream.table.TableSession;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/docstream catalog}: registers or updates both Delta tables in the AWS Glue Data Catalog. */
@Command(
        name = "catalog",
        mixinStandardHelpOptions = true,
        description = {
            "Registers (CreateTable) or updates (UpdateTable) the documents and quarantine tables under"
                    + " spark.docstream.output in a Glue database, created if missing: external tables at s3:// locations that"
                    + " Athena (table_type=DELTA), Trino and Spark (spark.sql.sources.provider=delta, SerDe parameter"
                    + " path) open as Delta tables; columns from the Delta schema. Credentials: the AWS default chain."
        })
public final class CatalogCommand implements Callable<Integer> {

    @Option(
            names = "--database",
            description = "Glue database (else spark.docstream.glue.database / DOCSTREAM_GLUE_DATABASE)")
    String database;

    @Option(
            names = "--region",
            description = "AWS region (else spark.docstream.glue.region, else the SDK's chain: AWS_REGION, profile)")
    String region;

    @Option(
            names = "--endpoint",
            description = "Glue endpoint override, e.g. a local moto_server (else spark.docstream.glue.endpoint)")
    String endpoint;

    public static void main(String[] args) {
        System.exit(new CommandLine(new CatalogCommand()).execute(args));
    }

    @Override
    public Integer call() {
        SparkConf conf = new SparkConf();
        List<String> overrides = new ArrayList<>();
        add(overrides, JobSettings.Key.GLUE_DATABASE, database);
        add(overrides, JobSettings.Key.GLUE_REGION, region);
        add(overrides, JobSettings.Key.GLUE_ENDPOINT, endpoint);
        JobSettings settings = JobSettings.resolve(overrides, conf, System.getenv());
        if (!settings.glue().enabled()) {
            System.err.println("catalog: no database: give --database or set spark.docstream.glue.database");
            return 2;
        }
        SparkSession spark = TableSession.start(conf, "docstream-catalog", "local[1]");
        try {
            new TableRegistration(spark).registerBoth(settings, System.out);
            return 0;
        } finally {
            spark.stop();
        }
    }

    private static void add(List<String> arguments, JobSettings.Key key, String value) {
        if (value != null) {
            arguments.add("--" + key.argument() + "=" + value);
        }
    }
}
