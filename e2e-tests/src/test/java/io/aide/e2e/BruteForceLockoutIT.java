package io.aide.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.events.EventJson;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The realm's brute force detection (infra/keycloak/aide-realm.json: 10 failures, or two within a second, lock an
 * account for 60 s and more) against the real Keycloak: wrong passwords typed on the realm's login page (the portal's
 * sign-in) lock the account, so even its right password is refused, and the tenant's audit log shows the failures
 * and the refusals of the locked account ({@code session.login_failed}, target {@code user_temporarily_disabled}).
 * The account {@code lockout-slow} (acme, viewer) exists for that test only. The realm's quick-login rule (two failures
 * closer together than {@code quickLoginCheckMilliSeconds}, 1 s, lock the account for
 * {@code minimumQuickLoginWaitSeconds}, 60 s) is shown through the gateway's own login ({@code POST /api/v1/session},
 * a password grant, one short round trip) on the account {@code lockout-quick} (acme, viewer), also there for it alone.
 */
class BruteForceLockoutIT {
    private static final int FAILURE_FACTOR = 10;
    private static final long QUICK_LOGIN_CHECK_MILLIS = 1000;
    private static final long MINIMUM_QUICK_LOGIN_WAIT_SECONDS = 60;

    /** A fresh browser at the realm's login page of a portal sign-in. */
    private static Attempt loginPage() {
        PortalBrowser browser = new PortalBrowser();
        HttpResponse<String> started = browser.startLogin("/documents");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(303);
        HttpResponse<String> page = browser.get(PortalBrowser.location(started));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return new Attempt(browser, page.body());
    }

    private record Attempt(PortalBrowser browser, String page) {
        /** Types user and password; the realm's next page (its form again after a refusal). */
        HttpResponse<String> type(String user, String password) {
            return browser.submitLogin(page, user, password);
        }
    }

    /**
     * The account is usable before the test: a lock left by an earlier run of this test (60 s) has run out, and a
     * successful sign-in clears the realm's failure count.
     */
    private static void signsInWithItsOwnPassword(String user) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(loginPage().type(user, user).statusCode()).isEqualTo(302));
    }

    private static List<JsonNode> failedLogins(String user, Instant since) {
        String query = "/api/v1/admin/audit?action=session.login_failed&limit=200&actor=" + user + "&from="
                + URLEncoder.encode(since.toString(), StandardCharsets.UTF_8);
        HttpResponse<String> answer = Stack.get(Stack.token("anna", "anna"), query);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        List<JsonNode> entries = new ArrayList<>();
        Stack.json(answer.body()).path("items").forEach(entries::add);
        return entries;
    }

    @Test
    void shouldLockAnAccountAfterTenWrongPasswordsSoEvenTheRightOneIsRefusedAndAuditIt() {
        // Given
        String user = "lockout-slow";
        signsInWithItsOwnPassword(user);
        Instant started = Instant.now().minusSeconds(2);

        // When: ten wrong passwords, each more than a second after the last (so the quick-login rule stays out of it)
        Attempt attempt = loginPage();
        List<Integer> wrong = new ArrayList<>();
        long[] last = {0L};
        for (int i = 0; i < FAILURE_FACTOR; i++) {
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
                    .until(() -> System.nanoTime() - last[0] > (QUICK_LOGIN_CHECK_MILLIS + 250) * 1_000_000L);
            HttpResponse<String> refused = attempt.type(user, "Wrong-" + UUID.randomUUID());
            last[0] = System.nanoTime();
            wrong.add(refused.statusCode());
            attempt = new Attempt(attempt.browser(), refused.body());
        }
        HttpResponse<String> right = loginPage().type(user, user);

        // Then: every wrong password was refused on the realm's page, and now the right one is too
        assertThat(wrong).hasSize(FAILURE_FACTOR).allMatch(status -> status == 200);
        assertThat(right.statusCode()).isEqualTo(200);
        assertThat(right.body()).contains("kc-form-login");
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<JsonNode> entries = failedLogins(user, started);
            List<String> targets = entries.stream().map(e -> e.path("target").asText()).toList();
            assertThat(targets).filteredOn("invalid_user_credentials"::equals).hasSize(FAILURE_FACTOR);
            assertThat(targets).contains("user_temporarily_disabled");
            assertThat(entries).allSatisfy(e -> {
                assertThat(e.path("tenant").asText()).isEqualTo("acme");
                assertThat(e.path("outcome").asText()).isEqualTo("refused");
            });
        });
    }

    /** The gateway's password login, waiting out its per-address rate limit (429) when other suites used it up. */
    private static Login gatewayLogin(String user, String password) {
        for (int attempt = 0; ; attempt++) {
            long started = System.nanoTime();
            URI login = URI.create(Stack.GATEWAY + "/api/v1/session");
            HttpResponse<String> answer = Stack.send(HttpRequest.newBuilder(login)
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(EventJson.toJson(Map.of("username", user,
                            "password", password)))).build());
            if (answer.statusCode() != 429 || attempt == 3) {
                return new Login(answer, started, System.nanoTime());
            }
            long wait = Long.parseLong(answer.headers().firstValue("Retry-After").orElse("5"));
            await().pollDelay(Duration.ofSeconds(wait)).atMost(Duration.ofSeconds(wait + 1)).until(() -> true);
        }
    }

    private record Login(HttpResponse<String> answer, long startedNanos, long endedNanos) {
        int status() {
            return answer.statusCode();
        }
    }

    @Test
    void shouldLockAnAccountForAMinuteAfterTwoWrongPasswordsWithinASecondThroughTheGatewaysLogin() {
        // Given: the account usable (an earlier run's lock has run out)
        String user = "lockout-quick";
        await().atMost(Duration.ofSeconds(MINIMUM_QUICK_LOGIN_WAIT_SECONDS + 30)).pollInterval(Duration.ofSeconds(5))
                .until(() -> gatewayLogin(user, user).status() == 200);

        // When: two wrong passwords back to back, far fewer than the failure factor
        Login first = gatewayLogin(user, "Wrong-" + UUID.randomUUID());
        Login second = gatewayLogin(user, "Wrong-" + UUID.randomUUID());
        long lockedAt = System.nanoTime();
        // the realm may record a failure just after answering it: a moment passes before the right password is typed
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> true);
        Login whileLocked = gatewayLogin(user, user);
        List<Login> refusals = new CopyOnWriteArrayList<>();
        await().atMost(Duration.ofSeconds(MINIMUM_QUICK_LOGIN_WAIT_SECONDS + 60)).pollInterval(Duration.ofSeconds(5))
                .until(() -> {
                    Login retry = gatewayLogin(user, user);
                    if (retry.status() != 200) {
                        refusals.add(retry);
                    }
                    return retry.status() == 200;
                });
        long lockedFor = (System.nanoTime() - lockedAt) / 1_000_000_000L;

        // Then: both failures reached the realm within the quick-login window
        assertThat(List.of(first, second)).allSatisfy(login -> {
            assertThat(login.status()).as(login.answer().body()).isEqualTo(401);
            assertThat(login.answer().headers().firstValue("Content-Type").orElse(""))
                    .contains("application/problem+json");
            assertThat(Stack.json(login.answer().body()).path("code").asText()).isEqualTo("invalid_credentials");
        });
        assertThat((second.endedNanos() - first.startedNanos()) / 1_000_000L)
                .as("both wrong passwords within %d ms", QUICK_LOGIN_CHECK_MILLIS).isLessThan(QUICK_LOGIN_CHECK_MILLIS);
        // the right password is refused while the lock lasts, as a 4xx problem, never a 5xx, never a session
        refusals.add(0, whileLocked);
        assertThat(refusals).allSatisfy(refused -> {
            assertThat(refused.status()).as(refused.answer().body()).isEqualTo(401);
            assertThat(refused.answer().headers().firstValue("Content-Type").orElse(""))
                    .contains("application/problem+json");
            assertThat(Stack.json(refused.answer().body()).path("code").asText()).isEqualTo("invalid_credentials");
            assertThat(refused.answer().headers().allValues("Set-Cookie")).isEmpty();
        });
        // and the lock lasts the configured minimum quick-login wait (two failures are far from the failure factor)
        assertThat(lockedFor).isBetween(MINIMUM_QUICK_LOGIN_WAIT_SECONDS - 5, MINIMUM_QUICK_LOGIN_WAIT_SECONDS + 60);
    }
}
