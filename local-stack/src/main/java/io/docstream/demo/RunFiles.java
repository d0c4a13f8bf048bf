package io.docstream.demo;

import io.docstream.servers.PrivateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One pid file per process the demo started ({@code .docstream/run/<name>.pid}: the pid, a line saying where
 * it listens, and {@code started <token>}, the process's start time as the kernel counts it), so
 * `bin/docstream status` and `bin/docstream down` work from any shell, also after the demo itself was killed.
 *
 * <p>A record names one process, pid and start time together: a pid alone can be reused. A record is only
 * removed by whoever can show it is about the process they mean (the same pid and start time), so a demo
 * that stops never deletes the record a later demo wrote under the same name; `down` does the same check
 * before it signals anything.
 */
public final class RunFiles {

    private final Path dir;

    public RunFiles(Path dir) {
        this.dir = dir;
    }

    /** {@code .docstream/run}, or DOCSTREAM_RUN_DIR (as in bin/commands/status and down). */
    public static Path directory(Path home) {
        String configured = System.getenv("DOCSTREAM_RUN_DIR");
        return configured == null || configured.isBlank() ? home.resolve(".docstream/run") : home.resolve(configured);
    }

    void record(String name, long pid, String where) {
        String started = ProcessIdentity.startToken(pid).orElse("unknown");
        try {
            PrivateFiles.directories(dir);
            Path staged =
                    dir.resolve("." + name + ".pid." + ProcessHandle.current().pid());
            PrivateFiles.write(staged, pid + "\n" + where + "\nstarted " + started + "\n");
            Files.move(
                    staged,
                    file(name),
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the pid file of " + name + " in " + dir, e);
        }
    }

    /** Removes the record of {@code name} if, and only if, it is still the record of this very process. */
    void forget(String name, long pid) {
        Optional<Record> recorded = read(file(name));
        String started = ProcessIdentity.startToken(pid).orElse(null);
        if (recorded.isEmpty()
                || recorded.get().pid() != pid
                || (started != null
                        && !recorded.get().started().equals(started)
                        && !recorded.get().started().equals("unknown"))) {
            return; // another process's record (a later demo's): not ours to delete
        }
        try {
            Files.deleteIfExists(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names of recorded processes that are still alive (same pid, same start time): a demo already runs here. */
    public Stream<String> alive() {
        if (!Files.isDirectory(dir)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files
                    .filter(file -> file.getFileName().toString().endsWith(".pid"))
                    .filter(file -> read(file).map(Record::isAlive).orElse(false))
                    .map(file -> file.getFileName().toString().replace(".pid", ""))
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(String name) {
        return dir.resolve(name + ".pid");
    }

    record Record(long pid, String started) {
        boolean isAlive() {
            if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return false;
            }
            return started.equals("unknown")
                    || ProcessIdentity.startToken(pid).map(started::equals).orElse(true);
        }
    }

    static Optional<Record> read(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            long pid = Long.parseLong(lines.get(0).trim());
            String started = lines.stream()
                    .filter(l -> l.startsWith("started "))
                    .map(l -> l.substring(8).trim())
                    .findFirst()
                    .orElse("unknown");
            return Optional.of(new Record(pid, started));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
