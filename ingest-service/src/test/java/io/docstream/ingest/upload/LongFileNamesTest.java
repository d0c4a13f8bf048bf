package io.docstream.ingest.upload;

import static io.docstream.ingest.Api.client;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.docstream.ingest.LocalServers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * File names as long as an uploader may send them, against s3proxy on a real file system: the receipt keeps
 * the whole (sanitized) name, the object key a segment every store can hold, and nothing is a 5xx.
 */
@QuarkusTest
class LongFileNamesTest {

    @Test
    void aQuotedNameOfFiveThousandCharactersIsCutNotAServerError() {
        Response response = client().contentType("text/plain")
                .header("Content-Disposition", "attachment; filename=\"" + "q".repeat(4996) + ".txt\"")
                .body(("Class Code: 5000 " + System.nanoTime()).getBytes(StandardCharsets.US_ASCII))
                .post("/documents");
        assertEquals(201, response.statusCode(), response.asString());
        String name = response.jsonPath().getString("file_name");
        assertEquals(FileNames.MAX_BYTES, name.getBytes(StandardCharsets.UTF_8).length);
        assertTrue(name.endsWith(".txt"), name);
    }

    @Test
    void nameOf244AsciiBytesIsStoredUnderAShortKeyAndKeptWholeInTheReceipt() {
        assertStoredWithWholeName("a".repeat(240) + ".txt");
    }

    @Test
    void nameOf83EuroSignsIsStoredUnderAShortKeyAndKeptWholeInTheReceipt() {
        assertStoredWithWholeName("€".repeat(83) + ".txt");
    }

    @Test
    void aWindowsDeviceNameIsMadeSafe() {
        Response response = client().contentType("text/plain")
                .queryParam("filename", "CON.txt")
                .body(("Class Code: 4 " + System.nanoTime()).getBytes(StandardCharsets.US_ASCII))
                .post("/documents");
        assertEquals(201, response.statusCode(), response.asString());
        assertEquals("_CON.txt", response.jsonPath().getString("file_name"));
        Response lpt = client().contentType("text/plain")
                .queryParam("filename", "lpt1 .txt")
                .body(("Class Code: 5 " + System.nanoTime()).getBytes(StandardCharsets.US_ASCII))
                .post("/documents");
        assertEquals("_lpt1 .txt", lpt.jsonPath().getString("file_name"));
    }

    private static void assertStoredWithWholeName(String name) {
        Response response = client().contentType("text/plain")
                .queryParam("filename", name)
                .body(("Class Code: 244 " + System.nanoTime()).getBytes(StandardCharsets.US_ASCII))
                .post("/documents");
        assertEquals(201, response.statusCode(), response.asString());
        assertEquals(name, response.jsonPath().getString("file_name"));
        String uri = response.jsonPath().getString("uri");
        String key = uri.substring(uri.indexOf('/', "s3a://".length()) + 1);
        String segment = key.substring(key.lastIndexOf('/') + 1);
        assertTrue(segment.getBytes(StandardCharsets.UTF_8).length <= 160, segment);
        assertTrue(segment.endsWith(".txt"), segment);
        try (S3Client s3 = LocalServers.s3Client()) {
            s3.headObject(r -> r.bucket(LocalServers.BUCKET).key(key));
        }
        String docId = response.jsonPath().getString("doc_id");
        assertEquals(name, client().get("/documents/" + docId).jsonPath().getString("file_name"));
    }
}
