package io.docstream.extract;

import java.util.Locale;
import java.util.Optional;

/** The kinds of document the pipeline understands; the value is what lands in {@code source_type}. */
public enum DocType {
    BULLETIN("bulletin"),
    /** A job bulletin published as PDF: its text layer (or OCR of its pages) goes through the bulletin rules. */
    BULLETIN_PDF("bulletin_pdf"),
    JSON_RECORD("json_record");

    private final String value;

    DocType(String value) {
        this.value = value;
    }

    public String value() {
        return value;
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
