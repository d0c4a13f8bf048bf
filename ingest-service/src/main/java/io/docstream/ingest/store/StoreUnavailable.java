package io.docstream.ingest.store;

/** The object store could not be reached, or failed in a way a retry can mend: the upload is answered 503. */
public final class StoreUnavailable extends RuntimeException {

    public StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
