package io.docstream.bench;

import io.docstream.demo.Artifacts;
import io.docstream.demo.DemoOptions;
import io.docstream.demo.RunFiles;
import io.docstream.demo.Stack;
import io.docstream.servers.PrivateFiles;
import io.docstream.servers.StateFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/docstream bench}: the demo's pipeline under an open-loop load of real bulletins, step by step, with
 * per-document freshness read from the table log, each process's CPU and memory, and the reference
 * file-source architecture beside it ({@code --peer}). Writes bench/results/NAME.md, .json and .png; the last
 * line printed is the summary line of the last step.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Measure the whole pipeline's freshness and cost under a steady open-loop load.")
public final class BenchCommand implements Callable<Integer> {

    @Option(
            names = "--rates",
            split = ",",
            defaultValue = "20",
            paramLabel = "N[,N...]",
            description = "upload rates to run, docs/s, one step each (default: ${DEFAULT-VALUE})")
    private List<Integer> rates;

    @Option(
            names = "--seconds",
            defaultValue = "60",
            description = "seconds of load per step (default: ${DEFAULT-VALUE})")
    private int seconds;

    @Option(
            names = "--trigger",
            defaultValue = "1 second",
            description = "the jobs' trigger interval, spark.docstream.trigger (default: ${DEFAULT-VALUE})")
    private String trigger;

    @Option(
            names = "--store",
            defaultValue = "s3",
            paramLabel = "s3|local",
            description = "where uploads and tables live: s3proxy or a local folder (default: ${DEFAULT-VALUE})")
    private String store;

    @Option(
            names = "--peer",
            description = "run the reference architecture (file-source stream) beside the job, fed the same uploads")
    private boolean peer;

    @Option(
            names = "--bucket-objects",
            split = ",",
            paramLabel = "N[,N...]",
            description = "after the rates: fill the input prefix to N objects and run the first rate again, per N")
    private List<Integer> bucketObjects = List.of();

    @Option(
            names = "--conf",
            paramLabel = "KEY=VALUE",
            description = "a Spark conf for both jobs, e.g. to compare a setting's before and after (repeatable)")
    private java.util.Map<String, String> confs = new java.util.LinkedHashMap<>();

    @Option(
            names = "--baseline",
            paramLabel = "KEY=VALUE",
            description = "also run a second instance of the job, fed the same uploads, with these Spark confs on top"
                    + " (repeatable): a before/after pair from the same minutes, e.g. the delta-spark commit path:"
                    + " --baseline spark.docstream.driverCommit.maxRows=0")
    private java.util.Map<String, String> baseline = new java.util.LinkedHashMap<>();

    @Option(
            names = "--restart",
            description = "after the steps: kill -9 the job under load at the first rate, start it again at once, and"
                    + " measure the time from the kill to the new process's first commit")
    private boolean restart;

    @Option(
            names = "--drain-seconds",
            defaultValue = "120",
            description = "how long after a step's last upload to wait for its rows (default: ${DEFAULT-VALUE})")
    private int drainSeconds;

    @Option(
            names = "--corpus",
            description = "folder of .txt bulletins to send (default: ../shared/corpus/bulletins, else input/)")
    private Path corpus;

    @Option(names = "--name", description = "results file name under bench/results (default: bench-DATE-TIME)")
    private String name;

    @Option(names = "--results", description = "folder for the results (default: bench/results)")
    private Path results;

    @Option(names = "--dir", description = "state folder (default: .docstream/bench); wiped at start")
    private Path stateDir;

    @Option(
            names = "--http-port",
            defaultValue = "-1",
            description = "ingest service port (default: 8080, or a free one)")
    private int httpPort;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private final Path home;
    private final String runTag = Long.toString(System.currentTimeMillis(), 36);

    BenchCommand(Path home) {
        this.home = home;
    }

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("docstream.home", "."))
                .toAbsolutePath()
                .normalize();
        System.exit(new CommandLine(new BenchCommand(home)).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        validate();
        RunFiles runFiles = new RunFiles(RunFiles.directory(home));
        List<String> running = runFiles.alive().toList();
        if (!running.isEmpty()) {
            System.err.println("docstream bench: a stack is already running (" + String.join(", ", running)
                    + "): stop it with `bin/docstream down`");
            return 1;
        }
        Artifacts artifacts = new Artifacts(home);
        artifacts.ingestJar();
        artifacts.jobClasspath();
        StateFolder.wipe(stateDir());
        PrivateFiles.directories(stateDir());
        String command = "bin/docstream bench "
                + String.join(
                        " ",
                        spec.commandLine().getParseResult().originalArgs().stream()
                                .map(arg -> arg.contains(" ") ? "\"" + arg + "\"" : arg)
                                .toList());
        try (Stack stack = new Stack(runFiles, artifacts, stateDir())) {
            Thread stopOnCtrlC = new Thread(stack::close, "bench-shutdown");
            Runtime.getRuntime().addShutdownHook(stopOnCtrlC);
            System.out.println("starting the pipeline" + (peer ? " and the reference peer" : "") + ":");
            BenchRun run = BenchRun.start(this, stack, artifacts, System.out);
            List<RateResult> steps = run.runAll();
            java.util.OptionalDouble restartSeconds =
                    restart ? java.util.OptionalDouble.of(run.killAndRestart()) : java.util.OptionalDouble.empty();
            BenchReport report =
                    new BenchReport(name(), command, steps, run.startToFirstCommitSeconds(), restartSeconds);
            report.write(results());
            System.out.println();
            System.out.print(report.markdown()
                    .lines()
                    .filter(line -> line.startsWith("- "))
                    .map(line -> line + "\n")
                    .reduce("", String::concat));
            System.out.println("results: " + results().resolve(name() + ".md") + " (.json, .png)");
            System.out.println("stopping the pipeline ...");
            stack.close();
            Runtime.getRuntime().removeShutdownHook(stopOnCtrlC);
            RateResult last = steps.get(steps.size() - 1);
            System.out.println(last.summaryLine(last.pipelines().get(0)));
        }
        return 0;
    }

    private void validate() {
        if (rates.isEmpty() || rates.stream().anyMatch(rate -> rate < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rates must be positive numbers");
        }
        if (seconds < 1 || drainSeconds < 1) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--seconds and --drain-seconds must be positive");
        }
        if (!store.equals("s3") && !store.equals("local")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--store must be s3 or local, not " + store);
        }
    }

    List<Integer> rates() {
        return rates;
    }

    int seconds() {
        return seconds;
    }

    String trigger() {
        return trigger;
    }

    DemoOptions.Store store() {
        return store.equals("local") ? DemoOptions.Store.LOCAL : DemoOptions.Store.S3;
    }

    boolean peer() {
        return peer;
    }

    boolean restart() {
        return restart;
    }

    java.util.Map<String, String> baseline() {
        return baseline;
    }

    List<Integer> bucketObjects() {
        return bucketObjects;
    }

    java.util.Map<String, String> confs() {
        return confs;
    }

    int drainSeconds() {
        return drainSeconds;
    }

    int httpPort() {
        return httpPort;
    }

    String runTag() {
        return runTag;
    }

    Path corpus() {
        if (corpus != null) {
            return home.resolve(corpus);
        }
        Path shared = home.resolve("../shared/corpus/bulletins").normalize();
        return Files.isDirectory(shared) ? shared : home.resolve("input");
    }

    Path stateDir() {
        return (stateDir == null ? home.resolve(".docstream/bench") : home.resolve(stateDir)).normalize();
    }

    private Path results() {
        return results == null ? home.resolve("bench/results") : home.resolve(results);
    }

    private String name() {
        return name != null
                ? name
                : "bench-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm"));
    }
}
