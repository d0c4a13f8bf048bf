package io.docstream.ingest.store;

/** The object store could not be reached or refused the operation: the upload is answered 503. */
public final class StoreUnavailable extends RuntimeException {

    public StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
