package io.docstream.job.metrics;

import io.docstream.extract.QuarantineReason;
import io.docstream.table.BatchCommitListener;
import io.docstream.table.CommittedBatch;
import io.docstream.table.DeltaTables;
import io.docstream.table.QuarantineRow;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the tables received, from each committed batch: documents and rows per table, quarantined documents by
 * reason, upload→visible freshness per document, and each table's last commit. A batch re-run after a crash is
 * not counted again (its first attempt was, before the restart), so {@code increase()} over a restart is right.
 */
public final class CommitMetrics implements BatchCommitListener {

    /** Upload→visible, in seconds: fine around a trigger interval, coarse up to an hour. */
    static final double[] FRESHNESS_BUCKETS = {
        0.5, 1, 2, 3, 5, 7.5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 300, 600, 1200, 3600
    };

    private static final List<String> TABLES = List.of(DeltaTables.DOCUMENTS, DeltaTables.QUARANTINE);

    private final Counter documents;
    private final Counter rows;
    private final Counter quarantined;
    private final Histogram freshness;
    private final Gauge lastCommit;
    private final Gauge version;

    CommitMetrics(PrometheusRegistry registry) {
        documents = Counter.builder()
                .name("docstream_job_documents_total")
                .help("Documents committed, by the table they went to (documents or quarantine)")
                .labelNames("table")
                .withoutExemplars()
                .register(registry);
        rows = Counter.builder()
                .name("docstream_job_rows_total")
                .help("Rows committed, by table")
                .labelNames("table")
                .withoutExemplars()
                .register(registry);
        quarantined = Counter.builder()
                .name("docstream_job_quarantined_total")
                .help("Documents committed to the quarantine table, by reason code")
                .labelNames("reason")
                .withoutExemplars()
                .register(registry);
        freshness = Histogram.builder()
                .name("docstream_job_freshness_seconds")
                .help("Upload to visible, per document of the documents table: its commit time minus ingested_at")
                .classicOnly()
                .classicUpperBounds(FRESHNESS_BUCKETS)
                .withoutExemplars()
                .register(registry);
        lastCommit = Gauge.builder()
                .name("docstream_job_last_commit_timestamp_seconds")
                .help("When the table's latest version was committed (Unix time; read from the table at start)")
                .labelNames("table")
                .register(registry);
        version = Gauge.builder()
                .name("docstream_job_table_version")
                .help("The table's latest version")
                .labelNames("table")
                .register(registry);
        for (String table : TABLES) {
            documents.initLabelValues(table);
            rows.initLabelValues(table);
        }
        // Every reason at 0 from the start: a rate over a reason seen for the first time needs its zero.
        for (String reason : List.of(
                QuarantineRow.BAD_EVENT,
                QuarantineRow.FORBIDDEN_SOURCE,
                QuarantineRow.SOURCE_MISSING,
                QuarantineRow.CHECKSUM_MISMATCH)) {
            quarantined.initLabelValues(reason);
        }
        for (QuarantineReason reason : QuarantineReason.values()) {
            quarantined.initLabelValues(reason.name());
        }
    }

    @Override
    public synchronized void committed(CommittedBatch batch) {
        Map<String, Instant> countedTables = new HashMap<>();
        for (CommittedBatch.TableCommit commit : batch.tables().values()) {
            seed(commit.table(), commit.version(), commit.committedAt());
            if (!commit.reRun()) {
                countedTables.put(commit.table(), commit.committedAt());
                rows.labelValues(commit.table()).inc(commit.rows());
            }
        }
        for (CommittedBatch.DocumentOutcome outcome : batch.documents()) {
            Instant committedAt = countedTables.get(outcome.table());
            if (committedAt == null) {
                continue;
            }
            documents.labelValues(outcome.table()).inc();
            if (outcome.quarantined()) {
                quarantined.labelValues(outcome.reason()).inc();
            } else if (outcome.ingestedAt() != null) {
                // Clocks of two machines: a commit "before" the upload is a skew, not a negative delay.
                Duration delay = Duration.between(outcome.ingestedAt(), committedAt);
                freshness.observe(Math.max(0, delay.toMillis() / 1000.0));
            }
        }
    }

    /** A table's latest commit as known: from a batch, or from the table's log when the job starts. */
    public synchronized void seed(String table, long tableVersion, Instant committedAt) {
        double seconds = committedAt.toEpochMilli() / 1000.0;
        if (seconds > lastCommit.labelValues(table).get()) {
            lastCommit.labelValues(table).set(seconds);
        }
        if (tableVersion > version.labelValues(table).get()) {
            version.labelValues(table).set(tableVersion);
        }
    }
}
