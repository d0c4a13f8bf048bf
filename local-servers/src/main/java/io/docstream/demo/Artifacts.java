package io.docstream.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The built pieces the demo runs; `bin/docstream demo` builds them first when they are missing. */
final class Artifacts {

    static final String JOB_MAIN = "io.docstream.job.DocumentsStream";
    static final String QUERY_MAIN = "io.docstream.query.QueryCommand";

    private final Path home;

    Artifacts(Path home) {
        this.home = home;
    }

    Path ingestJar() {
        return required(home.resolve("ingest-service/target/quarkus-app/quarkus-run.jar"));
    }

    /** Classes plus every dependency, Spark included: the job runs embedded, or as the driver. */
    List<String> jobClasspath() {
        List<String> classpath = new ArrayList<>();
        classpath.add(required(home.resolve("streaming-job/target/classes")).toString());
        classpath.addAll(dependencyJars());
        return classpath;
    }

    List<Path> sparkJars() {
        return dependencyJars().stream().map(Path::of).toList();
    }

    Path shadedJobJar() {
        Path target = required(home.resolve("streaming-job/target"));
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().matches("streaming-job-.*-shaded\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no shaded job jar in " + target
                            + ": run `mvn -B -DskipTests package`"));
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
