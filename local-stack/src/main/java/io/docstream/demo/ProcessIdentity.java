package io.docstream.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What tells one process from a later one with the same pid: its start time in clock ticks since boot, field
 * 22 of {@code /proc/<pid>/stat} — the value bin/commands/down reads too, so both sides compare the same
 * thing. Elsewhere than Linux, the JDK's start instant (down then checks the pid only).
 */
final class ProcessIdentity {

    private ProcessIdentity() {}

    static Optional<String> startToken(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            String line = Files.readString(stat);
            // The command name (field 2) is in parentheses and may hold spaces: count fields after the last ')'.
            String[] fields = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
            return Optional.of(fields[19]);
        } catch (IOException | RuntimeException notLinux) {
            return ProcessHandle.of(pid)
                    .flatMap(handle -> handle.info().startInstant())
                    .map(start -> "jdk:" + start.toEpochMilli());
        }
    }
}
