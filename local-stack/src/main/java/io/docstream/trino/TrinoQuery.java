package io.docstream.trino;

import io.docstream.servers.StateFolder;
import io.docstream.servers.TrinoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bin/docstream query --engine trino "SQL"}: the same tables as the Spark engine ({@code documents},
 * {@code quarantine} under {@code spark.docstream.output} / DOCSTREAM_OUTPUT, default {@code .docstream/tables}),
 * read by a real Trino with its Delta Lake connector, so a user sees what Athena (Trino inside) will see before
 * going to AWS. It starts a Trino server for the query and stops it afterwards. Trino's SQL: time travel is
 * {@code FROM documents FOR VERSION AS OF 3}.
 */
public final class TrinoQuery {

    /** The job's output setting (its JobSettings.Key.OUTPUT: conf, environment variable, default); a test holds them equal. */
    public static final String OUTPUT_PROPERTY = "spark.docstream.output";

    public static final String OUTPUT_ENV = "DOCSTREAM_OUTPUT";
    public static final String DEFAULT_OUTPUT = ".docstream/tables";

    static final List<String> TABLES = List.of("documents", "quarantine");
    static final String CATALOG = "delta";
    static final String SCHEMA = "docstream";

    private TrinoQuery() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1 || args[0].isBlank()) {
            System.err.println("usage: bin/docstream query --engine trino \"SELECT ... FROM documents\""
                    + "  (tables: documents, quarantine)");
            System.exit(2);
        }
        String output = System.getProperty(OUTPUT_PROPERTY, System.getenv().getOrDefault(OUTPUT_ENV, DEFAULT_OUTPUT));
        int maxRows = Integer.getInteger("spark.docstream.query.maxRows", 1000);
        System.exit(run(output, args[0], maxRows));
    }

    /** Prints the result and returns 0, or prints what failed (no JDK 24+, Trino's SQL error) and returns 1. */
    static int run(String output, String sql, int maxRows) throws IOException {
        Path workDir = Files.createTempDirectory("docstream-trino-");
        long start = System.nanoTime();
        TrinoServer trino = null;
        try {
            trino = TrinoServer.start(workDir);
            System.err.printf(
                    "trino: started in %.0f s (pid %d, %s)%n",
                    (System.nanoTime() - start) / 1e9, trino.pid(), trino.jdbcUrl());
            try (TrinoSession session = TrinoSession.connect(trino.jdbcUrl() + "/" + CATALOG + "/" + SCHEMA)) {
                registerTables(session, output, workDir.resolve("metastore"));
                TrinoSession.Result result = session.query(sql);
                List<List<Object>> shown =
                        result.rows().subList(0, Math.min(maxRows, result.rows().size()));
                System.out.print(new TextTable(60).format(result.columns(), shown));
                return 0;
            }
        } catch (IllegalStateException failed) {
            System.err.println("query: " + failed.getMessage());
            return 1;
        } finally {
            if (trino != null) {
                trino.stop();
            }
            StateFolder.wipe(workDir);
        }
    }

    /**
     * The catalog for the output's store, and each table that has a first commit. S3 credentials come from the
     * AWS default chain in Trino's environment (AWS_ACCESS_KEY_ID..., a profile, an instance role).
     */
    static void registerTables(TrinoSession session, String output, Path metastore) {
        DeltaCatalog catalog = DeltaCatalog.fileMetastore(metastore);
        if (output.startsWith("s3a://") || output.startsWith("s3://")) {
            catalog.withS3(
                    System.getProperty(
                            "spark.hadoop.fs.s3a.endpoint.region",
                            System.getenv().getOrDefault("AWS_REGION", "us-east-1")),
                    System.getProperty("spark.hadoop.fs.s3a.endpoint"),
                    null,
                    null);
        }
        session.createCatalog(CATALOG, catalog);
        List<String> missing = new ArrayList<>();
        for (String table : TABLES) {
            String location = output.replaceAll("/+$", "") + "/" + table;
            try {
                session.registerTable(CATALOG, SCHEMA, table, location);
            } catch (IllegalStateException notATable) {
                missing.add(table + " (" + DeltaCatalog.location(location) + ")");
            }
        }
        if (!missing.isEmpty()) {
            System.err.println("trino: no Delta table yet at " + String.join(", ", missing));
        }
    }
}
