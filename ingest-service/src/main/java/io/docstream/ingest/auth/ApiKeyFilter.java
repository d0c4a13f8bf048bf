package io.docstream.ingest.auth;

import io.docstream.ingest.upload.ErrorBody;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Requires a configured API key ({@code X-Api-Key} or {@code Authorization: Bearer}) on /documents;
 * health, metrics and OpenAPI stay open. The accepted keys are {@link ApiKeys}'; a refusal never repeats the key.
 */
@ApplicationScoped
public class ApiKeyFilter {

    static final String API_KEY_HEADER = "X-Api-Key";
    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;

    public ApiKeyFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @ServerRequestFilter(preMatching = true, nonBlocking = true, priority = Priorities.AUTHENTICATION)
    public Optional<Response> requireApiKey(ContainerRequestContext request, RoutingContext http) {
        if (!keys.enabled() || !request.getUriInfo().getPath().startsWith("/documents")) {
            return Optional.empty();
        }
        Optional<byte[]> presented = presentedKey(request).map(ApiKeyFilter::digest);
        if (presented.isPresent() && keys.isKnown(presented.get())) {
            new Caller(HexFormat.of().formatHex(presented.get())).attachTo(http);
            return Optional.empty();
        }
        return Optional.of(Response.status(401)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(new ErrorBody(
                        "UNAUTHORIZED",
                        presented.isEmpty()
                                ? "send an API key in X-Api-Key or Authorization: Bearer"
                                : "the API key is not valid"))
                .build());
    }

    private static Optional<String> presentedKey(ContainerRequestContext request) {
        String header = request.getHeaderString(API_KEY_HEADER);
        if (header != null && !header.isBlank()) {
            return Optional.of(header.strip());
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.of(authorization.substring(BEARER.length()).strip());
        }
        return Optional.empty();
    }

    static byte[] digest(String key) {
        return digest(key.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
