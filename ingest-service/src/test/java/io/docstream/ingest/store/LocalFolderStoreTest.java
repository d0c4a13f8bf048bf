package io.docstream.ingest.store;

import static io.docstream.ingest.Api.client;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docstream.contract.Outcome;
import io.docstream.ingest.Api;
import io.docstream.ingest.Arrivals;
import io.docstream.ingest.Corpus;
import io.docstream.ingest.LocalServers;
import io.docstream.ingest.status.Outcomes;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The embedded default store: plain files under a root folder, metadata in a sidecar. */
@QuarkusTest
@TestProfile(LocalStoreProfile.class)
class LocalFolderStoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachDocumentTypeLandsAsAPlainFileAndIsAnnounced() throws Exception {
        Path root = LocalServers.localStoreRoot();
        for (String document : List.of(Corpus.BULLETIN, Corpus.JSON_OBJECT, Corpus.JSON_ARRAY)) {
            byte[] bytes = Corpus.bytes(document);
            String name = Corpus.fileName(document);
            String type = document.endsWith(".txt") ? "text/plain" : "application/json";
            try (Arrivals arrivals = Api.arrivals()) {
                String docId = client().contentType(type)
                        .queryParam("filename", name)
                        .body(bytes)
                        .post("/documents")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("doc_id");
                Path stored = root.resolve("incoming").resolve(docId).resolve(name);
                assertEquals(Corpus.sha256(bytes), Corpus.sha256(Files.readAllBytes(stored)));

                JsonNode data = JSON.readTree(arrivals.awaitOne().value());
                assertTrue(data.get("bucket").isNull(), "bucket is null for the local store");
                assertEquals("incoming/" + docId + "/" + name, data.get("key").asText());
                assertEquals("file:" + stored.toAbsolutePath(), data.get("uri").asText());

                client().get("/documents/" + docId)
                        .then()
                        .statusCode(200)
                        .body("file_name", equalTo(name))
                        .body("size", equalTo(bytes.length));
            }
        }
    }

    @Test
    void aRepeatIsADuplicateAndABadUploadLeavesNoFile() throws IOException {
        byte[] bulletin = Corpus.bytes(Corpus.OTHER_BULLETIN);
        String name = Corpus.fileName(Corpus.OTHER_BULLETIN);
        client().contentType("text/plain")
                .queryParam("filename", name)
                .body(bulletin)
                .post("/documents")
                .then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        try (Arrivals arrivals = Api.arrivals()) {
            client().contentType("text/plain")
                    .queryParam("filename", name)
                    .body(bulletin)
                    .post("/documents")
                    .then()
                    .statusCode(200)
                    .body("duplicate", equalTo(true));
            assertEquals(1, arrivals.await(1).size());
        }
        long filesBefore = countFiles(LocalServers.localStoreRoot());
        client().contentType("application/json")
                .queryParam("filename", "bad.json")
                .body("{\"a\":")
                .post("/documents")
                .then()
                .statusCode(422)
                .body("error", equalTo("INVALID_JSON"));
        assertEquals(filesBefore, countFiles(LocalServers.localStoreRoot()));
    }

    private static long countFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void aDocumentsStatusIsAFileBesideItsMetadataAndReadByGet() throws Exception {
        Path root = LocalServers.localStoreRoot();
        byte[] bulletin = (new String(Corpus.bytes(Corpus.ANOTHER_BULLETIN), java.nio.charset.StandardCharsets.UTF_8)
                        + "\nlocal status " + java.util.UUID.randomUUID())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String docId = client().contentType("text/plain")
                .queryParam("filename", "local status.txt")
                .body(bulletin)
                .post("/documents")
                .then()
                .statusCode(201)
                .extract()
                .path("doc_id");
        client().get("/documents/" + docId).then().statusCode(200).body("status", equalTo("received"));

        try (Outcomes outcomes = new Outcomes()) {
            outcomes.publish(Outcomes.data(docId, Outcome.ROW, 17, 2, null, 0, 0, Instant.now()));
        }
        client().queryParam("wait", "10s")
                .get("/documents/" + docId)
                .then()
                .statusCode(200)
                .body("status", equalTo("processed"))
                .body("outcome.table_version", equalTo(17))
                .body("outcome.rows", equalTo(2));
        JsonNode record =
                JSON.readTree(Files.readAllBytes(root.resolve("document-status").resolve(docId + ".json")));
        assertEquals(17, record.get("table_version").asLong());
    }
}
