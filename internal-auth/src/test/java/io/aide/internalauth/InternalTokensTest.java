package io.aide.internalauth;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InternalTokensTest {
    private static final String SECRET = "a-test-secret-of-at-least-32-bytes!!";
    private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
    private final InternalTokens tokens = at(NOW);

    private static InternalTokens at(Instant instant) {
        return new InternalTokens(SECRET, Clock.fixed(instant, ZoneOffset.UTC), Duration.ofSeconds(60));
    }

    @Test
    void shouldCarryTenantUserRolesAndServiceThroughARoundTrip() throws InternalTokenRefused {
        // Given
        InternalIdentity alice = new InternalIdentity("acme", "alice", List.of("engineer"), "gateway-service");

        // When
        InternalIdentity verified = tokens.verify(tokens.sign(alice));

        // Then
        assertThat(verified).isEqualTo(alice);
    }

    @Test
    void shouldRefuseATokenSignedWithAnotherSecret() {
        // Given
        String foreign = new InternalTokens("another-secret-of-at-least-32-bytes!",
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(60))
                .sign(InternalIdentity.ofService("sqlgen-service", "acme"));

        // When / Then
        assertThatThrownBy(() -> tokens.verify(foreign)).isInstanceOf(InternalTokenRefused.class)
                .hasMessageContaining("signature");
    }

    @Test
    void shouldRefuseATokenWhoseClaimsWereChangedAfterSigning() {
        // Given: acme's token with the tenant swapped for globex
        String[] parts = tokens.sign(InternalIdentity.ofService("sqlgen-service", "acme")).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("acme", "globex");
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        // When / Then
        assertThatThrownBy(() -> tokens.verify(forged)).isInstanceOf(InternalTokenRefused.class)
                .hasMessageContaining("signature");
    }

    @Test
    void shouldRefuseAnUnsignedToken() {
        // Given: alg=none with the claims of a valid token and no signature
        String[] parts = tokens.sign(InternalIdentity.ofService("gateway-service", "acme")).split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + parts[1] + ".";

        // When / Then
        assertThatThrownBy(() -> tokens.verify(none)).isInstanceOf(InternalTokenRefused.class);
        assertThatThrownBy(() -> tokens.verify(none + "x")).isInstanceOf(InternalTokenRefused.class)
                .hasMessageContaining("HS256");
    }

    @Test
    void shouldRefuseAnExpiredTokenButTolerateSmallClockSkew() throws InternalTokenRefused {
        // Given
        String token = tokens.sign(InternalIdentity.ofService("gateway-service", "acme"));

        // When
        InternalIdentity slightlyLate = at(NOW.plusSeconds(60 + 20)).verify(token);

        // Then
        assertThat(slightlyLate.tenant()).isEqualTo("acme");
        assertThatThrownBy(() -> at(NOW.plusSeconds(60 + 31)).verify(token)).isInstanceOf(InternalTokenRefused.class)
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> at(NOW.minusSeconds(120)).verify(token)).isInstanceOf(InternalTokenRefused.class)
                .hasMessageContaining("lifetime");
    }

    @Test
    void shouldRefuseGarbageAndMissingTokensWithAReason() {
        // When / Then
        assertThatThrownBy(() -> tokens.verify(null)).hasMessage("no internal token");
        assertThatThrownBy(() -> tokens.verify("")).hasMessage("no internal token");
        assertThatThrownBy(() -> tokens.verify("acme")).hasMessageContaining("not a signed JWT");
        assertThatThrownBy(() -> tokens.verify("%%%.%%%.%%%")).isInstanceOf(InternalTokenRefused.class);
    }

    @Test
    void shouldRefuseAShortSecret() {
        // When / Then
        assertThatThrownBy(() -> new InternalTokens("short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(InternalTokens.SECRET_ENV);
    }
}
