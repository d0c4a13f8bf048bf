package io.docstream.ingest.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Documents as plain files under a root folder ({@code <root>/<prefix><doc_id>/<file_name>}, a long name
 * shortened by {@link KeySegment}), with their
 * metadata in a sidecar {@code <root>/.metadata/<doc_id>.json} written after the bytes are in place: a
 * sidecar present means the document is complete. Small records (a document's status) are files under their keys.
 * Every file appears by atomic rename, never half-written.
 */
public final class LocalFolderStore implements DocumentStore {

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    private final Path root;
    private final String prefix;
    private final String idempotencyPrefix;
    private final ObjectMapper json;

    public LocalFolderStore(Path root, String prefix, String idempotencyPrefix, ObjectMapper json) {
        this.root = root.toAbsolutePath().normalize();
        this.prefix = prefix;
        this.idempotencyPrefix = idempotencyPrefix;
        this.json = json;
    }

    @Override
    public Optional<StoredDocument> find(String docId) {
        Path sidecar = sidecar(docId);
        try {
            Map<String, String> metadata = json.readValue(Files.readAllBytes(sidecar), STRING_MAP);
            String key = prefix + docId + "/" + KeySegment.of(UserMetadata.fileName(metadata, sidecar.toString()));
            Path file = root.resolve(key);
            return Optional.of(UserMetadata.toStored(metadata, uri(file), null, key, Files.size(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreUnavailable("cannot read " + sidecar, e);
        }
    }

    /** The sidecar names the file, so the id alone is as direct a look-up as id and name. */
    @Override
    public Optional<StoredDocument> find(String docId, String fileName) {
        return find(docId);
    }

    @Override
    public StoredDocument put(NewDocument document) {
        String key = prefix + document.docId() + "/" + KeySegment.of(document.fileName());
        Path file = root.resolve(key);
        try {
            Files.createDirectories(file.getParent());
            Path staged = file.resolveSibling(".staging-" + UUID.randomUUID());
            document.content().copyTo(staged);
            moveIntoPlace(staged, file);
            writeAtomically(sidecar(document.docId()), json.writeValueAsBytes(UserMetadata.of(document)));
        } catch (IOException e) {
            throw new StoreUnavailable("cannot store " + file, e);
        }
        return new StoredDocument(
                document.docId(),
                document.fileName(),
                document.docType(),
                uri(file),
                null,
                key,
                document.size(),
                document.sha256(),
                document.docType().contentType(),
                document.receivedAt());
    }

    @Override
    public void rememberIdempotencyKey(String keyHash, String docId) {
        Path record = root.resolve(idempotencyPrefix + keyHash);
        try {
            writeAtomically(record, docId.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new StoreUnavailable("cannot write " + record, e);
        }
    }

    @Override
    public Optional<String> docIdForIdempotencyKey(String keyHash) {
        Path record = root.resolve(idempotencyPrefix + keyHash);
        try {
            return Optional.of(Files.readString(record).strip());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreUnavailable("cannot read " + record, e);
        }
    }

    @Override
    public void putRecord(String key, byte[] content) {
        Path record = root.resolve(key);
        try {
            writeAtomically(record, content);
        } catch (IOException e) {
            throw new StoreUnavailable("cannot write " + record, e);
        }
    }

    @Override
    public Optional<byte[]> getRecord(String key) {
        Path record = root.resolve(key);
        try {
            return Optional.of(Files.readAllBytes(record));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new StoreUnavailable("cannot read " + record, e);
        }
    }

    @Override
    public void checkReachable() {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new StoreUnavailable("cannot create the store folder " + root, e);
        }
        if (!Files.isWritable(root)) {
            throw new StoreUnavailable("the store folder " + root + " is not writable", null);
        }
    }

    @Override
    public String describe() {
        return "local folder " + root;
    }

    public Path root() {
        return root;
    }

    private Path sidecar(String docId) {
        return root.resolve(".metadata").resolve(docId + ".json");
    }

    private static String uri(Path file) {
        return "file:" + file;
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path staged = target.resolveSibling(".staging-" + UUID.randomUUID());
        try {
            Files.write(staged, bytes);
        } catch (NoSuchFileException e) {
            // The folder exists after the first write: creating it only when missing saves two calls per upload.
            Files.createDirectories(target.getParent());
            Files.write(staged, bytes);
        }
        moveIntoPlace(staged, target);
    }

    private static void moveIntoPlace(Path staged, Path target) throws IOException {
        try {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same folder, so this only happens on exotic file systems; a plain replace is the best there is.
            Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
