package io.docstream.demo;

import io.docstream.servers.KafkaBroker;
import io.docstream.servers.S3Server;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * `bin/docstream demo`: the whole pipeline on 127.0.0.1 from Maven jars (Kafka, S3, ingest service,
 * streaming job), the samples uploaded over HTTP, progress until each is in the table, then the
 * reference queries. Runs until Ctrl-C (or, with --exit, stops by itself).
 */
public final class Demo {

    private static final Duration POLL = Duration.ofSeconds(5);

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("docstream.home", "."))
                .toAbsolutePath()
                .normalize();
        DemoOptions options;
        try {
            options = DemoOptions.parse(home, List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("docstream demo: " + e.getMessage());
            System.err.println(DemoOptions.USAGE);
            System.exit(2);
            return;
        }
        RunFiles runFiles = new RunFiles(RunFiles.directory(home));
        List<String> running = runFiles.alive().toList();
        if (!running.isEmpty()) {
            System.err.println("docstream demo: a stack is already running (" + String.join(", ", running)
                    + "): see `bin/docstream status`, stop it with `bin/docstream down`");
            System.exit(1);
        }
        int exit;
        try {
            exit = new Demo().run(options, runFiles);
        } catch (RuntimeException | IOException e) {
            System.err.println("docstream demo: " + e.getMessage());
            exit = 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exit = 130;
        }
        System.exit(exit);
    }

    int run(DemoOptions options, RunFiles runFiles) throws IOException, InterruptedException {
        long startNanos = System.nanoTime();
        List<Path> samples = SampleUploader.samples(options.inputDir());
        if (samples.isEmpty()) {
            throw new IllegalStateException("no .txt or .json documents in " + options.inputDir());
        }
        Artifacts artifacts = new Artifacts(options.home());
        artifacts.ingestJar();
        artifacts.jobClasspath();
        io.docstream.servers.StateFolder.wipe(options.stateDir());
        // Documents, Kafka records, credentials: the demo's state is its user's only (0700, files 0600).
        io.docstream.servers.PrivateFiles.directories(options.stateDir());

        CountDownLatch stopped = new CountDownLatch(1);
        Stack stack = new Stack(runFiles, artifacts, options.stateDir());
        Thread stopOnCtrlC = new Thread(
                () -> {
                    System.out.println("\nstopping the pipeline ...");
                    stack.close();
                    stopped.countDown();
                },
                "demo-shutdown");
        Runtime.getRuntime().addShutdownHook(stopOnCtrlC);

        System.out.println("starting the pipeline ("
                + (options.store() == DemoOptions.Store.S3 ? "S3 store: s3proxy" : "local-folder store")
                + (options.cluster() ? ", Spark standalone cluster: 1 master + 4 workers" : ", Spark local mode")
                + "):");
        S3Server s3 = options.store() == DemoOptions.Store.S3 ? stack.startS3(options.s3Port()) : null;
        KafkaBroker kafka = stack.startKafka(options.kafkaPort());
        PipelineSettings settings = new PipelineSettings(
                options.store(),
                options.stateDir(),
                kafka.bootstrapServers(),
                s3 == null ? null : s3.endpoint(),
                s3 == null ? null : s3.accessKey(),
                s3 == null ? null : s3.secretKey(),
                Stack.httpPort(options.httpPort()),
                randomKey());
        stack.startIngest(settings, Duration.ofMinutes(2));
        if (options.cluster()) {
            stack.startJobOnCluster(settings);
        } else {
            stack.startJobEmbedded(settings);
        }
        DemoMonitoring.start(stack, settings, options.home());

        URI ingestUri = URI.create("http://127.0.0.1:" + settings.httpPort());
        List<SampleUploader.Uploaded> uploaded = new SampleUploader(ingestUri, settings.apiKey()).uploadAll(samples);
        System.out.printf("uploaded %d documents to %s/documents%n", uploaded.size(), ingestUri);

        TableQueries queries =
                new TableQueries(artifacts, settings, options.stateDir().resolve("logs"));
        boolean complete = awaitTable(stack, settings, queries, uploaded, options.timeout(), startNanos);
        if (complete) {
            StatusExample.print(ingestUri, settings.apiKey(), uploaded.get(0).docId(), System.out);
        }
        if (complete) {
            for (String sql : ExampleQueries.read(options.home().resolve("docs/queries.sql"))) {
                System.out.println("\n> " + sql);
                System.out.println(resultTable(queries.run(sql)));
            }
        }
        printTables(settings);
        Map<String, Long> memory = stack.residentMemoryMiB();
        System.out.printf(
                "memory of the running pipeline: %d MiB resident in all (%s)%n",
                memory.values().stream().mapToLong(Long::longValue).sum(),
                memory.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")));
        stack.tasksPerExecutor()
                .forEach((executor, tasks) -> System.out.printf("executor %s ran %d tasks%n", executor, tasks));
        System.out.printf(
                "%ndemo %s after %.0f s; logs in %s%n",
                complete ? "complete" : "INCOMPLETE",
                seconds(startNanos),
                options.stateDir().resolve("logs"));
        if (options.exitWhenDone()) {
            return complete ? 0 : 1;
        }
        System.out.println("the pipeline keeps running: upload more with");
        System.out.printf(
                "  curl -H 'X-Api-Key: %s' -H 'Content-Type: text/plain' --data-binary @FILE '%s/documents?filename=FILE'%n",
                settings.apiKey(), ingestUri);
        System.out.println(
                "query with `bin/docstream query \"SELECT ...\"` in another shell; Ctrl-C stops everything.");
        stopped.await();
        return 0;
    }

    /** Waits until every uploaded document is in the table or the quarantine, showing progress. */
    private boolean awaitTable(
            Stack stack,
            PipelineSettings settings,
            TableQueries queries,
            List<SampleUploader.Uploaded> uploaded,
            Duration timeout,
            long startNanos)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> expected =
                uploaded.stream().map(SampleUploader.Uploaded::docId).collect(Collectors.toSet());
        boolean firstRowSeen = false;
        while (System.nanoTime() < deadline) {
            stack.requireServicesRunning();
            if (!firstRowSeen && new DeltaTablesOnDisk(settings.tableFolderOnDisk()).anyCommitted()) {
                firstRowSeen = true;
                System.out.printf(
                        "first rows committed to the table %.1f s after the command started%n", seconds(startNanos));
            }
            if (firstRowSeen) {
                String found = queries.run("SELECT doc_id, 'table' AS place FROM documents"
                        + " UNION ALL SELECT doc_id, 'quarantine' AS place FROM quarantine");
                long present = expected.stream().filter(found::contains).count();
                System.out.printf(
                        "  %d of %d documents in the table or quarantine (%.0f s)%n",
                        present, expected.size(), seconds(startNanos));
                if (present == expected.size()) {
                    System.out.println(
                            "\n> "
                                    + "SELECT file_name, position, classcode, salary_start, salary_end, end_date FROM documents ORDER BY file_name");
                    System.out.println(
                            resultTable(
                                    queries.run(
                                            "SELECT file_name, position, classcode, salary_start, salary_end, end_date FROM documents ORDER BY file_name")));
                    return true;
                }
            }
            Thread.sleep(POLL.toMillis());
        }
        System.err.println("docstream demo: not every document reached the table within " + timeout.toSeconds() + " s");
        return false;
    }

    /** Each table's version, and the DDL that makes it an Athena table (no crawler: the log has the schema). */
    private static void printTables(PipelineSettings settings) {
        DeltaTablesOnDisk tables = new DeltaTablesOnDisk(settings.tableFolderOnDisk());
        System.out.println();
        for (String table : DeltaTablesOnDisk.TABLES) {
            var version = tables.latestVersion(table);
            if (version.isPresent()) {
                DeltaTablesOnDisk.Snapshot snapshot = tables.snapshot(table);
                System.out.printf(
                        "Delta table %s: version %d, %d rows in %d files (from its _delta_log) at %s/%s%n",
                        table,
                        version.getAsLong(),
                        snapshot.rows(),
                        snapshot.files(),
                        settings.outputLocation(),
                        table);
            } else {
                System.out.printf(
                        "Delta table %s: not created yet (no batch had a row for it) at %s/%s%n",
                        table, settings.outputLocation(), table);
            }
        }
        System.out.println("\nAthena (after `bin/docstream catalog`, or by hand; Athena takes s3:// locations):");
        for (String table : DeltaTablesOnDisk.TABLES) {
            String location = settings.store() == DemoOptions.Store.S3
                    ? settings.outputLocation().replaceFirst("^s3a://", "s3://") + "/" + table + "/"
                    : "s3://<your-bucket>/tables/" + table + "/";
            System.out.println(DeltaTablesOnDisk.athenaDdl("docstream", table, location));
        }
    }

    /** The query's printed table without Spark's log lines around it. */
    static String resultTable(String output) {
        return output.lines()
                .filter(line -> line.startsWith("|") || line.startsWith("+") || line.matches("\\(\\d+ rows?\\)"))
                .collect(Collectors.joining("\n"));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String randomKey() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return "demo-" + HexFormat.of().formatHex(bytes);
    }
}
