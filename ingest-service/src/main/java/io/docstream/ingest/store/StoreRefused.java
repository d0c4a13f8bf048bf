package io.docstream.ingest.store;

/**
 * The object store answered, and refused the operation in a way the same request would meet again (a 4xx
 * other than a timeout, throttling or damaged bytes): answered 500 {@code STORE_REFUSED}, without
 * Retry-After, so that a client honouring Retry-After does not retry it for ever.
 */
public final class StoreRefused extends RuntimeException {

    public StoreRefused(String message, Throwable cause) {
        super(message, cause);
    }
}
