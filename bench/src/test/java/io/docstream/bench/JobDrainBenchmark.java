package io.docstream.bench;

import io.docstream.contract.DocType;
import io.docstream.extract.Corpus;
import io.docstream.job.Announcer;
import io.docstream.job.DocumentsStream;
import io.docstream.job.JobSettings;
import io.docstream.job.TestStack;
import io.docstream.servers.KafkaBroker;
import io.docstream.servers.ProcessCpu;
import io.docstream.servers.S3Server;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * bench/job-drain: N corpus documents already stored in s3proxy and announced on Kafka; the job drains
 * them once to warm the JVM ({@code -Dbench.warmups}, default 1), then with a 1 s and a 5 s trigger (fresh
 * table and checkpoint each), printing the time to drain, documents per second, every batch's duration,
 * and the CPU each process and each of the job's thread groups spent per document. Measures; asserts nothing.
 *
 * <p>Arguments: [documents=5000] [maxOffsetsPerTrigger=0: 1,000 × the trigger's seconds, the target rate]
 * [readParallelism=16] [statePartitions=2]
 * [store=s3|local]. With {@code local} the documents, table and checkpoints are plain folders: the same job
 * without the S3 server's cost, to tell the job's own limit from the store's. For S3 it also measures
 * how many GETs per second s3proxy and a bare SDK reader manage together, warmed: the ceiling for the job.
 */
public final class JobDrainBenchmark {

    private static final long TARGET_DOCS_PER_SECOND = 1000;

    private static String loadAverage = "?";

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        // 0 = matched to the target: 1,000 documents per trigger second, so a job that keeps up drains at 1,000/s.
        long maxOffsets = args.length > 1 ? Long.parseLong(args[1]) : 0;
        int readParallelism = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        int statePartitions = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        boolean local = args.length > 4 && args[4].equals("local");
        Path work = Path.of("target", "bench-job-drain").toAbsolutePath();
        TestStack.deleteRecursively(work);
        try (KafkaBroker kafka = KafkaBroker.start(work.resolve("kafka"));
                S3Server s3 = S3Server.start(work.resolve("s3"))) {
            String bucket = "docstream";
            String root =
                    local ? work.resolve("store").toUri().toString().replaceAll("/?$", "/") : "s3a://" + bucket + "/";
            String ceiling = storeAndAnnounce(kafka, s3, bucket, documents, local ? work.resolve("store") : null);
            SparkSession.Builder builder = SparkSession.builder()
                    .master("local[2]")
                    .appName("job-drain")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.shuffle.partitions", String.valueOf(statePartitions))
                    .config("spark.hadoop.fs.s3a.endpoint", s3.endpoint())
                    .config("spark.hadoop.fs.s3a.path.style.access", "true")
                    .config("spark.hadoop.fs.s3a.connection.ssl.enabled", "false")
                    .config("spark.hadoop.fs.s3a.endpoint.region", s3.region())
                    .config("spark.hadoop.fs.s3a.access.key", s3.accessKey())
                    .config("spark.hadoop.fs.s3a.secret.key", s3.secretKey());
            io.docstream.table.DeltaTables.sessionDefaults().forEach(builder::config);
            SparkSession spark = builder.getOrCreate();
            if (Boolean.getBoolean("bench.stages")) {
                spark.sparkContext().addSparkListener(new StageTimes());
            }
            loadAverage = Files.readString(Path.of("/proc/loadavg")).trim();
            List<String> report = new ArrayList<>();
            // A job runs for days: its steady state is a JVM whose JIT has compiled the hot paths. A first drain
            // with a throwaway table and checkpoint warms it (reported, marked), then the measured drains follow.
            int warmups = Integer.getInteger("bench.warmups", 1);
            List<String> runs = new ArrayList<>();
            for (int i = 0; i < warmups; i++) {
                runs.add("warm-up");
            }
            runs.addAll(List.of("1 second", "5 seconds"));
            for (String run : runs) {
                String trigger = run.equals("warm-up") ? "1 second" : run;
                long perTrigger =
                        maxOffsets > 0 ? maxOffsets : TARGET_DOCS_PER_SECOND * Long.parseLong(trigger.split(" ")[0]);
                long[] pids = {ProcessHandle.current().pid(), s3.pid(), kafka.pid()};
                long[] cpuBefore = ProcessCpu.millisEach(pids);
                java.util.Map<String, Long> threadsBefore = threadCpuMillis();
                long compilationsBefore = org.apache.spark.metrics.source.CodegenMetrics.METRIC_COMPILATION_TIME()
                        .getCount();
                String line =
                        drain(spark, kafka, root, trigger, documents, perTrigger, readParallelism, statePartitions);
                long[] cpuAfter = ProcessCpu.millisEach(pids);
                java.util.Map<String, Long> threadsAfter = threadCpuMillis();
                line += String.format(
                        Locale.ROOT,
                        "%n    generated-code compilations (janino): %d",
                        org.apache.spark.metrics.source.CodegenMetrics.METRIC_COMPILATION_TIME()
                                        .getCount()
                                - compilationsBefore);
                report.add((run.equals("warm-up") ? "(warm-up, cold JVM) " : "")
                        + line
                        + cpuReport(cpuBefore, cpuAfter, threadsBefore, threadsAfter, documents));
            }
            spark.stop();
            System.out.println();
            System.out.printf(
                    "job-drain: %d documents in %s, maxOffsetsPerTrigger %s, readParallelism %d,"
                            + " statePartitions %d, local[2], %d cores, load average before the drains %s%n",
                    documents,
                    local ? "a local folder" : "s3proxy",
                    maxOffsets > 0 ? String.valueOf(maxOffsets) : "1,000 per trigger second",
                    readParallelism,
                    statePartitions,
                    Runtime.getRuntime().availableProcessors(),
                    loadAverage);
            System.out.println(ceiling);
            report.forEach(System.out::println);
        }
    }

    private static String drain(
            SparkSession spark,
            KafkaBroker kafka,
            String root,
            String trigger,
            int documents,
            long maxOffsets,
            int readParallelism,
            int statePartitions)
            throws Exception {
        String run = "bench-" + trigger.replace(' ', '-') + "-" + System.nanoTime();
        JobSettings settings = new JobSettings(
                kafka.bootstrapServers(),
                "document-arrivals",
                "earliest",
                maxOffsets,
                trigger,
                root + "incoming/",
                root + "tables/" + run,
                root + "checkpoints/" + run,
                readParallelism,
                "1 hour",
                statePartitions,
                io.docstream.limits.DocumentLimits.DEFAULTS);
        List<long[]> batches = new CopyOnWriteArrayList<>(); // {input rows, duration ms}
        List<String> breakdowns = new CopyOnWriteArrayList<>(); // per batch: Spark's durationMs and state metrics
        StreamingQueryListener listener = new StreamingQueryListener() {
            @Override
            public void onQueryStarted(QueryStartedEvent event) {}

            @Override
            public void onQueryProgress(QueryProgressEvent event) {
                if (event.progress().numInputRows() > 0) {
                    batches.add(new long[] {
                        event.progress().numInputRows(),
                        event.progress().durationMs().get("triggerExecution")
                    });
                    breakdowns.add(event.progress().numInputRows() + " docs "
                            + new java.util.TreeMap<>(event.progress().durationMs())
                            + java.util.Arrays.stream(event.progress().stateOperators())
                                    .map(op -> " state{commitTimeMs=" + op.commitTimeMs() + ", rows="
                                            + op.numRowsTotal() + ", custom=" + op.customMetrics() + "}")
                                    .reduce("", String::concat));
                }
            }

            @Override
            public void onQueryTerminated(QueryTerminatedEvent event) {}
        };
        spark.streams().addListener(listener);
        long start = System.nanoTime();
        StreamingQuery query = DocumentsStream.start(spark, settings);
        while (batches.stream().mapToLong(b -> b[0]).sum() < documents) {
            if (query.exception().isDefined()) {
                throw query.exception().get();
            }
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        query.stop();
        spark.streams().removeListener(listener);
        long rows = spark.read()
                .format("delta")
                .load(io.docstream.table.DeltaTables.documentsPath(settings.output()))
                .count();
        StringBuilder line = new StringBuilder(String.format(
                Locale.ROOT,
                "trigger %-9s: drained %d documents (%d rows) in %.1f s from query start = %.0f docs/s; batches (docs/ms):",
                trigger,
                documents,
                rows,
                seconds,
                documents / seconds));
        for (long[] batch : batches) {
            line.append(' ').append(batch[0]).append('/').append(batch[1]);
        }
        List<Long> steady = batches.stream()
                .skip(1)
                .filter(b -> b[0] == maxOffsets)
                .map(b -> b[1])
                .sorted()
                .toList();
        if (!steady.isEmpty()) {
            line.append(String.format(
                    Locale.ROOT,
                    "%n    steady-state batches of %d: median %d ms, max %d ms = %.0f docs/s within a batch",
                    maxOffsets,
                    steady.get(steady.size() / 2),
                    steady.get(steady.size() - 1),
                    maxOffsets * 1000.0 / steady.get(steady.size() / 2)));
        }
        for (String breakdown : breakdowns) {
            line.append(String.format(Locale.ROOT, "%n    %s", breakdown));
        }
        return line.toString();
    }

    private static String cpuReport(
            long[] before,
            long[] after,
            java.util.Map<String, Long> threadsBefore,
            java.util.Map<String, Long> threadsAfter,
            int documents) {
        double jvm = (after[0] - before[0]) / (double) documents;
        StringBuilder line = new StringBuilder(String.format(
                Locale.ROOT,
                "%n    CPU ms per document: job JVM (driver + executors) %.2f, s3proxy %.2f, Kafka %.2f%n    job JVM by thread:",
                jvm,
                (after[1] - before[1]) / (double) documents,
                (after[2] - before[2]) / (double) documents));
        List<java.util.Map.Entry<String, Long>> groups = threadsAfter.entrySet().stream()
                .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - threadsBefore.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .toList();
        long listed = groups.stream().mapToLong(java.util.Map.Entry::getValue).sum();
        groups.stream()
                .limit(6)
                .forEach(e -> line.append(
                        String.format(Locale.ROOT, " %s %.2f;", e.getKey(), e.getValue() / (double) documents)));
        // Threads that ended during the drain (each task's document readers) are gone from /proc by then.
        line.append(String.format(
                Locale.ROOT,
                " threads that ended (document readers) %.2f",
                Math.max(0, (after[0] - before[0]) - listed) / (double) documents));
        return line.toString();
    }

    /**
     * This JVM's CPU time per thread group (threads named alike, digits dropped), from /proc/self/task:
     * where the job's CPU goes (JIT compilers, GC, Spark tasks, document readers, the driver).
     */
    private static java.util.Map<String, Long> threadCpuMillis() throws java.io.IOException {
        java.util.Map<String, Long> byGroup = new java.util.HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String group =
                            Files.readString(task.resolve("comm")).strip().replaceAll("[0-9]+", "#");
                    // Threads that ended are gone from /proc: cpuReport counts their time apart.
                    byGroup.merge(group, ProcessCpu.millis(task.resolve("stat")), Long::sum);
                } catch (java.nio.file.NoSuchFileException ended) {
                    // the thread ended while listing
                }
            }
        }
        return byGroup;
    }

    /** Stores and announces the documents; returns the read ceiling of s3proxy (or nothing for a folder). */
    private static String storeAndAnnounce(KafkaBroker kafka, S3Server s3, String bucket, int documents, Path folder)
            throws Exception {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> txt = Files.list(Corpus.dir().resolve("bulletins"));
                Stream<Path> json = Files.list(Corpus.dir().resolve("json"))) {
            files.addAll(txt.sorted().toList());
            files.addAll(json.sorted().toList());
        }
        long start = System.nanoTime();
        List<String> keys = new ArrayList<>();
        try (S3Client client = S3Client.builder()
                        .endpointOverride(URI.create(s3.endpoint()))
                        .region(Region.of(s3.region()))
                        .forcePathStyle(true)
                        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                        .credentialsProvider(StaticCredentialsProvider.create(
                                AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())))
                        .build();
                Announcer announcer = new Announcer(kafka.bootstrapServers(), "document-arrivals")) {
            client.createBucket(b -> b.bucket(bucket));
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Future<?>> puts = new ArrayList<>();
            for (int i = 0; i < documents; i++) {
                Path file = files.get(i % files.size());
                String name = file.getFileName().toString();
                byte[] bytes = Files.readAllBytes(file);
                String docId = Announcer.docId("bench/" + i);
                String key = "incoming/" + docId + "/" + name;
                String uri;
                if (folder == null) {
                    puts.add(pool.submit(
                            () -> client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes))));
                    uri = "s3a://" + bucket + "/" + key;
                } else {
                    Path target = folder.resolve(key);
                    Files.createDirectories(target.getParent());
                    Files.write(target, bytes);
                    uri = "file:" + target;
                }
                keys.add(key);
                announcer.announce(Announcer.event(
                        docId,
                        name,
                        DocType.fromFileName(name).orElseThrow().value(),
                        uri,
                        folder == null ? bucket : null,
                        key,
                        bytes));
            }
            for (Future<?> put : puts) {
                put.get();
            }
            announcer.flush();
            System.out.printf(
                    "stored and announced %d documents in %.1f s%n", documents, (System.nanoTime() - start) / 1e9);
            if (folder != null) {
                pool.shutdown();
                return "";
            }
            String ceiling = readCeiling(client, pool, bucket, keys, s3.pid());
            pool.shutdown();
            return ceiling;
        }
    }

    /**
     * What s3proxy and a bare SDK reader (16 threads, no Spark, no Hadoop, no extraction) manage together on
     * this machine: every stored object read once per round ({@code -Dbench.probeRounds}, default 4), so the
     * last rounds run warm. With both CPU costs per GET it is the ceiling for any reader of one object per
     * document here: 2 cores × 1,000 ms / (reader ms + s3proxy ms).
     */
    private static String readCeiling(
            S3Client client, ExecutorService pool, String bucket, List<String> keys, long s3Pid) throws Exception {
        StringBuilder report =
                new StringBuilder("s3proxy + bare SDK reader (16 threads), each round reads every object once:");
        int rounds = Integer.getInteger("bench.probeRounds", 4);
        long[] pids = {ProcessHandle.current().pid(), s3Pid};
        for (int round = 1; round <= rounds; round++) {
            long[] cpuBefore = ProcessCpu.millisEach(pids);
            long start = System.nanoTime();
            List<Future<?>> gets = new ArrayList<>();
            for (String key : keys) {
                gets.add(pool.submit(
                        () -> client.getObjectAsBytes(b -> b.bucket(bucket).key(key))));
            }
            for (Future<?> get : gets) {
                get.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long[] cpuAfter = ProcessCpu.millisEach(pids);
            double readerMs = (cpuAfter[0] - cpuBefore[0]) / (double) keys.size();
            double s3proxyMs = (cpuAfter[1] - cpuBefore[1]) / (double) keys.size();
            report.append(String.format(
                    Locale.ROOT,
                    "%n    round %d: %d GETs in %.1f s = %.0f GETs/s; CPU ms per GET: reader %.2f,"
                            + " s3proxy %.2f; ceiling on %d cores %.0f GETs/s",
                    round,
                    keys.size(),
                    seconds,
                    keys.size() / seconds,
                    readerMs,
                    s3proxyMs,
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().availableProcessors() * 1000 / (readerMs + s3proxyMs)));
        }
        return report.toString();
    }

    /** With -Dbench.stages=true: every stage's wall time, task count and summed task run/CPU/GC time. */
    private static final class StageTimes extends org.apache.spark.scheduler.SparkListener {
        private final java.util.Map<Integer, long[]> tasks = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd end) {
            if (end.taskMetrics() == null) {
                return;
            }
            long[] sums = tasks.computeIfAbsent(end.stageId(), id -> new long[5]);
            synchronized (sums) {
                sums[0] += end.taskInfo().duration();
                sums[1] += end.taskMetrics().executorRunTime();
                sums[2] += end.taskMetrics().executorCpuTime() / 1_000_000;
                sums[3] += end.taskMetrics().jvmGCTime();
                sums[4] = Math.max(sums[4], end.taskInfo().duration());
            }
        }

        @Override
        public void onStageCompleted(org.apache.spark.scheduler.SparkListenerStageCompleted completed) {
            org.apache.spark.scheduler.StageInfo info = completed.stageInfo();
            long[] sums = tasks.getOrDefault(info.stageId(), new long[5]);
            long wall = (long) info.completionTime().get()
                    - (long) info.submissionTime().get();
            System.out.printf(
                    Locale.ROOT,
                    "stage %d (%d tasks) wall %d ms: task time sum %d max %d, run %d, cpu %d, gc %d ms; %s%n",
                    info.stageId(),
                    info.numTasks(),
                    wall,
                    sums[0],
                    sums[4],
                    sums[1],
                    sums[2],
                    sums[3],
                    info.name().replaceAll("\\s+", " "));
        }
    }
}
