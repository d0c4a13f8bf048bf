package io.docstream.extract;

import java.io.IOException;
import java.io.InputStream;

/**
 * Entry point of the extraction engine: bytes of one stored document in, rows or a quarantine reason out.
 * Pure Java, safe to share between threads, usable from Spark executors and the command line.
 */
public final class DocumentExtractor {

    public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;

    private final long maxBytes;

    public DocumentExtractor() {
        this(DEFAULT_MAX_BYTES);
    }

    public DocumentExtractor(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /**
     * @param declaredSize the object's size when the store knows it (else -1): over the cap is
     *                     quarantined as TOO_LARGE without reading; the stream is still read at most
     *                     maxBytes + 1 bytes.
     * @throws IOException only when reading the stream fails (the caller decides: missing source etc.)
     */
    public Extraction extract(DocType type, String fileName, InputStream in, long declaredSize) throws IOException {
        throw new UnsupportedOperationException("TODO: issue 2");
    }

    public Extraction extract(DocType type, String fileName, byte[] bytes) {
        throw new UnsupportedOperationException("TODO: issue 2");
    }

    public long maxBytes() {
        return maxBytes;
    }
}
