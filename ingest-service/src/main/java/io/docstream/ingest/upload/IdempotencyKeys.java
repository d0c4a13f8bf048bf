package io.docstream.ingest.upload;

import io.docstream.ingest.auth.Caller;
import io.docstream.ingest.store.DocumentStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Idempotency-Key header support: the first request with a key records which documents it produced
 * (in the store, so every replica sees it); a later request with the same key gets those documents
 * back without its body being read. A key belongs to the caller (API key) that sent it: another client
 * choosing the same string starts its own request and never sees the first one's documents. Keys are
 * stored hashed: they are client-chosen strings.
 */
@ApplicationScoped
public class IdempotencyKeys {

    static final int MAX_KEY_LENGTH = 255;

    private final DocumentStore store;

    public IdempotencyKeys(DocumentStore store) {
        this.store = store;
    }

    public Optional<List<String>> docIdsFor(Caller caller, String key) {
        return store.docIdForIdempotencyKey(hash(caller, key)).map(ids -> Arrays.asList(ids.split("\n")));
    }

    public void remember(Caller caller, String key, List<String> docIds) {
        store.rememberIdempotencyKey(hash(caller, key), String.join("\n", docIds));
    }

    /** A usable key: present, not blank, of reasonable length. */
    public static Optional<String> usable(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        if (header.length() > MAX_KEY_LENGTH) {
            throw new UploadRejected(
                    Rejection.INVALID_IDEMPOTENCY_KEY,
                    "the Idempotency-Key is longer than " + MAX_KEY_LENGTH + " characters");
        }
        return Optional.of(header.strip());
    }

    private static String hash(Caller caller, String key) {
        // The NUL cannot occur in an HTTP header value, so no (caller, key) pair can spell another's.
        String scoped = caller.id() + "\u0000" + key;
        return HexFormat.of().formatHex(ContentSpooler.sha256().digest(scoped.getBytes(StandardCharsets.UTF_8)));
    }
}
