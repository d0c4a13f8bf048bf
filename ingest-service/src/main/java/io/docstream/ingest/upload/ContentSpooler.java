package io.docstream.ingest.upload;

import io.docstream.ingest.config.IngestConfig;
import io.docstream.ingest.store.DocumentBytes;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Streams an upload through a fixed buffer, counting, digesting and scanning as the bytes pass, so the
 * size cap is enforced the moment it is crossed. The first {@code docstream.upload.memory-threshold}
 * bytes are kept in memory and the rest spills to a spool file: most documents are a few KB and never
 * touch the disk, while memory per upload stays bounded by the threshold whatever the body's size.
 */
@ApplicationScoped
public class ContentSpooler {

    static final int HEAD_BYTES = 16;
    private static final int BUFFER_BYTES = 64 * 1024;

    private final long maxBytes;
    private final int memoryThreshold;
    private final Path spoolDir;

    public ContentSpooler(IngestConfig config) {
        this.maxBytes = config.upload().maxBytes();
        this.memoryThreshold = config.upload().memoryThreshold();
        this.spoolDir = config.upload().spoolDir().orElse(Path.of(System.getProperty("java.io.tmpdir")));
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Reads {@code body} to its end; the caller closes the result to delete any spool file. */
    public SpooledContent spool(InputStream body) {
        SpillingOutput out = new SpillingOutput();
        try (out) {
            Scan scan = new Scan(body, out);
            scan.run();
            out.close();
            return scan.result(out.bytes(), true);
        } catch (IOException | RuntimeException e) {
            out.deleteAfter(e);
            throw e instanceof IOException io
                    ? new UncheckedIOException("cannot spool upload", io)
                    : (RuntimeException) e;
        }
    }

    /** Scans a file the HTTP layer already wrote (a multipart part) in place, without copying it. */
    public SpooledContent inspect(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            Scan scan = new Scan(in, OutputStream.nullOutputStream());
            scan.run();
            return scan.result(new DocumentBytes.OnDisk(file), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read uploaded part " + file, e);
        }
    }

    /** Holds bytes in memory up to the threshold, then moves them and everything after into a spool file. */
    private final class SpillingOutput extends OutputStream {
        private byte[] memory = new byte[0];
        private int used;
        private Path file;
        private OutputStream fileOut;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            if (fileOut == null && used + length <= memoryThreshold) {
                if (used + length > memory.length) {
                    memory = Arrays.copyOf(
                            memory, Math.min(memoryThreshold, Math.max(used + length, memory.length * 2)));
                }
                System.arraycopy(buffer, offset, memory, used, length);
                used += length;
                return;
            }
            if (fileOut == null) {
                Files.createDirectories(spoolDir);
                file = Files.createTempFile(spoolDir, "upload-", ".part");
                fileOut = Files.newOutputStream(file);
                fileOut.write(memory, 0, used);
                memory = null;
            }
            fileOut.write(buffer, offset, length);
        }

        @Override
        public void close() throws IOException {
            if (fileOut != null) {
                fileOut.close();
            }
        }

        DocumentBytes bytes() {
            return file != null
                    ? new DocumentBytes.OnDisk(file)
                    : new DocumentBytes.InMemory(Arrays.copyOf(memory, used));
        }

        /** A failed spool must not leave its file behind; a failure to delete is added to the original error. */
        void deleteAfter(Exception cause) {
            if (file == null) {
                return;
            }
            try {
                close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                cause.addSuppressed(e);
            }
        }
    }

    private final class Scan {
        private final InputStream in;
        private final OutputStream out;
        private final MessageDigest digest = sha256();
        private final byte[] head = new byte[HEAD_BYTES];
        private int headLength;
        private long size;
        private boolean containsNul;

        Scan(InputStream in, OutputStream out) {
            this.in = in;
            this.out = out;
        }

        void run() throws IOException {
            byte[] buffer = new byte[BUFFER_BYTES];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                size += n;
                if (size > maxBytes) {
                    throw new UploadRejected(
                            Rejection.TOO_LARGE, "the document is larger than the limit of " + maxBytes + " bytes");
                }
                digest.update(buffer, 0, n);
                keepHead(buffer, n);
                containsNul |= hasNul(buffer, n);
                out.write(buffer, 0, n);
            }
        }

        SpooledContent result(DocumentBytes bytes, boolean owned) {
            return new SpooledContent(
                    bytes,
                    size,
                    HexFormat.of().formatHex(digest.digest()),
                    Arrays.copyOf(head, headLength),
                    containsNul,
                    owned);
        }

        private void keepHead(byte[] buffer, int n) {
            int take = Math.min(HEAD_BYTES - headLength, n);
            if (take > 0) {
                System.arraycopy(buffer, 0, head, headLength, take);
                headLength += take;
            }
        }
    }

    private static boolean hasNul(byte[] buffer, int n) {
        for (int i = 0; i < n; i++) {
            if (buffer[i] == 0) {
                return true;
            }
        }
        return false;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
