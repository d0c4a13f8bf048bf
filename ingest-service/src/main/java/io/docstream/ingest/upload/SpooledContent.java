package io.docstream.ingest.upload;

import io.docstream.ingest.store.DocumentBytes;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * An upload's bytes (in memory when small, else in a spool file) with what was learnt while they
 * streamed past: size, SHA-256, the first bytes (for magic-number sniffing) and whether a NUL byte
 * occurred. Closing deletes the spool file when the spooler created it (a multipart part's file
 * belongs to the HTTP layer, which deletes it).
 */
public final class SpooledContent implements AutoCloseable {

    private final DocumentBytes bytes;
    private final long size;
    private final String sha256;
    private final byte[] head;
    private final boolean containsNul;
    private final boolean owned;

    SpooledContent(DocumentBytes bytes, long size, String sha256, byte[] head, boolean containsNul, boolean owned) {
        this.bytes = bytes;
        this.size = size;
        this.sha256 = sha256;
        this.head = head;
        this.containsNul = containsNul;
        this.owned = owned;
    }

    public DocumentBytes bytes() {
        return bytes;
    }

    public InputStream open() throws IOException {
        return bytes.open();
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
        if (owned && bytes instanceof DocumentBytes.OnDisk disk) {
            try {
                Files.deleteIfExists(disk.file());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete spool file " + disk.file(), e);
            }
        }
    }
}
