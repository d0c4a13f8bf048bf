package io.docstream.ingest.status;

import io.docstream.ingest.config.IngestConfig;
import io.docstream.ingest.store.DocumentStore;
import io.docstream.ingest.store.StoredDocument;
import io.docstream.ingest.upload.DocumentId;
import io.docstream.ingest.upload.ErrorAnswers;
import io.docstream.ingest.upload.ErrorBody;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code /documents/{doc_id}}: a stored document with its status ({@code received}, {@code processed},
 * {@code quarantined}), held up to {@code ?wait=} until it leaves {@code received}; and
 * {@code /documents/{doc_id}/replay} for a quarantined one. Answered from the store, so every replica answers the
 * same.
 */
@Path("/documents/{docId}")
@Produces(MediaType.APPLICATION_JSON)
public class DocumentStatusResource {

    private final DocumentStore store;
    private final StatusRecords records;
    private final StatusWatch watch;
    private final Replays replays;
    private final Duration longestWait;

    public DocumentStatusResource(
            DocumentStore store, StatusRecords records, StatusWatch watch, Replays replays, IngestConfig config) {
        this.store = store;
        this.records = records;
        this.watch = watch;
        this.replays = replays;
        this.longestWait = WaitTime.longest(
                config.status().maxWait(),
                ConfigProvider.getConfig().getOptionalValue("quarkus.http.idle-timeout", Duration.class));
        if (longestWait.compareTo(config.status().maxWait()) < 0) {
            Log.infof(
                    "status requests are held %d s at most (docstream.status.max-wait is %d s; quarkus.http.idle-timeout"
                            + " would end them sooner)",
                    longestWait.toSeconds(), config.status().maxWait().toSeconds());
        }
    }

    @GET
    @Blocking
    @Operation(
            summary = "The stored document and its status",
            description = "status is received (stored and announced), processed (its rows are in the documents"
                    + " table: outcome.table_version holds them) or quarantined (outcome.reason, outcome.message)."
                    + " With ?wait= the answer is held until the status leaves received or the time is up.")
    @APIResponse(
            responseCode = "200",
            content = @Content(schema = @Schema(implementation = DocumentStatusAnswer.class)))
    @APIResponse(
            responseCode = "400",
            description = "INVALID_WAIT",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(
            responseCode = "404",
            description = "NOT_FOUND",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public CompletionStage<Response> find(
            @RestPath String docId,
            @Parameter(
                            description = "hold the answer while the status is received, up to this long: 30s, 500ms,"
                                    + " 1m, 1h or seconds; at most docstream.status.max-wait (25 s by default)")
                    @RestQuery
                    String wait) {
        if (!DocumentId.isWellFormed(docId)) {
            return CompletableFuture.completedFuture(ErrorAnswers.notFound(docId));
        }
        Optional<Duration> waitFor = WaitTime.parse(wait, longestWait);
        if (waitFor.isEmpty()) {
            return CompletableFuture.completedFuture(ErrorAnswers.error(
                    400, "INVALID_WAIT", "wait must be a time such as 30s, 500ms or 1m, not '" + wait + "'"));
        }
        Optional<StoredDocument> document = store.find(docId);
        if (document.isEmpty()) {
            return CompletableFuture.completedFuture(ErrorAnswers.notFound(docId));
        }
        return watch.await(docId, records.read(docId), waitFor.get())
                .thenApply(status -> Response.ok(DocumentStatusAnswer.of(document.get(), status))
                        .build());
    }

    @POST
    @Path("/replay")
    @Operation(
            summary = "Replay a quarantined document",
            description = "Announces the stored document again, so the job reads it once more (after the cause of"
                    + " its quarantine was fixed: OCR installed, a limit raised). 202 with the status, received until"
                    + " the replay's outcome is in (GET with ?wait=). Replaying the same quarantine entry again is"
                    + " answered with the replay already made. A document that is not quarantined is not replayed.")
    @APIResponse(
            responseCode = "202",
            content = @Content(schema = @Schema(implementation = DocumentStatusAnswer.class)))
    @APIResponse(
            responseCode = "404",
            description = "NOT_FOUND",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    @APIResponse(
            responseCode = "409",
            description = "NOT_QUARANTINED",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    public Response replay(@RestPath String docId) {
        if (!DocumentId.isWellFormed(docId)) {
            return ErrorAnswers.notFound(docId);
        }
        Replays.Result result = replays.replay(docId);
        if (result instanceof Replays.Announced announced) {
            return Response.accepted(DocumentStatusAnswer.of(announced.document(), records.read(docId)))
                    .build();
        }
        if (result instanceof Replays.NotQuarantined not) {
            return ErrorAnswers.error(
                    409,
                    "NOT_QUARANTINED",
                    "the document is " + not.status().state().value() + ", not quarantined: only a quarantined"
                            + " document is replayed");
        }
        return ErrorAnswers.notFound(docId);
    }
}
