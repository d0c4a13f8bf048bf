package io.docstream.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The JDK Trino runs on: Trino 476 needs Java 24 or newer, while the project builds and runs on 17. Set
 * {@code docstream.trino.java-home} (or DOCSTREAM_TRINO_JAVA_HOME) to its folder; unset, the Temurin 25 JDK
 * these machines carry. A JDK that is missing or too old is an error that says which setting to fix.
 */
public final class TrinoJava {

    static final String PROPERTY = "docstream.trino.java-home";
    static final String ENV = "DOCSTREAM_TRINO_JAVA_HOME";
    static final Path DEFAULT = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    static final int MINIMUM_VERSION = 24;

    private static final Pattern RELEASE_VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    private TrinoJava() {}

    /** The {@code java} executable of a JDK 24+. */
    public static Path locate() {
        String configured = System.getProperty(PROPERTY, System.getenv(ENV));
        boolean isDefault = configured == null || configured.isBlank();
        Path home = isDefault ? DEFAULT : Path.of(configured);
        String origin = isDefault
                ? "the default " + DEFAULT + " (set -D" + PROPERTY + " or " + ENV + " to a JDK " + MINIMUM_VERSION
                        + "+)"
                : home + " (from -D" + PROPERTY + " / " + ENV + ")";
        Path java = home.resolve("bin/java");
        if (!Files.isExecutable(java)) {
            throw new IllegalStateException(
                    "Trino needs a JDK " + MINIMUM_VERSION + "+ and there is no bin/java in " + origin);
        }
        int version = majorVersion(home)
                .orElseThrow(() -> new IllegalStateException("Trino needs a JDK " + MINIMUM_VERSION
                        + "+: cannot tell the version of " + origin + ", it has no release file"));
        if (version < MINIMUM_VERSION) {
            throw new IllegalStateException(
                    "Trino needs a JDK " + MINIMUM_VERSION + "+, and " + origin + " is Java " + version);
        }
        return java;
    }

    static Optional<Integer> majorVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try {
            Matcher version = RELEASE_VERSION.matcher(Files.readString(release));
            return version.find() ? Optional.of(Integer.parseInt(version.group(1))) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + release, e);
        }
    }
}
