package io.docstream.ingest.auth;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docstream.ingest.Api;
import io.docstream.ingest.LocalServers;
import io.docstream.ingest.SecretVolume;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * API keys from {@code docstream.auth.api-keys-file}, a folder laid out as the kubelet mounts a Secret, beside the
 * keys of {@code docstream.auth.api-keys}: keys are added and revoked by updating the file, without a restart, and
 * no key ever shows in the log or in an answer.
 */
@QuarkusTest
class ApiKeyFileTest {

    private static final Duration RELOADED = Duration.ofSeconds(10);
    private final SecretVolume secret = LocalServers.apiKeys();

    @AfterEach
    void restoreTheFile() {
        secret.publish(LocalServers.API_KEYS_FILE);
        await().atMost(RELOADED).until(() -> accepted(Api.FILE_KEY));
    }

    @Test
    void aKeyFromTheFileIsAcceptedBesideTheEnvironmentsKeys() {
        Api.clientWith(Api.FILE_KEY)
                .contentType("text/plain")
                .queryParam("filename", "from-file-key.txt")
                .body("Class Code: 1590 uploaded with a key from the file " + System.nanoTime())
                .post("/documents")
                .then()
                .statusCode(201);
        assertTrue(accepted(Api.KEY));
        assertTrue(accepted(Api.OTHER_KEY));
        assertFalse(accepted("test-file-key-two"));
    }

    @Test
    void keysAreAddedAndRevokedByUpdatingTheFileWithoutARestart() {
        String rotated = "rotated-" + System.nanoTime();
        secret.publish("# rotated\n" + rotated + "\n");

        await().atMost(RELOADED).until(() -> accepted(rotated));
        await().atMost(RELOADED).until(() -> !accepted(Api.FILE_KEY));
        assertTrue(accepted(Api.KEY), "the environment's keys stay whatever the file says");
    }

    @Test
    void commentsBlankLinesAndSurroundingSpaceAreNotPartOfAKey() {
        secret.publish("# a comment\r\n\r\n   spaced-key   \r\n#commented-key\n  # indented-comment\n");

        await().atMost(RELOADED).until(() -> accepted("spaced-key"));
        assertFalse(accepted("commented-key"));
        assertFalse(accepted("#commented-key"));
        assertFalse(accepted("# indented-comment"));
        assertFalse(accepted(Api.FILE_KEY));
    }

    @Test
    void aFileThatCannotBeReadLeavesTheLastKeysInForceAndSaysSo() {
        try (LogCapture log = LogCapture.start()) {
            secret.withdraw();
            await().atMost(RELOADED)
                    .until(() -> log.records().stream().anyMatch(r -> r.contains("cannot re-read the API keys file")));
            assertTrue(accepted(Api.FILE_KEY), "a missing file must not lock out the clients it let in");
        }
    }

    @Test
    void noKeyEverShowsInTheLogOrInAnAnswer() {
        String fresh = "fresh-key-" + System.nanoTime();
        List<String> keys = List.of(Api.KEY, Api.OTHER_KEY, Api.FILE_KEY, fresh);
        List<String> answers = new ArrayList<>();
        try (LogCapture log = LogCapture.start()) {
            secret.publish(Api.FILE_KEY + "\n" + fresh + "\n");
            await().atMost(RELOADED).until(() -> accepted(fresh));
            // Near misses of real keys, in both headers, and uploads that fail for other reasons with a good key.
            for (String presented : List.of(Api.KEY + "x", fresh.substring(1), Api.FILE_KEY.toUpperCase())) {
                answers.add(given().header("X-Api-Key", presented)
                        .get("/documents/" + "0".repeat(32))
                        .asString());
                answers.add(given().header("Authorization", "Bearer " + presented)
                        .contentType("text/plain")
                        .queryParam("filename", "a.txt")
                        .body("text")
                        .post("/documents")
                        .asString());
            }
            for (String key : keys) {
                answers.add(Api.clientWith(key)
                        .contentType("application/xml")
                        .queryParam("filename", "x.xml")
                        .body("<a/>")
                        .post("/documents")
                        .asString());
                answers.add(Api.clientWith(key).get("/documents/not-an-id").asString());
            }
            secret.withdraw();
            await().atMost(RELOADED)
                    .until(() -> log.records().stream().anyMatch(r -> r.contains("cannot re-read the API keys file")));
            secret.publish(LocalServers.API_KEYS_FILE);
            await().atMost(RELOADED).until(() -> log.records().stream().anyMatch(r -> r.contains("can be read again")));

            assertTrue(
                    log.records().stream().anyMatch(r -> r.contains("re-read 2 API key(s)")),
                    "the reload was not logged (is the capture working?): " + log.records());
            for (String key : keys) {
                for (String record : log.records()) {
                    assertFalse(record.contains(key), "the log shows a key: " + record);
                }
                for (String answer : answers) {
                    assertFalse(answer.contains(key), "an answer shows a key: " + answer);
                }
            }
            assertEquals(14, answers.size());
        }
    }

    /** Whether the service takes {@code key}: a look-up of an unknown document is 404 with it, 401 without. */
    private static boolean accepted(String key) {
        Response response = given().header("X-Api-Key", key).get("/documents/" + "0".repeat(32));
        int status = response.statusCode();
        if (status != 404 && status != 401) {
            throw new AssertionError("a look-up answered " + status + ": " + response.asString());
        }
        return status == 404;
    }
}
