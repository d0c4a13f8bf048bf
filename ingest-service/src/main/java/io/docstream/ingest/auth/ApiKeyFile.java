package io.docstream.ingest.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * The file of {@code docstream.auth.api-keys-file}: one key per line; blank lines and lines starting with
 * {@code #} are ignored, whitespace around a key is not part of it. Read through symbolic links, so a mounted
 * Kubernetes Secret (whose files are links swapped on every update) reads as its current version. Nothing
 * here ever puts a key into an exception or a message: errors name the path only.
 */
final class ApiKeyFile {

    private final Path path;
    private byte[] lastDigest;

    ApiKeyFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /** The keys when the file's content differs from the last read (always on the first), else empty. */
    Optional<List<String>> readIfChanged() throws IOException {
        byte[] content = Files.readAllBytes(path);
        byte[] digest = ApiKeyFilter.digest(content);
        if (lastDigest != null && MessageDigest.isEqual(lastDigest, digest)) {
            return Optional.empty();
        }
        lastDigest = digest;
        return Optional.of(parse(new String(content, StandardCharsets.UTF_8)));
    }

    static List<String> parse(String text) {
        return text.lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }
}
