package io.docstream.ingest.status;

import static io.docstream.ingest.Api.client;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docstream.contract.ArrivalHeaders;
import io.docstream.contract.Outcome;
import io.docstream.contract.OutcomeHeaders;
import io.docstream.ingest.Api;
import io.docstream.ingest.Arrivals;
import io.docstream.ingest.Corpus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A document's status from the upload API, fed by outcome events on a real Kafka topic and kept in a real S3
 * server: received until its outcome is in, then processed or quarantined; a held request ({@code ?wait=})
 * answered as soon as the outcome is recorded; replays of a quarantined document. The events are the job's, as
 * docs/outcomes.schema.json defines them (the job itself runs in streaming-job's DocumentLifecycleTest).
 */
@QuarkusTest
@TestProfile(StatusProfile.class)
class DocumentStatusTest {

    @Inject
    StatusWatch watch;

    private static final String SEEN = "docstream_outcomes_total{result=\"seen\"}";
    private static Outcomes outcomes;

    @BeforeAll
    static void connect() {
        outcomes = new Outcomes();
    }

    @AfterAll
    static void disconnect() {
        outcomes.close();
    }

    /** An upload of a new bulletin, and where its arrival landed on the arrivals topic. */
    private record Uploaded(String docId, int partition, long offset) {}

    private static Uploaded upload(String fileName, String contentType, byte[] bytes) {
        try (Arrivals arrivals = Api.arrivals()) {
            String docId = client().contentType(contentType)
                    .queryParam("filename", fileName)
                    .body(bytes)
                    .post("/documents")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("doc_id");
            ConsumerRecord<String, String> arrival = arrivals.awaitOne();
            return new Uploaded(docId, arrival.partition(), arrival.offset());
        }
    }

    private static Uploaded newBulletin() {
        byte[] bulletin = (new String(Corpus.bytes(Corpus.BULLETIN), StandardCharsets.UTF_8) + "\n" + UUID.randomUUID())
                .getBytes(StandardCharsets.UTF_8);
        return upload("status bulletin.txt", "text/plain", bulletin);
    }

    private static JsonPath status(String docId, String wait) {
        var request = client();
        if (wait != null) {
            request = request.queryParam("wait", wait);
        }
        return request.get("/documents/" + docId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void anUploadIsReceivedUntilItsOutcomeIsInThenProcessedWithItsTableVersion() {
        Uploaded uploaded = newBulletin();
        JsonPath before = status(uploaded.docId(), null);
        assertEquals("received", before.getString("status"));
        assertNull(before.get("outcome"));
        assertEquals("status bulletin.txt", before.getString("file_name"), "the receipt is still there");
        assertEquals(uploaded.docId(), before.getString("doc_id"));
        assertEquals(64, before.getString("sha256").length());
        assertEquals("bulletin", before.getString("doc_type"));
        assertNull(before.get("duplicate"), "an upload's duplicate flag is not part of the status");
        assertNull(before.get("receipt"), "the receipt's fields stand at the top level, as an upload answers them");

        Instant committed = Instant.parse("2026-11-24T03:00:04.512Z");
        outcomes.publish(Outcomes.data(
                uploaded.docId(), Outcome.ROW, 42, 1, null, uploaded.partition(), uploaded.offset(), committed));

        JsonPath after = status(uploaded.docId(), "10s");
        assertEquals("processed", after.getString("status"));
        assertEquals("row", after.getString("outcome.outcome"));
        assertEquals("documents", after.getString("outcome.table"));
        assertEquals(42, after.getLong("outcome.table_version"));
        assertEquals(1, after.getLong("outcome.rows"));
        assertEquals("2026-11-24T03:00:04.512Z", after.getString("outcome.committed_at"));
        assertNull(after.get("replay"));
    }

    @Test
    void aHeldRequestIsAnsweredOnceTheOutcomeIsRecordedNotAtTheEndOfItsWait() throws Exception {
        Uploaded uploaded = newBulletin();
        long started = System.nanoTime();
        CompletableFuture<Response> held = CompletableFuture.supplyAsync(
                () -> client().queryParam("wait", "1m").get("/documents/" + uploaded.docId()));
        await().atMost(Duration.ofSeconds(3)).until(() -> watch.watchedDocuments() > 0);
        assertFalse(held.isDone(), "held while received");
        outcomes.publish(Outcomes.data(
                uploaded.docId(), Outcome.ROW, 43, 3, null, uploaded.partition(), uploaded.offset(), Instant.now()));

        Response answer = held.get(20, TimeUnit.SECONDS);
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(200, answer.statusCode(), answer.asString());
        assertEquals("processed", answer.jsonPath().getString("status"));
        assertEquals(3, answer.jsonPath().getLong("outcome.rows"));
        // Held for at most the profile's 5 s: an answer well before it came from the outcome, not from the cap.
        assertTrue(tookMs < StatusProfile.MAX_WAIT_MS - 1000, "answered after " + tookMs + " ms");
        assertEquals(0, watch.watchedDocuments(), "nothing left waiting");
    }

    @Test
    void aBadPdfIsQuarantinedWithItsReasonAndMessage() {
        byte[] truncated =
                ("%PDF-1.7\n1 0 obj\n<< /Type /Catalog " + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
        Uploaded uploaded = upload("truncated.pdf", "application/pdf", truncated);
        outcomes.publish(Outcomes.data(
                uploaded.docId(),
                Outcome.QUARANTINED,
                7,
                1,
                "PDF_UNREADABLE",
                uploaded.partition(),
                uploaded.offset(),
                Instant.now()));

        JsonPath status = status(uploaded.docId(), "10s");
        assertEquals("quarantined", status.getString("status"));
        assertEquals("quarantine", status.getString("outcome.table"));
        assertEquals(7, status.getLong("outcome.table_version"));
        assertEquals("PDF_UNREADABLE", status.getString("outcome.reason"));
        assertEquals("why: PDF_UNREADABLE", status.getString("outcome.message"));
    }

    @Test
    void aWaitIsCappedAndAnsweredReceivedWhenNoOutcomeComes() {
        Uploaded uploaded = newBulletin();
        long started = System.nanoTime();
        JsonPath status = status(uploaded.docId(), "1h");
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals("received", status.getString("status"));
        assertTrue(
                tookMs >= StatusProfile.MAX_WAIT_MS - 100 && tookMs < StatusProfile.MAX_WAIT_MS + 5000,
                "held for the profile's cap of 5 s, took " + tookMs + " ms");

        client().queryParam("wait", "soon")
                .get("/documents/" + uploaded.docId())
                .then()
                .statusCode(400)
                .body("error", org.hamcrest.Matchers.equalTo("INVALID_WAIT"));
        client().get("/documents/" + "0".repeat(32)).then().statusCode(404);
        RestAssured.given().get("/documents/" + uploaded.docId()).then().statusCode(401);
    }

    @Test
    void aReDeliveredOrOlderOutcomeDoesNotReplaceALaterOne() {
        Uploaded uploaded = newBulletin();
        Instant later = Instant.parse("2026-11-24T04:00:00.000Z");
        outcomes.publish(Outcomes.data(
                uploaded.docId(),
                Outcome.QUARANTINED,
                9,
                1,
                "NO_TEXT_LAYER",
                uploaded.partition(),
                uploaded.offset(),
                later));
        assertEquals("quarantined", status(uploaded.docId(), "10s").getString("status"));

        // An older outcome of the document, arriving late (as a re-delivery after a rebalance can).
        double seen = metric(SEEN);
        outcomes.publish(Outcomes.data(
                uploaded.docId(),
                Outcome.ROW,
                3,
                1,
                null,
                uploaded.partition(),
                uploaded.offset(),
                later.minusSeconds(60)));
        awaitAbove(SEEN, seen);

        JsonPath status = status(uploaded.docId(), null);
        assertEquals("quarantined", status.getString("status"));
        assertEquals(9, status.getLong("outcome.table_version"));
    }

    @Test
    void eventsThatAreNotOutcomesAreSkippedAndTheConsumerGoesOn() {
        double rejectedBefore = metric("docstream_outcomes_total{result=\"rejected\"}");
        Uploaded uploaded = newBulletin();
        outcomes.send(
                uploaded.docId(),
                "not json".getBytes(StandardCharsets.UTF_8),
                OutcomeHeaders.of(
                        uploaded.docId(), "documents", 1, uploaded.partition(), uploaded.offset(), Instant.now()));
        outcomes.send(
                uploaded.docId(),
                Outcomes.data(uploaded.docId(), Outcome.ROW, 1, 1, null, 0, 0, Instant.now())
                        .toString()
                        .getBytes(StandardCharsets.UTF_8),
                ArrivalHeaders.of("x", Instant.now(), uploaded.docId()));
        outcomes.publish(Outcomes.data(
                uploaded.docId(), Outcome.ROW, 44, 1, null, uploaded.partition(), uploaded.offset(), Instant.now()));

        JsonPath status = status(uploaded.docId(), "10s");
        assertEquals("processed", status.getString("status"));
        assertEquals(44, status.getLong("outcome.table_version"));
        assertEquals(rejectedBefore + 2, metric("docstream_outcomes_total{result=\"rejected\"}"));
    }

    @Test
    void aQuarantinedDocumentIsReplayedOnceUntilItsReplayIsAnswered() {
        Uploaded uploaded = newBulletin();
        client().post("/documents/" + uploaded.docId() + "/replay")
                .then()
                .statusCode(409)
                .body("error", org.hamcrest.Matchers.equalTo("NOT_QUARANTINED"));
        outcomes.publish(Outcomes.data(
                uploaded.docId(),
                Outcome.QUARANTINED,
                5,
                1,
                "NO_TEXT_LAYER",
                uploaded.partition(),
                uploaded.offset(),
                Instant.now()));
        assertEquals("quarantined", status(uploaded.docId(), "10s").getString("status"));

        ConsumerRecord<String, String> replayed;
        JsonPath first;
        JsonPath second;
        try (Arrivals arrivals = Api.arrivals()) {
            first = client().post("/documents/" + uploaded.docId() + "/replay")
                    .then()
                    .statusCode(202)
                    .extract()
                    .jsonPath();
            second = client().post("/documents/" + uploaded.docId() + "/replay")
                    .then()
                    .statusCode(202)
                    .extract()
                    .jsonPath();
            replayed = arrivals.awaitOne();
            assertEquals(1, arrivals.countSinceOpened(), "the second replay request announced nothing");
        }
        String replayId = first.getString("replay.replay_id");
        assertEquals("received", first.getString("status"));
        assertEquals(5, first.getLong("replay.replays_version"));
        assertEquals("NO_TEXT_LAYER", first.getString("outcome.reason"), "the outcome replayed is shown");
        assertEquals(replayId, second.getString("replay.replay_id"));
        Map<String, String> headers = Arrivals.headers(replayed);
        assertEquals(
                ArrivalHeaders.replay(
                        headers.get("ce_id"), Instant.parse(headers.get("ce_time")), uploaded.docId(), replayId),
                headers);
        assertEquals(uploaded.docId(), replayed.key());
        assertTrue(replayed.value().contains("\"doc_id\":\"" + uploaded.docId() + "\""), replayed.value());

        // Still received: the first outcome does not answer the replay; the replay's own outcome does.
        assertEquals("received", status(uploaded.docId(), "1s").getString("status"));
        outcomes.publish(Outcomes.data(
                uploaded.docId(), Outcome.ROW, 12, 1, null, replayed.partition(), replayed.offset(), Instant.now()));
        JsonPath answered = status(uploaded.docId(), "10s");
        assertEquals("processed", answered.getString("status"));
        assertEquals(12, answered.getLong("outcome.table_version"));
        assertNull(answered.get("replay"));

        client().post("/documents/" + uploaded.docId() + "/replay").then().statusCode(409);
        client().post("/documents/" + "f".repeat(32) + "/replay").then().statusCode(404);
    }

    @Test
    void theOpenApiDescribesTheStatusTheWaitAndTheReplay() {
        JsonPath api = RestAssured.given()
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertEquals(
                List.of("wait"),
                api.getList("paths.'/documents/{docId}'.get.parameters.findAll { it.in == 'query' }.name"));
        assertTrue(api.getMap("paths.'/documents/{docId}/replay'.post.responses")
                .keySet()
                .containsAll(List.of("202", "404", "409")));
        assertEquals(
                List.of("received", "processed", "quarantined"),
                api.getList("components.schemas.DocumentStatusAnswer.properties.status.enum"));
        assertTrue(
                api.getMap("components.schemas.DocumentStatusAnswer.properties")
                        .keySet()
                        .containsAll(List.of("doc_id", "file_name", "sha256", "received_at", "status", "outcome")),
                "the schema lists the receipt's fields beside the status: "
                        + api.getMap("components.schemas.DocumentStatusAnswer.properties")
                                .keySet());
    }

    private static void awaitAbove(String series, double before) {
        await().atMost(Duration.ofSeconds(10)).until(() -> metric(series) > before);
    }

    private static double metric(String series) {
        String metrics = RestAssured.given()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return metrics.lines()
                .filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1)))
                .findFirst()
                .orElse(0);
    }
}
