package io.docstream.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * One pid file per process the demo started ({@code .docstream/run/<name>.pid}: pid, then a line saying
 * where it listens), so `bin/docstream status` and `bin/docstream down` work from any shell, also after
 * the demo itself was killed.
 */
final class RunFiles {

    private final Path dir;

    RunFiles(Path dir) {
        this.dir = dir;
    }

    /** {@code .docstream/run}, or DOCSTREAM_RUN_DIR (as in bin/commands/status and down). */
    static Path directory(Path home) {
        String configured = System.getenv("DOCSTREAM_RUN_DIR");
        return configured == null || configured.isBlank() ? home.resolve(".docstream/run") : home.resolve(configured);
    }

    void record(String name, long pid, String where) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".pid"), pid + "\n" + where + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the pid file of " + name + " in " + dir, e);
        }
    }

    void forget(String name) {
        try {
            Files.deleteIfExists(dir.resolve(name + ".pid"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names of recorded processes that are still alive: a demo already runs from this folder. */
    Stream<String> alive() {
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.toString().endsWith(".pid"))
                    .filter(RunFiles::isAlive)
                    .map(file -> file.getFileName().toString().replace(".pid", ""))
                    .toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isAlive(Path pidFile) {
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
