package io.docstream.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A process's resident set size from /proc (Linux); 0 where it cannot be read. */
public final class ResidentMemory {

    private ResidentMemory() {}

    public static long kib(long pid) {
        Path status = Path.of("/proc", String.valueOf(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return 0;
        } catch (IOException | NumberFormatException e) {
            // the process ended between listing and reading, or this is not Linux: nothing to count
            return 0;
        }
    }
}
