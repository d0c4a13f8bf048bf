package io.docstream.ingest.upload;

/** An upload that breaks a rule: answered with the rejection's status and nothing stored or announced. */
public final class UploadRejected extends RuntimeException {

    private final Rejection reason;

    public UploadRejected(Rejection reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Rejection reason() {
        return reason;
    }
}
