package io.docstream.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus (Debian's {@code prometheus} binary) as a child process on a free 127.0.0.1 port, scraping the
 * given targets and evaluating the given rule files; its data is a folder of its own. Ready when {@code /-/ready}
 * says so; stopped by pid (SIGTERM, then SIGKILL), also when its owner's JVM ends without closing it.
 */
public final class PrometheusServer implements AutoCloseable {

    /** One scrape job: its name (the {@code job} label), a {@code host:port} and the metrics path. */
    public record Target(String job, String hostPort, String metricsPath) {}

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final int port;
    private final Process process;
    private final Path log;
    private final Thread reaper;

    private PrometheusServer(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
        this.reaper = new Thread(this::stopProcess, "stop-prometheus");
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    /** The {@code prometheus} binary on PATH, if it is installed. */
    public static Optional<Path> installed() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "prometheus");
            if (!dir.isBlank() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Starts on a free port. */
    public static PrometheusServer start(Path dir, List<Target> targets, List<Path> ruleFiles, Duration interval) {
        return start(dir, FreePort.pick(), targets, ruleFiles, interval);
    }

    public static PrometheusServer start(
            Path dir, int port, List<Target> targets, List<Path> ruleFiles, Duration interval) {
        Path binary = installed()
                .orElseThrow(() -> new IllegalStateException("prometheus is not installed: `apt-get install -y"
                        + " prometheus` (Debian's package brings prometheus and promtool)"));
        if (FreePort.isInUse(port)) {
            throw new IllegalStateException(
                    "port " + port + " on 127.0.0.1 is already in use: choose another Prometheus port");
        }
        Path home = dir.toAbsolutePath();
        Path config = home.resolve("prometheus.yml");
        Path log = home.resolve("prometheus.log");
        try {
            PrivateFiles.directories(home);
            PrivateFiles.directories(home.resolve("data"));
            PrivateFiles.write(config, config(targets, ruleFiles, interval));
            PrivateFiles.create(log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + home, e);
        }
        List<String> command = List.of(
                binary.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + home.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--storage.tsdb.retention.time=1d");
        Process process;
        try {
            process = new ProcessBuilder(PrivateFiles.withPrivateUmask(command))
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        PrometheusServer server = new PrometheusServer(port, process, log);
        server.awaitReady();
        return server;
    }

    /** The scrape configuration: one job per target, every rule file by its absolute path. */
    static String config(List<Target> targets, List<Path> ruleFiles, Duration interval) {
        StringBuilder yaml = new StringBuilder()
                .append("global:\n")
                .append("  scrape_interval: ")
                .append(interval.toMillis())
                .append("ms\n")
                .append("  evaluation_interval: ")
                .append(interval.toMillis())
                .append("ms\n");
        if (!ruleFiles.isEmpty()) {
            yaml.append("rule_files:\n");
            ruleFiles.forEach(
                    file -> yaml.append("  - '").append(file.toAbsolutePath()).append("'\n"));
        }
        yaml.append("scrape_configs:\n");
        for (Target target : targets) {
            yaml.append("  - job_name: '")
                    .append(target.job())
                    .append("'\n    metrics_path: '")
                    .append(target.metricsPath())
                    .append("'\n    static_configs:\n      - targets: ['")
                    .append(target.hostPort())
                    .append("']\n");
        }
        return yaml.toString();
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                forgetReaper();
                throw new IllegalStateException(
                        "prometheus exited with " + process.exitValue() + " before it was ready: " + tail());
            }
            if (get("/-/ready").map(response -> response.statusCode() == 200).orElse(false)) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for prometheus", e);
            }
        }
        close();
        throw new IllegalStateException("prometheus not ready after " + START_TIMEOUT + ": " + tail());
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** The HTTP API's answer to an instant query, as JSON ({@code /api/v1/query}). */
    public String query(String promql) {
        String path = "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8);
        return get(path)
                .map(HttpResponse::body)
                .orElseThrow(() -> new IllegalStateException("prometheus at " + url() + " does not answer"));
    }

    /** The HTTP API's answer to any GET, as JSON (e.g. {@code /api/v1/rules}, {@code /api/v1/targets}). */
    public String api(String pathAndQuery) {
        return get(pathAndQuery)
                .map(HttpResponse::body)
                .orElseThrow(() -> new IllegalStateException("prometheus at " + url() + " does not answer"));
    }

    /** A graph page of Prometheus' own UI showing these expressions, one panel each. */
    public String graphUrl(List<String> expressions, String range) {
        List<String> parameters = new ArrayList<>();
        for (int i = 0; i < expressions.size(); i++) {
            parameters.add("g" + i + ".expr=" + URLEncoder.encode(expressions.get(i), StandardCharsets.UTF_8));
            parameters.add("g" + i + ".tab=0");
            parameters.add("g" + i + ".range_input=" + range);
        }
        return url() + "/graph?" + String.join("&", parameters);
    }

    private Optional<HttpResponse<String>> get(String pathAndQuery) {
        try {
            return Optional.of(HTTP.send(
                    HttpRequest.newBuilder(URI.create(url() + pathAndQuery))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking prometheus", e);
        }
    }

    @Override
    public void close() {
        stopProcess();
        forgetReaper();
    }

    /** SIGTERM (Prometheus flushes its head block), then SIGKILL after 10 s. */
    private void stopProcess() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void forgetReaper() {
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
            return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
