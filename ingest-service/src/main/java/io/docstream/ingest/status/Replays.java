package io.docstream.ingest.status;

import io.docstream.ingest.announce.ArrivalAnnouncer;
import io.docstream.ingest.store.DocumentStore;
import io.docstream.ingest.store.StoredDocument;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Replays a quarantined document: announces it again with a replay id ({@code ce_replayid}), which the job does not
 * drop as a re-announcement. The replay id is made from the quarantine entry replayed (doc_id and quarantine table
 * version), so replaying the same entry twice gives the same id and the job processes it once; a replay that is
 * quarantined again makes a new entry, which can be replayed in turn. A document whose status is not
 * {@code quarantined} is not replayed: one that became rows would become rows twice.
 */
@ApplicationScoped
public class Replays {

    /** What a replay request came to. */
    public sealed interface Result {}

    /** Announced now, or earlier and not yet answered ({@code again}: nothing was sent this time). */
    public record Announced(StoredDocument document, PendingReplay replay, boolean again) implements Result {}

    public record NotQuarantined(StoredDocument document, DocumentStatus status) implements Result {}

    public record NotStored() implements Result {}

    private final DocumentStore store;
    private final StatusRecords records;
    private final ArrivalAnnouncer announcer;
    private final OutcomeMetrics metrics;
    private final Clock clock;

    public Replays(
            DocumentStore store,
            StatusRecords records,
            ArrivalAnnouncer announcer,
            OutcomeMetrics metrics,
            Clock clock) {
        this.store = store;
        this.records = records;
        this.announcer = announcer;
        this.metrics = metrics;
        this.clock = clock;
    }

    public Result replay(String docId) {
        Optional<StoredDocument> document = store.find(docId);
        if (document.isEmpty()) {
            metrics.replay("not_stored");
            return new NotStored();
        }
        DocumentStatus status = records.read(docId);
        if (status.replay().isPresent()) {
            metrics.replay("pending");
            return new Announced(document.get(), status.replay().get(), true);
        }
        if (status.state() != DocumentStatus.State.QUARANTINED) {
            metrics.replay("not_quarantined");
            return new NotQuarantined(document.get(), status);
        }
        long version = status.outcome().orElseThrow().tableVersion();
        String replayId = replayId(docId, version);
        ArrivalAnnouncer.Announced announced = announcer.announceReplay(document.get(), replayId);
        PendingReplay replay =
                new PendingReplay(replayId, version, clock.instant(), announced.partition(), announced.offset());
        records.recordReplay(docId, replay);
        metrics.replay("announced");
        return new Announced(document.get(), replay, false);
    }

    /** 32 hex digits of SHA-256(doc_id + "\n" + "quarantine@" + version): one id per quarantine entry. */
    static String replayId(String docId, long quarantineVersion) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((docId + "\nquarantine@" + quarantineVersion).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
