package io.docstream.table;

import io.docstream.job.JobSettings;
import java.io.PrintStream;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import software.amazon.awssdk.services.glue.GlueClient;

/**
 * Both tables into one Glue database: what {@code bin/docstream catalog} and the job's start (when
 * {@code spark.docstream.glue.database} is set) do. Columns come from each table's Delta schema; a table
 * the job has not created yet is registered with the schema its first commit will have.
 */
public final class TableRegistration {

    private final SparkSession spark;

    public TableRegistration(SparkSession spark) {
        this.spark = spark;
    }

    public void registerBoth(JobSettings settings, PrintStream progress) {
        JobSettings.GlueTarget glue = settings.glue();
        try (GlueClient client = GlueCatalog.client(glue.region(), glue.endpoint())) {
            GlueCatalog catalog = new GlueCatalog(client);
            catalog.ensureDatabase(glue.database());
            for (String table : List.of(DeltaTables.DOCUMENTS, DeltaTables.QUARANTINE)) {
                String path = DeltaTables.path(settings.output(), table);
                GlueCatalog.Result result = catalog.register(glue.database(), table, path, schemaOf(table, path));
                progress.printf(
                        "glue: %s %s.%s at %s%n",
                        result == GlueCatalog.Result.CREATED ? "created" : "updated",
                        glue.database(),
                        table,
                        GlueCatalog.s3Location(path));
            }
        }
    }

    private StructType schemaOf(String table, String path) {
        if (DeltaTables.exists(spark, path)) {
            return spark.read().format("delta").load(path).schema();
        }
        var empty = spark.createDataFrame(List.of(), OutputTable.SCHEMA);
        return (table.equals(DeltaTables.DOCUMENTS)
                        ? DeltaTables.documentRows(empty)
                        : DeltaTables.quarantineRows(empty))
                .schema();
    }
}
