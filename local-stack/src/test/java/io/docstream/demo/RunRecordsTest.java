package io.docstream.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pid files name processes by pid and start time: `bin/docstream down` stops the process a record names
 * and nothing else, and a demo that stops never deletes a record another demo wrote (real processes, the
 * real script).
 */
class RunRecordsTest {

    private static final Path HOME = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path runDir;

    private Process sleeper;

    @AfterEach
    void stopSleeper() {
        if (sleeper != null) {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void downDoesNotSignalAProcessThatOnlyHasTheRecordedPid() throws Exception {
        sleeper = new ProcessBuilder("sleep", "120").start();
        // The record's process started at another time: the pid has been reused by an unrelated program.
        Files.writeString(runDir.resolve("kafka.pid"), sleeper.pid() + "\n127.0.0.1:9092\nstarted 1\n");

        String output = down();

        assertTrue(sleeper.isAlive(), "down signalled a process it did not start: " + output);
        assertFalse(Files.exists(runDir.resolve("kafka.pid")), "the stale record stays: " + output);
    }

    @Test
    void downStopsTheRecordedProcess() throws Exception {
        sleeper = new ProcessBuilder("sleep", "120").start();
        new RunFiles(runDir).record("kafka", sleeper.pid(), "127.0.0.1:9092");

        String output = down();

        assertTrue(sleeper.waitFor(10, TimeUnit.SECONDS), output);
        assertTrue(output.contains("stopped kafka (pid " + sleeper.pid() + ")"), output);
        assertTrue(output.contains("nothing left running"), output);
    }

    @Test
    void aStoppingDemoKeepsTheRecordALaterDemoWrote() throws Exception {
        RunFiles runFiles = new RunFiles(runDir);
        Process earlier = new ProcessBuilder("sleep", "120").start();
        sleeper = new ProcessBuilder("sleep", "120").start();
        try {
            runFiles.record("kafka", earlier.pid(), "127.0.0.1:9092");
            runFiles.record("kafka", sleeper.pid(), "127.0.0.1:9093"); // a later demo, same name

            runFiles.forget("kafka", earlier.pid()); // the earlier demo stops

            assertEquals(List.of("kafka"), runFiles.alive().toList());
            assertEquals(
                    sleeper.pid(),
                    RunFiles.read(runDir.resolve("kafka.pid")).orElseThrow().pid());
        } finally {
            earlier.destroyForcibly();
        }
    }

    private String down() throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder("bash", HOME.resolve("bin/commands/down").toString()).redirectErrorStream(true);
        builder.environment().put("DOCSTREAM_HOME", HOME.toString());
        builder.environment().put("DOCSTREAM_RUN_DIR", runDir.toString());
        Process down = builder.start();
        String output = new String(down.getInputStream().readAllBytes());
        assertTrue(down.waitFor(60, TimeUnit.SECONDS), output);
        return output;
    }
}
