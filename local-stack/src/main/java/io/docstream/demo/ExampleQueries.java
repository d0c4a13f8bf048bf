package io.docstream.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The reference pipeline's example queries, kept once in docs/queries.sql for users and the demo alike. */
final class ExampleQueries {

    private ExampleQueries() {}

    static List<String> read(Path file) {
        try {
            String withoutComments = Files.readAllLines(file).stream()
                    .filter(line -> !line.strip().startsWith("--"))
                    .collect(Collectors.joining("\n"));
            return Arrays.stream(withoutComments.split(";"))
                    .map(statement -> statement.strip().replaceAll("\\s+", " "))
                    .filter(statement -> !statement.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the example queries in " + file, e);
        }
    }
}
