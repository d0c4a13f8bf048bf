package io.docstream.demo;

import io.docstream.servers.SparkFlags;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The built pieces the demo runs; `bin/docstream demo` builds them first when they are missing. */
public final class Artifacts {

    public static final String JOB_MAIN = "io.docstream.job.DocumentsStream";
    static final String QUERY_MAIN = "io.docstream.query.QueryCommand";

    private final Path home;

    public Artifacts(Path home) {
        this.home = home;
    }

    public Path ingestJar() {
        return required(home.resolve("ingest-service/target/quarkus-app/quarkus-run.jar"));
    }

    /** Classes plus every dependency, Spark included: the job runs embedded, or as the driver. */
    public List<String> jobClasspath() {
        List<String> classpath = new ArrayList<>();
        classpath.add(required(home.resolve("streaming-job/target/classes")).toString());
        classpath.addAll(dependencyJars());
        return classpath;
    }

    /** {@code java} arguments running {@code mainClass} with Spark embedded (local mode) and these confs. */
    List<String> embeddedSparkArgs(
            List<String> jvmOptions, Map<String, String> confs, String master, String mainClass) {
        return embeddedSparkArgs(jvmOptions, confs, master, mainClass, List.of());
    }

    /** The same, with {@code extraClasspath} after the job's own (code a benchmark adds to the job it measures). */
    List<String> embeddedSparkArgs(
            List<String> jvmOptions,
            Map<String, String> confs,
            String master,
            String mainClass,
            List<String> extraClasspath) {
        List<String> javaArgs = new ArrayList<>(jvmOptions);
        javaArgs.addAll(SparkFlags.jvmFlags());
        confs.forEach((key, value) -> javaArgs.add("-D" + key + "=" + value));
        javaArgs.add("-Dspark.master=" + master);
        javaArgs.add("-cp");
        List<String> classpath = new ArrayList<>(jobClasspath());
        classpath.addAll(extraClasspath);
        javaArgs.add(String.join(java.io.File.pathSeparator, classpath));
        javaArgs.add(mainClass);
        return javaArgs;
    }

    List<Path> sparkJars() {
        return dependencyJars().stream().map(Path::of).toList();
    }

    Path shadedJobJar() {
        Path target = required(home.resolve("streaming-job/target"));
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().matches("streaming-job-.*-shaded\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no shaded job jar in " + target + ": run `mvn -B -DskipTests package`"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> dependencyJars() {
        Path file = required(home.resolve("streaming-job/target/classpath.txt"));
        try {
            return Arrays.stream(Files.readString(file).trim().split(java.io.File.pathSeparator))
                    .filter(entry -> !entry.isBlank())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path required(Path path) {
        if (!Files.exists(path)) {
            throw new IllegalStateException(path + " is missing: run `mvn -B -DskipTests package` first");
        }
        return path;
    }
}
