package io.aide.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** Bad input at the edge: every refusal is a 4xx problem+json with a stable code, never a 5xx or a stack trace. */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class HardeningTest {
    @io.quarkus.test.common.http.TestHTTPResource("/")
    URI base;

    @Test
    void shouldRefuseANulByteInAnIdBeforeAnyServiceSeesIt() throws Exception {
        // When
        Raw answer = raw("/api/v1/documents/doc%00x", Tokens.alice());

        // Then
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(answer.body()).contains("\"code\":\"invalid_path\"").doesNotContain("Exception");
        GatewayTestResource.downstream().verify(0, getRequestedFor(urlMatching("/internal/v1/documents/doc.x.*")));
    }

    @Test
    void shouldRefuseDotSegmentsAndBrokenEscapesWith400Problems() throws Exception {
        // When
        Raw dots = raw("/api/v1/session/../x", Tokens.alice());
        Raw escape = raw("/api/v1/documents/%zz", Tokens.alice());

        // Then: Vert.x's router refuses these before any route; its error handler answers with a problem
        for (Raw answer : List.of(dots, escape)) {
            assertThat(answer.statusCode()).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(answer.body()).contains("\"code\":\"invalid_path\"").doesNotContain("at io.")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void shouldAnswerAnEmptyBearerAndAnOverLongUriWithProblems() throws Exception {
        // When
        Raw emptyBearer = raw("/api/v1/documents", "");
        Raw longUri = raw("/api/v1/documents?q=" + "a".repeat(9000), Tokens.alice());

        // Then
        assertThat(emptyBearer.statusCode()).isEqualTo(401);
        assertThat(emptyBearer.body()).contains("\"code\":\"unauthorized:missing_token\"");
        assertThat(longUri.statusCode()).isEqualTo(414);
        assertThat(longUri.body()).contains("\"code\":\"uri_too_long\"");
    }

    @Test
    void shouldAnswerAJsonArrayOrWrongTypesWithA400Problem() {
        // When / Then
        given().auth().oauth2(Tokens.alice()).contentType(ContentType.JSON).body("[1, 2]")
                .post("/api/v1/generations").then().statusCode(400).contentType("application/problem+json")
                .body("code", not(equalTo(null)));
        given().auth().oauth2(Tokens.alice()).contentType(ContentType.JSON)
                .body("{\"documentId\": {\"a\": 1}, \"dialects\": 5}")
                .post("/api/v1/generations").then().statusCode(400).contentType("application/problem+json")
                .body(not(containsString("Exception")));
    }

    @Test
    void shouldAnswer413ToAChunkedUploadOverTheLimitWithoutContentLength() {
        // Given: 2 MB sent chunked (no Content-Length) against the test limit of 1 MB
        GatewayTestResource.downstream().stubFor(post(urlEqualTo("/internal/v1/documents"))
                .withRequestBody(containing("chunked-marker"))
                .willReturn(aResponse().withStatus(202).withBody("{}")));
        byte[] big = new byte[2 * 1024 * 1024];
        Arrays.fill(big, (byte) 'x');
        byte[] marker = "chunked-marker".getBytes();
        System.arraycopy(marker, 0, big, 0, marker.length);

        // When / Then
        given().auth().oauth2(Tokens.alice()).contentType("application/octet-stream")
                .body(new ByteArrayInputStream(big)).post("/api/v1/documents").then().statusCode(413)
                .contentType("application/problem+json").body("code", equalTo("upload_too_large"));
    }

    @Test
    void shouldRateLimitLoginAttemptsPerAddress() {
        // Given: the realm refuses every password
        GatewayTestResource.downstream().stubFor(post(urlEqualTo("/realms/aide/protocol/openid-connect/token"))
                .withRequestBody(containing("username=guesser"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\"}")));

        // When: more attempts than the test burst of 8
        int refused = 0;
        for (int i = 0; i < 14; i++) {
            int status = given().contentType(ContentType.JSON).body("{\"username\":\"guesser\",\"password\":\"p" + i + "\"}")
                    .post("/api/v1/session").statusCode();
            refused += status == 429 ? 1 : 0;
        }

        // Then: some were refused, and the bucket refills
        assertThat(refused).isPositive();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().contentType(ContentType.JSON)
                .body("{\"username\":\"guesser\",\"password\":\"again\"}").post("/api/v1/session").then()
                .statusCode(401));
    }

    /** What came back over a raw socket: the request line is sent exactly as written (no client re-encodes it). */
    record Raw(int statusCode, String head, String body) {
        java.net.http.HttpHeaders headers() {
            java.util.Map<String, java.util.List<String>> map = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    map.computeIfAbsent(line.substring(0, colon).trim(), k -> new java.util.ArrayList<>())
                            .add(line.substring(colon + 1).trim());
                }
            }
            return java.net.http.HttpHeaders.of(map, (a, b) -> true);
        }
    }

    private Raw raw(String pathAndQuery, String token) throws Exception {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(15_000);
            String request = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                    + "Authorization: Bearer " + token + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int split = answer.indexOf("\r\n\r\n");
            String head = split < 0 ? answer : answer.substring(0, split);
            String body = split < 0 ? "" : answer.substring(split + 4);
            return new Raw(Integer.parseInt(head.split(" ")[1]), head, body);
        }
    }
}
