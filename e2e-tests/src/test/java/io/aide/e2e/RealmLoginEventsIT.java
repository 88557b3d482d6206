package io.aide.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A wrong password typed on Keycloak's own login page (the portal's sign-in) reaches the audit log of the account's
 * tenant: the realm records LOGIN_ERROR, the gateway reads it with its events client and writes
 * {@code session.login_failed}. Against the running gateway and the real Keycloak.
 */
class RealmLoginEventsIT {

    @Test
    void shouldAuditAWrongPasswordOnTheRealmsLoginPageForTheAccountsTenantOnly() {
        // Given: alice opens the portal's sign-in and reaches the realm's login page
        Instant started = Instant.now().minusSeconds(2);
        String wrongPassword = "Wrong-" + UUID.randomUUID();
        PortalBrowser browser = new PortalBrowser();
        HttpResponse<String> page = browser.get(PortalBrowser.location(browser.startLogin("/documents")));
        assertThat(page.statusCode()).isEqualTo(200);

        // When: she types a wrong password
        HttpResponse<String> refused = browser.submitLogin(page.body(), "alice", wrongPassword);

        // Then: the realm shows its form again, and acme's admin finds the failed login in the audit log
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("kc-form-login");
        String anna = Stack.token("anna", "anna");
        String query = "/api/v1/admin/audit?action=session.login_failed&limit=200&from="
                + URLEncoder.encode(started.toString(), StandardCharsets.UTF_8);
        List<JsonNode> acme = new ArrayList<>();
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            HttpResponse<String> answer = Stack.get(anna, query + "&actor=alice");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).doesNotContain(wrongPassword);
            acme.clear();
            Stack.json(answer.body()).path("items").forEach(acme::add);
            assertThat(acme).isNotEmpty();
        });
        JsonNode entry = acme.get(0);
        assertThat(entry.path("tenant").asText()).isEqualTo("acme");
        assertThat(entry.path("actorKind").asText()).isEqualTo("user");
        assertThat(entry.path("outcome").asText()).isEqualTo("refused");
        assertThat(entry.path("target").asText()).isEqualTo("invalid_user_credentials");
        assertThat(entry.path("path").asText()).isEqualTo("/realms/aide/login-actions/authenticate");
        assertThat(entry.path("clientAddress").asText()).isNotBlank();
        // globex's admin sees none of it
        HttpResponse<String> globex = Stack.get(Stack.token("gwen", "gwen"), query);
        assertThat(globex.statusCode()).as(globex.body()).isEqualTo(200);
        List<String> globexActors = new ArrayList<>();
        Stack.json(globex.body()).path("items").forEach(e -> globexActors.add(e.path("actor").asText()));
        assertThat(globexActors).doesNotContain("alice");
        assertThat(globex.body()).doesNotContain(wrongPassword);
    }
}
