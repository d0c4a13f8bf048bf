package io.docstream.extract;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.docstream.contract.DocType;
import io.docstream.extract.pdf.PdfBulletinText;
import io.docstream.extract.pdf.PdfSettings;
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
    private final PdfSettings pdf;

    public DocumentExtractor() {
        this(DocumentLimits.DEFAULTS);
    }

    /** The default limits but for the size cap; PDF limits and OCR as the environment sets them. */
    public DocumentExtractor(long maxBytes) {
        this(withMaxBytes(maxBytes), PdfSettings.fromEnvironment());
    }

    public DocumentExtractor(long maxBytes, PdfSettings pdf) {
        this(withMaxBytes(maxBytes), pdf);
    }

    /** PDF limits and OCR as the environment sets them ({@link PdfSettings#fromEnvironment()}). */
    public DocumentExtractor(DocumentLimits limits) {
        this(limits, PdfSettings.fromEnvironment());
    }

    public DocumentExtractor(DocumentLimits limits, PdfSettings pdf) {
        this.maxBytes = limits.maxBytes();
        this.maxRecords = limits.maxRecords();
        this.jsonParser = JsonRecordReader.parserFor(limits);
        this.pdf = pdf;
    }

    private static DocumentLimits withMaxBytes(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
        }
        DocumentLimits d = DocumentLimits.DEFAULTS;
        return new DocumentLimits(
                maxBytes, d.maxStringChars(), d.maxNestingDepth(), d.maxNumberChars(), d.maxRecords());
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
            return new Extraction.Quarantined(
                    QuarantineReason.UNSUPPORTED_TYPE,
                    "no document type for '" + fileName + "': expected a .txt or .pdf bulletin or a .json record file");
        }
        if (type == DocType.BULLETIN_PDF) {
            return pdfBulletin(fileName, bytes);
        }
        DecodedText decoded = TextDecoder.decode(bytes);
        Optional<Extraction.Quarantined> unreadable = DocumentContent.unreadable(bytes, decoded.text());
        if (unreadable.isPresent()) {
            return unreadable.get();
        }
        return switch (type) {
            case BULLETIN ->
                new Extraction.Extracted(DocType.BULLETIN, List.of(BulletinExtractor.extract(fileName, decoded)));
            case JSON_RECORD -> JsonRecordReader.read(fileName, decoded, jsonParser, maxRecords);
            case BULLETIN_PDF -> throw new IllegalStateException("PDFs are read above");
        };
    }

    private Extraction pdfBulletin(String fileName, byte[] bytes) {
        if (bytes.length == 0) {
            return new Extraction.Quarantined(QuarantineReason.EMPTY, "the document has no bytes");
        }
        PdfBulletinText.Result result = PdfBulletinText.read(bytes, pdf);
        if (result instanceof PdfBulletinText.Unreadable unreadable) {
            return new Extraction.Quarantined(unreadable.reason(), unreadable.message());
        }
        PdfBulletinText.Text text = (PdfBulletinText.Text) result;
        Optional<Extraction.Quarantined> empty = DocumentContent.unreadable(bytes, text.text());
        if (empty.isPresent()) {
            return new Extraction.Quarantined(
                    QuarantineReason.NO_TEXT_LAYER, "the PDF's " + text.pages() + " page(s) hold no text");
        }
        List<ParseWarning> warnings = text.ocr() ? List.of(ParseWarning.TEXT_FROM_OCR) : List.of();
        return new Extraction.Extracted(
                DocType.BULLETIN_PDF,
                List.of(BulletinExtractor.extract(
                        fileName, new DecodedText(text.text(), false), DocType.BULLETIN_PDF, warnings)));
    }

    public PdfSettings pdfSettings() {
        return pdf;
    }

    private Extraction.Quarantined tooLarge(String size) {
        return new Extraction.Quarantined(
                QuarantineReason.TOO_LARGE,
                "the document is larger than the limit of " + maxBytes + " bytes (" + size + ")");
    }
}
