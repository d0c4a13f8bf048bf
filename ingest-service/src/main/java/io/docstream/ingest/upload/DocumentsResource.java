package io.docstream.ingest.upload;

import io.docstream.ingest.auth.Caller;
import io.docstream.ingest.config.IngestConfig;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * {@code /documents}: uploads (a raw body, or multipart/form-data {@code file} parts). A document's look-up and
 * status: {@link io.docstream.ingest.status.DocumentStatusResource}.
 * Every rule breach is answered by {@link ErrorAnswers} from the exception that reports it.
 */
@Path("/documents")
@Produces(MediaType.APPLICATION_JSON)
public class DocumentsResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final DocumentIntake intake;
    private final ContentSpooler spooler;
    private final DocumentClassifier classifier;
    private final IdempotencyKeys idempotencyKeys;
    private final UploadMetrics metrics;
    private final String locationBase;

    public DocumentsResource(
            DocumentIntake intake,
            ContentSpooler spooler,
            DocumentClassifier classifier,
            IdempotencyKeys idempotencyKeys,
            UploadMetrics metrics,
            IngestConfig config) {
        this.intake = intake;
        this.spooler = spooler;
        this.classifier = classifier;
        this.idempotencyKeys = idempotencyKeys;
        this.metrics = metrics;
        this.locationBase = config.http()
                .publicBaseUrl()
                .map(base -> base.replaceAll("/+$", ""))
                .orElse("");
    }

    /**
     * A raw body: text/plain (a bulletin) or application/json (records), named by the {@code filename}
     * query parameter or the Content-Disposition header. The body is streamed to a spool file, never
     * held in memory; it has arrived whole (at the minimum rate, BodyReception) before this runs.
     */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Upload one document as the request body")
    public Response uploadBody(
            InputStream body,
            @Parameter(description = "the document's file name") @RestQuery String filename,
            @RestHeader(HttpHeaders.CONTENT_DISPOSITION) String contentDisposition,
            @RestHeader(HttpHeaders.CONTENT_TYPE) String contentType,
            @RestHeader(IDEMPOTENCY_KEY) String idempotencyKey,
            @Context RoutingContext http) {
        Caller caller = Caller.of(http);
        Optional<String> key = IdempotencyKeys.usable(idempotencyKey);
        Optional<Response> replay = key.flatMap(k -> replay(caller, k));
        if (replay.isPresent()) {
            return replay.get();
        }
        String given = Optional.ofNullable(filename)
                .filter(name -> !name.isBlank())
                .or(() -> FileNames.fromContentDisposition(contentDisposition))
                .orElseThrow(() -> new UploadRejected(
                        Rejection.MISSING_FILE_NAME,
                        "name the document with the 'filename' query parameter or a Content-Disposition header"));
        String fileName = FileNames.sanitize(given);
        // A body declared as a PDF or an image is refused before its bytes are checked or stored.
        classifier.fromDeclaration(contentType, fileName);
        try (SpooledContent content = spooler.spool(body)) {
            Admission admission = intake.admit(intake.check(fileName, contentType, content));
            key.ifPresent(k -> idempotencyKeys.remember(
                    caller, k, List.of(admission.document().docId())));
            return answer(List.of(admission));
        }
    }

    /**
     * multipart/form-data with one or more {@code file} parts. Every part is checked before any is
     * stored, so a request with one bad part stores nothing.
     */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload one or more documents as multipart 'file' parts")
    public Response uploadForm(
            @RestForm("file") List<FileUpload> files,
            @RestHeader(IDEMPOTENCY_KEY) String idempotencyKey,
            @Context RoutingContext http) {
        Caller caller = Caller.of(http);
        Optional<String> key = IdempotencyKeys.usable(idempotencyKey);
        Optional<Response> replay = key.flatMap(k -> replay(caller, k));
        if (replay.isPresent()) {
            return replay.get();
        }
        if (files == null || files.isEmpty()) {
            throw new UploadRejected(Rejection.MISSING_FILE_PART, "the form has no 'file' part");
        }
        List<SpooledContent> contents = new ArrayList<>();
        try {
            List<CheckedUpload> checked = new ArrayList<>();
            for (FileUpload file : files) {
                String name = Optional.ofNullable(file.fileName())
                        .filter(n -> !n.isBlank())
                        .orElseThrow(() -> new UploadRejected(
                                Rejection.MISSING_FILE_NAME,
                                "a 'file' part has no filename in its Content-Disposition"));
                String fileName = FileNames.sanitize(name);
                if (file.size() > spooler.maxBytes()) {
                    throw new UploadRejected(
                            Rejection.TOO_LARGE,
                            "'" + fileName + "' is larger than the limit of " + spooler.maxBytes() + " bytes");
                }
                SpooledContent content = spooler.inspect(file.uploadedFile());
                contents.add(content);
                checked.add(intake.check(fileName, file.contentType(), content));
            }
            List<Admission> admissions = new ArrayList<>();
            for (CheckedUpload upload : checked) {
                admissions.add(intake.admit(upload));
            }
            key.ifPresent(k -> idempotencyKeys.remember(
                    caller,
                    k,
                    admissions.stream().map(a -> a.document().docId()).toList()));
            return answer(admissions);
        } finally {
            contents.forEach(SpooledContent::close);
        }
    }

    /** The answer a first request with this key got, if the key was seen (its documents announced again). */
    private Optional<Response> replay(Caller caller, String key) {
        Optional<List<String>> docIds = idempotencyKeys.docIdsFor(caller, key);
        if (docIds.isEmpty()) {
            return Optional.empty();
        }
        List<Admission> admissions = new ArrayList<>();
        for (String docId : docIds.get()) {
            Optional<Admission> admission = intake.readmit(docId);
            if (admission.isEmpty()) {
                // The documents were removed from the store since: treat the request as a new one.
                return Optional.empty();
            }
            admissions.add(admission.get());
        }
        return Optional.of(answer(admissions));
    }

    /**
     * 201 with Location when anything new was stored, 200 when everything was already there. One
     * document gets its receipt as the body; several get {"documents": [...]}. Location is the configured
     * public base plus the path, or the path alone: never built from the request's Host header, which the
     * client chooses.
     */
    private Response answer(List<Admission> admissions) {
        admissions.forEach(metrics::admitted);
        boolean anyCreated = admissions.stream().anyMatch(a -> !a.duplicate());
        List<DocumentReceipt> receipts = admissions.stream()
                .map(a -> DocumentReceipt.of(a.document(), a.duplicate()))
                .toList();
        Response.ResponseBuilder response = anyCreated ? Response.status(Response.Status.CREATED) : Response.ok();
        response.header(
                HttpHeaders.LOCATION,
                locationBase + "/documents/" + admissions.get(0).document().docId());
        return response.entity(receipts.size() == 1 ? receipts.get(0) : new DocumentBatch(receipts))
                .build();
    }

    public record DocumentBatch(List<DocumentReceipt> documents) {}
}
