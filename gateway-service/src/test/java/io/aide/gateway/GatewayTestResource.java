package io.aide.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.ValueMatcher;
import io.aide.internalauth.InternalIdentity;
import io.aide.internalauth.InternalTokenRefused;
import io.aide.internalauth.InternalTokens;
import io.aide.testsupport.AideTestEnvironment;
import io.aide.testsupport.InternalCalls;
import io.aide.testsupport.Infra;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The gateway's neighbours in tests: the real test-environment Redis and PostgreSQL (schema gateway), and one WireMock standing in for
 * document-service, sqlgen-service, validator, ai-hub and the realm's token endpoint.
 */
public class GatewayTestResource implements QuarkusTestResourceLifecycleManager {
    private static final InternalTokens TOKENS = new InternalTokens(InternalCalls.TEST_SECRET);
    private static WireMockServer downstream;

    public static WireMockServer downstream() {
        return downstream;
    }

    /** Matches a downstream call whose signed internal token is valid and acts for {@code tenant} (and {@code user}). */
    public static ValueMatcher<Request> signedFor(String tenant, String user) {
        return request -> {
            try {
                InternalIdentity identity = TOKENS.verify(request.getHeader(InternalTokens.HEADER));
                return MatchResult.of(tenant.equals(identity.tenant()) && (user == null || user.equals(identity.user()))
                        && "gateway-service".equals(identity.service()) && request.getHeader("X-Aide-Tenant") == null);
            } catch (InternalTokenRefused e) {
                return MatchResult.noMatch();
            }
        };
    }

    /** Matches a downstream call signed for {@code tenant} whose token carries {@code role}. */
    public static ValueMatcher<Request> signedWithRole(String tenant, String role) {
        return request -> {
            try {
                InternalIdentity identity = TOKENS.verify(request.getHeader(InternalTokens.HEADER));
                return MatchResult.of(tenant.equals(identity.tenant()) && identity.roles().contains(role));
            } catch (InternalTokenRefused e) {
                return MatchResult.noMatch();
            }
        };
    }

    public static ValueMatcher<Request> signedFor(String tenant) {
        return signedFor(tenant, null);
    }

    @Override
    public Map<String, String> start() {
        AideTestEnvironment.ensureRunning();
        downstream = new WireMockServer(wireMockConfig().dynamicPort());
        downstream.start();
        String url = downstream.baseUrl();
        return Map.of(
                "quarkus.datasource.jdbc.url", Infra.pgJdbcUrl("gateway"),
                "quarkus.datasource.username", Infra.pgUser(),
                "quarkus.datasource.password", Infra.pgPassword(),
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
