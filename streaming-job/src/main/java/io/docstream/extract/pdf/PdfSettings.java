package io.docstream.extract.pdf;

import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Limits and OCR for PDF documents, per document: at most {@code maxPages} pages and {@code timeLimit} of
 * work (text layer and OCR together), else the document is quarantined; {@code ocr} reads pages without a
 * text layer with Tesseract.
 *
 * <p>Read from the environment of the JVM that extracts (the executors: {@code spark.executorEnv.*}):
 * {@code DOCSTREAM_PDF_MAX_PAGES} (50), {@code DOCSTREAM_PDF_TIME_LIMIT_MS} (120000) and
 * {@code DOCSTREAM_PDF_OCR} = {@code auto} (default: on where {@code tesseract} is on the PATH), {@code on}
 * or {@code off}.
 */
public record PdfSettings(int maxPages, Duration timeLimit, boolean ocr) implements Serializable {

    public static final String MAX_PAGES_ENV = "DOCSTREAM_PDF_MAX_PAGES";
    public static final String TIME_LIMIT_ENV = "DOCSTREAM_PDF_TIME_LIMIT_MS";
    public static final String OCR_ENV = "DOCSTREAM_PDF_OCR";
    public static final int DEFAULT_MAX_PAGES = 50;
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofMinutes(2);

    public PdfSettings {
        if (maxPages < 1 || timeLimit.isNegative()) {
            throw new IllegalArgumentException(
                    "maxPages must be positive and timeLimit not negative: " + maxPages + ", " + timeLimit);
        }
    }

    public static PdfSettings fromEnvironment() {
        return from(System.getenv());
    }

    static PdfSettings from(Map<String, String> env) {
        int maxPages = Integer.parseInt(env.getOrDefault(MAX_PAGES_ENV, String.valueOf(DEFAULT_MAX_PAGES))
                .strip());
        Duration timeLimit = env.containsKey(TIME_LIMIT_ENV)
                ? Duration.ofMillis(Long.parseLong(env.get(TIME_LIMIT_ENV).strip()))
                : DEFAULT_TIME_LIMIT;
        String ocr = env.getOrDefault(OCR_ENV, "auto").strip().toLowerCase(Locale.ROOT);
        boolean ocrOn = switch (ocr) {
            case "auto" -> TesseractOcr.installed();
            case "on", "true" -> true;
            case "off", "false" -> false;
            default -> throw new IllegalArgumentException(OCR_ENV + " must be auto, on or off: " + ocr);
        };
        return new PdfSettings(maxPages, timeLimit, ocrOn);
    }

    public PdfSettings withOcr(boolean on) {
        return new PdfSettings(maxPages, timeLimit, on);
    }

    public PdfSettings withMaxPages(int pages) {
        return new PdfSettings(pages, timeLimit, ocr);
    }

    public PdfSettings withTimeLimit(Duration limit) {
        return new PdfSettings(maxPages, limit, ocr);
    }
}
