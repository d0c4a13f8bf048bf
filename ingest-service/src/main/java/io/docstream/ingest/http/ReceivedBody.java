package io.docstream.ingest.http;

import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bytes of one request body as they arrive on the event loop: the first {@code memoryThreshold} in memory,
 * the rest appended to a spool file without blocking (Vert.x {@link AsyncFile}). When the body is whole it is
 * read back as one stream, on a worker thread. {@link #discard()} deletes the file, whatever state it is in.
 * Not thread-safe: written on the request's event loop, read once afterwards.
 */
final class ReceivedBody {

    private final Vertx vertx;
    private final int memoryThreshold;
    private final Path spoolDir;
    private final Buffer head = Buffer.buffer();
    private Future<AsyncFile> file;
    private Path path;
    private InputStream tail;
    private boolean discarded;

    ReceivedBody(Vertx vertx, int memoryThreshold, Path spoolDir) {
        this.vertx = vertx;
        this.memoryThreshold = memoryThreshold;
        this.spoolDir = spoolDir;
    }

    /**
     * Appends {@code chunk}. Returns true when the spool file is behind: the caller should stop reading until
     * {@code whenCaughtUp} runs.
     */
    boolean append(Buffer chunk, Runnable whenCaughtUp) {
        if (file == null && head.length() + chunk.length() <= memoryThreshold) {
            head.appendBuffer(chunk);
            return false;
        }
        if (file == null) {
            file = open();
            file.onSuccess(opened -> opened.setWriteQueueMaxSize(256 * 1024));
        }
        if (file.isComplete()) {
            AsyncFile opened = file.result();
            if (opened == null) {
                return false; // the open failed: finish() reports it
            }
            opened.write(chunk);
            if (opened.writeQueueFull()) {
                opened.drainHandler(drained -> whenCaughtUp.run());
                return true;
            }
            return false;
        }
        // Still opening: write in order once it is open, and hold the client until then.
        file = file.compose(opened -> opened.write(chunk).map(opened));
        file.onComplete(written -> whenCaughtUp.run());
        return true;
    }

    /** Completes when every byte appended is in the spool, with the whole body as one stream. */
    Future<InputStream> finish() {
        if (file == null) {
            return Future.succeededFuture(new ByteArrayInputStream(head.getBytes()));
        }
        return file.compose(AsyncFile::close).map(closed -> {
            tail = new SpoolTail(path);
            return new SequenceInputStream(new ByteArrayInputStream(head.getBytes()), tail);
        });
    }

    /** Deletes the spool file, now or as soon as it is opened. */
    void discard() {
        if (discarded) {
            return;
        }
        discarded = true;
        if (file == null) {
            return;
        }
        file.onComplete(done -> {
            try {
                if (tail != null) {
                    tail.close();
                }
                if (done.succeeded()) {
                    done.result().close();
                }
            } catch (IOException | RuntimeException e) {
                // Deleting matters more than closing cleanly; a failure to delete is reported below.
            }
            deleteSpoolFile();
        });
    }

    private Future<AsyncFile> open() {
        return vertx.fileSystem()
                .mkdirs(spoolDir.toString())
                .compose(made ->
                        vertx.fileSystem().createTempFile(spoolDir.toString(), "received-", ".part", "rw-------"))
                .compose(created -> {
                    path = Path.of(created);
                    if (discarded) {
                        deleteSpoolFile();
                        return Future.failedFuture("the body was discarded while its spool file was created");
                    }
                    return vertx.fileSystem()
                            .open(created, new OpenOptions().setWrite(true).setCreate(false));
                });
    }

    private void deleteSpoolFile() {
        if (path != null) {
            vertx.fileSystem()
                    .delete(path.toString())
                    .onFailure(failed -> Log.warnf(failed, "cannot delete the spool file %s of a received body", path));
        }
    }

    /** The spooled part of the body, opened on first read (on the worker that reads it, not the event loop). */
    private static final class SpoolTail extends InputStream {
        private final Path path;
        private InputStream in;
        private boolean closed;

        SpoolTail(Path path) {
            this.path = path;
        }

        private InputStream in() throws IOException {
            if (closed) {
                throw new IOException("the received body was discarded");
            }
            if (in == null) {
                in = Files.newInputStream(path);
            }
            return in;
        }

        @Override
        public int read() throws IOException {
            return in().read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            return in().read(buffer, offset, length);
        }

        @Override
        public synchronized void close() throws IOException {
            closed = true;
            if (in != null) {
                in.close();
            }
        }
    }
}
