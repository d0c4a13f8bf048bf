package io.docstream.ingest.upload;

import static io.docstream.ingest.Api.client;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Location names the document by path (or a configured base), whatever Host the client sent. */
@QuarkusTest
class LocationTest {

    @Test
    void locationIsNotBuiltFromTheHostHeader() {
        Response response = client().header("Host", "evil.example")
                .contentType("text/plain")
                .queryParam("filename", "where.txt")
                .body(("Class Code: 9 " + System.nanoTime()).getBytes(StandardCharsets.US_ASCII))
                .post("/documents");
        assertEquals(201, response.statusCode(), response.asString());
        assertEquals("/documents/" + response.jsonPath().getString("doc_id"), response.header("Location"));
    }
}
