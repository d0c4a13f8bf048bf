package io.docstream.ingest.upload;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of document the pipeline reads, with the media type each is stored and announced as. */
public enum DocType {
    BULLETIN("bulletin", "text/plain; charset=UTF-8"),
    /** A job bulletin published as PDF. */
    BULLETIN_PDF("bulletin_pdf", "application/pdf"),
    JSON_RECORD("json_record", "application/json");

    private final String wireName;
    private final String contentType;

    DocType(String wireName, String contentType) {
        this.wireName = wireName;
        this.contentType = contentType;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public String contentType() {
        return contentType;
    }

    public static DocType fromWireName(String name) {
        for (DocType type : values()) {
            if (type.wireName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown doc_type " + name);
    }
}
