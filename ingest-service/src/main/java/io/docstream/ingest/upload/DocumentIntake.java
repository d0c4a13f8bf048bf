package io.docstream.ingest.upload;

import io.docstream.contract.DocType;
import io.docstream.ingest.announce.ArrivalAnnouncer;
import io.docstream.ingest.store.DocumentStore;
import io.docstream.ingest.store.NewDocument;
import io.docstream.ingest.store.Placement;
import io.docstream.ingest.store.StoredDocument;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;

/**
 * The path of one upload: check it, give it its id, store it unless an identical copy is already
 * stored, then announce it. A document already stored is announced again: the client that retries
 * after a lost answer (or a 503 from Kafka) must still see its document reach the pipeline.
 */
@ApplicationScoped
public class DocumentIntake {

    private final DocumentClassifier classifier;
    private final ContentValidator validator;
    private final DocumentStore store;
    private final ArrivalAnnouncer announcer;
    private final Clock clock;

    public DocumentIntake(
            DocumentClassifier classifier,
            ContentValidator validator,
            DocumentStore store,
            ArrivalAnnouncer announcer,
            Clock clock) {
        this.classifier = classifier;
        this.validator = validator;
        this.store = store;
        this.announcer = announcer;
        this.clock = clock;
    }

    /** Runs every check on a spooled upload; throws {@link UploadRejected} at the first broken rule. */
    public CheckedUpload check(String fileName, String declaredType, SpooledContent content) {
        if (content.size() == 0) {
            throw new UploadRejected(Rejection.EMPTY_BODY, "the document '" + fileName + "' is empty");
        }
        DocType type = classifier.classify(declaredType, fileName, content.head());
        validator.validate(type, content);
        return new CheckedUpload(DocumentId.of(content.sha256(), fileName), fileName, type, content);
    }

    /** Stores (unless already stored) and announces a checked upload. */
    public Admission admit(CheckedUpload upload) {
        SpooledContent content = upload.content();
        Placement placement = store.putIfAbsent(new NewDocument(
                upload.docId(),
                upload.fileName(),
                upload.docType(),
                content.bytes(),
                content.size(),
                content.sha256(),
                clock.instant()));
        announcer.announce(placement.document());
        return new Admission(placement.document(), !placement.created());
    }

    /** Announces again a document an earlier request stored (an Idempotency-Key replay). */
    public Optional<Admission> readmit(String docId) {
        Optional<StoredDocument> existing = store.find(docId);
        existing.ifPresent(announcer::announce);
        return existing.map(document -> new Admission(document, true));
    }
}
