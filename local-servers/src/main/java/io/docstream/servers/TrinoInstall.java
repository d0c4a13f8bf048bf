package io.docstream.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Trino's server, unpacked once per version into a cache folder that outlives builds and clones: the
 * tarball (~820 MB, in the Maven repository, where the local-servers build resolved it) holds some fifty
 * connector plugins; after unpacking only {@code lib/}, {@code bin/} and the {@code delta-lake} plugin are kept
 * (~400 MB). Set
 * {@code docstream.trino.cache} (or DOCSTREAM_TRINO_CACHE) to choose the folder; by default
 * {@code ~/.cache/docstream/trino}. A half-done unpacking is never used: it happens beside the final folder and
 * is renamed into place.
 */
public final class TrinoInstall {

    static final String CACHE_PROPERTY = "docstream.trino.cache";
    static final String CACHE_ENV = "DOCSTREAM_TRINO_CACHE";
    static final String PLUGIN = "delta-lake";

    private static final Pattern TARBALL = Pattern.compile("(trino-server-[0-9.]+)\\.tar\\.gz");

    private TrinoInstall() {}

    /** The unpacked server folder ({@code lib/}, {@code plugin/delta-lake/}) of the tarball the build resolved. */
    public static synchronized Path ensure() {
        Path tarball = ServersHome.trinoTarball();
        Matcher name = TARBALL.matcher(tarball.getFileName().toString());
        if (!name.matches()) {
            throw new IllegalStateException("not a Trino server tarball: " + tarball);
        }
        String version = name.group(1);
        Path cache = cacheFolder();
        Path server = cache.resolve(version);
        if (Files.isDirectory(server.resolve("plugin").resolve(PLUGIN))) {
            return server;
        }
        Path partial =
                cache.resolve(version + ".partial-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(partial);
            untar(tarball, version, partial);
            try {
                Files.move(partial.resolve(version), server, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException raced) {
                if (!Files.isDirectory(server.resolve("plugin").resolve(PLUGIN))) {
                    throw raced;
                }
                // another process unpacked the same version first: use theirs
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack " + tarball + " into " + cache, e);
        } finally {
            StateFolder.wipe(partial);
        }
        return server;
    }

    static Path cacheFolder() {
        String configured = System.getProperty(CACHE_PROPERTY, System.getenv(CACHE_ENV));
        return configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".cache", "docstream", "trino")
                : Path.of(configured);
    }

    private static void untar(Path tarball, String version, Path into) throws IOException {
        // Whole: the plugins share jars as hard links, so a plugin alone cannot be picked out of the archive.
        List<String> command = List.of("tar", "-xzf", tarball.toString(), "-C", into.toString());
        Process tar = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(into.resolve("tar.log").toFile())
                .start();
        try {
            if (!tar.waitFor(Duration.ofMinutes(5).toMillis(), TimeUnit.MILLISECONDS)) {
                tar.destroyForcibly();
                throw new IllegalStateException("unpacking " + tarball + " took over 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            tar.destroyForcibly();
            throw new IllegalStateException("interrupted while unpacking " + tarball, e);
        }
        if (tar.exitValue() != 0) {
            String log = Files.readString(into.resolve("tar.log"));
            throw new IllegalStateException("tar failed (exit " + tar.exitValue() + ") on " + tarball + ": "
                    + log.substring(Math.max(0, log.length() - 2000)));
        }
        Path server = into.resolve(version);
        try (Stream<Path> plugins = Files.list(server.resolve("plugin"))) {
            plugins.filter(plugin -> !plugin.getFileName().toString().equals(PLUGIN))
                    .forEach(StateFolder::wipe);
        }
        StateFolder.wipe(server.resolve("secrets-plugin"));
    }
}
