package io.docstream.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Trino server (coordinator and worker in one process) as a child process on 127.0.0.1, from the
 * Maven Central tarball ({@link TrinoInstall}) on a JDK 24+ ({@link TrinoJava}). It starts with no catalog
 * and lets its clients add them ({@code CREATE CATALOG ... USING delta_lake WITH (...)}): one server serves
 * tests that read tables from local folders, S3 or a Glue catalog. Its configuration, data and log stay
 * under the work folder; {@link #stop()} ends it by its pid.
 */
public final class TrinoServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    /** What the Trino launcher's jvm.config holds for Java 24+ that the server needs at run time. */
    private static final List<String> JVM_FLAGS = List.of(
            "-Xmx2G",
            "--add-modules=jdk.incubator.vector",
            "--sun-misc-unsafe-memory-access=allow",
            "--enable-native-access=ALL-UNNAMED",
            "-XX:+EnableDynamicAgentLoading",
            "-Djdk.attach.allowAttachSelf=true",
            "-XX:+ExitOnOutOfMemoryError");

    private final Path workDir;
    private final int port;
    private final ChildJvm jvm;

    private TrinoServer(Path workDir, int port, ChildJvm jvm) {
        this.workDir = workDir;
        this.port = port;
        this.jvm = jvm;
    }

    /** Starts on a free port; configuration, catalogs, data and log under {@code workDir}. */
    public static TrinoServer start(Path workDir) {
        Path java = TrinoJava.locate();
        Path server = TrinoInstall.ensure();
        Path dir = workDir.toAbsolutePath();
        int port = FreePort.pick();
        try {
            PrivateFiles.directories(dir);
            PrivateFiles.directories(dir.resolve("etc/catalog"));
            PrivateFiles.write(dir.resolve("etc/config.properties"), config(port, server));
            PrivateFiles.write(dir.resolve("etc/log.properties"), "io.trino=INFO\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + dir, e);
        }
        List<String> javaArgs = new ArrayList<>(JVM_FLAGS);
        javaArgs.addAll(CompilerMode.flags());
        javaArgs.addAll(List.of(
                "-Dnode.environment=docstream",
                "-Dnode.id=docstream-" + port,
                "-Dnode.bind-ip=127.0.0.1",
                "-Dnode.internal-address=127.0.0.1",
                "-Dnode.data-dir=" + dir.resolve("data"),
                "-Dconfig=" + dir.resolve("etc/config.properties"),
                "-Dlog.levels-file=" + dir.resolve("etc/log.properties"),
                "-cp",
                server.resolve("lib") + "/*",
                "io.trino.server.TrinoServer"));
        // The working folder holds etc/catalog, where catalogs created by SQL are kept.
        ChildJvm jvm = ChildJvm.start(java, "trino", javaArgs, Map.of(), dir, dir.resolve("trino.log"));
        TrinoServer trino = new TrinoServer(dir, port, jvm);
        jvm.awaitReady(trino::isStarted, START_TIMEOUT);
        return trino;
    }

    private static String config(int port, Path server) {
        return String.join(
                "\n",
                "coordinator=true",
                "node-scheduler.include-coordinator=true",
                "http-server.http.port=" + port,
                "discovery.uri=http://127.0.0.1:" + port,
                "query.max-memory=512MB",
                "query.max-memory-per-node=512MB",
                "catalog.management=dynamic",
                "plugin.dir=" + server.resolve("plugin"),
                "");
    }

    public int port() {
        return port;
    }

    /** For the Trino JDBC driver ({@code io.trino:trino-jdbc}). */
    public String jdbcUrl() {
        return "jdbc:trino://127.0.0.1:" + port;
    }

    public long pid() {
        return jvm.pid();
    }

    public Path log() {
        return workDir.resolve("trino.log");
    }

    public boolean isRunning() {
        return jvm.isAlive();
    }

    public void stop() {
        jvm.stop(Duration.ofSeconds(20));
    }

    @Override
    public void close() {
        stop();
    }

    /** The port opens before the server has loaded its plugins: ready when /v1/info says it is no longer starting. */
    private boolean isStarted() {
        try {
            HttpURLConnection connection = (HttpURLConnection)
                    URI.create("http://127.0.0.1:" + port + "/v1/info").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            if (connection.getResponseCode() != 200) {
                return false;
            }
            String info = new String(connection.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return info.replace(" ", "").contains("\"starting\":false");
        } catch (IOException e) {
            return false;
        }
    }
}
