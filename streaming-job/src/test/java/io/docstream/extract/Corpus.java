package io.docstream.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared corpus of real documents, found through the system property surefire sets. */
public final class Corpus {

    private Corpus() {
    }

    public static Path dir() {
        String configured = System.getProperty("docstream.corpus.dir");
        if (configured == null || !Files.isDirectory(Path.of(configured))) {
            throw new IllegalStateException("set -Ddocstream.corpus.dir to the shared corpus folder (found: "
                    + configured + ")");
        }
        return Path.of(configured);
    }

    public static Path bulletin(String fileName) {
        return dir().resolve("bulletins").resolve(fileName);
    }

    public static Path json(String fileName) {
        return dir().resolve("json").resolve(fileName);
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
