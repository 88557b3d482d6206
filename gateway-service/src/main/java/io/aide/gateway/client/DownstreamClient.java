package io.aide.gateway.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.events.EventJson;
import io.aide.gateway.config.GatewayConfig;
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

/** HTTP to the internal services, always with the caller's tenant, user and correlation id. */
@ApplicationScoped
public class DownstreamClient {
    public static final String TENANT_HEADER = "X-Aide-Tenant";
    public static final String USER_HEADER = "X-Aide-User";
    public static final String ROLES_HEADER = "X-Aide-Roles";

    private final GatewayConfig config;
    private final HttpClient http;

    public DownstreamClient(Vertx vertx, GatewayConfig config) {
        this.config = config;
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
        if (caller != null) {
            options.putHeader(TENANT_HEADER, caller.tenant())
                    .putHeader(USER_HEADER, caller.user())
                    .putHeader(ROLES_HEADER, String.join(",", caller.roles()));
        }
        return options;
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
