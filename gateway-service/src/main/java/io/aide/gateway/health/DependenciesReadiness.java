package io.aide.gateway.health;

import io.aide.gateway.client.Downstream;
import io.aide.gateway.config.GatewayConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ready when Redis answers PING, Keycloak serves the realm's discovery document and every downstream service
 * is ready. (Kafka readiness comes from the messaging extension's own check.)
 */
@Readiness
@ApplicationScoped
public class DependenciesReadiness implements AsyncHealthCheck {
    private final GatewayConfig config;
    private final ReactiveRedisDataSource redis;
    private final ReachabilityCheck reachability;

    public DependenciesReadiness(GatewayConfig config, ReactiveRedisDataSource redis, Vertx vertx) {
        this.config = config;
        this.redis = redis;
        this.reachability = new ReachabilityCheck(vertx);
    }

    @PreDestroy
    void close() {
        reachability.close();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        Map<String, Uni<String>> probes = new LinkedHashMap<>();
        probes.put("redis", redis.execute("PING").map(r -> "UP")
                .onFailure().recoverWithItem(e -> "unreachable: " + e.getMessage()));
        String realm = config.oidcUrl().endsWith("/") ? config.oidcUrl() : config.oidcUrl() + "/";
        probes.put("keycloak", reachability.probe(realm + ".well-known/openid-configuration"));
        for (Downstream service : Downstream.values()) {
            probes.put(service.serviceName(), reachability.probe(service.baseUrl(config) + "/q/health/ready"));
        }
        List<String> names = new ArrayList<>(probes.keySet());
        return Uni.join().all(new ArrayList<>(probes.values())).andFailFast().map(results -> {
            HealthCheckResponseBuilder builder = HealthCheckResponse.named("gateway dependencies").up();
            for (int i = 0; i < names.size(); i++) {
                builder.withData(names.get(i), results.get(i));
                if (!"UP".equals(results.get(i))) {
                    builder.down();
                }
            }
            return builder.build();
        });
    }
}
