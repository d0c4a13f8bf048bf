package io.docstream.bench;

import io.docstream.table.BatchCommitter;
import io.docstream.table.DeltaTables;
import io.docstream.table.TestBatches;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * What one micro-batch's commit to the Delta tables costs (bench/delta-commit): a batch of 30 document rows
 * and 1 quarantine row committed N times through {@link BatchCommitter}, on a local folder, in one JVM;
 * per setting variant the median wall time and the JVM's CPU time per commit, the log checkpoints
 * included (every 10th commit). Run after warm-up commits, so that it measures a warm driver.
 */
public final class DeltaCommitBenchmark {

    private static final StageCounter STAGES = new StageCounter();

    private DeltaCommitBenchmark() {}

    /** Stages and tasks Spark ran: how much scheduling one commit needs. */
    private static final class StageCounter extends org.apache.spark.scheduler.SparkListener {
        final java.util.concurrent.atomic.AtomicLong stages = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicLong tasks = new java.util.concurrent.atomic.AtomicLong();
        final Map<String, java.util.concurrent.atomic.AtomicLong> byName =
                new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void onStageCompleted(org.apache.spark.scheduler.SparkListenerStageCompleted completed) {
            stages.incrementAndGet();
            byName.computeIfAbsent(completed.stageInfo().name(), name -> new java.util.concurrent.atomic.AtomicLong())
                    .incrementAndGet();
            tasks.addAndGet(completed.stageInfo().numTasks());
        }
    }

    public static void main(String[] args) throws Exception {
        int commits = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        Path work = Files.createTempDirectory("delta-commit");
        Map<String, Map<String, String>> variants = new LinkedHashMap<>();
        variants.put(
                "delta defaults (snapshotPartitions 50, validation on)",
                Map.of(
                        "spark.databricks.delta.snapshotPartitions", "50",
                        "spark.databricks.delta.stateReconstructionValidation.enabled", "true"));
        variants.put("job settings (DeltaTables.sessionDefaults)", Map.of());
        variants.put("job settings + snapshotPartitions 1", Map.of("spark.databricks.delta.snapshotPartitions", "1"));
        variants.put("job settings + no stats collection", Map.of("spark.databricks.delta.stats.collect", "false"));
        variants.put(
                "job settings + incremental commit not verified",
                Map.of("spark.databricks.delta.incremental.commit.verify", "false"));
        variants.put(
                "job settings + files-in-crc not verified",
                Map.of("spark.databricks.delta.allFilesInCrc.verificationMode.enabled", "false"));
        variants.put(
                "job settings + set transactions in crc",
                Map.of("spark.databricks.delta.setTransactionsInCrc.writeOnCommit", "true"));
        variants.put(
                "job settings + files-in-crc unverified + set transactions in crc",
                Map.of(
                        "spark.databricks.delta.allFilesInCrc.verificationMode.enabled", "false",
                        "spark.databricks.delta.setTransactionsInCrc.writeOnCommit", "true"));
        variants.put("job settings + adaptive query execution off", Map.of("spark.sql.adaptive.enabled", "false"));
        SparkSession.Builder builder = SparkSession.builder()
                .master("local[2]")
                .appName("delta-commit-bench")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1");
        DeltaTables.sessionDefaults().forEach(builder::config);
        SparkSession spark = builder.getOrCreate();
        spark.sparkContext().addSparkListener(STAGES);
        Map<String, String> baseline = new LinkedHashMap<>();
        for (String key : List.of(
                "spark.databricks.delta.snapshotPartitions",
                "spark.databricks.delta.stateReconstructionValidation.enabled",
                "spark.databricks.delta.stats.collect",
                "spark.databricks.delta.writeChecksumFile.enabled",
                "spark.databricks.delta.incremental.commit.verify",
                "spark.databricks.delta.incremental.commit.enabled",
                "spark.databricks.delta.allFilesInCrc.enabled",
                "spark.databricks.delta.allFilesInCrc.verificationMode.enabled",
                "spark.databricks.delta.setTransactionsInCrc.writeOnCommit",
                "spark.sql.adaptive.enabled")) {
            baseline.put(key, spark.conf().getOption(key).getOrElse(() -> null));
            System.out.println("session value of " + key + ": "
                    + spark.conf().getOption(key).getOrElse(() -> "(Delta's default)"));
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        // Warm-up: the JIT and Delta's first-use costs, in a table of its own.
        double[] warm = run(spark, work.resolve("warmup").toUri().toString(), commits, os);
        System.out.printf(
                "warm-up: wall p50 %.0f ms, CPU %.0f ms per commit, %.1f stages / %.1f tasks per commit%n",
                warm[0], warm[2], warm[3], warm[4]);
        System.out.println("stages of the warm-up, by Spark's call site:");
        STAGES.byName.forEach((name, count) -> System.out.printf("  %5d  %s%n", count.get(), name));
        List<String> report = new ArrayList<>();
        report.add(String.format(
                "%-58s %12s %12s %14s %14s",
                "variant (" + commits + " commits of 30 + 1 rows)",
                "wall p50 ms",
                "wall max ms",
                "CPU ms/commit",
                "stages/tasks"));
        int n = 0;
        for (var variant : variants.entrySet()) {
            baseline.forEach((k, v) -> {
                if (v == null) {
                    spark.conf().unset(k);
                } else {
                    spark.conf().set(k, v);
                }
            });
            variant.getValue().forEach(spark.conf()::set);
            double[] result = run(spark, work.resolve("v" + n++).toUri().toString(), commits, os);
            report.add(String.format(
                    "%-58s %12.0f %12.0f %14.0f %7.1f/%-6.1f",
                    variant.getKey(), result[0], result[1], result[2], result[3], result[4]));
            System.out.println(report.get(report.size() - 1));
        }
        System.out.println("\nload average at the end: "
                + Files.readString(Path.of("/proc/loadavg")).trim());
        report.forEach(System.out::println);
        spark.stop();
    }

    /** Median and max wall ms per commit, and the JVM's CPU ms per commit. */
    private static double[] run(
            SparkSession spark, String output, int commits, com.sun.management.OperatingSystemMXBean os)
            throws Exception {
        List<Long> walls = new ArrayList<>();
        long cpuBefore = os.getProcessCpuTime();
        long stagesBefore = STAGES.stages.get();
        long tasksBefore = STAGES.tasks.get();
        for (int batch = 0; batch < commits; batch++) {
            var rows = TestBatches.batch(spark, "b" + batch, 30, 1, Instant.now());
            long started = System.nanoTime();
            TestBatches.commit(spark, output, "bench", batch, rows);
            walls.add((System.nanoTime() - started) / 1_000_000);
        }
        double cpuMs = (os.getProcessCpuTime() - cpuBefore) / 1e6 / commits;
        List<Long> sorted = walls.stream().sorted().toList();
        return new double[] {
            sorted.get(sorted.size() / 2),
            sorted.get(sorted.size() - 1),
            cpuMs,
            (STAGES.stages.get() - stagesBefore) / (double) commits,
            (STAGES.tasks.get() - tasksBefore) / (double) commits
        };
    }
}
