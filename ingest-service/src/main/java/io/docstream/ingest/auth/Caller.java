package io.docstream.ingest.auth;

import io.vertx.ext.web.RoutingContext;

/**
 * Who sent a request, as far as the service can tell: the API key it presented (as a digest, never the
 * key itself), or {@link #ANONYMOUS} when authentication is off. Scopes what one client may see of
 * another's requests, such as the answers remembered for Idempotency-Keys.
 */
public record Caller(String id) {

    public static final Caller ANONYMOUS = new Caller("anonymous");

    private static final String ATTRIBUTE = Caller.class.getName();

    /** The caller {@link ApiKeyFilter} recognised for this request, or anonymous. */
    public static Caller of(RoutingContext http) {
        Caller caller = http == null ? null : http.get(ATTRIBUTE);
        return caller == null ? ANONYMOUS : caller;
    }

    void attachTo(RoutingContext http) {
        http.put(ATTRIBUTE, this);
    }
}
