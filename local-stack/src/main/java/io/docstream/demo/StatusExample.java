package io.docstream.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Shows a client's view of one uploaded document: the {@code curl} command that asks the ingest service for its
 * status (held until it is processed or quarantined), and the answer, asked the same way.
 */
final class StatusExample {

    private StatusExample() {}

    static void print(URI ingest, String apiKey, String docId, PrintStream out) throws InterruptedException {
        URI status = ingest.resolve("/documents/" + docId + "?wait=30s");
        out.printf("%n> curl -H 'X-Api-Key: %s' '%s'%n", apiKey, status);
        HttpRequest request = HttpRequest.newBuilder(status)
                .header("X-Api-Key", apiKey)
                .timeout(Duration.ofSeconds(60))
                .GET()
                .build();
        try {
            HttpResponse<String> answer =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            out.println(answer.body());
        } catch (IOException e) {
            out.println("(the ingest service did not answer: " + e.getMessage() + ")");
        }
    }
}
