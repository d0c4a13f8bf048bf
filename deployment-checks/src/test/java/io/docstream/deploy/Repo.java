package io.docstream.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The repository checked out around this module: files are read relative to its root. */
final class Repo {
    private Repo() {}

    /**
     * The root: the folder (or nearest parent of it) holding docker-compose.yaml, starting from the
     * system property {@code maven.multiModuleProjectDirectory} (surefire passes it), else from the
     * working directory.
     */
    static Path root() {
        String prop = System.getProperty("maven.multiModuleProjectDirectory");
        // Maven run inside deployment-checks/ sets the property to that folder: walk up to the root.
        Path dir = prop != null && !prop.isBlank()
                ? Path.of(prop).toAbsolutePath().normalize()
                : Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yaml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                "cannot find the repository root: pass -Dmaven.multiModuleProjectDirectory=<repo root>");
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }

    static String read(String relative) {
        Path p = path(relative);
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    static Optional<String> readIfExists(String relative) {
        return Files.isRegularFile(path(relative)) ? Optional.of(read(relative)) : Optional.empty();
    }
}
