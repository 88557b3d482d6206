package io.aide.gateway.apikey;

import java.security.Principal;

/** The caller behind an API key: the key's id, name and tenant (its role is the identity's only role). */
public record ApiKeyPrincipal(String keyId, String keyName, String tenant) implements Principal {
    /** User names of API-key callers read {@code apikey:<id>} downstream and in the audit log. */
    public static final String USER_PREFIX = "apikey:";

    @Override
    public String getName() {
        return USER_PREFIX + keyId;
    }
}
