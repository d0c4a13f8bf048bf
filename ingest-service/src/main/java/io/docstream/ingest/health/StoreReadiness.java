package io.docstream.ingest.health;

import io.docstream.ingest.store.DocumentStore;
import io.docstream.ingest.store.StoreUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the object store can be written to (Kafka's readiness is quarkus-kafka-client's own check). */
@Readiness
@ApplicationScoped
public class StoreReadiness implements HealthCheck {

    private final DocumentStore store;

    public StoreReadiness(DocumentStore store) {
        this.store = store;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            store.checkReachable();
            return HealthCheckResponse.named("object-store").up().withData("store", store.describe()).build();
        } catch (StoreUnavailable e) {
            return HealthCheckResponse.named("object-store").down().withData("store", store.describe())
                    .withData("error", e.getMessage()).build();
        }
    }
}
