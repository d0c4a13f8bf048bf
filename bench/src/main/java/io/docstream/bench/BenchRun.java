package io.docstream.bench;

import io.docstream.demo.Artifacts;
import io.docstream.demo.DemoOptions;
import io.docstream.demo.PipelineSettings;
import io.docstream.demo.Stack;
import io.docstream.servers.KafkaBroker;
import io.docstream.servers.PrivateFiles;
import io.docstream.servers.S3Server;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One bench run: the demo's stack (store, Kafka, ingest service, the streaming job, and with {@code --peer} the
 * reference file-source job beside it), then each load step, open-loop, measured and drained in turn.
 */
final class BenchRun {

    static final String OURS = "docstream";
    static final String REFERENCE = "reference";
    static final String BASELINE = "docstream-baseline";
    private static final String BASELINE_PROCESS = "baseline-job";
    private static final String JOB_PROCESS = "streaming-job";
    private static final String REFERENCE_PROCESS = "reference-job";
    private static final String REFERENCE_MAIN = JobAdditions.REFERENCE_MAIN;
    private static final String LISTENER = JobAdditions.PROGRESS_LISTENER;

    private final BenchCommand options;
    private final Stack stack;
    private final PipelineSettings settings;
    private final Artifacts artifacts;
    private final PrintStream out;
    private final List<PipelineUnderTest> pipelines = new ArrayList<>();
    private final Map<String, Long> pids = new LinkedHashMap<>();
    private final Path benchDir;
    private static final int WARM_UP_DOCUMENTS = 10;
    private long warmUp;
    private long jobsStartedNanos;
    private double startToFirstCommitSeconds;

    private BenchRun(
            BenchCommand options, Stack stack, PipelineSettings settings, Artifacts artifacts, PrintStream out) {
        this.options = options;
        this.stack = stack;
        this.settings = settings;
        this.artifacts = artifacts;
        this.out = out;
        this.benchDir = settings.stateDir().resolve("bench");
    }

    /** Starts the stack; the caller closes the stack, which stops every process it started. */
    static BenchRun start(BenchCommand options, Stack stack, Artifacts artifacts, PrintStream out)
            throws IOException, InterruptedException {
        Path stateDir = options.stateDir();
        S3Server s3 = options.store() == DemoOptions.Store.S3 ? stack.startS3(0) : null;
        KafkaBroker kafka = stack.startKafka(0);
        PipelineSettings settings = new PipelineSettings(
                options.store(),
                stateDir,
                kafka.bootstrapServers(),
                s3 == null ? null : s3.endpoint(),
                s3 == null ? null : s3.accessKey(),
                s3 == null ? null : s3.secretKey(),
                Stack.httpPort(options.httpPort()),
                "bench-" + java.util.UUID.randomUUID());
        BenchRun run = new BenchRun(options, stack, settings, artifacts, out);
        PrivateFiles.directories(run.benchDir);
        stack.startIngest(settings, Duration.ofMinutes(3));
        // The topic exists, and each job has a first batch to run, before any step is measured.
        run.warmUp = new OpenLoadClient(URI.create("http://127.0.0.1:" + settings.httpPort()), settings.apiKey())
                        .run(
                                BenchDocuments.from(options.corpus()),
                                options.runTag() + "-warmup",
                                WARM_UP_DOCUMENTS,
                                1,
                                sent -> {})
                        .stream()
                        .filter(OpenLoadClient.Upload::stored)
                        .count();
        run.jobsStartedNanos = System.nanoTime();
        run.startJob(
                OURS,
                JOB_PROCESS,
                io.docstream.demo.Artifacts.JOB_MAIN,
                settings.outputLocation(),
                settings.checkpointLocation(),
                settings.tableFolderOnDisk(),
                Map.of());
        if (!options.baseline().isEmpty()) {
            run.startJob(
                    BASELINE,
                    BASELINE_PROCESS,
                    io.docstream.demo.Artifacts.JOB_MAIN,
                    sibling(settings.outputLocation(), "baseline-tables"),
                    sibling(settings.checkpointLocation(), "baseline-checkpoints"),
                    settings.tableFolderOnDisk().resolveSibling("baseline-tables"),
                    options.baseline());
        }
        if (options.peer()) {
            run.startJob(
                    REFERENCE,
                    REFERENCE_PROCESS,
                    REFERENCE_MAIN,
                    sibling(settings.outputLocation(), "reference-tables"),
                    sibling(settings.checkpointLocation(), "reference-checkpoints"),
                    settings.tableFolderOnDisk().resolveSibling("reference-tables"),
                    Map.of());
        }
        run.pids.put("ingest-service", stack.pid("ingest-service"));
        if (s3 != null) {
            run.pids.put("s3proxy", s3.pid());
        }
        run.pids.put("kafka", kafka.pid());
        return run;
    }

    private void startJob(
            String name,
            String process,
            String mainClass,
            String output,
            String checkpoint,
            Path tablesOnDisk,
            Map<String, String> ownConfs) {
        Path progress = benchDir.resolve("progress-" + name + ".jsonl");
        Map<String, String> confs = new LinkedHashMap<>();
        confs.put("spark.docstream.output", output);
        confs.put("spark.docstream.checkpoint", checkpoint);
        confs.put("spark.docstream.trigger", options.trigger());
        // Compaction would rewrite the files the bench maps rows from; the bench's tables live minutes.
        confs.put("spark.docstream.maintenanceInterval", "off");
        confs.put("spark.sql.streaming.streamingQueryListeners", LISTENER);
        confs.put("spark.docstream.bench.progressFile", progress.toString());
        confs.putAll(options.confs());
        confs.putAll(ownConfs);
        stack.startJobEmbedded(settings, process, mainClass, confs, List.of(JobAdditions.classpath()));
        pids.put(process, stack.pid(process));
        pipelines.add(new PipelineUnderTest(name, process, tablesOnDisk, progress));
    }

    /** Seconds from the jobs' start to the commit of the warm-up documents (the tables are created then). */
    double startToFirstCommitSeconds() {
        return startToFirstCommitSeconds;
    }

    /**
     * Kills our job with SIGKILL while uploads go on at the first rate, starts it again at once, and returns the
     * seconds from the kill to the first table commit of the new process.
     */
    double killAndRestart() throws InterruptedException {
        PipelineUnderTest ours = pipelines.get(0);
        int rate = options.rates().get(0);
        out.printf("%nrestart: kill -9 of %s under %d docs/s, started again at once%n", ours.process(), rate);
        BenchDocuments documents = BenchDocuments.from(options.corpus());
        Thread load = new Thread(
                () -> {
                    try {
                        new OpenLoadClient(URI.create("http://127.0.0.1:" + settings.httpPort()), settings.apiKey())
                                .run(documents, options.runTag() + "-restart", rate, 30, sent -> {});
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "bench-restart-load");
        load.start();
        Thread.sleep(3000); // a batch or two in flight when the kill comes
        long killed = System.nanoTime();
        stack.killAndRestart(ours.process());
        pids.put(ours.process(), stack.pid(ours.process()));
        long commits = commitsOf(ours.documents()); // the old process is gone: no commit of its own comes after this
        long deadline = killed + Duration.ofMinutes(3).toNanos();
        while (commitsOf(ours.documents()) <= commits) {
            stack.requireServicesRunning();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the restarted job committed nothing within 3 minutes");
            }
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - killed) / 1e9;
        out.printf("restart: kill -9 → first commit of the new process %.1f s%n", seconds);
        load.join();
        return seconds;
    }

    private static long commitsOf(Path table) {
        Path log = table.resolve("_delta_log");
        if (!Files.isDirectory(log)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(log)) {
            return files.filter(file -> file.getFileName().toString().matches("\\d{20}\\.json"))
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every step: the rates, then (first rate) each bucket size. */
    List<RateResult> runAll() throws IOException, InterruptedException {
        BenchDocuments documents = BenchDocuments.from(options.corpus());
        out.printf(
                "load: %d real bulletins from %s (%.1f KB on average), each sent under a name of its own%n",
                documents.size(), documents.folder(), documents.meanBytes() / 1024);
        awaitJobsStarted();
        List<RateResult> results = new ArrayList<>();
        for (int rate : options.rates()) {
            results.add(step(documents, rate, "r" + rate, false));
        }
        for (int objects : options.bucketObjects()) {
            fillPrefix(objects, documents);
            results.add(step(documents, options.rates().get(0), "o" + objects, true));
        }
        return results;
    }

    private RateResult step(BenchDocuments documents, int rate, String tag, boolean filled)
            throws InterruptedException {
        stack.requireServicesRunning();
        long objects = objectsUnderPrefix();
        out.printf(
                "%nstep: %d docs/s for %d s, trigger %s, %d objects under the input prefix%n",
                rate, options.seconds(), options.trigger(), objects);
        Map<String, Long> committedBefore = committedRows();
        Instant from = Instant.now();
        CpuSample beforeSend = CpuSample.take(pids);
        List<OpenLoadClient.Upload> uploads = new OpenLoadClient(
                        URI.create("http://127.0.0.1:" + settings.httpPort()), settings.apiKey())
                .run(
                        documents,
                        options.runTag() + "-" + tag,
                        rate,
                        options.seconds(),
                        sent -> out.printf(
                                "  %3.0f s: sent %d, visible %s%n",
                                (System.nanoTime() - beforeSend.nanoTime()) / 1e9,
                                sent,
                                visibleSince(committedBefore)));
        CpuSample afterSend = CpuSample.take(pids);
        List<OpenLoadClient.Upload> stored =
                uploads.stream().filter(OpenLoadClient.Upload::stored).toList();
        drain(committedBefore, stored.size());
        CpuSample drained = CpuSample.take(pids);
        Instant to = Instant.now();

        Map<String, Double> cores = new LinkedHashMap<>();
        pids.keySet().forEach(name -> cores.put(name, afterSend.coresSince(beforeSend, name)));
        List<RateResult.PipelineResult> measured = new ArrayList<>();
        for (PipelineUnderTest pipeline : pipelines) {
            measured.add(measure(pipeline, stored, beforeSend, afterSend, drained, from, to));
        }
        Percentiles upload = new Percentiles(
                uploads.stream().map(OpenLoadClient.Upload::latencyMillis).toList());
        RateResult result = new RateResult(
                rate,
                options.trigger(),
                objects,
                filled,
                uploads.size(),
                stored.size(),
                uploads.size() - stored.size(),
                upload.at(50),
                upload.at(99),
                (afterSend.nanoTime() - beforeSend.nanoTime()) / 1e9,
                cores,
                stack.residentMemoryMiB(),
                measured);
        for (RateResult.PipelineResult pipeline : measured) {
            out.printf(
                    "  %-9s visible %d of %d, p50 %.2f s, p99 %.2f s, %.2f cores, %.1f CPU ms/doc, %d batches (p50 %.2f s),"
                            + " planning p50 %.0f ms%n",
                    pipeline.name(),
                    pipeline.visible(),
                    stored.size(),
                    pipeline.visibleP50Seconds(),
                    pipeline.visibleP99Seconds(),
                    pipeline.cores(),
                    pipeline.cpuMsPerDocument(),
                    pipeline.batches(),
                    pipeline.batchP50Seconds(),
                    pipeline.planningP50Ms());
        }
        out.println(result.summaryLine(measured.get(0)));
        return result;
    }

    private RateResult.PipelineResult measure(
            PipelineUnderTest pipeline,
            List<OpenLoadClient.Upload> stored,
            CpuSample beforeSend,
            CpuSample afterSend,
            CpuSample drained,
            Instant from,
            Instant to)
            throws InterruptedException {
        CommitTimesReader commitTimes =
                new CommitTimesReader(JobAdditions.withJobClasspath(artifacts.jobClasspath()), benchDir);
        Map<String, List<Long>> documents = commitTimes.read(pipeline.documents());
        Map<String, List<Long>> quarantine = commitTimes.read(pipeline.quarantine());
        List<Double> latencies = new ArrayList<>();
        List<double[]> freshness = new ArrayList<>();
        int lost = 0;
        int duplicated = 0;
        long firstSent = stored.stream()
                .mapToLong(OpenLoadClient.Upload::sentAtMillis)
                .min()
                .orElse(0);
        List<OpenLoadClient.Upload> inOrder = stored.stream()
                .sorted(java.util.Comparator.comparingLong(OpenLoadClient.Upload::sentAtMillis))
                .toList();
        List<Double> firstThird = new ArrayList<>();
        List<Double> lastThird = new ArrayList<>();
        for (int i = 0; i < inOrder.size(); i++) {
            OpenLoadClient.Upload upload = inOrder.get(i);
            List<Long> rows = documents.getOrDefault(upload.docId(), quarantine.get(upload.docId()));
            if (rows == null) {
                lost++;
                continue;
            }
            if (rows.size() > 1) {
                duplicated++;
            }
            double seconds =
                    (rows.stream().mapToLong(Long::longValue).min().orElseThrow() - upload.sentAtMillis()) / 1000.0;
            latencies.add(seconds);
            freshness.add(new double[] {(upload.sentAtMillis() - firstSent) / 1000.0, seconds});
            if (i < inOrder.size() / 3) {
                firstThird.add(seconds);
            } else if (i >= inOrder.size() * 2 / 3) {
                lastThird.add(seconds);
            }
        }
        Percentiles visible = new Percentiles(latencies);
        double early = new Percentiles(firstThird).at(50);
        double late = new Percentiles(lastThird).at(50);
        boolean growing = late > 2 * early + 1.0;
        List<BatchProgress.Batch> batches = BatchProgress.read(pipeline.progressFile(), from, to);
        Percentiles batchSeconds = new Percentiles(
                batches.stream().map(batch -> batch.totalMs() / 1000.0).toList());
        Percentiles planning = new Percentiles(
                batches.stream().map(BatchProgress.Batch::planningMs).toList());
        long cpuMillis = drained.millisSince(beforeSend, pipeline.process());
        return new RateResult.PipelineResult(
                pipeline.name(),
                latencies.size(),
                lost,
                duplicated,
                visible.at(50),
                visible.at(99),
                visible.max(),
                growing,
                afterSend.coresSince(beforeSend, pipeline.process()),
                latencies.isEmpty() ? Double.NaN : (double) cpuMillis / latencies.size(),
                cpuMillis,
                batches.size(),
                batchSeconds.at(50),
                batchSeconds.max(),
                planning.at(50),
                planning.max(),
                phaseMeans(batches),
                freshness);
    }

    /** Mean milliseconds per batch of each phase Spark times (addBatch is the sink: reading, extracting, committing). */
    private static Map<String, Double> phaseMeans(List<BatchProgress.Batch> batches) {
        Map<String, Double> means = new java.util.TreeMap<>();
        for (BatchProgress.Batch batch : batches) {
            batch.durationsMs().forEach((phase, ms) -> means.merge(phase, ms / (double) batches.size(), Double::sum));
        }
        return means;
    }

    /** Waits until each pipeline committed a row per stored document of this step, or the drain time is up. */
    private void drain(Map<String, Long> committedBefore, int stored) throws InterruptedException {
        long deadline =
                System.nanoTime() + Duration.ofSeconds(options.drainSeconds()).toNanos();
        long lastPrint = 0;
        while (System.nanoTime() < deadline) {
            stack.requireServicesRunning();
            Map<String, Long> visible = visibleSince(committedBefore);
            if (visible.values().stream().allMatch(rows -> rows >= stored)) {
                return;
            }
            if (System.nanoTime() - lastPrint > 5_000_000_000L) {
                lastPrint = System.nanoTime();
                out.printf("  draining: %d stored, visible %s%n", stored, visible);
            }
            Thread.sleep(250);
        }
        out.printf(
                "  drain time (%d s) is up: visible %s of %d%n",
                options.drainSeconds(), visibleSince(committedBefore), stored);
    }

    private Map<String, Long> committedRows() {
        Map<String, Long> rows = new LinkedHashMap<>();
        pipelines.forEach(pipeline -> rows.put(pipeline.name(), pipeline.committedRows()));
        return rows;
    }

    private Map<String, Long> visibleSince(Map<String, Long> before) {
        Map<String, Long> rows = new LinkedHashMap<>();
        pipelines.forEach(
                pipeline -> rows.put(pipeline.name(), pipeline.committedRows() - before.get(pipeline.name())));
        return rows;
    }

    /** Each job has committed the warm-up documents: no step measures a job still starting. */
    private void awaitJobsStarted() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
        for (PipelineUnderTest pipeline : pipelines) {
            while (pipeline.committedRows() < warmUp) {
                stack.requireServicesRunning();
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(pipeline.process() + " did not commit the " + warmUp
                            + " warm-up documents within 6 minutes (a machine too busy to measure on?)");
                }
                Thread.sleep(250);
            }
        }
        startToFirstCommitSeconds = (System.nanoTime() - jobsStartedNanos) / 1e9;
        out.printf(
                "each job committed the %d warm-up documents %.1f s after the jobs were started%n",
                warmUp, startToFirstCommitSeconds);
    }

    /** Adds copies of a bulletin under the input prefix, on disk, up to {@code objects} in all (older uploads count). */
    private void fillPrefix(int objects, BenchDocuments documents) throws IOException {
        Path input = settings.inputFolderOnDisk();
        long present = objectsUnderPrefix();
        out.printf(
                "%nfilling the input prefix with %d objects (%d present)%n", Math.max(0, objects - present), present);
        byte[] bytes = documents.get(0).bytes();
        for (long i = present; i < objects; i++) {
            Path file = input.resolve(String.format("fill%027x", i)).resolve("filler-" + i + ".txt");
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        }
    }

    private long objectsUnderPrefix() {
        Path input = settings.inputFolderOnDisk();
        if (!Files.isDirectory(input)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(input)) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sibling(String location, String name) {
        return location.replaceAll("/+$", "").replaceAll("[^/]+$", name);
    }
}
