package io.docstream.ingest.auth;

import io.docstream.ingest.config.IngestConfig;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The API keys accepted now, kept as SHA-256 digests: those of {@code docstream.auth.api-keys} (the environment,
 * fixed for the process's life) plus those of {@code docstream.auth.api-keys-file}, re-read every
 * {@code docstream.auth.api-keys-reload-period} so that keys are added and revoked without a restart. A file that
 * cannot be read at start stops the start; one that cannot be read later leaves the last keys read in force.
 * Keys are counted in the log, never shown.
 */
@ApplicationScoped
public class ApiKeys {

    private final boolean enabled;
    private final List<byte[]> fromConfig;
    private final Optional<ApiKeyFile> file;
    private final Duration reloadPeriod;
    private volatile List<byte[]> fromFile = List.of();
    private volatile String fileProblem;
    private boolean fileRead;
    private ScheduledExecutorService reloader;

    public ApiKeys(IngestConfig config) {
        IngestConfig.Auth auth = config.auth();
        this.enabled = auth.enabled();
        this.fromConfig = digests(auth.apiKeys().orElse(List.of()));
        this.file = auth.apiKeysFile().map(ApiKeyFile::new);
        this.reloadPeriod = auth.apiKeysReloadPeriod();
    }

    void start(@Observes StartupEvent started) {
        if (!enabled) {
            Log.warn("API key authentication is OFF (docstream.auth.enabled=false): anyone can upload");
            return;
        }
        file.ifPresent(keysFile -> {
            try {
                reload(keysFile);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "cannot read the API keys file " + keysFile.path() + " (docstream.auth.api-keys-file)", e);
            }
            reloader = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "api-keys-reloader");
                thread.setDaemon(true);
                return thread;
            });
            long period = reloadPeriod.toMillis();
            reloader.scheduleWithFixedDelay(() -> reloadQuietly(keysFile), period, period, TimeUnit.MILLISECONDS);
        });
        if (count() == 0) {
            Log.warn("no API keys configured (docstream.auth.api-keys, docstream.auth.api-keys-file):"
                    + " every upload is refused with 401");
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (reloader != null) {
            reloader.shutdownNow();
        }
    }

    boolean enabled() {
        return enabled;
    }

    /** Whether {@code presented} is the digest of an accepted key; every candidate is compared, in constant time each. */
    boolean isKnown(byte[] presented) {
        boolean known = false;
        for (byte[] candidate : fromConfig) {
            known |= MessageDigest.isEqual(candidate, presented);
        }
        for (byte[] candidate : fromFile) {
            known |= MessageDigest.isEqual(candidate, presented);
        }
        return known;
    }

    int count() {
        return fromConfig.size() + fromFile.size();
    }

    private void reload(ApiKeyFile keysFile) throws IOException {
        Optional<List<String>> keys = keysFile.readIfChanged();
        if (keys.isPresent()) {
            fromFile = digests(keys.get());
            Log.infof(
                    "%s %d API key(s) from %s (docstream.auth.api-keys-file); %d more from docstream.auth.api-keys",
                    fileRead ? "re-read" : "read", fromFile.size(), keysFile.path(), fromConfig.size());
            fileRead = true;
        }
        if (fileProblem != null) {
            Log.infof("the API keys file %s can be read again", keysFile.path());
            fileProblem = null;
        }
    }

    /** A reload that fails keeps the keys in force: a file briefly missing during a swap must not lock out every client. */
    private void reloadQuietly(ApiKeyFile keysFile) {
        try {
            reload(keysFile);
        } catch (IOException | RuntimeException e) {
            String problem = e.getClass().getSimpleName();
            if (!problem.equals(fileProblem)) {
                Log.warnf(
                        "cannot re-read the API keys file %s (%s); the %d key(s) read before stay in force",
                        keysFile.path(), problem, fromFile.size());
                fileProblem = problem;
            }
        }
    }

    private static List<byte[]> digests(List<String> keys) {
        return keys.stream()
                .map(String::strip)
                .filter(k -> !k.isEmpty())
                .map(ApiKeyFilter::digest)
                .toList();
    }
}
