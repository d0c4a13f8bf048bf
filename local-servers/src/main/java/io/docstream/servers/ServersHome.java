package io.docstream.servers;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the server jars were copied by this module's build ({@code local-servers/target/servers}).
 * Set {@code docstream.servers.home} (or DOCSTREAM_SERVERS_HOME) to override; otherwise it is found by
 * walking up from the working directory, so tests of any module and the scripts in bin/ find it.
 */
public final class ServersHome {

    static final String PROPERTY = "docstream.servers.home";
    static final String ENV = "DOCSTREAM_SERVERS_HOME";
    static final String TRINO_TARBALL_FILE = "trino-server.path";

    private ServersHome() {}

    public static Path locate() {
        String configured = System.getProperty(PROPERTY, System.getenv(ENV));
        if (configured != null && !configured.isBlank()) {
            return requireBuilt(Path.of(configured));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("local-servers/target/servers");
            if (Files.isDirectory(candidate)) {
                return requireBuilt(candidate);
            }
        }
        throw new IllegalStateException("server jars not found: build them with `mvn -B -pl local-servers package`"
                + " or set -D" + PROPERTY + "=<dir>");
    }

    /**
     * The Trino server tarball in the Maven repository: the build resolves it (once, into the repository) and
     * writes its path to {@code trino-server.path} here, so no build copies its 820 MB.
     */
    public static Path trinoTarball() {
        Path pathFile = locate().resolve(TRINO_TARBALL_FILE);
        try {
            Path tarball = Files.isRegularFile(pathFile)
                    ? Path.of(Files.readString(pathFile).trim())
                    : null;
            if (tarball == null || !Files.isRegularFile(tarball)) {
                throw new IllegalStateException("the Trino server tarball is missing (" + pathFile + " names " + tarball
                        + "): resolve it with `mvn -B -pl local-servers package`");
            }
            return tarball;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + pathFile, e);
        }
    }

    private static Path requireBuilt(Path home) {
        if (!Files.isDirectory(home.resolve("kafka-lib"))
                || !Files.isRegularFile(home.resolve("s3proxy/s3proxy.jar"))) {
            throw new IllegalStateException(home + " lacks kafka-lib/ or s3proxy/s3proxy.jar:"
                    + " build them with `mvn -B -pl local-servers package`");
        }
        return home;
    }
}
