package io.docstream.ingest.announce;

import static io.docstream.ingest.Api.client;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.docstream.ingest.Api;
import io.docstream.ingest.Arrivals;
import io.docstream.ingest.Corpus;
import io.docstream.ingest.LocalServers;
import io.docstream.servers.KafkaBroker;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The broker dies: an upload is stored but cannot be announced, so it is answered 503 with
 * Retry-After; once the broker is back (same port, same data), the same upload succeeds and is
 * announced. The broker is restarted whatever happens, so the other test classes find it running.
 */
@QuarkusTest
class KafkaOutageTest {

    @Test
    void aDeadBrokerIs503AndTheRetryAfterRecoveryIsAnnounced() {
        KafkaBroker broker = LocalServers.broker();
        byte[] bulletin = Corpus.bytes("bulletins/AIRPORT ENGINEER 7256 070618.txt");
        String name = "outage " + Corpus.fileName("bulletins/AIRPORT ENGINEER 7256 070618.txt");

        broker.kill();
        try {
            client().contentType("text/plain")
                    .queryParam("filename", name)
                    .body(bulletin)
                    .post("/documents")
                    .then()
                    .statusCode(503)
                    .header("Retry-After", notNullValue())
                    .body("error", equalTo("KAFKA_UNAVAILABLE"));
            io.restassured.RestAssured.given()
                    .get("/q/health/ready")
                    .then()
                    .statusCode(503)
                    .body("checks.find { it.name == 'object-store' }.status", equalTo("UP"));
        } finally {
            broker.restart();
        }
        String docId;
        try (S3Client s3 = LocalServers.s3Client()) {
            docId = io.docstream.ingest.upload.DocumentId.of(Corpus.sha256(bulletin), name);
            // The bytes were stored before the announcement failed; the retry finds them.
            s3.headObject(r -> r.bucket(LocalServers.BUCKET).key("incoming/" + docId + "/" + name));
        }
        try (Arrivals arrivals = Api.arrivals()) {
            client().contentType("text/plain")
                    .queryParam("filename", name)
                    .body(bulletin)
                    .post("/documents")
                    .then()
                    .statusCode(200)
                    .body("doc_id", equalTo(docId))
                    .body("duplicate", equalTo(true));
            assertEquals(docId, arrivals.awaitOne().key());
        }
        client().contentType("text/plain")
                .queryParam("filename", "after the outage.txt")
                .body("a new bulletin\n")
                .post("/documents")
                .then()
                .statusCode(201);
    }
}
