package io.docstream.ingest.http;

import io.docstream.ingest.config.IngestConfig;
import io.docstream.ingest.upload.ErrorBody;
import io.docstream.ingest.upload.Rejection;
import io.docstream.ingest.upload.UploadMetrics;
import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Receives an upload's body on the event loop, before the resource runs on a worker thread: a client that
 * sends slowly holds a connection and a timer, never one of the workers every upload needs. The body must
 * keep the {@link BodyPace} set by {@code docstream.http.*}; one that does not is answered 408
 * {@code REQUEST_TIMEOUT} with the reason and its connection closed, before anything is stored or announced.
 * One larger than its cap (a raw document: {@code docstream.upload.max-bytes}; a multipart form:
 * {@code quarkus.http.limits.max-body-size}) is answered 413 as soon as it crosses it. The resource then reads
 * the received bytes as the request's entity stream.
 *
 * <p>Runs after the pre-matching filters: a request without a valid API key, or whose Content-Length is over
 * the cap, is answered before a byte of its body is read.
 */
@ApplicationScoped
public class BodyReception {

    private final BodyPace.Rules rules;
    private final long maxDocumentBytes;
    private final long maxFormBytes;
    private final int memoryThreshold;
    private final Path spoolDir;
    private final UploadMetrics metrics;

    public BodyReception(
            IngestConfig config,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBodySize,
            UploadMetrics metrics) {
        IngestConfig.Http http = config.http();
        this.rules = new BodyPace.Rules(http.bodyStartTimeout(), http.minBodyRate(), http.bodyRateWindow());
        this.maxDocumentBytes = config.upload().maxBytes();
        this.maxFormBytes = maxBodySize.asLongValue();
        this.memoryThreshold = config.upload().memoryThreshold();
        this.spoolDir = config.upload().spoolDir().orElse(Path.of(System.getProperty("java.io.tmpdir")));
        this.metrics = metrics;
    }

    @ServerRequestFilter(nonBlocking = true, priority = Priorities.AUTHENTICATION)
    public Uni<Response> receive(ContainerRequestContext request, RoutingContext http) {
        if (!HttpMethod.POST.equals(request.getMethod())
                || !request.getUriInfo().getPath().startsWith("/documents")) {
            return Uni.createFrom().nullItem();
        }
        boolean form = MediaType.MULTIPART_FORM_DATA_TYPE.isCompatible(request.getMediaType());
        return Uni.createFrom().emitter(emitter -> new Reception(request, http, form, emitter).start());
    }

    /** One body on its way in; every method runs on the request's event loop. */
    private final class Reception {
        private final ContainerRequestContext request;
        private final RoutingContext http;
        private final HttpServerRequest in;
        private final boolean form;
        private final UniEmitter<? super Response> emitter;
        private final ReceivedBody body;
        private final BodyPace pace;
        private long timer = -1;
        private boolean over;

        Reception(
                ContainerRequestContext request,
                RoutingContext http,
                boolean form,
                UniEmitter<? super Response> emitter) {
            this.request = request;
            this.http = http;
            this.in = http.request();
            this.form = form;
            this.emitter = emitter;
            this.body = new ReceivedBody(http.vertx(), memoryThreshold, spoolDir);
            this.pace = new BodyPace(rules, System.nanoTime());
        }

        void start() {
            // Whatever happens to the exchange, the spool file goes with it.
            http.addEndHandler(ended -> body.discard());
            if (in.isEnded()) {
                complete();
                return;
            }
            in.handler(this::chunk);
            in.endHandler(ended -> complete());
            in.exceptionHandler(this::failed);
            timer = http.vertx().setPeriodic(tickOf(rules).toMillis(), fired -> check());
            if ("100-continue".equalsIgnoreCase(in.getHeader(HttpHeaders.EXPECT))) {
                http.response().writeContinue();
            }
            in.resume();
        }

        private void chunk(Buffer chunk) {
            if (over) {
                return;
            }
            pace.received(chunk.length());
            long cap = form ? maxFormBytes : maxDocumentBytes;
            if (pace.bytes() > cap) {
                refuse(
                        Rejection.TOO_LARGE,
                        form
                                ? "the request is larger than the limit of " + cap
                                        + " bytes for a whole request (quarkus.http.limits.max-body-size)"
                                : "the document is larger than the limit of " + cap + " bytes");
                return;
            }
            boolean behind = body.append(chunk, this::caughtUp);
            if (behind && !over) {
                in.pause();
                pace.serverPaused(System.nanoTime());
            }
        }

        private void caughtUp() {
            if (!over) {
                pace.serverResumed(System.nanoTime());
                in.resume();
            }
        }

        private void check() {
            if (!over) {
                pace.check(System.nanoTime()).ifPresent(breach -> refuse(Rejection.REQUEST_TIMEOUT, breach.reason()));
            }
        }

        private void complete() {
            if (over) {
                return;
            }
            over = true;
            stopTimer();
            body.finish().onComplete(finished -> {
                if (finished.succeeded()) {
                    request.setEntityStream(finished.result());
                    emitter.complete(null);
                } else {
                    emitter.fail(finished.cause());
                }
            });
        }

        private void failed(Throwable cause) {
            if (over) {
                return;
            }
            // The client went away (or broke the framing) before the body was whole. It is not the service's
            // fault: the answer goes nowhere (or to a client that cannot use it), and nothing is logged as an error.
            over = true;
            stopTimer();
            body.discard();
            Log.debugf("a body stopped arriving: %s", cause);
            emitter.complete(Response.status(400)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .header(HttpHeaders.CONNECTION.toString(), "close")
                    .entity(new ErrorBody("INCOMPLETE_BODY", "the connection failed before the body was whole"))
                    .build());
        }

        private void refuse(Rejection reason, String message) {
            over = true;
            stopTimer();
            body.discard();
            metrics.rejected(reason.name());
            // Whatever else arrives is read and dropped until the answer is out, then the connection is closed.
            in.handler(ignored -> {});
            in.resume();
            http.addEndHandler(ended -> http.response().close());
            emitter.complete(Response.status(reason.status())
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .header(HttpHeaders.CONNECTION.toString(), "close")
                    .entity(new ErrorBody(reason.name(), message))
                    .build());
        }

        private void stopTimer() {
            if (timer >= 0) {
                http.vertx().cancelTimer(timer);
                timer = -1;
            }
        }
    }

    /** How often the pace is checked: a tenth of the shorter of its two spans, at most a second. */
    static Duration tickOf(BodyPace.Rules rules) {
        return Duration.ofMillis(Math.max(
                10,
                Math.min(
                        1000,
                        Math.min(rules.startTimeout().toMillis(), rules.window().toMillis()) / 10)));
    }
}
