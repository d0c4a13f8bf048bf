package io.docstream.ingest.upload;

import io.docstream.ingest.store.StoredDocument;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Upload counters for /q/metrics: {@code docstream_uploads_total} by outcome (created, duplicate,
 * rejected, unavailable) and reason code, and {@code docstream_upload_bytes_total} of accepted documents.
 */
@ApplicationScoped
public class UploadMetrics {

    private final MeterRegistry registry;

    public UploadMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void admitted(Admission admission) {
        StoredDocument document = admission.document();
        String outcome = admission.duplicate() ? "duplicate" : "created";
        registry.counter(
                        "docstream.uploads",
                        "outcome",
                        outcome,
                        "reason",
                        "none",
                        "doc_type",
                        document.docType().value())
                .increment();
        registry.counter(
                        "docstream.upload.bytes",
                        "outcome",
                        outcome,
                        "doc_type",
                        document.docType().value())
                .increment(document.size());
    }

    public void rejected(String reason) {
        registry.counter("docstream.uploads", "outcome", "rejected", "reason", reason, "doc_type", "none")
                .increment();
    }

    public void unavailable(String reason) {
        registry.counter("docstream.uploads", "outcome", "unavailable", "reason", reason, "doc_type", "none")
                .increment();
    }
}
