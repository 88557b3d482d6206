package io.aide.gateway.health;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/** A GET that must answer 200 within a couple of seconds. */
final class ReachabilityCheck {
    private final HttpClient http;

    ReachabilityCheck(Vertx vertx) {
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2_000));
    }

    Uni<String> probe(String url) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url).setTimeout(3_000);
        return Uni.createFrom().completionStage(() -> http.request(options)
                        .compose(HttpClientRequest::send)
                        .map(response -> response.statusCode() == 200 ? "UP" : "answered " + response.statusCode())
                        .toCompletionStage())
                .onFailure().recoverWithItem(e -> "unreachable: " + e.getMessage());
    }

    void close() {
        http.close();
    }
}
