package io.docstream.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real bulletins the load is made of (the corpus, or input/ where it is absent), each sent under a name
 * of its own: the ingest service keys a document by its bytes and its name, so every upload is a new document.
 */
final class BenchDocuments {

    record Document(String fileName, byte[] bytes) {}

    private final List<Document> documents;
    private final Path folder;

    private BenchDocuments(Path folder, List<Document> documents) {
        this.folder = folder;
        this.documents = documents;
    }

    static BenchDocuments from(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<Document> documents = files.filter(
                            file -> file.getFileName().toString().endsWith(".txt"))
                    .sorted()
                    .map(file ->
                            new Document(file.getFileName().toString().replaceAll("[^A-Za-z0-9._-]+", "_"), read(file)))
                    .toList();
            if (documents.isEmpty()) {
                throw new IllegalArgumentException("no .txt bulletins in " + folder);
            }
            return new BenchDocuments(folder, documents);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
    }

    Document get(int index) {
        return documents.get(index % documents.size());
    }

    int size() {
        return documents.size();
    }

    Path folder() {
        return folder;
    }

    double meanBytes() {
        return documents.stream()
                .mapToInt(document -> document.bytes().length)
                .average()
                .orElse(0);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
