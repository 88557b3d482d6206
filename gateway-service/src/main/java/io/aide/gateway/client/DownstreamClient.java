package io.aide.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.events.EventJson;
import io.aide.gateway.config.GatewayConfig;
import io.aide.internalauth.InternalIdentity;
import io.aide.internalauth.InternalTokens;
import io.aide.gateway.service.Caller;
import io.aide.gateway.service.Correlation;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.util.List;

/**
 * HTTP to the internal services, always with a signed internal token carrying the caller's tenant, user and roles
 * (the services believe nothing else) and the correlation id.
 */
@ApplicationScoped
public class DownstreamClient {
    private static final String SERVICE = "gateway-service";

    private final GatewayConfig config;
    private final HttpClient http;
    private final InternalTokens tokens;

    public DownstreamClient(Vertx vertx, GatewayConfig config) {
        this.config = config;
        this.tokens = new InternalTokens(config.internalSecret());
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(5_000)
                .setMaxPoolSize(64)
                .setKeepAlive(true));
    }

    @PreDestroy
    void close() {
        http.close();
    }

    public HttpClient http() {
        return http;
    }

    public GatewayConfig config() {
        return config;
    }

    public RequestOptions options(Downstream service, HttpMethod method, String internalPathAndQuery, Caller caller,
                                  String correlationId) {
        RequestOptions options = new RequestOptions().setMethod(method)
                .setAbsoluteURI(service.baseUrl(config) + internalPathAndQuery)
                .setTimeout(config.downstreamTimeout().toMillis())
                .putHeader(Correlation.HEADER, correlationId == null ? "" : correlationId);
        InternalIdentity identity = caller == null
                ? new InternalIdentity(null, null, List.of(), SERVICE)
                : new InternalIdentity(caller.tenant(), caller.user(), List.copyOf(caller.roles()), SERVICE);
        return options.putHeader(InternalTokens.HEADER, tokens.sign(identity));
    }

    /** A small JSON call (not for streams): status plus the parsed body, null when the body is not JSON. */
    public Uni<JsonResponse> getJson(Downstream service, String internalPath, Caller caller, String correlationId) {
        RequestOptions options = options(service, HttpMethod.GET, internalPath, caller, correlationId)
                .putHeader("Accept", "application/json");
        return Uni.createFrom().completionStage(() -> http.request(options)
                        .compose(HttpClientRequest::send)
                        .compose(response -> response.body().map(body -> new JsonResponse(response.statusCode(),
                                parse(body))))
                        .toCompletionStage())
                .onFailure().transform(e -> new DownstreamUnavailableException(service, e));
    }

    private static JsonNode parse(Buffer body) {
        if (body == null || body.length() == 0) {
            return null;
        }
        try {
            return EventJson.mapper().readTree(body.getBytes());
        } catch (IOException e) {
            return null;
        }
    }

    public record JsonResponse(int status, JsonNode body) {
    }

    /** The downstream service could not be reached or did not answer in time. */
    public static final class DownstreamUnavailableException extends RuntimeException {
        private final Downstream service;

        public DownstreamUnavailableException(Downstream service, Throwable cause) {
            super(service.serviceName() + ": " + cause.getMessage(), cause);
            this.service = service;
        }

        public Downstream service() {
            return service;
        }
    }
}
