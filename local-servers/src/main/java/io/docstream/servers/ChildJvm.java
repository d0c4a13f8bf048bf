package io.docstream.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A JVM started as a child process with its output in a log file. Stopping it also stops anything it
 * started, and a JVM shutdown hook makes sure no child outlives the parent that forgot to close it. What it
 * writes (its log included) is its owner's only ({@link PrivateFiles}).
 */
public final class ChildJvm {

    private final String name;
    private final Process process;
    private final Path log;
    private final Thread reaper;

    private ChildJvm(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.reaper = new Thread(() -> stopProcess(Duration.ofSeconds(10)), "stop-" + name);
        Runtime.getRuntime().addShutdownHook(reaper);
    }

    public static ChildJvm start(
            String name,
            List<String> jvmArgs,
            List<String> classpath,
            String mainClass,
            List<String> args,
            Path workDir,
            Path log) {
        List<String> javaArgs = new ArrayList<>(jvmArgs);
        javaArgs.add("-cp");
        javaArgs.add(String.join(java.io.File.pathSeparator, classpath));
        javaArgs.add(mainClass);
        javaArgs.addAll(args);
        return start(name, javaArgs, Map.of(), workDir, log);
    }

    /** Starts {@code java <javaArgs>} with extra environment variables. */
    public static ChildJvm start(
            String name, List<String> javaArgs, Map<String, String> environment, Path workDir, Path log) {
        return start(Path.of(javaBinary()), name, javaArgs, environment, workDir, log);
    }

    /** The same with another JDK's {@code java} than the one running this JVM (a server that needs a newer one). */
    public static ChildJvm start(
            Path java, String name, List<String> javaArgs, Map<String, String> environment, Path workDir, Path log) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(javaArgs);
        try {
            PrivateFiles.create(log);
            ProcessBuilder builder = new ProcessBuilder(PrivateFiles.withPrivateUmask(command))
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            return new ChildJvm(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    /** Runs a short-lived JVM tool to completion; fails with its output if it fails. */
    static void runToCompletion(
            String name,
            List<String> classpath,
            String mainClass,
            List<String> args,
            Path workDir,
            Path log,
            Duration timeout) {
        ChildJvm tool = start(name, List.of("-Xmx256m"), classpath, mainClass, args, workDir, log);
        try {
            if (!tool.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                tool.killNow();
                throw new IllegalStateException(name + " did not finish in " + timeout + "; see " + log);
            }
            if (tool.process.exitValue() != 0) {
                throw new IllegalStateException(
                        name + " failed (exit " + tool.process.exitValue() + "): " + tool.tail());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tool.killNow();
            throw new IllegalStateException("interrupted while running " + name, e);
        } finally {
            tool.forgetReaper();
        }
    }

    public void awaitReady(BooleanSupplier ready, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                forgetReaper();
                throw new IllegalStateException(
                        name + " exited with " + process.exitValue() + " before it was ready: " + tail());
            }
            if (ready.getAsBoolean()) {
                return;
            }
            sleep(100);
        }
        stop(Duration.ofSeconds(5));
        throw new IllegalStateException(name + " not ready after " + timeout + ": " + tail());
    }

    /** Waits for the process to end; its exit code, or -1 if it is still running after the timeout. */
    public int waitFor(Duration timeout) {
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                forgetReaper();
                return process.exitValue();
            }
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** SIGTERM, then SIGKILL if it has not ended within the grace period. */
    public void stop(Duration grace) {
        stopProcess(grace);
        forgetReaper();
    }

    private void stopProcess(Duration grace) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                killNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            killNow();
        }
    }

    /** SIGKILL, as a crash would: nothing gets to clean up. */
    public void kill() {
        killNow();
        forgetReaper();
    }

    private void killNow() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void forgetReaper() {
        try {
            Runtime.getRuntime().removeShutdownHook(reaper);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run: nothing left to forget
        }
    }

    public String tail() {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.ISO_8859_1) : List.of();
            return "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current()
                .info()
                .command()
                .filter(command -> command.endsWith("java"))
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
