package io.docstream.ingest.status;

import io.docstream.ingest.config.IngestConfig;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Holds status requests ({@code ?wait=}) until their document leaves {@code received}, without holding a thread
 * per request. Each waited-for document is re-read from the store every poll interval (the outcome may have been
 * recorded by another replica), and at once when this replica's consumer records an outcome for it; a request whose
 * time is up gets the status as it is then.
 */
@ApplicationScoped
public class StatusWatch {

    private final StatusRecords records;
    private final Duration pollInterval;
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, daemonThreads());
    private final ConcurrentMap<String, Watched> watched = new ConcurrentHashMap<>();

    public StatusWatch(StatusRecords records, IngestConfig config) {
        this.records = records;
        this.pollInterval = config.status().pollInterval();
    }

    /** One waited-for document: its waiting answers (guarded by the map's compute) and its poll. */
    private static final class Watched {
        final List<CompletableFuture<DocumentStatus>> answers = new ArrayList<>();
        ScheduledFuture<?> poll;
        volatile DocumentStatus lastKnown;

        Watched(DocumentStatus now) {
            this.lastKnown = now;
        }
    }

    /** {@code now} if settled or {@code wait} is zero; else the status once settled, or when {@code wait} is up. */
    public CompletionStage<DocumentStatus> await(String docId, DocumentStatus now, Duration wait) {
        if (now.settled() || wait.isZero() || wait.isNegative()) {
            return CompletableFuture.completedFuture(now);
        }
        CompletableFuture<DocumentStatus> answer = new CompletableFuture<>();
        watched.compute(docId, (id, current) -> {
            Watched entry = current != null ? current : new Watched(now);
            if (current == null) {
                entry.poll = timer.scheduleWithFixedDelay(
                        () -> look(id), pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
            }
            entry.answers.add(answer);
            return entry;
        });
        timer.schedule(() -> expire(docId, answer), wait.toMillis(), TimeUnit.MILLISECONDS);
        return answer;
    }

    /** This replica recorded an outcome for {@code docId}: its waiting requests look now rather than at the next poll. */
    void changed(String docId) {
        if (watched.containsKey(docId)) {
            timer.execute(() -> look(docId));
        }
    }

    private void look(String docId) {
        DocumentStatus status;
        try {
            status = records.read(docId);
        } catch (RuntimeException e) {
            Log.debugf("status of %s not readable now (%s): still waiting", docId, e.getMessage());
            return;
        }
        Watched entry = watched.get(docId);
        if (entry != null) {
            entry.lastKnown = status;
        }
        if (status.settled()) {
            watched.computeIfPresent(docId, (id, current) -> {
                current.answers.forEach(answer -> answer.complete(status));
                current.poll.cancel(false);
                return null;
            });
        }
    }

    private void expire(String docId, CompletableFuture<DocumentStatus> answer) {
        if (answer.isDone()) {
            return;
        }
        DocumentStatus status;
        try {
            status = records.read(docId);
        } catch (RuntimeException e) {
            Watched entry = watched.get(docId);
            status = entry == null ? null : entry.lastKnown;
            if (status == null) {
                answer.completeExceptionally(e);
                return;
            }
        }
        answer.complete(status);
        watched.computeIfPresent(docId, (id, current) -> {
            current.answers.remove(answer);
            if (current.answers.isEmpty()) {
                current.poll.cancel(false);
                return null;
            }
            return current;
        });
    }

    /** Documents with requests waiting on this replica (for tests and metrics). */
    int watchedDocuments() {
        return watched.size();
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "status-watch-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
