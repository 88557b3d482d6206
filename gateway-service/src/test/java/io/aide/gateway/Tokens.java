package io.aide.gateway;

import io.smallrye.jwt.build.Jwt;

import java.util.List;
import java.util.Map;

/** Access tokens signed with the key the OIDC WireMock publishes, as Keycloak would issue them for realm aide. */
final class Tokens {
    static String of(String user, String tenant) {
        var claims = Jwt.preferredUserName(user).claim("realm_access", Map.of("roles", List.of("engineer")))
                .issuer("https://server.example.com").audience("https://service.example.com").subject(user);
        if (tenant != null) {
            claims.claim("tenant", tenant);
        }
        return claims.jws().keyId("1").sign();
    }

    /** A token of {@code user} in {@code tenant} with the given realm roles. */
    static String with(String user, String tenant, String... roles) {
        return Jwt.preferredUserName(user).claim("realm_access", Map.of("roles", List.of(roles)))
                .claim("tenant", tenant).issuer("https://server.example.com").audience("https://service.example.com")
                .subject(user).jws().keyId("1").sign();
    }

    /** A token of {@code user} in {@code tenant} that expires {@code seconds} from now. */
    static String expiringIn(String user, String tenant, long seconds) {
        return Jwt.preferredUserName(user).claim("realm_access", Map.of("roles", List.of("engineer")))
                .claim("tenant", tenant).issuer("https://server.example.com").audience("https://service.example.com")
                .subject(user).expiresIn(seconds).jws().keyId("1").sign();
    }

    static String alice() {
        return of("alice", "acme");
    }

    static String bob() {
        return of("bob", "globex");
    }

    private Tokens() {
    }
}
