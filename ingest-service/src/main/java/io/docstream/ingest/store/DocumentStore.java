package io.docstream.ingest.store;

import java.util.Optional;

/**
 * Where accepted documents are kept, with their metadata beside them (so any replica, before or
 * after a restart, can answer for a document). Every method throws {@link StoreUnavailable} when the
 * store cannot be reached.
 */
public interface DocumentStore {

    /** The stored document with this id, if any. */
    Optional<StoredDocument> find(String docId);

    /** The same, when the file name is known too (an upload): one direct look-up, no listing. */
    Optional<StoredDocument> find(String docId, String fileName);

    /** Stores the bytes and metadata under {@code <prefix><doc_id>/<file_name>}; replaces an identical copy. */
    StoredDocument put(NewDocument document);

    /**
     * Stores the document unless a copy with its id and name is already stored, and says which happened.
     * Stores that can make the existence check and the write one request override this.
     */
    default Placement putIfAbsent(NewDocument document) {
        return find(document.docId(), document.fileName())
                .map(Placement::alreadyStored)
                .orElseGet(() -> Placement.created(put(document)));
    }

    /** Remembers which document an Idempotency-Key produced ({@code keyHash} is hex, safe in a key). */
    void rememberIdempotencyKey(String keyHash, String docId);

    Optional<String> docIdForIdempotencyKey(String keyHash);

    /**
     * Writes a small record kept beside the documents (a document's status), whole: a reader sees the old
     * content or the new, never a mix. {@code key} is relative to the store's root, like the documents' keys.
     */
    void putRecord(String key, byte[] content);

    /** The record under {@code key}, if there is one. */
    Optional<byte[]> getRecord(String key);

    /** Throws {@link StoreUnavailable} unless the store can be written to now (for readiness). */
    void checkReachable();

    /** One line naming the store, for logs and the readiness answer. */
    String describe();
}
