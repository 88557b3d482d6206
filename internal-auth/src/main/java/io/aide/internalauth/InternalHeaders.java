package io.aide.internalauth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The identity headers the internal APIs read, and how a service's filter fills them: only from a verified
 * {@link InternalIdentity}, after dropping whatever the caller sent under those names.
 */
public final class InternalHeaders {
    public static final String TENANT = "X-Aide-Tenant";
    public static final String USER = "X-Aide-User";
    public static final String ROLES = "X-Aide-Roles";
    public static final String CALLING_SERVICE = "X-Aide-Calling-Service";
    /** Every header a filter must strip from the incoming request before setting them from the token. */
    public static final List<String> DERIVED = List.of(TENANT, USER, ROLES, CALLING_SERVICE);
    public static final String PROBLEM_JSON = "application/problem+json";

    private InternalHeaders() {
    }

    /** The headers a verified identity stands for; tenant and user are absent for a service-only call. */
    public static Map<String, String> of(InternalIdentity identity) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (identity.tenant() != null) {
            headers.put(TENANT, identity.tenant());
        }
        if (identity.user() != null) {
            headers.put(USER, identity.user());
        }
        headers.put(ROLES, String.join(",", identity.roles()));
        headers.put(CALLING_SERVICE, identity.service());
        return headers;
    }

    /** The problem+json body of a 401 for a call without a valid internal token (the reason, never the token). */
    public static Map<String, Object> refusal(String reason, String path) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://aide.io/problems/unauthorized/internal_token");
        problem.put("title", "Unauthorized");
        problem.put("status", 401);
        problem.put("detail", reason + ". This internal API answers only calls signed by the gateway or a sibling "
                + "service; call it through the gateway.");
        problem.put("code", "unauthorized:internal_token");
        problem.put("instance", path);
        return problem;
    }
}
