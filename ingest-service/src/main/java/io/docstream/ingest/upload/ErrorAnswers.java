package io.docstream.ingest.upload;

import io.docstream.ingest.announce.AnnouncementFailed;
import io.docstream.ingest.config.IngestConfig;
import io.docstream.ingest.store.StoreRefused;
import io.docstream.ingest.store.StoreUnavailable;
import io.quarkus.logging.Log;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns the failures of an upload into JSON answers {@code {error, message}}: rejections with their
 * own status, an unreachable store or Kafka as 503 with Retry-After (the upload can be retried as is), a
 * store that refuses the request as 500 without it (a retry would be refused too).
 */
public class ErrorAnswers {

    private final UploadMetrics metrics;
    private final int retryAfterSeconds;

    public ErrorAnswers(UploadMetrics metrics, IngestConfig config) {
        this.metrics = metrics;
        this.retryAfterSeconds = config.announce().retryAfterSeconds();
    }

    @ServerExceptionMapper
    public Response rejected(UploadRejected rejection, RoutingContext request) {
        metrics.rejected(rejection.reason().name());
        if (rejection.reason() == Rejection.TOO_LARGE) {
            closeAfterAnswer(request);
        }
        return error(rejection.reason().status(), rejection.reason().name(), rejection.getMessage());
    }

    /**
     * A body cut off at the cap is still arriving; left open, the connection would have to swallow the
     * rest of it (up to gigabytes) before it could serve another request. Closing it ends the upload.
     */
    static void closeAfterAnswer(RoutingContext request) {
        if (!request.request().isEnded()) {
            // response().close() once the answer is written: Vert.x flushes it, then closes the connection.
            request.addEndHandler(ended -> request.response().close());
        }
    }

    @ServerExceptionMapper
    public Response storeUnavailable(StoreUnavailable failure) {
        Log.warnf(failure, "object store unavailable: %s", failure.getMessage());
        metrics.unavailable("STORE_UNAVAILABLE");
        return unavailable("STORE_UNAVAILABLE", "the object store is unavailable; retry later");
    }

    /** A refusal the same request would meet again: a server error, but no Retry-After that invites a loop. */
    @ServerExceptionMapper
    public Response storeRefused(StoreRefused failure) {
        Log.errorf(failure, "object store refused: %s", failure.getMessage());
        metrics.unavailable("STORE_REFUSED");
        return error(
                500,
                "STORE_REFUSED",
                "the object store refused the document (" + failure.getMessage()
                        + "); retrying the same upload will not help");
    }

    @ServerExceptionMapper
    public Response kafkaUnavailable(AnnouncementFailed failure) {
        Log.warnf("announcement failed: %s", failure.getMessage());
        metrics.unavailable("KAFKA_UNAVAILABLE");
        return unavailable(
                "KAFKA_UNAVAILABLE",
                "the document is stored but its arrival could not be announced (" + failure.getMessage()
                        + "); retry the same upload");
    }

    public static Response notFound(String docId) {
        return error(404, "NOT_FOUND", "no document with id '" + docId + "'");
    }

    public static Response error(int status, String code, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(code, message))
                .build();
    }

    private Response unavailable(String code, String message) {
        return Response.status(503)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds)
                .entity(new ErrorBody(code, message))
                .build();
    }
}
