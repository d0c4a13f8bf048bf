package io.docstream.table;

import io.docstream.servers.FreePort;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real Glue endpoint for tests: {@code moto_server} (installed on this machine image) as a child process on
 * a free 127.0.0.1 port, stopped by its pid. Missing moto is a failure that says so, never a skip.
 */
final class MotoServer implements AutoCloseable {

    private final Process process;
    private final int port;

    private MotoServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static MotoServer start(Path logDir) throws IOException, InterruptedException {
        int port = FreePort.pick();
        Files.createDirectories(logDir);
        Process process;
        try {
            process = new ProcessBuilder("moto_server", "-H", "127.0.0.1", "-p", String.valueOf(port))
                    .redirectErrorStream(true)
                    .redirectOutput(logDir.resolve("moto-" + port + ".log").toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "moto_server is not on the PATH: the Glue tests need it (moto 5, `moto_server`)", e);
        }
        MotoServer server = new MotoServer(process, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!server.answers()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException("moto_server did not start on port " + port + ": see " + logDir);
            }
            Thread.sleep(200);
        }
        return server;
    }

    String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    private boolean answers() {
        try {
            HttpURLConnection connection = (HttpURLConnection)
                    URI.create(endpoint() + "/moto-api/").toURL().openConnection();
            connection.setConnectTimeout(500);
            connection.setReadTimeout(2000);
            return connection.getResponseCode() > 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
