package io.aide.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@TestProfile(RateLimitTest.TightLimit.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class RateLimitTest {
    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URL root;
    private int port;

    @org.junit.jupiter.api.BeforeEach
    void port() {
        port = root.getPort();
    }

    public static class TightLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("aide.gateway.rate-limit.capacity", "3", "aide.gateway.rate-limit.refill-per-second", "0.1",
                    "aide.gateway.rate-limit.tenant-expensive-capacity", "4",
                    "aide.gateway.rate-limit.tenant-expensive-refill-per-second", "0.01",
                    "aide.gateway.rate-limit.login-flow-capacity", "3",
                    "aide.gateway.rate-limit.login-flow-refill-per-second", "0.01");
        }
    }

    @Test
    void shouldAnswer429WithRetryAfterOnceTheBucketIsEmpty() {
        // Given: a user of its own, so no other test shares the bucket
        String token = Tokens.of("burst-" + UUID.randomUUID(), "acme");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get("/api/v1/me").then().statusCode(200);
        }

        // When
        Response limited = given().auth().oauth2(token).get("/api/v1/me");

        // Then
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.jsonPath().getString("code")).isEqualTo("rate_limited");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 10L);
        given().auth().oauth2(Tokens.of("other-" + UUID.randomUUID(), "acme")).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void shouldLimitPortalSignInsPerClientAddressWith429ProblemAndRetryAfter() throws IOException {
        // Given: a client address of its own (a loopback address no other test uses) starts three sign-ins
        String address = "127.0." + ThreadLocalRandom.current().nextInt(1, 255) + "."
                + ThreadLocalRandom.current().nextInt(2, 255);
        List<Integer> started = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            started.add(FromAddress.get(address, port, "/api/v1/session/login?return_to=/documents").status());
        }
        started.add(FromAddress.get(address, port, "/api/v1/session/callback?state=s&code=c").status());

        // When: a fourth, a callback, from the same address and from another
        FromAddress.Answer limited = FromAddress.get(address, port, "/api/v1/session/login");
        FromAddress.Answer limitedCallback = FromAddress.get(address, port, "/api/v1/session/callback?state=s&code=c");
        FromAddress.Answer elsewhere = FromAddress.get("127.0.0.1", port, "/api/v1/session/login");

        // Then
        assertThat(started).containsExactly(303, 303, 303);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("content-type")).startsWith("application/problem+json");
        assertThat(limited.body()).contains("\"code\":\"rate_limited:login\"");
        assertThat(Long.parseLong(limited.header("retry-after"))).isPositive();
        assertThat(limitedCallback.status()).isEqualTo(429);
        assertThat(elsewhere.status()).isEqualTo(303);
    }

    @Test
    void shouldLimitExpensiveRequestsOfAWholeTenantAcrossItsUsers() {
        // Given: a tenant of its own; two users start two generations each (refused later for their empty body)
        String tenant = "burst" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        for (String user : new String[] {"ann", "ben"}) {
            String token = Tokens.of(user, tenant);
            for (int i = 0; i < 2; i++) {
                given().auth().oauth2(token).contentType("application/json").body("{}").post("/api/v1/generations")
                        .then().statusCode(400);
            }
        }
        String third = Tokens.of("cid", tenant);

        // When
        Response limited = given().auth().oauth2(third).contentType("application/json").body("{}")
                .post("/api/v1/generations");

        // Then: the tenant's bucket is empty for every user, while reads and other tenants go on
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.jsonPath().getString("code")).isEqualTo("rate_limited:tenant");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
        given().auth().oauth2(third).get("/api/v1/me").then().statusCode(200);
        given().auth().oauth2(Tokens.of("cid", tenant + "x")).contentType("application/json").body("{}")
                .post("/api/v1/generations").then().statusCode(400);
    }
}
