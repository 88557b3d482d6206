package io.aide.aihub.service;

import java.util.regex.Pattern;

/** Who is asking: the tenant and user the gateway put in X-Aide-Tenant and X-Aide-User. */
public record Caller(String tenantId, String userId, String correlationId) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@-]{0,127}");

    public static Caller of(String tenantHeader, String userHeader, String correlationHeader) {
        if (tenantHeader == null || tenantHeader.isBlank()) {
            throw AiHubException.badRequest("missing_tenant",
                    "Header X-Aide-Tenant is required on internal requests; call this service through the gateway.");
        }
        if (!NAME.matcher(tenantHeader.trim()).matches()) {
            throw AiHubException.badRequest("invalid_tenant",
                    "Header X-Aide-Tenant must be 1-64 letters, digits, '.', '_' or '-'.");
        }
        if (userHeader == null || userHeader.isBlank() || !NAME.matcher(userHeader.trim()).matches()) {
            throw AiHubException.badRequest("missing_user", "Header X-Aide-User is required: modeler sessions belong "
                    + "to one user. Call this service through the gateway with a user's token.");
        }
        return new Caller(tenantHeader.trim(), userHeader.trim(),
                correlationHeader == null || correlationHeader.isBlank() ? null : correlationHeader.trim());
    }
}
