package io.docstream.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.junit.jupiter.api.Test;

class JobAdditionsTest {

    @Test
    void theNamesTheBenchPassesToTheJobAreThisModulesClasses() throws Exception {
        ClassLoader loader = getClass().getClassLoader();
        Class<?> listener = Class.forName(JobAdditions.PROGRESS_LISTENER, false, loader);
        assertTrue(StreamingQueryListener.class.isAssignableFrom(listener));
        assertEquals(
                "main",
                Class.forName(JobAdditions.REFERENCE_MAIN, false, loader)
                        .getMethod("main", String[].class)
                        .getName());
        assertEquals(
                "main",
                Class.forName(JobAdditions.COMMIT_TIMES_MAIN, false, loader)
                        .getMethod("main", String[].class)
                        .getName());
    }

    @Test
    void theClasspathAddedToTheJobHoldsThoseClasses() {
        Path location = Path.of(JobAdditions.classpath());
        assertTrue(
                Files.isRegularFile(location.resolve(JobAdditions.PROGRESS_LISTENER.replace('.', '/') + ".class")),
                location + " does not hold the progress listener");
        assertEquals(
                2, JobAdditions.withJobClasspath(java.util.List.of("job.jar")).size());
    }
}
