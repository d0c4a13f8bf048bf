package io.docstream.extract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared corpus of real documents, found through the system property surefire sets. */
public final class Corpus {

    private Corpus() {}

    /**
     * The folder named by {@code docstream.corpus.dir}; when that does not exist (a module built on its own with
     * {@code -f streaming-job/pom.xml} resolves the property against the module), the nearest {@code shared/corpus}
     * above the working directory.
     */
    public static Path dir() {
        String configured = System.getProperty("docstream.corpus.dir");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured);
        }
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            Path candidate = folder.resolve("shared").resolve("corpus");
            if (Files.isDirectory(candidate.resolve("bulletins"))) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "set -Ddocstream.corpus.dir to the shared corpus folder (found: " + configured + ")");
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
