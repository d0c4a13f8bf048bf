package io.docstream.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A real single-node Kafka broker (KRaft, combined broker + controller) running from the Maven Central
 * jars as a child process on 127.0.0.1. {@link #kill()} and {@link #restart()} let tests produce the
 * faults a real deployment sees: the broker gone, then back on the same port with its data.
 */
public final class KafkaBroker implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final String READY_LINE = "Kafka Server started";

    private final Path workDir;
    private final int port;
    private final int controllerPort;
    private final List<String> classpath;
    private ChildJvm jvm;

    private KafkaBroker(Path workDir, int port, int controllerPort, List<String> classpath) {
        this.workDir = workDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.classpath = classpath;
    }

    /** Starts a broker on a free port, keeping its configuration, data and log under {@code workDir}. */
    public static KafkaBroker start(Path workDir) {
        return start(workDir, FreePort.pick());
    }

    public static KafkaBroker start(Path workDir, int port) {
        if (FreePort.isInUse(port)) {
            throw new IllegalStateException(
                    "port " + port + " on 127.0.0.1 is already in use: choose another Kafka port");
        }
        Path home = ServersHome.locate();
        KafkaBroker broker = new KafkaBroker(
                workDir.toAbsolutePath(),
                port,
                FreePort.pick(),
                List.of(home.resolve("kafka-lib").toAbsolutePath() + "/*"));
        broker.format();
        broker.launch();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return jvm.pid();
    }

    public Path log() {
        return workDir.resolve("broker.log");
    }

    public boolean isRunning() {
        return jvm != null && jvm.isAlive();
    }

    /** Stops the broker cleanly (SIGTERM); {@link #restart()} brings it back. */
    public void stop() {
        if (jvm != null) {
            jvm.stop(Duration.ofSeconds(30));
            jvm = null;
        }
    }

    /** Kills the broker as a crash would (SIGKILL). */
    public void kill() {
        if (jvm != null) {
            jvm.kill();
            jvm = null;
        }
    }

    /** Starts the broker again on the same port with the same data. */
    public void restart() {
        stop();
        launch();
    }

    @Override
    public void close() {
        stop();
    }

    private void format() {
        try {
            PrivateFiles.directories(workDir);
            PrivateFiles.directories(workDir.resolve("data"));
            PrivateFiles.write(workDir.resolve("server.properties"), serverProperties());
            PrivateFiles.write(workDir.resolve("log4j2.properties"), LOG_CONFIG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + workDir, e);
        }
        if (Files.exists(workDir.resolve("data/meta.properties"))) {
            return;
        }
        ChildJvm.runToCompletion(
                "kafka-storage-format",
                classpath,
                "kafka.tools.StorageTool",
                List.of("format", "--standalone", "--cluster-id=" + clusterId(), "--config=server.properties"),
                workDir,
                workDir.resolve("format.log"),
                Duration.ofSeconds(60));
    }

    private void launch() {
        List<String> jvmArgs = new ArrayList<>(
                List.of("-Xmx512m", "-Xms128m", "-Dlog4j2.configurationFile=" + workDir.resolve("log4j2.properties")));
        jvmArgs.addAll(CompilerMode.flags());
        jvm = ChildJvm.start(
                "kafka-broker", jvmArgs, classpath, "kafka.Kafka", List.of("server.properties"), workDir, log());
        long logSizeAtStart = sizeOf(log());
        jvm.awaitReady(() -> startedSince(logSizeAtStart) && FreePort.isInUse(port), START_TIMEOUT);
    }

    private boolean startedSince(long offset) {
        try {
            byte[] bytes = Files.readAllBytes(log());
            return new String(
                            bytes,
                            (int) Math.min(offset, bytes.length),
                            (int) Math.max(0, bytes.length - offset),
                            java.nio.charset.StandardCharsets.ISO_8859_1)
                    .contains(READY_LINE);
        } catch (IOException e) {
            return false;
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String serverProperties() {
        return String.join(
                "\n",
                "process.roles=broker,controller",
                "node.id=1",
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "inter.broker.listener.name=PLAINTEXT",
                "log.dirs=" + workDir.resolve("data"),
                "num.partitions=2",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=2",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=2",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "");
    }

    /** Kafka's own form (URL-safe base64 of 16 bytes), never starting with '-', which tools read as an option. */
    static String clusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    private static final String LOG_CONFIG = String.join(
            "\n",
            "status = warn",
            "appender.console.type = Console",
            "appender.console.name = STDOUT",
            "appender.console.layout.type = PatternLayout",
            "appender.console.layout.pattern = [%d] %p %m (%c)%n",
            "rootLogger.level = info",
            "rootLogger.appenderRef.stdout.ref = STDOUT",
            "logger.kafka.name = kafka",
            "logger.kafka.level = info",
            "logger.apache.name = org.apache.kafka",
            "logger.apache.level = warn",
            "");
}
