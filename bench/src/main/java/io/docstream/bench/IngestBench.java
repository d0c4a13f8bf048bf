package io.docstream.bench;

import io.docstream.servers.KafkaBroker;
import io.docstream.servers.ProcessCpu;
import io.docstream.servers.S3Server;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Load benchmark of the ingest service (run by bench/ingest-load):
 * starts a real Kafka broker and s3proxy (local-servers), then the service's jar against them, and
 * measures uploads/s and p50/p99 latency of 10 KB bulletins sent by 32 concurrent clients, with the
 * S3 store and with the local-folder store (Kafka acks=all in both). Then it watches the service's
 * VmRSS while 1 GiB bodies are refused (413) and while one is streamed into the store.
 */
public class IngestBench {

    static final int CLIENTS = 32;
    // Enough for C2 to finish compiling the hot paths, so the run measures the steady state.
    static final int WARMUP_UPLOADS = Integer.getInteger("bench.warmup", 10_000);
    static final int BULLETIN_BYTES = 10 * 1024;
    static final long GIB = 1024L * 1024 * 1024;
    static final String API_KEY = "bench-key";

    public static void main(String[] args) throws Exception {
        Path repo = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int uploads = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        List<String> stores = args.length > 2 ? List.of(args[2].split(",")) : List.of("s3", "local");
        boolean memory = args.length <= 3 || Boolean.parseBoolean(args[3]);
        Path work = Files.createTempDirectory("ingest-bench-");
        Path jar = repo.resolve("ingest-service/target/quarkus-app/quarkus-run.jar");
        StringBuilder report = new StringBuilder();
        report.append("# ingest-service load benchmark\n\n")
                .append("machine: ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, ")
                .append(System.getProperty("java.version"))
                .append("; ")
                .append(CLIENTS)
                .append(" concurrent clients, ")
                .append(uploads)
                .append(" uploads of ")
                .append(BULLETIN_BYTES)
                .append(" B bulletins per run, ")
                .append("each a new document (distinct bytes); Kafka acks=all, idempotent producer.\n")
                .append("Client, service, Kafka and s3proxy all share the same machine.\n\n");
        try (KafkaBroker kafka = KafkaBroker.start(work.resolve("kafka"));
                S3Server s3 = S3Server.start(work.resolve("s3"))) {
            // s3proxy's filesystem backend: a bucket is a folder under buckets/.
            Files.createDirectories(s3.dataDir().resolve("buckets/docstream-bench"));
            Map<String, String> s3Env = Map.of(
                    "DOCSTREAM_STORE_KIND",
                    "s3",
                    "DOCSTREAM_STORE_S3_BUCKET",
                    "docstream-bench",
                    "DOCSTREAM_STORE_S3_ENDPOINT",
                    s3.endpoint(),
                    "DOCSTREAM_STORE_S3_PATH_STYLE",
                    "true",
                    "DOCSTREAM_STORE_S3_ACCESS_KEY_ID",
                    s3.accessKey(),
                    "DOCSTREAM_STORE_S3_SECRET_ACCESS_KEY",
                    s3.secretKey());
            Map<String, String> localEnv = Map.of(
                    "DOCSTREAM_STORE_KIND",
                    "local",
                    "DOCSTREAM_STORE_LOCAL_ROOT",
                    work.resolve("local-store").toString());

            report.append("## Throughput and latency\n\n")
                    .append(
                            "CPU columns: CPU milliseconds per upload spent by each process (user + system, from /proc), ")
                    .append("which shows where the machine's two cores go.\n\n")
                    .append(
                            "| store | uploads | errors | uploads/s | p50 ms | p90 ms | p99 ms | max ms | service VmRSS after "
                                    + "| CPU ms/upload: service | Kafka | s3proxy | load client |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            List<Map.Entry<String, Map<String, String>>> runs = new ArrayList<>();
            if (stores.contains("s3")) {
                runs.add(Map.entry("s3 (s3proxy)", s3Env));
            }
            if (stores.contains("local")) {
                runs.add(Map.entry("local folder", localEnv));
            }
            for (Map.Entry<String, Map<String, String>> store : runs) {
                try (Service service =
                        Service.start(jar, work, kafka.bootstrapServers(), store.getValue(), List.of())) {
                    load(service, WARMUP_UPLOADS, "warmup-" + store.getKey().hashCode());
                    long[] pids = {
                        service.pid(),
                        kafka.pid(),
                        s3.pid(),
                        ProcessHandle.current().pid()
                    };
                    long[] cpuBefore = ProcessCpu.millisEach(pids);
                    LoadResult result =
                            load(service, uploads, "run-" + store.getKey().hashCode());
                    long[] cpuAfter = ProcessCpu.millisEach(pids);
                    report.append(String.format(
                            "| %s | %d | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %d MiB | %s |%n",
                            store.getKey(),
                            result.count,
                            result.errors,
                            result.perSecond(),
                            result.percentile(50),
                            result.percentile(90),
                            result.percentile(99),
                            result.percentile(100),
                            service.rssKib() / 1024,
                            CpuTime.perUpload(cpuBefore, cpuAfter, uploads)));
                    System.out.println(report);
                }
            }

            if (memory) {
                report.append("\n## Memory while 1 GiB arrives (local store, service -Xmx512m)\n\n")
                        .append(
                                "| case | answer | seconds | VmRSS before | peak VmRSS during | VmHWM after |\n|---|---|---|---|---|---|\n");
                try (Service service = Service.start(jar, work, kafka.bootstrapServers(), localEnv, List.of())) {
                    report.append(bigUpload(service, "1 GiB, Content-Length declared, cap 50 MiB", true));
                    report.append(bigUpload(service, "1 GiB, chunked (no length), cap 50 MiB", false));
                }
                Map<String, String> uncapped = new HashMap<>(localEnv);
                uncapped.put("DOCSTREAM_UPLOAD_MAX_BYTES", String.valueOf(2 * GIB));
                uncapped.put("QUARKUS_HTTP_LIMITS_MAX_BODY_SIZE", "2G");
                try (Service service = Service.start(jar, work, kafka.bootstrapServers(), uncapped, List.of())) {
                    report.append(
                            bigUpload(service, "1 GiB, chunked, cap raised to 2 GiB: streamed and stored", false));
                }
            }
            System.out.println("\n" + report);
            Files.writeString(repo.resolve("bench/results/ingest-load.md"), report.toString());
        } finally {
            System.out.println("deleting " + work + " (tens of thousands of small files: this takes a while)");
            deleteTree(work);
        }
        // The JDK HttpClient keeps non-daemon selector threads alive for a while: end now.
        System.exit(0);
    }

    record LoadResult(int count, int errors, long nanos, long[] latencies) {
        double perSecond() {
            return count / (nanos / 1e9);
        }

        double percentile(int p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int index = Math.min(latencies.length - 1, (int) Math.ceil(p / 100.0 * latencies.length) - 1);
            return latencies[Math.max(0, index)] / 1e6;
        }
    }

    /**
     * 32 clients, each a thread with its own keep-alive connection speaking plain HTTP/1.1 over a socket:
     * a load generator this lean leaves the shared cores to the service, Kafka and s3proxy, which are
     * what is measured (the JDK HttpClient cost about 0.8 ms of CPU per upload by itself).
     */
    static LoadResult load(Service service, int uploads, String runId) throws Exception {
        byte[] template = bulletin();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        long[] latencies = new long[uploads];
        AtomicLong firstError = new AtomicLong(-1);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            running.add(clients.submit(() -> {
                HttpConnection connection = null;
                byte[] body = template.clone();
                for (int i = next.getAndIncrement(); i < uploads; i = next.getAndIncrement()) {
                    byte[] stamp = String.format("%s-%08d", runId, i).getBytes(StandardCharsets.US_ASCII);
                    System.arraycopy(stamp, 0, body, 0, Math.min(stamp.length, 40));
                    long t0 = System.nanoTime();
                    try {
                        if (connection == null) {
                            connection = new HttpConnection(service.port);
                        }
                        HttpConnection.Reply reply =
                                connection.post("/documents?filename=bench-" + i + ".txt", "text/plain", body);
                        if (reply.status() != 201) {
                            errors.incrementAndGet();
                            if (firstError.compareAndSet(-1, i)) {
                                System.err.println("upload " + i + ": " + reply.status() + " " + reply.body());
                            }
                        }
                        if (!reply.keepAlive()) {
                            connection.close();
                            connection = null;
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        System.err.println("upload " + i + ": " + e);
                        if (connection != null) {
                            connection.close();
                            connection = null;
                        }
                    }
                    latencies[i] = System.nanoTime() - t0;
                }
                if (connection != null) {
                    connection.close();
                }
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        long nanos = System.nanoTime() - start;
        clients.shutdown();
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new LoadResult(uploads, errors.get(), nanos, sorted);
    }

    /** One keep-alive HTTP/1.1 connection: writes a POST with a Content-Length body, reads one reply. */
    static final class HttpConnection {
        record Reply(int status, String body, boolean keepAlive) {}

        private final java.net.Socket socket;
        private final java.io.BufferedInputStream in;
        private final java.io.OutputStream out;
        private final int port;

        HttpConnection(int port) throws IOException {
            this.port = port;
            this.socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port);
            socket.setTcpNoDelay(true);
            this.in = new java.io.BufferedInputStream(socket.getInputStream(), 16 * 1024);
            this.out = new java.io.BufferedOutputStream(socket.getOutputStream(), 32 * 1024);
        }

        Reply post(String target, String contentType, byte[] body) throws IOException {
            String head = "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Api-Key: " + API_KEY
                    + "\r\nContent-Type: " + contentType + "\r\nContent-Length: " + body.length + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String statusLine = line();
            if (statusLine == null) {
                throw new IOException("the service closed the connection");
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            int length = -1;
            boolean keepAlive = true;
            for (String header = line(); header != null && !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(java.util.Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).strip());
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    keepAlive = false;
                } else if (lower.startsWith("transfer-encoding:")) {
                    throw new IOException("chunked replies are not expected from the upload endpoint");
                }
            }
            byte[] reply = length >= 0 ? in.readNBytes(length) : new byte[0];
            return new Reply(status, new String(reply, StandardCharsets.UTF_8), keepAlive && length >= 0);
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (b == '\n') {
                    int end = line.length();
                    return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
                }
                line.append((char) b);
            }
            return line.length() == 0 ? null : line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a benchmark connection: nothing to recover
            }
        }
    }

    static String bigUpload(Service service, String label, boolean declareLength) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofInputStream(() -> new TextStream(GIB));
        if (declareLength) {
            body = HttpRequest.BodyPublishers.fromPublisher(body, GIB);
        }
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(service.url("/documents?filename=big-" + System.nanoTime() + ".txt")))
                .header("X-Api-Key", API_KEY)
                .header("Content-Type", "text/plain")
                .timeout(Duration.ofMinutes(10))
                .POST(body)
                .build();
        long before = service.rssKib();
        AtomicLong peak = new AtomicLong(before);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(service.rssKib(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long t0 = System.nanoTime();
        String answer;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            answer = response.statusCode() + " " + abbreviate(response.body());
        } catch (IOException e) {
            answer = "connection closed by the service (" + e.getClass().getSimpleName() + ")";
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        sampler.interrupt();
        sampler.join();
        String row = String.format(
                "| %s | %s | %.1f | %d MiB | %d MiB | %d MiB |%n",
                label, answer, seconds, before / 1024, peak.get() / 1024, service.status("VmHWM") / 1024);
        System.out.print(row);
        return row;
    }

    static String abbreviate(String body) {
        String oneLine = body.replace('\n', ' ').replace("|", "/");
        return oneLine.length() > 70 ? oneLine.substring(0, 70) + "…" : oneLine;
    }

    /** A bulletin-like 10 KB text (the corpus' bulletins are 5-15 KB). */
    static byte[] bulletin() {
        String line = "The City of Los Angeles does not discriminate on the basis of race, religion, sex.\r\n";
        StringBuilder text = new StringBuilder("STAMP-XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX\r\nClass Code: 1590\r\n");
        while (text.length() < BULLETIN_BYTES) {
            text.append(line);
        }
        return text.substring(0, BULLETIN_BYTES).getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code size} bytes of text, generated as read: the client holds no big buffer either. */
    static final class TextStream extends InputStream {
        private static final byte[] LINE = "DUTIES: performs professional analysis of administrative problems.\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        private final long size;
        private long position;

        TextStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            return position < size ? LINE[(int) (position++ % LINE.length)] : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) {
                b[off + i] = LINE[(int) ((position + i) % LINE.length)];
            }
            position += n;
            return n;
        }
    }

    /** The service's jar as a child process on a free 127.0.0.1 port. */
    static final class Service implements AutoCloseable {
        private final Process process;
        private final int port;

        private Service(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static Service start(Path jar, Path work, String bootstrap, Map<String, String> env, List<String> jvmArgs)
                throws Exception {
            int port;
            try (java.net.ServerSocket socket =
                    new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
                port = socket.getLocalPort();
            }
            List<String> command = new ArrayList<>(List.of("java", "-Xmx512m", "-XX:+UseSerialGC"));
            command.addAll(jvmArgs);
            String extra = System.getenv("BENCH_SERVICE_JAVA_OPTS");
            if (extra != null && !extra.isBlank()) {
                command.addAll(List.of(extra.strip().split("\\s+")));
            }
            command.addAll(List.of("-jar", jar.toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(work.resolve("service-" + port + ".log").toFile());
            builder.environment().putAll(env);
            builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
            builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
            builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
            builder.environment().put("QUARKUS_LOG_LEVEL", "WARN");
            builder.environment().put("DOCSTREAM_AUTH_API_KEYS", API_KEY);
            builder.environment()
                    .put("DOCSTREAM_UPLOAD_SPOOL_DIR", work.resolve("spool").toString());
            Service service = new Service(builder.start(), port);
            service.awaitReady();
            return service;
        }

        long pid() {
            return process.pid();
        }

        String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }

        void awaitReady() throws Exception {
            HttpClient http = HttpClient.newHttpClient();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the service exited with " + process.exitValue());
                }
                try {
                    if (http.send(
                                            HttpRequest.newBuilder(URI.create(url("/q/health/ready")))
                                                    .build(),
                                            HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("the service did not become ready in 60 s");
        }

        long rssKib() {
            return status("VmRSS");
        }

        long status(String field) {
            try (Stream<String> lines = Files.lines(Path.of("/proc/" + process.pid() + "/status"))) {
                return lines.filter(l -> l.startsWith(field + ":"))
                        .map(l -> l.replaceAll("\\D", ""))
                        .mapToLong(Long::parseLong)
                        .findFirst()
                        .orElse(-1);
            } catch (IOException e) {
                return -1;
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** CPU milliseconds per upload, per process, as table cells. */
    static final class CpuTime {
        static String perUpload(long[] before, long[] after, int uploads) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < before.length; i++) {
                cells.add(String.format("%.2f", (after[i] - before[i]) / (double) uploads));
            }
            return String.join(" | ", cells);
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
