package io.docstream.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the streaming job's sources and docs say about how it is configured and launched: its
 * spark.docstream.* keys, DOCSTREAM_* environment names, main classes, the Spark version it is built
 * against and the shaded jar it produces.
 */
final class JobInfo {
  static final String SOURCES = "streaming-job/src/main/java/io/docstream/job";
  static final String DOC = "docs/streaming-job.md";
  static final String POM = "streaming-job/pom.xml";

  private static final Pattern CONF_KEY = Pattern.compile("(spark\\.docstream\\.[A-Za-z0-9][A-Za-z0-9.\\-]*[A-Za-z0-9])");
  private static final Pattern ENUM_KEY = Pattern.compile("(?m)^\\s*[A-Z][A-Z0-9_]*\\(\\s*\"([A-Za-z][A-Za-z0-9.]*)\"\\s*,");
  private static final Pattern ENV_KEY = Pattern.compile("\"(DOCSTREAM_[A-Z0-9_]+)\"");

  final Set<String> confKeys = new TreeSet<>();
  final Set<String> envNames = new TreeSet<>();
  final Set<String> mainClasses = new TreeSet<>();
  /** Defaults documented in docs/streaming-job.md's settings table (`spark.docstream.x` | env | `default`). */
  final java.util.Map<String, String> documentedDefaults = new java.util.TreeMap<>();
  final boolean hasSources;

  private JobInfo(boolean hasSources) {
    this.hasSources = hasSources;
  }

  /** Known keys given directly (for tests of the checks themselves). */
  static JobInfo of(Set<String> confKeys, Set<String> mainClasses) {
    JobInfo j = new JobInfo(true);
    j.confKeys.addAll(confKeys);
    j.mainClasses.addAll(mainClasses);
    return j;
  }

  /** Reads the repository; empty when the job has neither config sources nor docs yet. */
  static Optional<JobInfo> fromRepo() {
    Path dir = Repo.path(SOURCES);
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (Stream<Path> s = Files.walk(dir)) {
        s.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Optional<String> doc = Repo.readIfExists(DOC);
    if (files.isEmpty() && doc.isEmpty()) {
      return Optional.empty();
    }
    JobInfo j = new JobInfo(!files.isEmpty());
    for (Path f : files) {
      String text;
      try {
        text = Files.readString(f, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      collect(CONF_KEY, text, j.confKeys);
      collect(ENV_KEY, text, j.envNames);
      // Keys declared as an enum whose conf name is "spark.docstream." + name (JobSettings.Key):
      // KAFKA_BOOTSTRAP("kafka.bootstrap", "127.0.0.1:9092"), ...
      if (text.contains("\"spark.docstream.\" + ")) {
        Matcher m = ENUM_KEY.matcher(text);
        while (m.find()) {
          j.confKeys.add("spark.docstream." + m.group(1));
          j.envNames.add(envName(m.group(1)));
        }
      }
      if (text.contains("static void main(")) {
        Matcher pkg = Pattern.compile("(?m)^package\\s+([\\w.]+)\\s*;").matcher(text);
        String simple = f.getFileName().toString().replace(".java", "");
        j.mainClasses.add(pkg.find() ? pkg.group(1) + "." + simple : simple);
      }
    }
    doc.ifPresent(d -> {
      collect(CONF_KEY, d, j.confKeys);
      Matcher row = Pattern.compile("(?m)^\\|[^|\\n]*\\|\\s*`(spark\\.docstream\\.[A-Za-z0-9.]+)`\\s*\\|[^|\\n]*\\|\\s*`([^`]*)`\\s*\\|").matcher(d);
      while (row.find()) {
        j.documentedDefaults.put(row.group(1), row.group(2));
      }
    });
    // a key that is only a prefix ("spark.docstream.") is not a key
    j.confKeys.removeIf(k -> k.endsWith("."));
    return Optional.of(j);
  }

  /** The job's rule: maxOffsetsPerTrigger -> DOCSTREAM_MAX_OFFSETS_PER_TRIGGER, kafka.bootstrap -> DOCSTREAM_KAFKA_BOOTSTRAP. */
  static String envName(String key) {
    return "DOCSTREAM_" + key.replace('.', '_').replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
  }

  private static void collect(Pattern p, String text, Set<String> into) {
    Matcher m = p.matcher(text);
    while (m.find()) {
      into.add(m.group(1));
    }
  }

  /** &lt;spark.version&gt; of streaming-job/pom.xml. */
  static Optional<String> sparkVersion() {
    return Repo.readIfExists(POM).flatMap(pom -> {
      Matcher m = Pattern.compile("<spark\\.version>([^<]+)</spark\\.version>").matcher(pom);
      return m.find() ? Optional.of(m.group(1).trim()) : Optional.empty();
    });
  }
}
