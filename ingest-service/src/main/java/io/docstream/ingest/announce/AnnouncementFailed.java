package io.docstream.ingest.announce;

/** Kafka did not acknowledge an arrival in time: the document is stored, the client should retry (503). */
public final class AnnouncementFailed extends RuntimeException {

    public AnnouncementFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
