package io.aide.gateway.service;

import io.aide.gateway.apikey.ApiKeyPrincipal;

import java.util.Set;

/**
 * Realm roles against what a request does, for every route of the API: {@code viewer} reads (GET, HEAD);
 * {@code engineer} also uploads, generates, edits, refines and cancels; {@code admin} also manages the tenant's
 * API keys and reads its audit log ({@code /api/v1/admin/**}, reads included). API keys are made by people: a key
 * may read the audit log when its role is admin, but never create or revoke keys. A token with none of the three
 * roles may do nothing.
 */
public final class RolePolicy {
    public static final String ADMIN = "admin";
    public static final String ENGINEER = "engineer";
    public static final String VIEWER = "viewer";
    public static final String ADMIN_PATHS = "/api/v1/admin/";
    public static final String API_KEY_PATHS = "/api/v1/admin/api-keys";
    private static final Set<String> READERS = Set.of(ADMIN, ENGINEER, VIEWER);
    private static final Set<String> WRITERS = Set.of(ADMIN, ENGINEER);

    /** Why a request is refused: the problem's code and detail. */
    public record Refusal(String code, String detail) {
    }

    private RolePolicy() {
    }

    /** Null when allowed, otherwise why not (for the 403 problem). */
    public static Refusal refusal(Caller caller, String method, String path) {
        boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        if (path.startsWith(ADMIN_PATHS) || path.equals(ADMIN_PATHS.substring(0, ADMIN_PATHS.length() - 1))) {
            if (!caller.roles().contains(ADMIN)) {
                return new Refusal("forbidden:role", "User " + caller.user() + " is not an administrator of tenant "
                        + caller.tenant() + "; API keys and the audit log need the role admin.");
            }
            if (caller.user().startsWith(ApiKeyPrincipal.USER_PREFIX) && path.startsWith(API_KEY_PATHS)) {
                return new Refusal("forbidden:api_key", "API keys cannot list, create or revoke API keys; an "
                        + "administrator does that in the portal or with a login token.");
            }
            return null;
        }
        Set<String> needed = read ? READERS : WRITERS;
        if (caller.roles().stream().anyMatch(needed::contains)) {
            return null;
        }
        return new Refusal("forbidden:role", read
                ? "User " + caller.user() + " has none of the roles admin, engineer or viewer; ask a tenant administrator for one."
                : "User " + caller.user() + " may only read (role viewer); uploading, generating and editing need the role "
                + "engineer or admin.");
    }
}
