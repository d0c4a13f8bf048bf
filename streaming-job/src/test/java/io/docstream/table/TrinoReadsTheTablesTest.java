package io.docstream.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docstream.cli.CatalogCommand;
import io.docstream.job.TestStack;
import io.docstream.servers.ChildJvm;
import io.docstream.servers.SparkFlags;
import io.docstream.trino.DeltaCatalog;
import io.docstream.trino.TrinoSession;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * What a Trino user (and Athena, Trino inside) sees of the tables: through the Glue entry
 * {@code bin/docstream catalog} writes, at each version Spark can travel to, and after maintenance. The
 * tables are written by the job's committer ({@link TestBatches}); Trino is the shared {@link TrinoTables}
 * server.
 */
class TrinoReadsTheTablesTest {

    private final TestStack stack = TestStack.get();
    private final SparkSession spark = stack.spark;
    private final TrinoTables trino = TrinoTables.get();

    @Test
    void theGlueEntryBinDocstreamCatalogWroteIsADeltaTableForTrinoAndForSparksHiveCatalog() throws Exception {
        String run = TestStack.unique("glue-trino");
        String output = "s3a://" + TestStack.BUCKET + "/tables/" + run;
        Instant day = Instant.parse("2026-12-01T10:00:00Z");
        TestBatches.commit(spark, output, "query-gt", 0, TestBatches.batch(spark, "gt0", 4, 1, day));
        TestBatches.commit(spark, output, "query-gt", 1, TestBatches.batch(spark, "gt1", 3, 2, day));
        String database = run.replace('-', '_');
        Map<String, Long> sparkCounts = new java.util.LinkedHashMap<>();
        for (String table : List.of(DeltaTables.DOCUMENTS, DeltaTables.QUARANTINE)) {
            sparkCounts.put(
                    table,
                    spark.read()
                            .format("delta")
                            .load(DeltaTables.path(output, table))
                            .count());
        }
        assertEquals(Map.of(DeltaTables.DOCUMENTS, 7L, DeltaTables.QUARANTINE, 3L), sparkCounts);

        try (MotoServer moto = MotoServer.start(stack.workDir.resolve("moto-trino"))) {
            ChildJvm catalog = childJvm(
                    run + "-catalog",
                    CatalogCommand.class,
                    output,
                    List.of("--database=" + database, "--region=us-east-1", "--endpoint=" + moto.endpoint()));
            assertEquals(0, catalog.waitFor(Duration.ofMinutes(3)), "bin/docstream catalog:" + catalog.tail());
            String printed = Files.readString(catalog.log(), StandardCharsets.UTF_8);
            assertTrue(
                    printed.contains(
                            "glue: created " + database + ".documents at s3://docstream/tables/" + run + "/documents/"),
                    printed);

            // Trino with hive.metastore=glue on the same endpoint, reading the tables over S3.
            String glue = "glue_" + database;
            trino.session()
                    .createCatalog(
                            glue,
                            DeltaCatalog.glue("us-east-1", moto.endpoint(), "testing", "testing")
                                    .withS3(
                                            stack.s3.region(),
                                            stack.s3.endpoint(),
                                            stack.s3.accessKey(),
                                            stack.s3.secretKey()));
            assertEquals(
                    List.of("documents", "quarantine"),
                    trino.query("SHOW TABLES FROM " + glue + "." + database).column("Table").stream()
                            .sorted()
                            .toList());
            sparkCounts.forEach((table, count) -> assertEquals(
                    count,
                    trino.query("SELECT count(*) FROM " + glue + "." + database + "." + table)
                            .single(),
                    table + " through Glue: Trino against Spark"));

            // Spark's Hive catalog on the same entries (SparkReadsGlueEntry says how this stands in for EMR's).
            ChildJvm sparkHive = childJvm(
                    run + "-spark-hive",
                    SparkReadsGlueEntry.class,
                    output,
                    List.of(
                            database,
                            moto.endpoint(),
                            stack.workDir.resolve(run + "-hive").toString()));
            assertEquals(0, sparkHive.waitFor(Duration.ofMinutes(4)), "Spark's Hive catalog:" + sparkHive.tail());
            String counted = Files.readString(sparkHive.log(), StandardCharsets.UTF_8);
            sparkCounts.forEach((table, count) -> assertTrue(
                    counted.contains("spark-hive: " + table + "=" + count + "\n"),
                    table + " through the Glue entry in Spark's Hive catalog:" + sparkHive.tail()));
        }
    }

    @Test
    void trinoAtEachVersionReadsWhatSparkReadsAtThatVersion() throws Exception {
        Path root = stack.workDir.resolve(TestStack.unique("versions"));
        String output = root.toUri().toString();
        Instant day = Instant.parse("2026-12-02T10:00:00Z");
        for (int batch = 0; batch < 3; batch++) {
            TestBatches.commit(
                    spark, output, "query-v", batch, TestBatches.batch(spark, "v" + batch, 2 + batch, 0, day));
        }
        String schema = trino.register(output);
        String path = DeltaTables.documentsPath(output);
        List<Long> counts = new ArrayList<>();
        long latest = new DeltaLogReplay(root.resolve(DeltaTables.DOCUMENTS))
                        .commits()
                        .size()
                - 1;
        for (long version = 0; version <= latest; version++) {
            List<String> sparkIds =
                    spark
                            .sql("SELECT doc_id FROM delta.`" + path + "` VERSION AS OF " + version)
                            .collectAsList()
                            .stream()
                            .map(row -> row.getString(0))
                            .sorted()
                            .toList();
            List<String> trinoIds = trino
                    .query("SELECT doc_id FROM " + TrinoTables.CATALOG + "." + schema + ".documents FOR VERSION AS OF "
                            + version)
                    .column("doc_id")
                    .stream()
                    .map(String.class::cast)
                    .sorted()
                    .toList();
            assertEquals(sparkIds, trinoIds, "documents at version " + version);
            counts.add((long) trinoIds.size());
        }
        assertEquals(List.of(2L, 5L, 9L), counts, "each version adds its batch");
    }

    @Test
    void afterMaintenanceTrinoReadsTheSameRowsFromFewerFiles() throws Exception {
        Path root = stack.workDir.resolve(TestStack.unique("maintained"));
        String output = root.toUri().toString();
        Instant day = Instant.parse("2026-12-03T10:00:00Z");
        for (int batch = 0; batch < 5; batch++) {
            TestBatches.commit(spark, output, "query-mt", batch, TestBatches.batch(spark, "mt" + batch, 3, 0, day));
        }
        String table = TrinoTables.CATALOG + "." + trino.register(output) + ".documents";
        String rows = "SELECT doc_id, record_index FROM " + table + " ORDER BY doc_id, record_index";
        String files = "SELECT count(DISTINCT \"$path\") FROM " + table;
        TrinoSession.Result before = trino.query(rows);
        assertEquals(5L, trino.query(files).single(), "one file per batch before");

        // What bin/docstream maintain runs (OPTIMIZE, VACUUM, checkpoint); retention 0 h, as nothing else reads.
        new TableMaintenance(spark, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
                .maintain(DeltaTables.DOCUMENTS, DeltaTables.documentsPath(output), 0, true, true);

        assertEquals(before, trino.query(rows), "the same rows after OPTIMIZE and VACUUM");
        assertEquals(15, before.rows().size());
        assertEquals(1L, trino.query(files).single(), "compacted into one file");
        assertEquals(
                spark.read()
                        .format("delta")
                        .load(DeltaTables.documentsPath(output))
                        .count(),
                (long) before.rows().size());
    }

    /**
     * A main of the job's classpath in its own JVM, as bin/docstream runs its commands (each starts and stops a
     * Spark session of its own), with the stack's S3A settings, an {@code s3://} file system (the Glue entries'
     * scheme) and Glue credentials from the AWS default chain (moto takes any key).
     */
    private ChildJvm childJvm(String name, Class<?> main, String output, List<String> args) {
        List<String> javaArgs = new ArrayList<>(List.of("-Xmx768m", "-XX:TieredStopAtLevel=1"));
        javaArgs.addAll(SparkFlags.jvmFlags());
        Map<String, String> confs = new java.util.LinkedHashMap<>(stack.s3aConfs());
        confs.put("spark.hadoop.fs.s3.impl", "org.apache.hadoop.fs.s3a.S3AFileSystem");
        DeltaTables.sessionDefaults().forEach(confs::put);
        confs.put("spark.docstream.output", output);
        confs.put("spark.ui.enabled", "false");
        confs.put("spark.driver.host", "127.0.0.1");
        confs.put("spark.driver.bindAddress", "127.0.0.1");
        confs.forEach((key, value) -> javaArgs.add("-D" + key + "=" + value));
        String classpath = TestStack.jobClasspath()
                + java.io.File.pathSeparator
                + Path.of("target", "test-classes").toAbsolutePath();
        javaArgs.addAll(List.of("-cp", classpath, main.getName()));
        javaArgs.addAll(args);
        return ChildJvm.start(
                name,
                javaArgs,
                Map.of(
                        "AWS_ACCESS_KEY_ID",
                        "testing",
                        "AWS_SECRET_ACCESS_KEY",
                        "testing",
                        "SPARK_LOCAL_IP",
                        "127.0.0.1"),
                stack.workDir,
                stack.workDir.resolve(name + ".log"));
    }
}
