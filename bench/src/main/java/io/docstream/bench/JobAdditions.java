package io.docstream.bench;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The bench's code that runs in a JVM with the job's classpath rather than the bench's own (which has no Spark): the
 * progress listener inside each measured job, the reference pipeline of {@code --peer}, the commit-time reader. Named
 * by string, as the bench's JVM cannot load them; this module's location is added to those JVMs' classpath.
 */
final class JobAdditions {

    static final String PROGRESS_LISTENER = "io.docstream.bench.ProgressFile";
    static final String REFERENCE_MAIN = "io.docstream.bench.ReferenceFileStream";
    static final String COMMIT_TIMES_MAIN = "io.docstream.bench.CommitTimes";

    private JobAdditions() {}

    /** Where this module's classes are: its target/classes folder, or its jar. */
    static String classpath() {
        try {
            return Path.of(JobAdditions.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the bench's classes", e);
        }
    }

    /** The job's classpath with this module's classes after it. */
    static List<String> withJobClasspath(List<String> jobClasspath) {
        List<String> classpath = new ArrayList<>(jobClasspath);
        classpath.add(classpath());
        return classpath;
    }
}
