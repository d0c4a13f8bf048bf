package io.docstream.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.docstream.job.JobSettings;
import io.docstream.job.TestStack;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * Registration against a real Glue endpoint (moto_server): the database is created, both tables are created
 * as Athena's Delta tables, and a second registration updates them (a new table version) instead of failing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GlueCatalogTest {

    private final TestStack stack = TestStack.get();
    private final SparkSession spark = stack.spark;
    private MotoServer moto;

    @BeforeAll
    void startMoto() throws Exception {
        moto = MotoServer.start(stack.workDir.resolve("moto"));
        // The client takes the default credential chain, as in production; moto accepts any key.
        System.setProperty("aws.accessKeyId", "testing");
        System.setProperty("aws.secretAccessKey", "testing");
    }

    @AfterAll
    void stopMoto() throws Exception {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        moto.close();
    }

    @Test
    void registersBothTablesAsDeltaTablesAndUpdatesThemOnTheNextRun() throws Exception {
        String run = TestStack.unique("glue");
        String output = "s3a://" + TestStack.BUCKET + "/tables/" + run;
        TestBatches.commit(
                spark,
                output,
                "query-g",
                0,
                TestBatches.batch(spark, "g", 2, 0, Instant.parse("2026-12-01T10:00:00Z")));
        JobSettings settings = JobSettings.resolve(
                List.of(
                        "--output=" + output,
                        "--glue.database=docstream_" + run.replace('-', '_'),
                        "--glue.region=us-east-1",
                        "--glue.endpoint=" + moto.endpoint()),
                new SparkConf(false),
                Map.of());
        String database = settings.glue().database();

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        new TableRegistration(spark).registerBoth(settings, new PrintStream(printed, true, StandardCharsets.UTF_8));
        assertEquals(
                List.of(
                        "glue: created " + database + ".documents at s3://docstream/tables/" + run + "/documents/",
                        "glue: created " + database + ".quarantine at s3://docstream/tables/" + run + "/quarantine/"),
                printed.toString(StandardCharsets.UTF_8).lines().toList());

        try (GlueClient glue = GlueCatalog.client("us-east-1", moto.endpoint())) {
            assertEquals(
                    database, glue.getDatabase(b -> b.name(database)).database().name());
            Table documents = glue.getTable(b -> b.databaseName(database).name("documents"))
                    .table();
            assertEquals("EXTERNAL_TABLE", documents.tableType());
            // Athena reads table_type; Spark and Trino the provider and the SerDe's path.
            assertEquals(
                    Map.of("table_type", "DELTA", "EXTERNAL", "TRUE", "spark.sql.sources.provider", "delta"),
                    documents.parameters());
            String location = "s3://docstream/tables/" + run + "/documents/";
            assertEquals(location, documents.storageDescriptor().location());
            assertEquals(
                    Map.of("path", location),
                    documents.storageDescriptor().serdeInfo().parameters());
            assertEquals(
                    "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
                    documents.storageDescriptor().serdeInfo().serializationLibrary());
            assertEquals(
                    columnsOf(spark.read()
                            .format("delta")
                            .load(DeltaTables.documentsPath(output))
                            .schema()
                            .fields()),
                    documents.storageDescriptor().columns());
            assertEquals(
                    "date",
                    documents.storageDescriptor().columns().stream()
                            .filter(c -> c.name().equals("ingest_date"))
                            .findFirst()
                            .orElseThrow()
                            .type());
            assertEquals(
                    "array<string>",
                    documents.storageDescriptor().columns().stream()
                            .filter(c -> c.name().equals("selection"))
                            .findFirst()
                            .orElseThrow()
                            .type());
            assertEquals(List.of(), documents.partitionKeys(), "Athena takes Delta partitions from the log");

            // The quarantine table has no commit yet: registered with the columns its first commit will have.
            Table quarantine = glue.getTable(b -> b.databaseName(database).name("quarantine"))
                    .table();
            assertEquals(
                    List.of(
                            "doc_id",
                            "file_name",
                            "source_uri",
                            "reason",
                            "message",
                            "kafka_partition",
                            "kafka_offset",
                            "quarantined_at"),
                    quarantine.storageDescriptor().columns().stream()
                            .map(Column::name)
                            .toList());

            printed.reset();
            new TableRegistration(spark).registerBoth(settings, new PrintStream(printed, true, StandardCharsets.UTF_8));
            assertEquals(
                    2,
                    printed.toString(StandardCharsets.UTF_8)
                            .lines()
                            .filter(l -> l.startsWith("glue: updated "))
                            .count(),
                    printed.toString(StandardCharsets.UTF_8));
            assertEquals(
                    2,
                    glue.getTableVersions(b -> b.databaseName(database).tableName("documents"))
                            .tableVersions()
                            .size());
        }
    }

    @Test
    void anEntryOfThePreviousVersionIsUpdatedInPlaceWithWhatSparkAndTrinoNeed() throws Exception {
        String run = TestStack.unique("glue-old");
        String output = "s3a://" + TestStack.BUCKET + "/tables/" + run;
        String database = "docstream_" + run.replace('-', '_');
        String location = "s3://docstream/tables/" + run + "/documents/";
        try (GlueClient glue = GlueCatalog.client("us-east-1", moto.endpoint())) {
            GlueCatalog catalog = new GlueCatalog(glue);
            catalog.ensureDatabase(database);
            // What the previous version wrote: Athena's parameters and the columns, no SerDe.
            glue.createTable(b -> b.databaseName(database)
                    .tableInput(t -> t.name("documents")
                            .tableType("EXTERNAL_TABLE")
                            .parameters(Map.of("table_type", "DELTA", "EXTERNAL", "TRUE"))
                            .storageDescriptor(sd -> sd.location(location)
                                    .columns(Column.builder()
                                            .name("doc_id")
                                            .type("string")
                                            .build()))));

            assertEquals(
                    GlueCatalog.Result.UPDATED,
                    catalog.register(database, "documents", output + "/documents", OutputTable.SCHEMA));

            Table updated = glue.getTable(b -> b.databaseName(database).name("documents"))
                    .table();
            assertEquals("delta", updated.parameters().get("spark.sql.sources.provider"));
            assertEquals("DELTA", updated.parameters().get("table_type"));
            assertEquals(
                    Map.of("path", location),
                    updated.storageDescriptor().serdeInfo().parameters());
            assertEquals(location, updated.storageDescriptor().location());
            assertEquals(
                    2,
                    glue.getTableVersions(b -> b.databaseName(database).tableName("documents"))
                            .tableVersions()
                            .size(),
                    "the same table, a new version");
        }
    }

    private static List<Column> columnsOf(StructField[] fields) {
        List<Column> columns = new ArrayList<>();
        for (StructField field : fields) {
            columns.add(Column.builder()
                    .name(field.name())
                    .type(field.dataType().catalogString())
                    .build());
        }
        return columns;
    }
}
