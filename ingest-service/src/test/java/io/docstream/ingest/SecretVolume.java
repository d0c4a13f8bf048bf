package io.docstream.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A folder laid out the way the kubelet mounts a Secret: the key's file is a symbolic link through {@code ..data},
 * itself a link to a timestamped folder, and an update writes a new folder and swaps {@code ..data} with one
 * rename (what the kubelet's atomic writer does). The service under test reads its API keys file from here.
 */
public final class SecretVolume {

    private final Path dir;
    private final String key;
    private final AtomicInteger version = new AtomicInteger();

    private SecretVolume(Path dir, String key) {
        this.dir = dir;
        this.key = key;
    }

    public static SecretVolume create(Path dir, String key, String content) {
        SecretVolume volume = new SecretVolume(dir, key);
        try {
            Files.createDirectories(dir);
            volume.publish(content);
            Files.createSymbolicLink(dir.resolve(key), Path.of("..data", key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return volume;
    }

    /** The file the service is pointed at. */
    public Path file() {
        return dir.resolve(key);
    }

    /** Replaces the content the way a Secret update reaches a pod: a new folder, then one atomic swap of the link. */
    public void publish(String content) {
        try {
            Path next = dir.resolve("..v" + version.incrementAndGet());
            Files.createDirectories(next);
            Files.writeString(next.resolve(key), content);
            Path link = dir.resolve("..data_tmp");
            Files.deleteIfExists(link);
            Files.createSymbolicLink(link, next.getFileName());
            Files.move(link, dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Takes the content away (the link leads nowhere): what a reader sees if the Secret's data is gone. */
    public void withdraw() {
        try {
            Files.delete(dir.resolve("..data"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
