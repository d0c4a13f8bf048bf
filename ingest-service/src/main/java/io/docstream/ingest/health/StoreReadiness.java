package io.docstream.ingest.health;

import io.docstream.ingest.config.IngestConfig;
import io.docstream.ingest.store.DocumentStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the object store answers, and can be written to, within {@code docstream.health.store-timeout}.
 * The probe runs on its own thread and is waited for at most that long: a hung store (seen with s3proxy stopped)
 * held the store client's call for its full call timeout, and the readiness answer with it. While one probe is
 * still hanging, later checks wait on that same probe instead of starting more.
 */
@Readiness
@ApplicationScoped
public class StoreReadiness implements HealthCheck {

    private final DocumentStore store;
    private final long timeoutMs;
    private final ExecutorService prober = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "store-readiness");
        thread.setDaemon(true);
        return thread;
    });
    private CompletableFuture<Void> probe = CompletableFuture.completedFuture(null);

    public StoreReadiness(DocumentStore store, IngestConfig config) {
        this.store = store;
        this.timeoutMs = config.health().storeTimeout().toMillis();
    }

    @Override
    public HealthCheckResponse call() {
        try {
            currentProbe().get(timeoutMs, TimeUnit.MILLISECONDS);
            return HealthCheckResponse.named("object-store")
                    .up()
                    .withData("store", store.describe())
                    .build();
        } catch (ExecutionException e) {
            return down(e.getCause().getMessage());
        } catch (TimeoutException e) {
            return down("no answer within " + timeoutMs + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        }
    }

    private synchronized CompletableFuture<Void> currentProbe() {
        if (probe.isDone()) {
            probe = CompletableFuture.runAsync(store::checkReachable, prober);
        }
        return probe;
    }

    private HealthCheckResponse down(String error) {
        return HealthCheckResponse.named("object-store")
                .down()
                .withData("store", store.describe())
                .withData("error", String.valueOf(error))
                .build();
    }

    @PreDestroy
    void close() {
        prober.shutdownNow();
    }
}
