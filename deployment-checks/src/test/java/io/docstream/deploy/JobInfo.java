package io.docstream.deploy;

import io.docstream.job.JobSettings;
import io.docstream.job.KafkaClientOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * How the streaming job is configured and launched: its spark.docstream.* keys and their defaults (from
 * {@link JobSettings.Key} itself), the prefix of the Kafka client settings it passes on, its main classes, the
 * Spark version it is built against.
 */
final class JobInfo {
    static final String SOURCES = "streaming-job/src/main/java/io/docstream/job";
    static final String POM = "streaming-job/pom.xml";

    final Set<String> confKeys = new TreeSet<>();
    /** Keys under these prefixes are passed through (Kafka client settings): any name is a key. */
    final Set<String> confPrefixes = new TreeSet<>();

    final Set<String> mainClasses = new TreeSet<>();
    /** The default of each key (spark.docstream.x → value). */
    final Map<String, String> defaults = new TreeMap<>();

    private JobInfo() {}

    /** Known keys given directly (for tests of the checks themselves). */
    static JobInfo of(Set<String> confKeys, Set<String> mainClasses) {
        JobInfo j = new JobInfo();
        j.confKeys.addAll(confKeys);
        j.mainClasses.addAll(mainClasses);
        return j;
    }

    /** The job of this repository: its settings from code, its main classes from its sources. */
    static Optional<JobInfo> fromRepo() {
        JobInfo j = new JobInfo();
        for (JobSettings.Key key : JobSettings.Key.values()) {
            j.confKeys.add(key.conf());
            j.defaults.put(key.conf(), key.defaultValue());
        }
        j.confPrefixes.add(KafkaClientOptions.PREFIX);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Repo.path(SOURCES))) {
            s.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path f : files) {
            String text;
            try {
                text = Files.readString(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (text.contains("static void main(")) {
                Matcher pkg = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;").matcher(text);
                String simple = f.getFileName().toString().replace(".java", "");
                j.mainClasses.add(pkg.find() ? pkg.group(1) + "." + simple : simple);
            }
        }
        return Optional.of(j);
    }

    boolean knows(String confKey) {
        return confKeys.contains(confKey) || confPrefixes.stream().anyMatch(confKey::startsWith);
    }

    /** &lt;spark.version&gt; of streaming-job/pom.xml. */
    static Optional<String> sparkVersion() {
        return Repo.readIfExists(POM).flatMap(pom -> {
            Matcher m = Pattern.compile("<spark\\.version>([^<]+)</spark\\.version>")
                    .matcher(pom);
            return m.find() ? Optional.of(m.group(1).trim()) : Optional.empty();
        });
    }
}
