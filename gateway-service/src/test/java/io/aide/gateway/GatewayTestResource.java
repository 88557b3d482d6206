package io.aide.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.aide.testsupport.AideTestEnvironment;
import io.aide.testsupport.Infra;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The gateway's neighbours in tests: the real test-environment Redis, and one WireMock standing in for
 * document-service, sqlgen-service, validator, ai-hub and the realm's token endpoint.
 */
public class GatewayTestResource implements QuarkusTestResourceLifecycleManager {
    private static WireMockServer downstream;

    public static WireMockServer downstream() {
        return downstream;
    }

    @Override
    public Map<String, String> start() {
        AideTestEnvironment.ensureRunning();
        downstream = new WireMockServer(wireMockConfig().dynamicPort());
        downstream.start();
        String url = downstream.baseUrl();
        return Map.of(
                "quarkus.redis.hosts", Infra.redisUrl(),
                "aide.gateway.document-url", url,
                "aide.gateway.sqlgen-url", url,
                "aide.gateway.validator-url", url,
                "aide.gateway.aihub-url", url,
                "aide.gateway.oidc-url", url + "/realms/aide");
    }

    @Override
    public void stop() {
        if (downstream != null) {
            downstream.stop();
        }
    }
}
