package io.docstream.ingest.upload;

import io.docstream.ingest.config.IngestConfig;
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
 * Streams an upload through a fixed buffer: counting, digesting and scanning as the bytes pass, so a
 * body of any size costs one buffer of memory and the size cap is enforced the moment it is crossed.
 */
@ApplicationScoped
public class ContentSpooler {

    static final int HEAD_BYTES = 16;
    private static final int BUFFER_BYTES = 64 * 1024;

    private final long maxBytes;
    private final Path spoolDir;

    public ContentSpooler(IngestConfig config) {
        this.maxBytes = config.upload().maxBytes();
        this.spoolDir = config.upload().spoolDir().orElse(Path.of(System.getProperty("java.io.tmpdir")));
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** Copies {@code body} to a new spool file; the caller closes the result to delete it. */
    public SpooledContent spool(InputStream body) {
        Path file = createSpoolFile();
        try (OutputStream out = Files.newOutputStream(file)) {
            return new Scan(body, out).run(file, true);
        } catch (IOException | RuntimeException e) {
            deleteQuietlyAfter(file, e);
            throw e instanceof IOException io ? new UncheckedIOException("cannot spool upload", io) : (RuntimeException) e;
        }
    }

    /** Scans a file the HTTP layer already wrote (a multipart part) in place, without copying it. */
    public SpooledContent inspect(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new Scan(in, OutputStream.nullOutputStream()).run(file, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read uploaded part " + file, e);
        }
    }

    private Path createSpoolFile() {
        try {
            Files.createDirectories(spoolDir);
            return Files.createTempFile(spoolDir, "upload-", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a spool file in " + spoolDir, e);
        }
    }

    /** A failed spool must not leave its file behind; a failure to delete is added to the original error. */
    private static void deleteQuietlyAfter(Path file, Exception cause) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            cause.addSuppressed(e);
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

        SpooledContent run(Path file, boolean owned) throws IOException {
            byte[] buffer = new byte[BUFFER_BYTES];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                size += n;
                if (size > maxBytes) {
                    throw new UploadRejected(Rejection.TOO_LARGE,
                            "the document is larger than the limit of " + maxBytes + " bytes");
                }
                digest.update(buffer, 0, n);
                keepHead(buffer, n);
                containsNul |= hasNul(buffer, n);
                out.write(buffer, 0, n);
            }
            return new SpooledContent(file, size, HexFormat.of().formatHex(digest.digest()),
                    Arrays.copyOf(head, headLength), containsNul, owned);
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
