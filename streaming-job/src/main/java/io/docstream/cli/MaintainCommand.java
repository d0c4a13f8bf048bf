package io.docstream.cli;

import io.docstream.job.JobSettings;
import io.docstream.table.DeltaTables;
import io.docstream.table.TableMaintenance;
import io.docstream.table.TableSession;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bin/docstream maintain}: OPTIMIZE, VACUUM and a log checkpoint on both tables, while the job runs. */
@Command(
        name = "maintain",
        mixinStandardHelpOptions = true,
        description = {
            "Compacts small files (OPTIMIZE), deletes files no snapshot within the retention needs (VACUUM:"
                    + " replaced files and files of killed attempts) and checkpoints the log of the tables under"
                    + " spark.docstream.output / DOCSTREAM_OUTPUT. Safe while the job appends."
        })
public final class MaintainCommand implements Callable<Integer> {

    @Option(
            names = "--table",
            description = "documents, quarantine or all (default: ${DEFAULT-VALUE})",
            defaultValue = "all")
    String table;

    @Option(
            names = "--retain-hours",
            defaultValue = "168",
            description = {
                "VACUUM keeps files a snapshot of the last N hours needs (default: ${DEFAULT-VALUE}, Delta's floor).",
                "Below 168 only with --unsafe-short-retention: a batch being written or a reader on an older"
                        + " snapshot may then lose files."
            })
    double retainHours;

    @Option(names = "--unsafe-short-retention", description = "allow --retain-hours below 168")
    boolean unsafeShortRetention;

    @Option(
            names = "--job-stopped",
            description = {
                "On s3a:// tables: confirm that the job is not running. Delta on S3"
                        + " serialises commits only within one JVM, so a second writer beside the running job could overwrite one of"
                        + " its commits; the running job maintains its tables itself (spark.docstream.maintenanceInterval).",
                "Not needed with a multi-writer log store (spark.delta.logStore.s3a.impl, e.g. S3DynamoDBLogStore)."
            })
    boolean jobStopped;

    public static void main(String[] args) {
        System.exit(new CommandLine(new MaintainCommand()).execute(args));
    }

    @Override
    public Integer call() {
        if (retainHours < TableMaintenance.SAFE_RETENTION_HOURS && !unsafeShortRetention) {
            System.err.printf(
                    "maintain: --retain-hours %.0f is below %.0f: add --unsafe-short-retention if no batch"
                            + " or reader can take that long%n",
                    retainHours, TableMaintenance.SAFE_RETENTION_HOURS);
            return 2;
        }
        List<String> tables = switch (table) {
            case "all" -> List.of(DeltaTables.DOCUMENTS, DeltaTables.QUARANTINE);
            case DeltaTables.DOCUMENTS, DeltaTables.QUARANTINE -> List.of(table);
            default -> null;
        };
        if (tables == null) {
            System.err.println("maintain: --table is documents, quarantine or all, not " + table);
            return 2;
        }
        SparkConf conf = new SparkConf();
        JobSettings settings = JobSettings.resolve(List.of(), conf, System.getenv());
        if (settings.output().startsWith("s3a:") && !jobStopped && !conf.contains("spark.delta.logStore.s3a.impl")) {
            System.err.println(
                    "maintain: the tables are on S3, where Delta allows one writing JVM at a time. The running job"
                            + " maintains them itself (spark.docstream.maintenanceInterval); run this only with the job stopped"
                            + " (--job-stopped) or with a multi-writer log store (spark.delta.logStore.s3a.impl).");
            return 2;
        }
        SparkSession spark = TableSession.start(conf, "docstream-maintain", "local[2]");
        try {
            TableMaintenance maintenance = new TableMaintenance(spark, System.out);
            for (String name : tables) {
                String path = DeltaTables.path(settings.output(), name);
                if (!DeltaTables.exists(spark, path)) {
                    System.out.println(name + ": no table yet at " + path);
                    continue;
                }
                maintenance.maintain(name, path, retainHours, unsafeShortRetention, true);
            }
            return 0;
        } finally {
            spark.stop();
        }
    }
}
