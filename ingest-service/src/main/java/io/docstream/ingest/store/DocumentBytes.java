package io.docstream.ingest.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where an upload's bytes wait while it is checked: small ones in memory (a file per upload costs more
 * than the upload), anything past the spool threshold in a file.
 */
public sealed interface DocumentBytes permits DocumentBytes.InMemory, DocumentBytes.OnDisk {

    InputStream open() throws IOException;

    /** Writes the bytes to a new file {@code target}. */
    void copyTo(Path target) throws IOException;

    record InMemory(byte[] bytes) implements DocumentBytes {
        @Override
        public InputStream open() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public void copyTo(Path target) throws IOException {
            Files.write(target, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    }

    record OnDisk(Path file) implements DocumentBytes {
        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public void copyTo(Path target) throws IOException {
            Files.copy(file, target);
        }
    }
}
