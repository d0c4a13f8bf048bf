package io.docstream.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks the ingest service to replay a document ({@code POST /documents/{doc_id}/replay}, docs/ingest-service.md):
 * the service holds the bytes and the status, and is the one that announces documents.
 */
public final class IngestReplays {

    /** What the service answered: its status code, and the replay id or the error's code and message. */
    public record Answer(int status, String replayId, String error, String message) {
        boolean replayed() {
            return status == 202;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI base;
    private final Optional<String> apiKey;

    public IngestReplays(URI base, Optional<String> apiKey) {
        this.base = base;
        this.apiKey = apiKey;
    }

    public Answer replay(String docId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/documents/" + docId + "/replay"))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.noBody());
        apiKey.ifPresent(key -> request.header("X-Api-Key", key));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = parse(response.body());
        return new Answer(
                response.statusCode(),
                body.path("replay").path("replay_id").asText(null),
                body.path("error").asText(null),
                body.path("message").asText(response.body()));
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
