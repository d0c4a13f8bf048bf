package io.docstream.ingest.upload;

import static io.docstream.ingest.Api.client;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.docstream.ingest.Api;
import io.docstream.ingest.Arrivals;
import io.docstream.ingest.Corpus;
import io.docstream.ingest.LocalServers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Every kind of bad upload gets its status and reason code, and leaves no trace: no object in the
 * bucket, no record on the topic (checked after each test). The size cap is 1 MiB in the test profile.
 */
@QuarkusTest
class RejectionTest {

    private static final int CAP = 1024 * 1024;
    private static S3Client s3;
    private Arrivals arrivals;
    private List<String> objectsBefore;

    @BeforeAll
    static void connect() {
        s3 = LocalServers.s3Client();
    }

    @AfterAll
    static void disconnect() {
        s3.close();
    }

    @BeforeEach
    void rememberWhatIsThere() {
        objectsBefore = objectKeys();
        arrivals = Api.arrivals();
    }

    @AfterEach
    void nothingWasStoredOrAnnounced() {
        try {
            assertEquals(objectsBefore, objectKeys(), "a rejected upload must store nothing");
            assertEquals(0, arrivals.countSinceOpened(), "a rejected upload must announce nothing");
            assertEquals(List.of(), spoolFiles(), "a rejected upload leaves no spool file");
        } finally {
            arrivals.close();
        }
    }

    @Test
    void anEmptyBodyIs400() {
        rawText("empty.txt", new byte[0]).statusCode(400).body("error", equalTo("EMPTY_BODY"));
    }

    @Test
    void anEmptyMultipartPartIs400() {
        client().multiPart("file", "empty.json", new byte[0], "application/json")
                .post("/documents")
                .then()
                .statusCode(400)
                .body("error", equalTo("EMPTY_BODY"));
    }

    @Test
    void aFormWithoutFilePartIs400() {
        client().multiPart("other", "x.txt", "text".getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/documents")
                .then()
                .statusCode(400)
                .body("error", equalTo("MISSING_FILE_PART"));
    }

    @Test
    void aBodyWithoutFileNameIs400() {
        client().contentType("text/plain")
                .body("text")
                .post("/documents")
                .then()
                .statusCode(400)
                .body("error", equalTo("MISSING_FILE_NAME"));
    }

    @Test
    void aFileNameOfOnlyDotsAndSlashesIs400() {
        rawText("../..", "text".getBytes(StandardCharsets.UTF_8))
                .statusCode(400)
                .body("error", equalTo("INVALID_FILE_NAME"));
    }

    @Test
    void aPdfDeclaredAsTextIs415ByItsMagicNumber() {
        byte[] pdf = Corpus.bytes(Corpus.PDF);
        rawText("Carpenter.txt", pdf)
                .statusCode(415)
                .body("error", equalTo("UNSUPPORTED_MEDIA_TYPE"))
                .body("message", containsString("application/pdf"));
    }

    @Test
    void aPdfDeclaredAsJsonIs415ByItsMagicNumber() {
        byte[] pdf = Corpus.bytes(Corpus.PDF);
        client().contentType("application/json")
                .queryParam("filename", "Carpenter.json")
                .body(pdf)
                .post("/documents")
                .then()
                .statusCode(415)
                .body("error", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void textDeclaredAsPdfIs422() {
        client().contentType("application/pdf")
                .queryParam("filename", "bulletin.pdf")
                .body("ARTS ASSOCIATE\r\nClass Code: 2454\r\n".getBytes(StandardCharsets.UTF_8))
                .post("/documents")
                .then()
                .statusCode(422)
                .body("error", equalTo("NOT_PDF"))
                .body("message", containsString("%PDF-"));
    }

    @Test
    void textNamedPdfInAMultipartPartIs422() {
        client().multiPart(
                        "file",
                        "bulletin.pdf",
                        "not a pdf".getBytes(StandardCharsets.UTF_8),
                        "application/octet-stream")
                .post("/documents")
                .then()
                .statusCode(422)
                .body("error", equalTo("NOT_PDF"));
    }

    @Test
    void anImageDeclaredAsPdfIs415() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        client().contentType("application/pdf")
                .queryParam("filename", "x.pdf")
                .body(png)
                .post("/documents")
                .then()
                .statusCode(415)
                .body("error", equalTo("UNSUPPORTED_MEDIA_TYPE"))
                .body("message", containsString("PNG"));
    }

    @Test
    void anImageIs415() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        client().contentType("image/png")
                .queryParam("filename", "x.png")
                .body(png)
                .post("/documents")
                .then()
                .statusCode(415)
                .body("error", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        client().contentType("application/json")
                .queryParam("filename", "x.json")
                .body(png)
                .post("/documents")
                .then()
                .statusCode(415)
                .body("error", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void jsonThatDoesNotParseIs422WithLineAndColumn() {
        rawJson("broken.json", "{\n  \"position\": \"Zoo Curator\",\n  \"classcode\": 4297,,\n}")
                .statusCode(422)
                .body("error", equalTo("INVALID_JSON"))
                .body("message", containsString("line 3, column"));
    }

    @Test
    void jsonThatIsNotRecordsIs422() {
        rawJson("scalar.json", "42").statusCode(422).body("error", equalTo("NOT_JSON_RECORDS"));
        rawJson("numbers.json", "[{\"a\": 1}, 2]")
                .statusCode(422)
                .body("error", equalTo("NOT_JSON_RECORDS"))
                .body("message", containsString("element 2"));
        rawJson("none.json", "[]").statusCode(422).body("error", equalTo("NOT_JSON_RECORDS"));
        rawJson("two.json", "{\"a\": 1} {\"b\": 2}").statusCode(422).body("error", equalTo("NOT_JSON_RECORDS"));
    }

    @Test
    void textWithNulBytesIs422() {
        byte[] binary = "Class Code: 1590\u0000\u0001\u0002".getBytes(StandardCharsets.UTF_8);
        rawText("binary.txt", binary).statusCode(422).body("error", equalTo("BINARY_TEXT"));
    }

    @Test
    void anOversizedBodyIs413FromItsContentLength() {
        rawText("big.txt", bulletinText(CAP + 1)).statusCode(413).body("error", equalTo("TOO_LARGE"));
    }

    @Test
    void anOversizedChunkedBodyIs413WhileStreaming() throws Exception {
        // No Content-Length: the service only learns the size by counting while it spools.
        byte[] body = bulletinText(CAP + 64 * 1024);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUri() + "/documents?filename=big.txt"))
                .header("X-Api-Key", Api.KEY)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofInputStream(chunks(body)))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
        assertEquals(true, response.body().contains("TOO_LARGE"), response.body());
    }

    @Test
    void anOversizedMultipartPartIs413() {
        client().multiPart("file", "big.txt", bulletinText(CAP + 1), "text/plain")
                .post("/documents")
                .then()
                .statusCode(413)
                .body("error", equalTo("TOO_LARGE"));
    }

    @Test
    void aFormLargerThanTheWholeRequestLimitIs413WithItsReason() throws Exception {
        // Declared, never sent: the answer comes from the headers alone, then the connection is closed.
        long declared = 300L * 1024 * 1024; // over quarkus.http.limits.max-body-size (200M)
        URI service = URI.create(baseUri());
        try (java.net.Socket socket = new java.net.Socket(service.getHost(), service.getPort())) {
            socket.setSoTimeout(10_000);
            String head = "POST /documents HTTP/1.1\r\nHost: " + service.getHost() + "\r\nX-Api-Key: " + Api.KEY
                    + "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: " + declared + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(true, answer.startsWith("HTTP/1.1 413"), answer);
            assertEquals(true, answer.contains("\"error\":\"TOO_LARGE\""), answer);
            assertEquals(true, answer.contains("max-body-size"), answer);
        }
    }

    @Test
    void oneBadPartRejectsTheWholeForm() {
        client().multiPart("file", "good.txt", Corpus.bytes(Corpus.BULLETIN), "text/plain")
                .multiPart("file", "bad.json", "[1, 2]".getBytes(StandardCharsets.UTF_8), "application/json")
                .post("/documents")
                .then()
                .statusCode(422)
                .body("error", equalTo("NOT_JSON_RECORDS"));
    }

    @Test
    void anUnknownDeclaredTypeWithoutKnownExtensionIs415() {
        client().contentType("application/octet-stream")
                .queryParam("filename", "data.bin")
                .body("text".getBytes(StandardCharsets.UTF_8))
                .post("/documents")
                .then()
                .statusCode(415)
                .body("error", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    private static ValidatableResponse rawText(String name, byte[] body) {
        return client().contentType("text/plain")
                .queryParam("filename", name)
                .body(body)
                .post("/documents")
                .then();
    }

    private static ValidatableResponse rawJson(String name, String body) {
        return client().contentType("application/json")
                .queryParam("filename", name)
                .body(body.getBytes(StandardCharsets.UTF_8))
                .post("/documents")
                .then();
    }

    private static byte[] bulletinText(int size) {
        byte[] line = "DUTIES: maintains the aquarium's records and exhibits.\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] text = new byte[size];
        for (int i = 0; i < size; i++) {
            text[i] = line[i % line.length];
        }
        return text;
    }

    private static Supplier<InputStream> chunks(byte[] body) {
        return () -> new ByteArrayInputStream(body);
    }

    private static String baseUri() {
        return io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port;
    }

    private static List<java.nio.file.Path> spoolFiles() {
        if (!java.nio.file.Files.isDirectory(LocalServers.spoolDir())) {
            return List.of();
        }
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(LocalServers.spoolDir())) {
            return files.toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> objectKeys() {
        return s3.listObjectsV2Paginator(r -> r.bucket(LocalServers.BUCKET)).contents().stream()
                .map(S3Object::key)
                .sorted()
                .toList();
    }
}
