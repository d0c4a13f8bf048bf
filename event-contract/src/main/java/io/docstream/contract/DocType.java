package io.docstream.contract;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of document the pipeline reads: the event's {@code doc_type} and the table's {@code source_type}
 * ({@link #value}), with the media type each is stored and announced as.
 */
public enum DocType {
    BULLETIN("bulletin", "text/plain; charset=UTF-8"),
    /** A job bulletin published as PDF: its text layer (or OCR of its pages) goes through the bulletin rules. */
    BULLETIN_PDF("bulletin_pdf", "application/pdf"),
    JSON_RECORD("json_record", "application/json");

    private final String value;
    private final String contentType;

    DocType(String value, String contentType) {
        this.value = value;
        this.contentType = contentType;
    }

    public String value() {
        return value;
    }

    public String contentType() {
        return contentType;
    }

    public static Optional<DocType> fromValue(String value) {
        for (DocType type : values()) {
            if (type.value.equals(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** By extension: {@code .txt} is a bulletin, {@code .pdf} a PDF bulletin, {@code .json} a JSON record file. */
    public static Optional<DocType> fromFileName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".txt")) {
            return Optional.of(BULLETIN);
        }
        if (lower.endsWith(".pdf")) {
            return Optional.of(BULLETIN_PDF);
        }
        if (lower.endsWith(".json")) {
            return Optional.of(JSON_RECORD);
        }
        return Optional.empty();
    }
}
