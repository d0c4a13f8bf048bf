package io.docstream.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Spark standalone cluster on 127.0.0.1: one master and N workers, each worker launching its
 * executors as separate JVMs, from the same Spark jars the job is built against (no Spark download).
 * SPARK_HOME is a folder whose {@code jars/} links to those jars.
 */
public final class SparkStandaloneCluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern ALIVE_WORKER = Pattern.compile("\"state\"\\s*:\\s*\"ALIVE\"");

    private final Path sparkHome;
    private final int port;
    private final int webUiPort;
    private final ChildJvm master;
    private final List<ChildJvm> workers;

    private SparkStandaloneCluster(Path sparkHome, int port, int webUiPort, ChildJvm master, List<ChildJvm> workers) {
        this.sparkHome = sparkHome;
        this.port = port;
        this.webUiPort = webUiPort;
        this.master = master;
        this.workers = workers;
    }

    /**
     * @param sparkJars the jars of Spark and of everything executors need to load (Kafka source, S3A)
     */
    public static SparkStandaloneCluster start(
            Path workDir, List<Path> sparkJars, int workerCount, int coresPerWorker, String memoryPerWorker) {
        Path sparkHome = prepareSparkHome(workDir.toAbsolutePath().resolve("spark-home"), sparkJars);
        Map<String, String> env = environment(sparkHome);
        List<String> classpath = List.of(sparkHome.resolve("conf").toString(), sparkHome.resolve("jars") + "/*");
        int port = FreePort.pick();
        int webUiPort = FreePort.pick();
        ChildJvm master = ChildJvm.start(
                "spark-master",
                javaArgs(
                        classpath,
                        "org.apache.spark.deploy.master.Master",
                        List.of(
                                "--host",
                                "127.0.0.1",
                                "--port",
                                String.valueOf(port),
                                "--webui-port",
                                String.valueOf(webUiPort))),
                env,
                workDir,
                workDir.resolve("logs/master.log"));
        List<ChildJvm> workers = new ArrayList<>();
        SparkStandaloneCluster cluster = new SparkStandaloneCluster(sparkHome, port, webUiPort, master, workers);
        try {
            master.awaitReady(() -> FreePort.isInUse(port) && FreePort.isInUse(webUiPort), START_TIMEOUT);
            for (int i = 1; i <= workerCount; i++) {
                Path workerDir = workDir.resolve("worker-" + i);
                Files.createDirectories(workerDir);
                workers.add(ChildJvm.start(
                        "spark-worker-" + i,
                        javaArgs(
                                classpath,
                                "org.apache.spark.deploy.worker.Worker",
                                List.of(
                                        cluster.masterUrl(),
                                        "--cores",
                                        String.valueOf(coresPerWorker),
                                        "--memory",
                                        memoryPerWorker,
                                        "--host",
                                        "127.0.0.1",
                                        "--webui-port",
                                        "0",
                                        "--work-dir",
                                        workerDir.toString())),
                        env,
                        workDir,
                        workDir.resolve("logs/worker-" + i + ".log")));
            }
            master.awaitReady(() -> cluster.aliveWorkers() >= workerCount, START_TIMEOUT);
            return cluster;
        } catch (IOException | RuntimeException e) {
            cluster.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    public String masterUrl() {
        return "spark://127.0.0.1:" + port;
    }

    public String webUiUrl() {
        return "http://127.0.0.1:" + webUiPort;
    }

    public Path sparkHome() {
        return sparkHome;
    }

    /** The environment a driver or spark-submit needs to use this cluster's Spark home. */
    public Map<String, String> environment() {
        return environment(sparkHome);
    }

    public long masterPid() {
        return master.pid();
    }

    public List<Long> workerPids() {
        return workers.stream().map(ChildJvm::pid).toList();
    }

    /**
     * Tasks each executor ran so far, from the executors' own logs (worker folder → count): the proof that
     * the work was really distributed.
     */
    public Map<String, Long> tasksPerExecutor() {
        Map<String, Long> tasks = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> files = Files.walk(sparkHome.getParent())) {
            for (Path stderr : files.filter(
                            file -> file.getFileName().toString().equals("stderr"))
                    .toList()) {
                String executor =
                        sparkHome.getParent().relativize(stderr.getParent()).toString();
                try (java.util.stream.Stream<String> lines = Files.lines(stderr, StandardCharsets.ISO_8859_1)) {
                    tasks.put(
                            executor,
                            lines.filter(line -> line.contains("Running task")).count());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tasks;
    }

    public int aliveWorkers() {
        try {
            HttpURLConnection connection = (HttpURLConnection)
                    URI.create(webUiUrl() + "/json/").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            if (connection.getResponseCode() != 200) {
                return 0;
            }
            String json = new String(connection.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Matcher alive = ALIVE_WORKER.matcher(json);
            int count = 0;
            while (alive.find()) {
                count++;
            }
            return count;
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        workers.forEach(worker -> worker.stop(Duration.ofSeconds(15)));
        master.stop(Duration.ofSeconds(15));
    }

    private static List<String> javaArgs(List<String> classpath, String mainClass, List<String> args) {
        List<String> javaArgs = new ArrayList<>(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1"));
        javaArgs.addAll(SparkFlags.jvmFlags());
        javaArgs.add("-cp");
        javaArgs.add(String.join(java.io.File.pathSeparator, classpath));
        javaArgs.add(mainClass);
        javaArgs.addAll(args);
        return javaArgs;
    }

    private static Map<String, String> environment(Path sparkHome) {
        Map<String, String> env = new HashMap<>();
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_CONF_DIR", sparkHome.resolve("conf").toString());
        // Without it the worker cannot build executor command lines ("Cannot find any build directories").
        env.put("SPARK_SCALA_VERSION", "2.13");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        return env;
    }

    private static Path prepareSparkHome(Path sparkHome, List<Path> sparkJars) {
        try {
            Path jars = Files.createDirectories(sparkHome.resolve("jars"));
            for (Path jar : sparkJars) {
                Path link = jars.resolve(jar.getFileName());
                if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(link, jar.toAbsolutePath());
                }
            }
            Path conf = Files.createDirectories(sparkHome.resolve("conf"));
            Files.writeString(
                    conf.resolve("log4j2.properties"),
                    String.join(
                            "\n",
                            "rootLogger.level = warn",
                            "rootLogger.appenderRef.stdout.ref = console",
                            "appender.console.type = Console",
                            "appender.console.name = console",
                            "appender.console.layout.type = PatternLayout",
                            "appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n",
                            "logger.deploy.name = org.apache.spark.deploy",
                            "logger.deploy.level = info",
                            "logger.executor.name = org.apache.spark.executor.Executor",
                            "logger.executor.level = info",
                            ""));
            return sparkHome;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare SPARK_HOME at " + sparkHome, e);
        }
    }
}
