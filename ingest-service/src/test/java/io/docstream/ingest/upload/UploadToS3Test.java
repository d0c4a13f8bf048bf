package io.docstream.ingest.upload;

import static io.docstream.ingest.Api.client;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docstream.ingest.Api;
import io.docstream.ingest.Arrivals;
import io.docstream.ingest.Corpus;
import io.docstream.ingest.LocalServers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/** Real documents from the corpus through the service into a real S3 server and a real Kafka broker. */
@QuarkusTest
class UploadToS3Test {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static S3Client s3;

    @BeforeAll
    static void connect() {
        s3 = LocalServers.s3Client();
    }

    @AfterAll
    static void disconnect() {
        s3.close();
    }

    @Test
    void aBulletinIsStoredByteForByteAndAnnounced() throws Exception {
        byte[] bulletin = Corpus.bytes(Corpus.ANOTHER_BULLETIN);
        String name = Corpus.fileName(Corpus.ANOTHER_BULLETIN);
        try (Arrivals arrivals = Api.arrivals()) {
            ExtractableResponse<Response> created = client().contentType("text/plain")
                    .queryParam("filename", name)
                    .body(bulletin)
                    .post("/documents")
                    .then()
                    .statusCode(201)
                    .body("file_name", equalTo(name))
                    .body("doc_type", equalTo("bulletin"))
                    .body("size", equalTo(bulletin.length))
                    .body("sha256", equalTo(Corpus.sha256(bulletin)))
                    .body("doc_id", matchesPattern("[0-9a-f]{32}"))
                    .body("duplicate", equalTo(false))
                    .extract();
            String docId = created.path("doc_id");
            String key = "incoming/" + docId + "/" + name;
            assertEquals(
                    "/documents/" + docId,
                    java.net.URI.create(created.header("Location")).getPath());
            assertEquals("s3a://" + LocalServers.BUCKET + "/" + key, created.path("uri"));

            ResponseBytes<GetObjectResponse> stored =
                    s3.getObjectAsBytes(r -> r.bucket(LocalServers.BUCKET).key(key));
            assertEquals(Corpus.sha256(bulletin), Corpus.sha256(stored.asByteArray()));
            assertEquals(
                    name,
                    java.net.URLDecoder.decode(
                            stored.response().metadata().get("docstream-file-name"),
                            java.nio.charset.StandardCharsets.UTF_8));
            assertEquals("bulletin", stored.response().metadata().get("docstream-doc-type"));

            ConsumerRecord<String, String> event = arrivals.awaitOne();
            assertEquals(docId, event.key());
            Map<String, String> headers = Arrivals.headers(event);
            assertEquals(docId, headers.get("ce_subject"));
            assertEquals(io.docstream.contract.ArrivalHeaders.TYPE, headers.get("ce_type"));
            JsonNode data = JSON.readTree(event.value());
            assertEquals(docId, data.get("doc_id").asText());
            assertEquals(
                    "s3a://" + LocalServers.BUCKET + "/" + key, data.get("uri").asText());
            assertEquals(LocalServers.BUCKET, data.get("bucket").asText());
            assertEquals(key, data.get("key").asText());
            assertEquals(bulletin.length, data.get("size").asLong());
            assertEquals(Corpus.sha256(bulletin), data.get("sha256").asText());
            assertEquals("text/plain; charset=UTF-8", data.get("content_type").asText());
            assertEquals(
                    created.path("received_at").toString(),
                    data.get("received_at").asText());
        }
    }

    @Test
    void aJsonObjectFileArrivesAsAMultipartPart() throws Exception {
        byte[] record = Corpus.bytes(Corpus.JSON_OBJECT);
        String name = Corpus.fileName(Corpus.JSON_OBJECT);
        try (Arrivals arrivals = Api.arrivals()) {
            String docId = client().multiPart("file", name, record, "application/json")
                    .post("/documents")
                    .then()
                    .statusCode(201)
                    .body("doc_type", equalTo("json_record"))
                    .body("file_name", equalTo(name))
                    .body("sha256", equalTo(Corpus.sha256(record)))
                    .extract()
                    .path("doc_id");
            byte[] stored = s3.getObjectAsBytes(
                            r -> r.bucket(LocalServers.BUCKET).key("incoming/" + docId + "/" + name))
                    .asByteArray();
            assertEquals(Corpus.sha256(record), Corpus.sha256(stored));
            JsonNode data = JSON.readTree(arrivals.awaitOne().value());
            assertEquals("json_record", data.get("doc_type").asText());
            assertEquals("application/json", data.get("content_type").asText());
        }
    }

    @Test
    void aPdfBulletinIsStoredByteForByteAndAnnouncedAsBulletinPdf() throws Exception {
        byte[] pdf = Corpus.bytes(Corpus.PDF_BULLETIN);
        String name = Corpus.fileName(Corpus.PDF_BULLETIN);
        try (Arrivals arrivals = Api.arrivals()) {
            String docId = client().contentType("application/pdf")
                    .queryParam("filename", name)
                    .body(pdf)
                    .post("/documents")
                    .then()
                    .statusCode(201)
                    .body("doc_type", equalTo("bulletin_pdf"))
                    .body("content_type", equalTo("application/pdf"))
                    .body("size", equalTo(pdf.length))
                    .extract()
                    .path("doc_id");
            ResponseBytes<GetObjectResponse> stored =
                    s3.getObjectAsBytes(r -> r.bucket(LocalServers.BUCKET).key("incoming/" + docId + "/" + name));
            assertEquals(Corpus.sha256(pdf), Corpus.sha256(stored.asByteArray()));
            assertEquals("application/pdf", stored.response().contentType());
            assertEquals("bulletin_pdf", stored.response().metadata().get("docstream-doc-type"));
            JsonNode data = JSON.readTree(arrivals.awaitOne().value());
            assertEquals(docId, data.get("doc_id").asText());
            assertEquals("bulletin_pdf", data.get("doc_type").asText());
            assertEquals("application/pdf", data.get("content_type").asText());
        }
    }

    @Test
    void aPdfAsAnOctetStreamPartIsKnownByItsName() throws Exception {
        byte[] pdf = Corpus.bytes(Corpus.PDF);
        try (Arrivals arrivals = Api.arrivals()) {
            client().multiPart("file", "Carpenter.pdf", pdf, "application/octet-stream")
                    .post("/documents")
                    .then()
                    .statusCode(201)
                    .body("doc_type", equalTo("bulletin_pdf"));
            assertEquals(
                    "bulletin_pdf",
                    JSON.readTree(arrivals.awaitOne().value()).get("doc_type").asText());
        }
    }

    @Test
    void aJsonArrayFileIsNamedByContentDisposition() throws Exception {
        byte[] records = Corpus.bytes(Corpus.JSON_ARRAY);
        String name = Corpus.fileName(Corpus.JSON_ARRAY);
        try (Arrivals arrivals = Api.arrivals()) {
            String docId = client().contentType("application/json")
                    .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                    .body(records)
                    .post("/documents")
                    .then()
                    .statusCode(201)
                    .body("doc_type", equalTo("json_record"))
                    .body("file_name", equalTo(name))
                    .body("size", equalTo(records.length))
                    .extract()
                    .path("doc_id");
            assertEquals(docId, arrivals.awaitOne().key());
            client().get("/documents/" + docId)
                    .then()
                    .statusCode(200)
                    .body("doc_id", equalTo(docId))
                    .body("file_name", equalTo(name))
                    .body("sha256", equalTo(Corpus.sha256(records)));
        }
    }

    @Test
    void theSameBytesUnderTheSameNameAreOneDocumentAnnouncedAgain() throws Exception {
        byte[] bulletin = Corpus.bytes(Corpus.OTHER_BULLETIN);
        String name = Corpus.fileName(Corpus.OTHER_BULLETIN);
        try (Arrivals arrivals = Api.arrivals()) {
            ExtractableResponse<Response> first = client().contentType("text/plain")
                    .queryParam("filename", name)
                    .body(bulletin)
                    .post("/documents")
                    .then()
                    .statusCode(201)
                    .extract();
            ExtractableResponse<Response> again = client().contentType("text/plain")
                    .queryParam("filename", name)
                    .body(bulletin)
                    .post("/documents")
                    .then()
                    .statusCode(200)
                    .body("duplicate", equalTo(true))
                    .extract();
            assertEquals((String) first.path("doc_id"), again.path("doc_id"));
            assertEquals((String) first.path("received_at"), again.path("received_at"));
            assertEquals((String) first.path("uri"), again.path("uri"));

            List<ConsumerRecord<String, String>> events = arrivals.await(2);
            assertEquals(2, events.size());
            assertEquals(events.get(0).key(), events.get(1).key());
            assertNotEquals(
                    Arrivals.headers(events.get(0)).get("ce_id"),
                    Arrivals.headers(events.get(1)).get("ce_id"));
            assertEquals(
                    JSON.readTree(events.get(0).value()),
                    JSON.readTree(events.get(1).value()));

            // The same bytes under another name are another document.
            client().contentType("text/plain")
                    .queryParam("filename", "copy of " + name)
                    .body(bulletin)
                    .post("/documents")
                    .then()
                    .statusCode(201)
                    .body("doc_id", org.hamcrest.Matchers.not(equalTo(first.path("doc_id"))));
        }
    }

    @Test
    void anIdempotencyKeyGetsTheFirstAnswerBack() {
        String key = UUID.randomUUID().toString();
        String firstId = uploadWithKey(Api.KEY, key, "first.txt", "first body\n")
                .statusCode(201)
                .extract()
                .path("doc_id");
        uploadWithKey(Api.KEY, key, "second.txt", "a different body\n")
                .statusCode(200)
                .body("doc_id", equalTo(firstId))
                .body("file_name", equalTo("first.txt"))
                .body("duplicate", equalTo(true));
    }

    @Test
    void anIdempotencyKeyBelongsToTheClientThatSentIt() {
        String key = UUID.randomUUID().toString();
        String firstId = uploadWithKey(Api.KEY, key, "mine.txt", "one client's body\n")
                .statusCode(201)
                .extract()
                .path("doc_id");
        // Another API key choosing the same string gets its own upload, not the first client's receipt.
        uploadWithKey(Api.OTHER_KEY, key, "theirs.txt", "another client's body\n")
                .statusCode(201)
                .body("doc_id", org.hamcrest.Matchers.not(equalTo(firstId)))
                .body("file_name", equalTo("theirs.txt"));
        // ... and its own replay from then on.
        uploadWithKey(Api.OTHER_KEY, key, "theirs again.txt", "changed\n")
                .statusCode(200)
                .body("file_name", equalTo("theirs.txt"))
                .body("duplicate", equalTo(true));
    }

    private static ValidatableResponse uploadWithKey(
            String apiKey, String idempotencyKey, String fileName, String text) {
        return Api.clientWith(apiKey)
                .header("Idempotency-Key", idempotencyKey)
                .contentType("text/plain")
                .queryParam("filename", fileName)
                .body(text)
                .post("/documents")
                .then();
    }

    @Test
    void severalFilesInOneFormAreStoredTogether() {
        byte[] bulletin = Corpus.bytes(Corpus.BULLETIN);
        byte[] records = Corpus.bytes(Corpus.JSON_ARRAY);
        try (Arrivals arrivals = Api.arrivals()) {
            client().multiPart("file", "batch bulletin.txt", bulletin, "text/plain")
                    .multiPart("file", "batch records.json", records, "application/octet-stream")
                    .post("/documents")
                    .then()
                    .statusCode(201)
                    .body("documents.size()", equalTo(2))
                    .body("documents[0].doc_type", equalTo("bulletin"))
                    .body("documents[1].doc_type", equalTo("json_record"));
            assertEquals(2, arrivals.await(2).size());
        }
    }

    @Test
    void aFileNameIsStrippedOfItsPathAndControlCharacters() {
        client().contentType("text/plain")
                .queryParam("filename", "../../etc/pass\u0007wd\n.txt")
                .body("a bulletin\n")
                .post("/documents")
                .then()
                .statusCode(201)
                .body("file_name", equalTo("passwd.txt"))
                .body("uri", matchesPattern("s3a://" + LocalServers.BUCKET + "/incoming/[0-9a-f]{32}/passwd\\.txt"));
    }

    @Test
    void aDocumentPastTheMemoryThresholdIsSpooledAndTheSpoolFileRemoved() throws Exception {
        // 64 KiB and less are checked in memory; this one (about 300 KB, under the test cap of 1 MiB) spills to disk.
        byte[] unit = Corpus.bytes(Corpus.BULLETIN);
        java.io.ByteArrayOutputStream big = new java.io.ByteArrayOutputStream();
        while (big.size() < 300_000) {
            big.write(unit);
        }
        byte[] bytes = big.toByteArray();
        String docId = client().contentType("text/plain")
                .queryParam("filename", "thirty bulletins.txt")
                .body(bytes)
                .post("/documents")
                .then()
                .statusCode(201)
                .body("size", equalTo(bytes.length))
                .extract()
                .path("doc_id");
        byte[] stored = s3.getObjectAsBytes(
                        r -> r.bucket(LocalServers.BUCKET).key("incoming/" + docId + "/thirty bulletins.txt"))
                .asByteArray();
        assertEquals(Corpus.sha256(bytes), Corpus.sha256(stored));
        try (java.util.stream.Stream<java.nio.file.Path> left = java.nio.file.Files.list(LocalServers.spoolDir())) {
            assertEquals(0, left.count(), "spool files are deleted once the upload is answered");
        }
    }

    @Test
    void anUnknownDocumentIsNotFound() {
        client().get("/documents/" + "0".repeat(32)).then().statusCode(404).body("error", equalTo("NOT_FOUND"));
        client().get("/documents/not-an-id").then().statusCode(404).body("error", equalTo("NOT_FOUND"));
    }

    @Test
    void metadataSurvivesInTheStoreAlone() {
        byte[] bulletin = Corpus.bytes(Corpus.BULLETIN);
        String docId = DocumentId.of(Corpus.sha256(bulletin), Corpus.fileName(Corpus.BULLETIN));
        client().contentType("text/plain")
                .queryParam("filename", Corpus.fileName(Corpus.BULLETIN))
                .body(bulletin)
                .post("/documents")
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        // What GET answers comes from the object's user metadata, not from this process's memory.
        Map<String, String> metadata = s3.headObject(r ->
                        r.bucket(LocalServers.BUCKET).key("incoming/" + docId + "/" + Corpus.fileName(Corpus.BULLETIN)))
                .metadata();
        client().get("/documents/" + docId)
                .then()
                .statusCode(200)
                .body(
                        "received_at",
                        equalTo(io.docstream.contract.Timestamps.format(
                                java.time.Instant.parse(metadata.get("docstream-received-at")))))
                .body("duplicate", org.hamcrest.Matchers.nullValue());
        assertTrue(metadata.containsKey("docstream-sha256"));
        assertNull(metadata.get("docstream-unknown"));
    }
}
