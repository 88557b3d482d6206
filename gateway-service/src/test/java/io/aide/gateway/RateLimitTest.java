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
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
@TestProfile(RateLimitTest.TightLimit.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class RateLimitTest {
    /** Hands each client address out once, so no two sign-ins share a bucket by chance. */
    private static final AtomicInteger NEXT_HOST = new AtomicInteger();
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
                    "aide.gateway.rate-limit.login-flow-refill-per-second", "0.01",
                    "aide.gateway.trusted-proxies", "127.0.77.0/24,127.0.78.9");
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
        String address = loopback(66);
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

    /** A loopback address in 127.0.{third}.0/24 that no other call in this run has handed out. */
    private static String loopback(int third) {
        return "127.0." + third + "." + (2 + NEXT_HOST.getAndIncrement() % 253);
    }

    /** A documentation address (198.51.0.0/16) that no other call in this run has handed out. */
    private static String documentationAddress() {
        int host = NEXT_HOST.getAndIncrement();
        return "198.51." + (host / 254) % 256 + "." + (1 + host % 254);
    }

    @Test
    void shouldLimitTheClientATrustedProxyForwardsForNotTheProxy() throws IOException {
        // Given: a trusted proxy (127.0.77.0/24) forwards three sign-ins of one client
        String proxy = loopback(77);
        String client = documentationAddress();
        Map<String, String> forwarded = Map.of("X-Forwarded-For", client);
        for (int i = 0; i < 3; i++) {
            assertThat(FromAddress.request(proxy, port, "GET", "/api/v1/session/login", forwarded).status())
                    .isEqualTo(303);
        }

        // When: a fourth of that client, and one of another client through the same proxy
        FromAddress.Answer limited = FromAddress.request(proxy, port, "GET", "/api/v1/session/login", forwarded);
        FromAddress.Answer otherClient = FromAddress.request(proxy, port, "GET", "/api/v1/session/login",
                Map.of("X-Forwarded-For", documentationAddress()));

        // Then: the bucket is the forwarded client's
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body()).contains("\"code\":\"rate_limited:login\"");
        assertThat(otherClient.status()).isEqualTo(303);
    }

    @Test
    void shouldKeepThePeersBucketWhatEverAnUntrustedPeerForwardsFor() throws IOException {
        // Given: a peer that is no trusted proxy sends a fresh X-Forwarded-For with each of three sign-ins
        String peer = loopback(88);
        for (int i = 0; i < 3; i++) {
            assertThat(FromAddress.request(peer, port, "GET", "/api/v1/session/login",
                    Map.of("X-Forwarded-For", documentationAddress())).status()).isEqualTo(303);
        }

        // When: a fourth, claiming yet another client, and one claiming to come through a trusted proxy
        FromAddress.Answer spoofed = FromAddress.request(peer, port, "GET", "/api/v1/session/login",
                Map.of("X-Forwarded-For", documentationAddress()));
        FromAddress.Answer spoofedChain = FromAddress.request(peer, port, "GET", "/api/v1/session/login",
                Map.of("X-Forwarded-For", documentationAddress() + ", 127.0.78.9"));

        // Then: the forged header changed nothing; the peer's own bucket is empty
        assertThat(spoofed.status()).isEqualTo(429);
        assertThat(spoofedChain.status()).isEqualTo(429);
    }

    @Test
    void shouldRecordTheForwardedClientInTheAuditLogOnlyBehindATrustedProxy() throws IOException {
        // Given: a tenant of its own; its viewer tries a change through a trusted proxy and directly with a forged header
        String tenant = "xff" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String viewer = Tokens.with("vera", tenant, "viewer");
        String client = documentationAddress();
        String forged = documentationAddress();
        String peer = loopback(88);

        // When
        int viaProxy = FromAddress.request(loopback(77), port, "DELETE", "/api/v1/generations/gen_via_proxy",
                Map.of("Authorization", "Bearer " + viewer, "X-Forwarded-For", client)).status();
        int direct = FromAddress.request(peer, port, "DELETE", "/api/v1/generations/gen_direct",
                Map.of("Authorization", "Bearer " + viewer, "X-Forwarded-For", forged)).status();

        // Then
        assertThat(viaProxy).isEqualTo(403);
        assertThat(direct).isEqualTo(403);
        // (an admin of its own per read: this profile's bucket per user holds three requests)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(500)).untilAsserted(() -> {
            String admin = Tokens.with("adam-" + UUID.randomUUID(), tenant, "admin");
            var page = given().auth().oauth2(admin).get("/api/v1/admin/audit?action=generation.cancel").then()
                    .statusCode(200).extract().jsonPath();
            assertThat(page.getString("items.find { it.target == 'gen_via_proxy' }.clientAddress")).isEqualTo(client);
            assertThat(page.getString("items.find { it.target == 'gen_direct' }.clientAddress")).isEqualTo(peer);
        });
    }

    @Test
    void shouldLimitSignInsCompletedPerAccountAndEndTheRealmSessionOfTheRefusedOne() throws IOException {
        // Given: one account signs in from four addresses (each address well within its own bucket)
        String account = "acct-" + UUID.randomUUID().toString().substring(0, 8);
        List<Integer> statuses = new ArrayList<>();
        FromAddress.Answer last = null;
        String lastCode = null;
        for (int i = 0; i < 4; i++) {
            String address = loopback(99);
            FromAddress.Answer login = FromAddress.get(address, port, "/api/v1/session/login?return_to=/documents");
            Map<String, String> query = PortalLoginTest.query(login.header("location"));
            String nonce = login.header("set-cookie").split(";")[0];
            lastCode = "code-" + UUID.randomUUID();
            PortalLoginTest.realmExchanges(lastCode, query.get("code_challenge"), Tokens.of(account, "acme"));

            // When
            last = FromAddress.request(address, port, "GET", "/api/v1/session/callback?state=" + query.get("state")
                    + "&code=" + lastCode, Map.of("Cookie", nonce));
            statuses.add(last.status());
        }

        // Then: three sign-ins of the account pass, the fourth is refused and its fresh realm session ended
        assertThat(statuses).containsExactly(303, 303, 303, 429);
        assertThat(last.header("content-type")).startsWith("application/problem+json");
        assertThat(last.body()).contains("\"code\":\"rate_limited:login\"");
        assertThat(Long.parseLong(last.header("retry-after"))).isPositive();
        assertThat(last.header("set-cookie")).doesNotContain("aide_token=ey");
        GatewayTestResource.downstream().verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(
                                "/realms/aide/protocol/openid-connect/logout"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(
                        "refresh_token=refresh-" + lastCode)));
    }
}
