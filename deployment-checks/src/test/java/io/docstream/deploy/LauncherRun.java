package io.docstream.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One run of a `bin/docstream` command that starts a stack (demo, bench) as a user types it, its pid files in a
 * scratch folder: what it printed, and the checks that it ended by itself and left nothing running.
 */
record LauncherRun(String printed, Path runDir) {

    /** The lines a stack prints as it starts each process: {@code   kafka   pid 1234   127.0.0.1:9092}. */
    private static final Pattern STARTED = Pattern.compile("^\\s+(\\S+)\\s+pid (\\d+)\\s", Pattern.MULTILINE);

    /** Runs {@code bin/docstream args...} from the repository root; fails unless it exits 0 within 15 minutes. */
    static LauncherRun of(Path scratch, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "bin/docstream"));
        command.addAll(List.of(args));
        Path output = scratch.resolve(args[0] + ".out");
        Path runDir = scratch.resolve("run");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(Repo.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("DOCSTREAM_RUN_DIR", runDir.toString());
        Process process = builder.start();
        boolean ended = process.waitFor(15, TimeUnit.MINUTES);
        if (!ended) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertTrue(ended, "bin/docstream " + args[0] + " did not end within 15 minutes:\n" + printed);
        assertEquals(0, process.exitValue(), printed);
        return new LauncherRun(printed, runDir);
    }

    /** Every process the run started is gone, there were {@code expected} of them, and their pid files are removed. */
    void assertEverythingStopped(int expected, String which) throws IOException {
        Matcher started = STARTED.matcher(printed);
        int processes = 0;
        while (started.find()) {
            processes++;
            long pid = Long.parseLong(started.group(2));
            assertFalse(
                    ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false),
                    started.group(1) + " (pid " + pid + ") is still running after the command ended");
        }
        assertEquals(expected, processes, which + " were started:\n" + printed);
        try (Stream<Path> pidFiles = Files.list(runDir)) {
            assertEquals(0, pidFiles.count(), "pid files are removed once everything stopped");
        }
    }
}
