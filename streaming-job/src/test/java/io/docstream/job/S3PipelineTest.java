package io.docstream.job;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docstream.query.QueryCommand;
import io.docstream.table.DeltaTables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The job against a real S3 server: documents, table and checkpoint in the bucket, read via s3a://. */
class S3PipelineTest extends PipelineContract {

    private final String run = TestStack.unique("s3");
    private final String prefix = "incoming/" + run + "/";

    @Override
    JobSettings settings(String topic) {
        return new JobSettings(
                stack.kafka.bootstrapServers(),
                topic,
                "earliest",
                10000,
                "1 second",
                "s3a://" + TestStack.BUCKET + "/" + prefix,
                output(),
                "s3a://" + TestStack.BUCKET + "/checkpoints/" + run,
                8,
                "1 hour",
                2,
                TEST_LIMITS);
    }

    private String output() {
        return "s3a://" + TestStack.BUCKET + "/tables/" + run;
    }

    @Override
    String store(String docId, String fileName, byte[] bytes) {
        String key = prefix + docId + "/" + fileName;
        stack.put(TestStack.BUCKET, key, bytes);
        return "s3a://" + TestStack.BUCKET + "/" + key;
    }

    @Override
    String uriOfMissing(String docId, String fileName) {
        return "s3a://" + TestStack.BUCKET + "/" + prefix + docId + "/" + fileName;
    }

    @Override
    List<String> forbiddenUris() {
        stack.put(TestStack.OTHER_BUCKET, prefix + "secret.txt", "not for the table".getBytes());
        stack.put(TestStack.BUCKET, "secrets/" + run + "/key.txt", "not for the table".getBytes());
        return List.of(
                "s3a://" + TestStack.OTHER_BUCKET + "/" + prefix + "secret.txt",
                "s3a://" + TestStack.BUCKET + "/" + prefix + "../../secrets/" + run + "/key.txt",
                "s3a://" + TestStack.BUCKET + "/" + prefix + "%2e%2e/%2e%2e/secrets/" + run + "/key.txt",
                "file:/etc/passwd",
                "http://127.0.0.1:1/whatever.txt");
    }

    @Override
    List<Path> corpusDocuments() {
        return someCorpusDocuments(12);
    }

    @Test
    void theRenameFreeCheckpointManagerIsInUse() {
        assertTrue(stack.spark
                .conf()
                .get("spark.sql.streaming.checkpointFileManagerClass")
                .endsWith("AbortableStreamBasedCheckpointFileManager"));
    }

    @Test
    void theReferencePipelinesQueriesRunWithOnlyTheTableNameChanged() throws Exception {
        String[] queries =
                Files.readString(Path.of("..", "docs", "queries.sql")).split(";");
        List<String> statements = Arrays.stream(queries)
                .map(q -> q.lines()
                        .filter(l -> !l.trim().startsWith("--"))
                        .reduce("", (a, b) -> a + "\n" + b)
                        .trim())
                .filter(q -> !q.isEmpty())
                .toList();
        assertTrue(statements.size() >= 2, "queries in docs/queries.sql: " + statements);
        for (String sql : statements) {
            String printed = QueryCommand.run(stack.spark, output(), sql, 100);
            assertTrue(printed.lines().anyMatch(l -> l.matches("\\(\\d+ rows?\\)")), printed);
        }
        String average = QueryCommand.run(stack.spark, output(), statements.get(0), 100);
        assertTrue(average.contains("avg_salary_start") && !average.contains("(0 rows)"), average);
    }

    @Test
    void queriesTravelBackToEarlierVersionsOfTheTables() {
        String history = QueryCommand.run(stack.spark, output(), "DESCRIBE HISTORY documents", 100);
        // The job's commits, by Delta Kernel from the driver: the first one created the table.
        assertTrue(history.contains("CREATE TABLE") && history.contains("docstream-job"), history);
        long latest = documentsTable.count();
        String atFirst =
                QueryCommand.run(stack.spark, output(), "SELECT count(*) AS n FROM documents VERSION AS OF 0", 10);
        assertTrue(atFirst.contains("(1 row)"), atFirst);
        String now = QueryCommand.run(stack.spark, output(), "SELECT count(*) AS n FROM documents", 10);
        assertTrue(now.contains("| " + latest + " "), now);
        Object lastCommit = stack.spark
                .sql("DESCRIBE HISTORY delta.`" + DeltaTables.quarantinePath(output()) + "`")
                .first()
                .getAs("timestamp");
        String quarantine = QueryCommand.run(
                stack.spark, output(), "SELECT count(*) AS n FROM quarantine TIMESTAMP AS OF '" + lastCommit + "'", 10);
        assertTrue(quarantine.contains("| " + quarantineTable.count() + " "), quarantine);
    }
}
