package io.docstream.ingest.upload;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a raw upload whose Content-Length already exceeds the cap, before any byte of the body is
 * read. (Bodies without a length, chunked ones, are stopped by {@link ContentSpooler} while streaming;
 * a multipart request is bounded as a whole by quarkus.http.limits.max-body-size.)
 */
@ApplicationScoped
public class DeclaredSizeFilter {

    private final ContentSpooler spooler;
    private final UploadMetrics metrics;

    public DeclaredSizeFilter(ContentSpooler spooler, UploadMetrics metrics) {
        this.spooler = spooler;
        this.metrics = metrics;
    }

    @ServerRequestFilter(preMatching = true, nonBlocking = true, priority = Priorities.AUTHENTICATION + 100)
    public Optional<Response> refuseDeclaredOversize(ContainerRequestContext request, RoutingContext http) {
        if (!HttpMethod.POST.equals(request.getMethod())
                || !request.getUriInfo().getPath().startsWith("/documents")
                || MediaType.MULTIPART_FORM_DATA_TYPE.isCompatible(request.getMediaType())) {
            return Optional.empty();
        }
        int declared = request.getLength();
        String header = request.getHeaderString("Content-Length");
        long length = header == null ? declared : declaredLength(header);
        if (length > spooler.maxBytes()) {
            metrics.rejected(Rejection.TOO_LARGE.name());
            ErrorAnswers.closeAfterAnswer(http);
            return Optional.of(ErrorAnswers.error(
                    Rejection.TOO_LARGE.status(),
                    Rejection.TOO_LARGE.name(),
                    "the body's Content-Length " + length + " exceeds the limit of " + spooler.maxBytes() + " bytes"));
        }
        return Optional.empty();
    }

    /** A Content-Length header's value, or -1 when it is not a number. */
    static long declaredLength(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            // A malformed length is the HTTP layer's to refuse; here it only means "no declared size".
            return -1;
        }
    }
}
