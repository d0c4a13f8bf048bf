package io.docstream.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Uploads on a fixed schedule, document {@code i} at {@code start + i / rate}, whatever the server answers: a
 * slow server shows as latency (and as a backlog of open requests), never as a lower offered rate.
 */
final class OpenLoadClient {

    /** One upload: when it was due, when it was answered, and what the service said. */
    record Upload(String fileName, long sentAtMillis, long answeredAtMillis, int status, String docId) {
        long latencyMillis() {
            return answeredAtMillis - sentAtMillis;
        }

        boolean stored() {
            return (status == 201 || status == 200) && docId != null;
        }
    }

    private static final Pattern DOC_ID = Pattern.compile("\"doc_id\"\\s*:\\s*\"([0-9a-f]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI documentsUri;
    private final String apiKey;

    OpenLoadClient(URI ingestUri, String apiKey) {
        this.documentsUri = ingestUri.resolve("/documents");
        this.apiKey = apiKey;
    }

    /**
     * Sends {@code rate × seconds} documents from {@code documents} on schedule and waits for every answer;
     * {@code progress} hears the number sent so far about once a second.
     */
    List<Upload> run(BenchDocuments documents, String runTag, int rate, int seconds, IntConsumer progress)
            throws InterruptedException {
        int count = rate * seconds;
        ConcurrentLinkedQueue<Upload> uploads = new ConcurrentLinkedQueue<>();
        List<CompletableFuture<Void>> pending = new ArrayList<>(count);
        long startNanos = System.nanoTime();
        long lastReport = startNanos;
        for (int i = 0; i < count; i++) {
            long dueNanos = startNanos + (long) (i * 1e9 / rate);
            long waitNanos = dueNanos - System.nanoTime();
            if (waitNanos > 0) {
                TimeUnit.NANOSECONDS.sleep(waitNanos);
            }
            BenchDocuments.Document document = documents.get(i);
            String fileName = runTag + "-" + i + "-" + document.fileName();
            long sentAt = System.currentTimeMillis();
            HttpRequest request = HttpRequest.newBuilder(URI.create(documentsUri + "?filename="
                            + URLEncoder.encode(fileName, StandardCharsets.UTF_8)
                                    .replace("+", "%20")))
                    .header("Content-Type", "text/plain; charset=UTF-8")
                    .header("X-Api-Key", apiKey)
                    .timeout(Duration.ofSeconds(120))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(document.bytes()))
                    .build();
            pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .handle((response, failure) -> {
                        long answeredAt = System.currentTimeMillis();
                        if (failure != null) {
                            uploads.add(new Upload(fileName, sentAt, answeredAt, -1, null));
                        } else {
                            Matcher id = DOC_ID.matcher(response.body());
                            uploads.add(new Upload(
                                    fileName,
                                    sentAt,
                                    answeredAt,
                                    response.statusCode(),
                                    id.find() ? id.group(1) : null));
                        }
                        return null;
                    }));
            if (System.nanoTime() - lastReport >= 1_000_000_000L) {
                lastReport = System.nanoTime();
                progress.accept(i + 1);
            }
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        progress.accept(count);
        return new ArrayList<>(uploads);
    }
}
