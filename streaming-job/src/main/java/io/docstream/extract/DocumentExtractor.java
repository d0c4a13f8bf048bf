package io.docstream.extract;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docstream.limits.DocumentLimits;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * Entry point of the extraction engine: bytes of one stored document in, rows or a quarantine reason out.
 * Pure Java, safe to share between threads, usable from Spark executors and the command line. Held to the
 * {@link DocumentLimits} the ingest service enforces at upload.
 */
public final class DocumentExtractor {

    public static final long DEFAULT_MAX_BYTES = DocumentLimits.DEFAULTS.maxBytes();

    /** The largest array the JVM hands out; a cap above it still cannot be read into memory. */
    private static final int LARGEST_READABLE = Integer.MAX_VALUE - 8;

    private final long maxBytes;
    private final int maxRecords;
    private final ObjectMapper jsonParser;

    public DocumentExtractor() {
        this(DocumentLimits.DEFAULTS);
    }

    /** The default limits but for the size cap. */
    public DocumentExtractor(long maxBytes) {
        this(withMaxBytes(maxBytes));
    }

    public DocumentExtractor(DocumentLimits limits) {
        this.maxBytes = limits.maxBytes();
        this.maxRecords = limits.maxRecords();
        this.jsonParser = JsonRecordReader.parserFor(limits);
    }

    private static DocumentLimits withMaxBytes(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
        }
        DocumentLimits d = DocumentLimits.DEFAULTS;
        return new DocumentLimits(maxBytes, d.maxStringChars(), d.maxNestingDepth(), d.maxNumberChars(), d.maxRecords());
    }

    /**
     * @param declaredSize the object's size when the store knows it (else -1): over the cap is
     *                     quarantined as TOO_LARGE without reading; the stream is still read at most
     *                     maxBytes + 1 bytes.
     * @throws IOException only when reading the stream fails (the caller decides: missing source etc.)
     */
    public Extraction extract(DocType type, String fileName, InputStream in, long declaredSize) throws IOException {
        if (declaredSize > maxBytes) {
            return tooLarge(declaredSize + " bytes declared");
        }
        int readLimit = (int) Math.min(maxBytes + 1, LARGEST_READABLE);
        byte[] bytes = in.readNBytes(readLimit);
        if (bytes.length > maxBytes || (bytes.length == readLimit && in.read() >= 0)) {
            return tooLarge("more than " + maxBytes + " bytes read");
        }
        return extract(type, fileName, bytes);
    }

    public Extraction extract(DocType type, String fileName, byte[] bytes) {
        if (bytes.length > maxBytes) {
            return tooLarge(bytes.length + " bytes");
        }
        if (type == null) {
            return new Extraction.Quarantined(QuarantineReason.UNSUPPORTED_TYPE,
                    "no document type for '" + fileName + "': expected a .txt bulletin or a .json record file");
        }
        DecodedText decoded = TextDecoder.decode(bytes);
        Optional<Extraction.Quarantined> unreadable = DocumentContent.unreadable(bytes, decoded.text());
        if (unreadable.isPresent()) {
            return unreadable.get();
        }
        return switch (type) {
            case BULLETIN -> new Extraction.Extracted(DocType.BULLETIN,
                    List.of(BulletinExtractor.extract(fileName, decoded)));
            case JSON_RECORD -> JsonRecordReader.read(fileName, decoded, jsonParser, maxRecords);
        };
    }

    public long maxBytes() {
        return maxBytes;
    }

    private Extraction.Quarantined tooLarge(String size) {
        return new Extraction.Quarantined(QuarantineReason.TOO_LARGE,
                "the document is larger than the limit of " + maxBytes + " bytes (" + size + ")");
    }
}
