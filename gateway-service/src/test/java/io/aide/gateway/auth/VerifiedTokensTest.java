package io.aide.gateway.auth;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedTokensTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);

    private SecurityIdentity identityExpiringAt(long expSeconds) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("alice");
        claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(expSeconds));
        return QuarkusSecurityIdentity.builder().setPrincipal(new DefaultJWTCallerPrincipal(claims)).build();
    }

    @Test
    void shouldAnswerARememberedTokenOnlyUntilItsOwnExpiry() {
        // Given: a token expiring in 20 s, a cache TTL of 60 s
        VerifiedTokens tokens = new VerifiedTokens(10, 60_000, now::get);
        SecurityIdentity identity = identityExpiringAt(now.get() / 1000 + 20);
        tokens.remember("token-a", identity);

        // When
        SecurityIdentity justBefore;
        now.addAndGet(19_999);
        justBefore = tokens.find("token-a");
        now.addAndGet(1);
        SecurityIdentity atExpiry = tokens.find("token-a");

        // Then
        assertThat(justBefore).isSameAs(identity);
        assertThat(atExpiry).isNull();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void shouldForgetAVerificationAfterTheTtlEvenWhenTheTokenLivesLonger() {
        // Given
        VerifiedTokens tokens = new VerifiedTokens(10, 60_000, now::get);
        tokens.remember("token-b", identityExpiringAt(now.get() / 1000 + 900));

        // When
        now.addAndGet(60_000);

        // Then
        assertThat(tokens.find("token-b")).isNull();
    }

    @Test
    void shouldKeepNoMoreThanItsCapacityDroppingTheLeastRecentlyUsed() {
        // Given
        VerifiedTokens tokens = new VerifiedTokens(2, 60_000, now::get);
        long exp = now.get() / 1000 + 900;
        tokens.remember("one", identityExpiringAt(exp));
        tokens.remember("two", identityExpiringAt(exp));
        tokens.find("one");

        // When
        tokens.remember("three", identityExpiringAt(exp));

        // Then
        assertThat(tokens.size()).isEqualTo(2);
        assertThat(tokens.find("two")).isNull();
        assertThat(tokens.find("one")).isNotNull();
        assertThat(tokens.find("three")).isNotNull();
    }

    @Test
    void shouldNotKeepAnExpiredTokenATokenWithoutExpiryOrAnythingWhenTurnedOff() {
        // Given
        VerifiedTokens tokens = new VerifiedTokens(10, 60_000, now::get);
        VerifiedTokens off = new VerifiedTokens(0, 60_000, now::get);

        // When
        tokens.remember("expired", identityExpiringAt(now.get() / 1000 - 1));
        tokens.remember("no-exp", QuarkusSecurityIdentity.builder()
                .setPrincipal(new DefaultJWTCallerPrincipal(new JwtClaims())).build());
        off.remember("fresh", identityExpiringAt(now.get() / 1000 + 900));

        // Then
        assertThat(tokens.size()).isZero();
        assertThat(off.find("fresh")).isNull();
        assertThat(off.enabled()).isFalse();
    }

    @Test
    void shouldKeyByAHashNeverByTheTokenItself() {
        // When
        String key = VerifiedTokens.hash("eyJhbGciOiJSUzI1NiJ9.secret.sig");

        // Then
        assertThat(key).hasSize(64).matches("[0-9a-f]+").doesNotContain("secret");
    }
}
