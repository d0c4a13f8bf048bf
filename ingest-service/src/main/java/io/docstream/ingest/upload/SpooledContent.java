package io.docstream.ingest.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An upload's bytes on disk with what was learnt while they streamed past: size, SHA-256, the first
 * bytes (for magic-number sniffing) and whether a NUL byte occurred. Closing deletes the file when
 * the spooler created it (a multipart part's file belongs to the HTTP layer, which deletes it).
 */
public final class SpooledContent implements AutoCloseable {

    private final Path file;
    private final long size;
    private final String sha256;
    private final byte[] head;
    private final boolean containsNul;
    private final boolean owned;

    SpooledContent(Path file, long size, String sha256, byte[] head, boolean containsNul, boolean owned) {
        this.file = file;
        this.size = size;
        this.sha256 = sha256;
        this.head = head;
        this.containsNul = containsNul;
        this.owned = owned;
    }

    public Path file() {
        return file;
    }

    public long size() {
        return size;
    }

    public String sha256() {
        return sha256;
    }

    /** The first bytes of the content (at most {@link ContentSpooler#HEAD_BYTES}). */
    public byte[] head() {
        return head.clone();
    }

    public boolean containsNul() {
        return containsNul;
    }

    @Override
    public void close() {
        if (owned) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete spool file " + file, e);
            }
        }
    }
}
