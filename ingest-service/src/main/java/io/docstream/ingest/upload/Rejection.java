package io.docstream.ingest.upload;

/** Why an upload was refused: the reason code clients see in {@code error}, and its HTTP status. */
public enum Rejection {
    EMPTY_BODY(400),
    MISSING_FILE_NAME(400),
    INVALID_FILE_NAME(400),
    MISSING_FILE_PART(400),
    INVALID_IDEMPOTENCY_KEY(400),
    UNAUTHORIZED(401),
    METHOD_NOT_ALLOWED(405),
    REQUEST_TIMEOUT(408),
    TOO_LARGE(413),
    TOO_MANY_RECORDS(413),
    URI_TOO_LONG(414),
    UNSUPPORTED_MEDIA_TYPE(415),
    INVALID_JSON(422),
    NOT_JSON_RECORDS(422),
    /** Valid JSON past one of the parser limits the job shares (string length, nesting, number length). */
    JSON_LIMIT_EXCEEDED(422),
    BINARY_TEXT(422),
    NOT_PDF(422);

    private final int status;

    Rejection(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
