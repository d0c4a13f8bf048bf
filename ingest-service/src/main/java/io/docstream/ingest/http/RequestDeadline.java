package io.docstream.ingest.http;

import io.docstream.ingest.config.IngestConfig;
import io.docstream.ingest.upload.Rejection;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A request must have arrived whole within {@code docstream.http.request-timeout} of its headers: a body sent
 * a few bytes a second never trips the idle timeout ({@code quarkus.http.idle-timeout}), and would hold a
 * connection and a worker thread as long as the client likes. Past the deadline it is answered 408 with the
 * reason and the connection closed. A request whose body has all arrived is not timed here: waiting on the
 * store or Kafka has its own timeouts and answers.
 */
@ApplicationScoped
public class RequestDeadline {

    private final long timeoutMs;
    private final RefusalWriter refusals;

    public RequestDeadline(IngestConfig config, RefusalWriter refusals) {
        this.timeoutMs = config.http().requestTimeout().toMillis();
        this.refusals = refusals;
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2).handler(this::arm);
    }

    private void arm(RoutingContext http) {
        long timer = http.vertx().setTimer(timeoutMs, fired -> expire(http));
        http.addEndHandler(ended -> http.vertx().cancelTimer(timer));
        http.next();
    }

    private void expire(RoutingContext http) {
        if (http.request().isEnded() || http.response().ended()) {
            return;
        }
        refusals.refuse(
                http,
                Rejection.REQUEST_TIMEOUT,
                "the request did not arrive whole within " + timeoutMs
                        + " ms (docstream.http.request-timeout); send the body at a steady pace",
                true);
    }
}
