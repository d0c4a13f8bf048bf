package io.docstream.servers;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Local state only its owner can read: folders 0700, files 0600. The local servers keep documents, Kafka
 * records and credentials on disk, and s3proxy's filesystem backend even reads a folder's "others may read"
 * bit as a public-read bucket (a file's as a public-read object), answering anonymous requests for them.
 * On a file system without POSIX permissions these are plain creations.
 */
public final class PrivateFiles {

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {}

    /** Creates the folder and any missing parents; the folder itself is made 0700 whether it existed or not. */
    public static Path directories(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (POSIX) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
        return dir;
    }

    /** Writes {@code text} to a file that is 0600 before a byte of it is written. */
    public static void write(Path file, String text) throws IOException {
        create(file);
        Files.writeString(file, text);
    }

    /** An empty 0600 file (kept as it is when it exists, its permissions tightened). */
    public static Path create(Path file) throws IOException {
        if (file.getParent() != null && !Files.isDirectory(file.getParent())) {
            directories(file.getParent());
        }
        if (!Files.exists(file)) {
            if (POSIX) {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } else if (POSIX) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return file;
    }

    /**
     * The command run with umask 077, so that whatever the process creates is its owner's only. Through
     * {@code /bin/sh -c 'umask 077; exec "$0" "$@"'}: exec keeps the pid, which is the process's own.
     */
    public static java.util.List<String> withPrivateUmask(java.util.List<String> command) {
        if (!POSIX || !Files.isExecutable(Path.of("/bin/sh"))) {
            return command;
        }
        java.util.List<String> wrapped =
                new java.util.ArrayList<>(java.util.List.of("/bin/sh", "-c", "umask 077; exec \"$0\" \"$@\""));
        wrapped.addAll(command);
        return wrapped;
    }
}
