package io.aide.testsupport;

import io.aide.internalauth.InternalIdentity;
import io.aide.internalauth.InternalTokens;

import java.util.List;

/**
 * Tests that call a service's internal API directly play the gateway: they sign an internal token with the secret
 * every service's {@code %test} profile holds ({@code %test.aide.internal.secret}).
 */
public final class InternalCalls {
    /** The same value as {@code %test.aide.internal.secret} in each service's application.properties. */
    public static final String TEST_SECRET = "aide-test-internal-secret-32-bytes-or-more";
    public static final String HEADER = InternalTokens.HEADER;
    private static final InternalTokens TOKENS = new InternalTokens(TEST_SECRET);

    private InternalCalls() {
    }

    /** A token for a gateway call on behalf of {@code user} of {@code tenant}. */
    public static String token(String tenant, String user) {
        return token(tenant, user, "engineer");
    }

    /** A token for a gateway call on behalf of {@code user} of {@code tenant} holding {@code roles} (comma-separated). */
    public static String token(String tenant, String user, String roles) {
        return TOKENS.sign(new InternalIdentity(tenant, user, List.of(roles.split(",")), "gateway-service"));
    }

    /** A token for a gateway call on behalf of a user of {@code tenant}. */
    public static String token(String tenant) {
        return token(tenant, "alice");
    }
}
