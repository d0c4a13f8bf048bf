package io.docstream.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The job with the local-folder store: documents under a folder, table and checkpoint in folders. */
class LocalFolderPipelineTest extends PipelineContract {

    private final Path root = stack.workDir.resolve(TestStack.unique("local"));
    private final Path input = root.resolve("input");

    @Override
    JobSettings settings(String topic) {
        return new JobSettings(
                stack.kafka.bootstrapServers(),
                topic,
                "earliest",
                10000,
                "1 second",
                input.toUri().toString(),
                root.resolve("tables").toUri().toString(),
                root.resolve("checkpoints").toUri().toString(),
                8,
                "1 hour",
                2,
                TEST_LIMITS);
    }

    @Override
    String store(String docId, String fileName, byte[] bytes) {
        Path file = input.resolve(docId).resolve(fileName);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "file:" + file.toAbsolutePath();
    }

    @Override
    String uriOfMissing(String docId, String fileName) {
        return "file:" + input.resolve(docId).resolve(fileName).toAbsolutePath();
    }

    @Override
    List<String> forbiddenUris() {
        Path sibling = root.resolve("input-sibling/secret.txt");
        try {
            Files.createDirectories(sibling.getParent());
            Files.writeString(sibling, "not for the table");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.of(
                "file:/etc/passwd",
                "file:" + sibling.toAbsolutePath(),
                "file:" + input.toAbsolutePath() + "/../input-sibling/secret.txt",
                "s3a://" + TestStack.BUCKET + "/incoming/whatever.txt");
    }

    @Override
    List<Path> corpusDocuments() {
        return someCorpusDocuments(4);
    }
}
