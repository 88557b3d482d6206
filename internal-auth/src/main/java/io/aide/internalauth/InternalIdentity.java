package io.aide.internalauth;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who an internal call acts for, as the signed token says: the tenant and user the gateway authenticated (or the
 * tenant of the event a service is working on), their realm roles, and the service that signed the call.
 * A service-only call (no tenant) may reach only endpoints that need no tenant.
 */
public record InternalIdentity(String tenant, String user, List<String> roles, String service) {
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9-]{1,64}");

    public InternalIdentity {
        Objects.requireNonNull(service, "service");
        if (!SERVICE.matcher(service).matches()) {
            throw new IllegalArgumentException("service must be 1-64 lower-case letters, digits or '-', got '" + service + "'");
        }
        if (tenant != null && !TENANT.matcher(tenant).matches()) {
            throw new IllegalArgumentException("tenant must be 1-64 letters, digits, '.', '_' or '-'");
        }
        if (user != null && (user.isBlank() || user.length() > 256)) {
            throw new IllegalArgumentException("user must be 1-256 characters when present");
        }
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** A call a service makes on behalf of a tenant (while handling that tenant's event), as itself. */
    public static InternalIdentity ofService(String service, String tenant) {
        return new InternalIdentity(tenant, service, List.of(), service);
    }
}
