package io.docstream.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Uploads the sample documents through the ingest service's public API, as any client would. */
final class SampleUploader {

    record Uploaded(String fileName, String docId, int status) {}

    private static final Pattern DOC_ID = Pattern.compile("\"doc_id\"\\s*:\\s*\"([0-9a-f]+)\"");

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI baseUri;
    private final String apiKey;

    SampleUploader(URI baseUri, String apiKey) {
        this.baseUri = baseUri;
        this.apiKey = apiKey;
    }

    static List<Path> samples(Path inputDir) throws IOException {
        try (Stream<Path> files = Files.list(inputDir)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> contentType(file) != null)
                    .sorted()
                    .toList();
        }
    }

    List<Uploaded> uploadAll(List<Path> files) throws IOException, InterruptedException {
        List<Uploaded> uploaded = new ArrayList<>();
        for (Path file : files) {
            uploaded.add(upload(file));
        }
        return uploaded;
    }

    private Uploaded upload(Path file) throws IOException, InterruptedException {
        String fileName = file.getFileName().toString();
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve("/documents?filename="
                        + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20")))
                .header("Content-Type", contentType(file))
                .header("X-Api-Key", apiKey)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        Matcher docId = DOC_ID.matcher(response.body());
        if ((response.statusCode() != 201 && response.statusCode() != 200) || !docId.find()) {
            throw new IllegalStateException(
                    "upload of " + fileName + " answered " + response.statusCode() + ": " + response.body());
        }
        return new Uploaded(fileName, docId.group(1), response.statusCode());
    }

    private static String contentType(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".txt")) {
            return "text/plain; charset=UTF-8";
        }
        if (name.endsWith(".json")) {
            return "application/json";
        }
        if (name.endsWith(".pdf")) {
            return "application/pdf";
        }
        return null;
    }
}
