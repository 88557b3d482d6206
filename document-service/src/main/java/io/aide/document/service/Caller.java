package io.aide.document.service;

import java.util.regex.Pattern;

/** Who is asking: the tenant and user the gateway put in X-Aide-Tenant and X-Aide-User. */
public record Caller(String tenantId, String userId, String correlationId) {
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    public static Caller of(String tenantHeader, String userHeader, String correlationHeader) {
        if (tenantHeader == null || tenantHeader.isBlank()) {
            throw DocumentServiceException.badRequest("missing_tenant",
                    "Header X-Aide-Tenant is required on internal requests; call this service through the gateway.");
        }
        String tenant = tenantHeader.trim();
        if (!TENANT.matcher(tenant).matches()) {
            throw DocumentServiceException.badRequest("invalid_tenant",
                    "Header X-Aide-Tenant must be 1-64 letters, digits, '.', '_' or '-'.");
        }
        String user = userHeader == null || userHeader.isBlank() ? null : userHeader.trim();
        String correlation = correlationHeader == null || correlationHeader.isBlank() ? null : correlationHeader.trim();
        return new Caller(tenant, user, correlation);
    }
}
