package io.docstream.demo;

import io.docstream.servers.ChildJvm;
import io.docstream.servers.FreePort;
import io.docstream.servers.HttpProbe;
import io.docstream.servers.KafkaBroker;
import io.docstream.servers.PrivateFiles;
import io.docstream.servers.PrometheusServer;
import io.docstream.servers.S3Server;
import io.docstream.servers.SparkFlags;
import io.docstream.servers.SparkStandaloneCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The processes of one local pipeline, started in dependency order (store, Kafka, ingest service, job)
 * and stopped in the reverse order, each recorded in a pid file while it runs.
 */
public final class Stack implements AutoCloseable {

    private record Started(String name, long pid, AutoCloseable process) {}

    private final Deque<Started> started = new ArrayDeque<>();
    private final List<ChildJvm> services = new ArrayList<>();
    private SparkStandaloneCluster cluster;
    private final List<Long> workerPids = new ArrayList<>();
    private final RunFiles runFiles;
    private final Artifacts artifacts;
    private final Path stateDir;
    private final Map<String, String> jobMetricsUrls = new HashMap<>();

    public Stack(RunFiles runFiles, Artifacts artifacts, Path stateDir) {
        this.runFiles = runFiles;
        this.artifacts = artifacts;
        this.stateDir = stateDir;
    }

    public S3Server startS3(int port) {
        try {
            // s3proxy's filesystem backend serves each folder under buckets/ as a bucket.
            PrivateFiles.directories(stateDir);
            PrivateFiles.directories(stateDir.resolve("s3"));
            PrivateFiles.directories(stateDir.resolve("s3/buckets"));
            PrivateFiles.directories(stateDir.resolve("s3/buckets/" + PipelineSettings.BUCKET));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        S3Server s3 = port == 0
                ? S3Server.start(stateDir.resolve("s3"))
                : S3Server.start(stateDir.resolve("s3"), port, "local-demo", randomSecret());
        track("s3proxy", s3.pid(), s3.endpoint(), s3);
        return s3;
    }

    public KafkaBroker startKafka(int port) {
        KafkaBroker kafka = port == 0
                ? KafkaBroker.start(stateDir.resolve("kafka"))
                : KafkaBroker.start(stateDir.resolve("kafka"), port);
        track("kafka", kafka.pid(), kafka.bootstrapServers(), kafka);
        return kafka;
    }

    public void startIngest(PipelineSettings settings, Duration timeout) {
        List<String> javaArgs = new ArrayList<>(List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"));
        javaArgs.addAll(PipelineSettings.asSystemProperties(settings.ingestProperties()));
        javaArgs.add("-jar");
        javaArgs.add(artifacts.ingestJar().toString());
        // Secrets travel in the environment (readable by the same user only), never on the command line (ps).
        ChildJvm ingest = ChildJvm.start(
                "ingest-service",
                javaArgs,
                settings.ingestEnvironment(),
                stateDir,
                stateDir.resolve("logs/ingest-service.log"));
        String url = "http://127.0.0.1:" + settings.httpPort();
        services.add(ingest);
        track("ingest-service", ingest.pid(), url, () -> ingest.stop(Duration.ofSeconds(20)));
        ingest.awaitReady(() -> HttpProbe.status(url + "/q/health/ready") == 200, timeout);
    }

    void startJobEmbedded(PipelineSettings settings) {
        startJobEmbedded(settings, "streaming-job", Artifacts.JOB_MAIN, Map.of(), List.of());
    }

    /**
     * A job ({@code mainClass}) in local mode under {@code name}, with the pipeline's confs and these on top, and
     * {@code extraClasspath} after the job's classpath (where a {@code mainClass} not of the job's jar is).
     */
    public void startJobEmbedded(
            PipelineSettings settings,
            String name,
            String mainClass,
            Map<String, String> extraConfs,
            List<String> extraClasspath) {
        Map<String, String> confs = new java.util.LinkedHashMap<>(settings.jobConfs());
        confs.putAll(extraConfs);
        if (mainClass.equals(Artifacts.JOB_MAIN)) {
            serveJobMetrics(name, confs);
        }
        startJob(
                name,
                settings,
                artifacts.embeddedSparkArgs(List.of("-Xmx1g"), confs, "local[2]", mainClass, extraClasspath),
                Map.of(),
                "local[2]");
    }

    void startJobOnCluster(PipelineSettings settings) {
        cluster = SparkStandaloneCluster.start(stateDir.resolve("spark"), artifacts.sparkJars(), 4, 1, "1g");
        track("spark-master", cluster.masterPid(), cluster.masterUrl() + " (UI " + cluster.webUiUrl() + ")", cluster);
        List<Long> workers = cluster.workerPids();
        workerPids.addAll(workers);
        for (int i = 0; i < workers.size(); i++) {
            runFiles.record("spark-worker-" + (i + 1), workers.get(i), cluster.masterUrl());
        }
        List<String> javaArgs = new ArrayList<>(List.of("-Xmx768m"));
        javaArgs.addAll(SparkFlags.jvmFlags());
        javaArgs.add("-cp");
        javaArgs.add(cluster.sparkHome().resolve("conf") + java.io.File.pathSeparator
                + cluster.sparkHome().resolve("jars") + "/*");
        javaArgs.add("org.apache.spark.deploy.SparkSubmit");
        javaArgs.addAll(
                List.of("--master", cluster.masterUrl(), "--deploy-mode", "client", "--class", Artifacts.JOB_MAIN));
        Map<String, String> confs = new HashMap<>(settings.jobConfs());
        confs.put("spark.executor.cores", "1");
        confs.put("spark.cores.max", "4");
        confs.put("spark.executor.memory", "512m");
        confs.put("spark.scheduler.minRegisteredResourcesRatio", "1.0");
        confs.put("spark.scheduler.maxRegisteredResourcesWaitingTime", "60s");
        serveJobMetrics("streaming-job", confs);
        confs.forEach((key, value) -> {
            javaArgs.add("--conf");
            javaArgs.add(key + "=" + value);
        });
        // The executors' credentials reach them as spark.executorEnv.* from a 0600 properties file, not as
        // --conf arguments that any user's ps shows.
        javaArgs.add("--properties-file");
        javaArgs.add(executorSecrets(settings).toString());
        javaArgs.add(artifacts.shadedJobJar().toString());
        Map<String, String> env = new HashMap<>(cluster.environment());
        env.putAll(settings.awsEnvironment());
        startJob("streaming-job", settings, javaArgs, env, cluster.masterUrl());
    }

    /** The job's metrics on a free 127.0.0.1 port (unless the confs chose one): two jobs never share a port. */
    private void serveJobMetrics(String name, Map<String, String> confs) {
        String port = confs.computeIfAbsent("spark.docstream.metrics.port", key -> String.valueOf(FreePort.pick()));
        if (!port.equals("off")) {
            jobMetricsUrls.put(name, "http://127.0.0.1:" + port + "/metrics");
        }
    }

    /** Where the job started under {@code name} serves its metrics (once its driver is up). */
    public java.util.Optional<String> jobMetricsUrl(String name) {
        return java.util.Optional.ofNullable(jobMetricsUrls.get(name));
    }

    /** Prometheus scraping the ingest service and the job, with the repository's alert rules loaded. */
    public PrometheusServer startPrometheus(PipelineSettings settings, List<java.nio.file.Path> ruleFiles) {
        List<PrometheusServer.Target> targets = new ArrayList<>();
        targets.add(new PrometheusServer.Target("docstream-ingest", "127.0.0.1:" + settings.httpPort(), "/q/metrics"));
        jobMetricsUrl("streaming-job")
                .ifPresent(url -> targets.add(new PrometheusServer.Target(
                        "docstream-streaming-job",
                        URI.create(url).getAuthority(),
                        URI.create(url).getPath())));
        PrometheusServer prometheus =
                PrometheusServer.start(stateDir.resolve("prometheus"), targets, ruleFiles, Duration.ofSeconds(5));
        track("prometheus", prometheus.pid(), prometheus.url(), prometheus);
        return prometheus;
    }

    private Path executorSecrets(PipelineSettings settings) {
        Path file = stateDir.resolve("spark/executor-secrets.properties");
        StringBuilder properties = new StringBuilder();
        settings.awsEnvironment()
                .forEach((key, value) -> properties
                        .append("spark.executorEnv.")
                        .append(key)
                        .append('=')
                        .append(value)
                        .append('\n'));
        try {
            PrivateFiles.write(file, properties.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    private void startJob(
            String name,
            PipelineSettings settings,
            List<String> javaArgs,
            Map<String, String> extraEnv,
            String master) {
        Map<String, String> env = new HashMap<>(settings.awsEnvironment());
        env.putAll(extraEnv);
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        launch(name, javaArgs, env, master);
    }

    private void launch(String name, List<String> javaArgs, Map<String, String> env, String master) {
        ChildJvm job = ChildJvm.start(name, javaArgs, env, stateDir, stateDir.resolve("logs/" + name + ".log"));
        services.add(job);
        jobLaunches.put(name, new JobLaunch(job, javaArgs, env, master));
        String where =
                jobMetricsUrl(name).map(url -> master + ", metrics " + url).orElse(master);
        track(name, job.pid(), where, () -> job.stop(Duration.ofSeconds(30)));
    }

    /** How a job was started, to start it again the same way. */
    private record JobLaunch(ChildJvm process, List<String> javaArgs, Map<String, String> env, String master) {}

    private final Map<String, JobLaunch> jobLaunches = new HashMap<>();

    /**
     * Kills the job of this name with SIGKILL, as a crash would, and starts it again at once with the same command:
     * it resumes from its checkpoint. For the bench's restart figure.
     */
    public void killAndRestart(String name) {
        JobLaunch launch = jobLaunches.get(name);
        if (launch == null) {
            throw new IllegalArgumentException("no job " + name + " was started");
        }
        launch.process().kill();
        services.remove(launch.process());
        started.removeIf(process -> process.name().equals(name));
        runFiles.forget(name, launch.process().pid());
        launch(name, launch.javaArgs(), launch.env(), launch.master());
    }

    /** The pid of the started process of this name. */
    public long pid(String name) {
        return started.stream()
                .filter(process -> process.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no process " + name + " was started"))
                .pid();
    }

    /** Resident memory of each started process together with its children (a worker's executors), in MiB. */
    public Map<String, Long> residentMemoryMiB() {
        Map<String, Long> memory = new java.util.LinkedHashMap<>();
        List<Started> inStartOrder = new ArrayList<>(started);
        java.util.Collections.reverse(inStartOrder);
        for (Started process : inStartOrder) {
            long kib = io.docstream.servers.ProcessTree.pids(process.pid())
                    .map(ResidentMemory::kib)
                    .sum();
            memory.put(process.name(), kib / 1024);
        }
        return memory;
    }

    /** Tasks per executor when the job runs on the local cluster; empty in local mode. */
    Map<String, Long> tasksPerExecutor() {
        return cluster == null ? Map.of() : cluster.tasksPerExecutor();
    }

    /** Fails with the end of its log when a service died: waiting on would only hide it. */
    public void requireServicesRunning() {
        for (ChildJvm service : services) {
            if (!service.isAlive()) {
                throw new IllegalStateException(service.log().getFileName() + " ended unexpectedly:" + service.tail());
            }
        }
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            Started next = started.pop();
            try {
                next.process().close();
            } catch (Exception e) {
                System.err.println("docstream demo: stopping " + next.name() + " failed: " + e.getMessage());
            }
            runFiles.forget(next.name(), next.pid());
            if (next.name().equals("spark-master")) {
                for (int i = 0; i < workerPids.size(); i++) {
                    runFiles.forget("spark-worker-" + (i + 1), workerPids.get(i));
                }
            }
            System.out.println("  stopped " + next.name());
        }
    }

    private void track(String name, long pid, String where, AutoCloseable process) {
        runFiles.record(name, pid, where);
        started.push(new Started(name, pid, process));
        System.out.printf("  %-15s pid %-7d %s%n", name, pid, where);
    }

    public static int httpPort(int requested) {
        if (requested > 0) {
            if (FreePort.isInUse(requested)) {
                throw new IllegalStateException(
                        "port " + requested + " on 127.0.0.1 is already in use: choose another --http-port");
            }
            return requested;
        }
        return FreePort.isInUse(8080) ? FreePort.pick() : 8080;
    }

    private static String randomSecret() {
        byte[] bytes = new byte[20];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
