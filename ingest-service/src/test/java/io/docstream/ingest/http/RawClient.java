package io.docstream.ingest.http;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * An HTTP/1.1 client on a plain socket, for what HTTP client libraries will not do: send headers or a body a
 * few bytes at a time, or stop half-way. Times what it sees from the moment it connected.
 */
final class RawClient implements AutoCloseable {

    /** What came back: the raw answer (possibly empty), whether the server closed the connection, and when. */
    record Answer(String raw, boolean closed, Duration after) {

        int status() {
            return raw.startsWith("HTTP/1.1 ") ? Integer.parseInt(raw.substring(9, 12)) : 0;
        }

        String head() {
            int end = raw.indexOf("\r\n\r\n");
            return (end < 0 ? raw : raw.substring(0, end)).toLowerCase(Locale.ROOT);
        }

        String body() {
            int end = raw.indexOf("\r\n\r\n");
            return end < 0 ? "" : raw.substring(end + 4);
        }
    }

    private final Socket socket;
    private final long connectedAt;
    private volatile Thread dripper;

    private RawClient(Socket socket) {
        this.socket = socket;
        this.connectedAt = System.nanoTime();
    }

    /** Connects to the service under test. */
    static RawClient connect() {
        URI service = URI.create(RestAssured.baseURI + ":" + RestAssured.port);
        try {
            return new RawClient(new Socket(service.getHost(), service.getPort()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot connect to " + service, e);
        }
    }

    static String uploadHead(String fileName, String apiKey, long contentLength) {
        return "POST /documents?filename=" + fileName + " HTTP/1.1\r\nHost: localhost\r\nX-Api-Key: " + apiKey
                + "\r\nContent-Type: text/plain\r\nContent-Length: " + contentLength + "\r\n\r\n";
    }

    RawClient send(String ascii) {
        return send(ascii.getBytes(StandardCharsets.ISO_8859_1));
    }

    RawClient send(byte[] bytes) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends {@code bytes} in the background, {@code slice} bytes every {@code interval}, until they are all sent
     * or the server stops taking them. Returns at once.
     */
    RawClient drip(byte[] bytes, int slice, Duration interval) {
        Thread thread = new Thread(
                () -> {
                    try {
                        OutputStream out = socket.getOutputStream();
                        long next = System.nanoTime();
                        for (int at = 0; at < bytes.length; at += slice) {
                            out.write(bytes, at, Math.min(slice, bytes.length - at));
                            out.flush();
                            next += interval.toNanos();
                            long wait = next - System.nanoTime();
                            if (wait > 0) {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            }
                        }
                    } catch (IOException | InterruptedException stopped) {
                        // the server closed the connection, or the test is over
                    }
                },
                "drip");
        thread.setDaemon(true);
        thread.start();
        dripper = thread;
        return this;
    }

    /** Reads until the server closes the connection or {@code patience} (from now) runs out. */
    Answer awaitAnswer(Duration patience) {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        long giveUpAt = System.nanoTime() + patience.toNanos();
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            while (true) {
                long left = (giveUpAt - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return answer(got, false);
                }
                socket.setSoTimeout((int) left);
                int n;
                try {
                    n = in.read(buffer);
                } catch (SocketTimeoutException timeout) {
                    return answer(got, false);
                }
                if (n < 0) {
                    return answer(got, true);
                }
                got.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // A reset after the answer is a close too.
            return answer(got, true);
        }
    }

    /** Whether the background sending started by {@link #drip} still goes on (the server still takes bytes). */
    boolean dripping() {
        Thread thread = dripper;
        return thread != null && thread.isAlive();
    }

    /** Whether anything has come back yet, without waiting. */
    boolean answered() {
        try {
            return socket.getInputStream().available() > 0;
        } catch (IOException e) {
            return true;
        }
    }

    private Answer answer(ByteArrayOutputStream got, boolean closed) {
        return new Answer(
                got.toString(StandardCharsets.ISO_8859_1), closed, Duration.ofNanos(System.nanoTime() - connectedAt));
    }

    @Override
    public void close() {
        Thread thread = dripper;
        if (thread != null) {
            thread.interrupt();
        }
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
