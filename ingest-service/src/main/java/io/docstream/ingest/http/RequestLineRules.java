package io.docstream.ingest.http;

import io.docstream.ingest.config.IngestConfig;
import io.docstream.ingest.upload.Rejection;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses, before anything else looks at a request, what its request line alone shows is not for this service,
 * with a JSON body: TRACE (it would echo the request, credentials included) as 405, a URI longer than
 * {@code docstream.http.max-uri-chars} as 414. Vert.x refuses lines over
 * {@code quarkus.http.limits.max-initial-line-length} itself, with an empty body: that limit is set well
 * above this one, so that the answer a client gets for a long {@code ?filename=} says why.
 */
@ApplicationScoped
public class RequestLineRules {

    private final int maxUriChars;
    private final RefusalWriter refusals;

    public RequestLineRules(IngestConfig config, RefusalWriter refusals) {
        this.maxUriChars = config.http().maxUriChars();
        this.refusals = refusals;
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 3).handler(this::check);
    }

    private void check(RoutingContext http) {
        HttpMethod method = http.request().method();
        if (method == HttpMethod.TRACE || method == HttpMethod.CONNECT) {
            http.response().putHeader("Allow", "GET, POST, HEAD, OPTIONS");
            refusals.refuse(http, Rejection.METHOD_NOT_ALLOWED, "the method " + method + " is not served here", true);
            return;
        }
        String uri = http.request().uri();
        if (uri.length() > maxUriChars) {
            refusals.refuse(
                    http,
                    Rejection.URI_TOO_LONG,
                    "the request URI has " + uri.length()
                            + " characters, more than the limit of " + maxUriChars + " (docstream.http.max-uri-chars);"
                            + " name a document in a Content-Disposition header or a multipart part instead",
                    true);
            return;
        }
        http.next();
    }
}
