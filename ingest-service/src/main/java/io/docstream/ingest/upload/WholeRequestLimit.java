package io.docstream.ingest.upload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request whose Content-Length exceeds {@code quarkus.http.limits.max-body-size} (a multipart
 * form as a whole) with the same JSON 413 as every other refusal. Quarkus's own check, one route later,
 * would answer with an empty body; this route only gives the refusal its reason.
 */
@ApplicationScoped
public class WholeRequestLimit {

    private final long maxBodyBytes;
    private final byte[] answer;
    private final UploadMetrics metrics;

    public WholeRequestLimit(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBodySize,
            ObjectMapper json,
            UploadMetrics metrics)
            throws JsonProcessingException {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.answer = json.writeValueAsBytes(new ErrorBody(
                Rejection.TOO_LARGE.name(),
                "the request's Content-Length exceeds the limit of " + maxBodyBytes
                        + " bytes for a whole request (quarkus.http.limits.max-body-size)"));
        this.metrics = metrics;
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::refuseOversized);
    }

    private void refuseOversized(RoutingContext http) {
        String declared = http.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared == null || DeclaredSizeFilter.declaredLength(declared) <= maxBodyBytes) {
            http.next();
            return;
        }
        metrics.rejected(Rejection.TOO_LARGE.name());
        HttpServerResponse response = http.response();
        // The body is not read: closing the connection after the answer is the only way to drop it.
        response.setStatusCode(Rejection.TOO_LARGE.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(ended -> http.request().connection().close());
        response.end(Buffer.buffer(answer));
    }
}
