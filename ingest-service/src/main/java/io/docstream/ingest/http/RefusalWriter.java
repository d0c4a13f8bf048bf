package io.docstream.ingest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.docstream.ingest.upload.ErrorBody;
import io.docstream.ingest.upload.Rejection;
import io.docstream.ingest.upload.UploadMetrics;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes a refusal made below JAX-RS (a Vert.x route) as the same JSON body {@code {error, message}} every
 * other refusal has, optionally closing the connection once it is sent (a body still arriving is dropped).
 */
@ApplicationScoped
public class RefusalWriter {

    private final ObjectMapper json;
    private final UploadMetrics metrics;

    public RefusalWriter(ObjectMapper json, UploadMetrics metrics) {
        this.json = json;
        this.metrics = metrics;
    }

    public void refuse(RoutingContext http, Rejection reason, String message, boolean closeConnection) {
        metrics.rejected(reason.name());
        HttpServerResponse response = http.response();
        if (response.headWritten()) {
            http.request().connection().close();
            return;
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(new ErrorBody(reason.name(), message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error body always serialises", e);
        }
        response.setStatusCode(reason.status()).putHeader(HttpHeaders.CONTENT_TYPE, "application/json");
        if (closeConnection) {
            response.putHeader(HttpHeaders.CONNECTION, "close")
                    .endHandler(ended -> http.request().connection().close());
        }
        response.end(Buffer.buffer(body));
    }
}
