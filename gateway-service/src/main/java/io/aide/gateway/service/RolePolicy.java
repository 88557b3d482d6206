package io.aide.gateway.service;

import java.util.Set;

/**
 * Realm roles against what a request does: {@code viewer} reads (GET, HEAD); {@code engineer} and {@code admin}
 * also upload, generate, edit, refine and cancel. A token with none of the three roles may do nothing.
 */
public final class RolePolicy {
    public static final String ADMIN = "admin";
    public static final String ENGINEER = "engineer";
    public static final String VIEWER = "viewer";
    private static final Set<String> READERS = Set.of(ADMIN, ENGINEER, VIEWER);
    private static final Set<String> WRITERS = Set.of(ADMIN, ENGINEER);

    private RolePolicy() {
    }

    /** Null when allowed, otherwise why not (for the 403 problem's detail). */
    public static String refusal(Caller caller, String method) {
        boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
        Set<String> needed = read ? READERS : WRITERS;
        if (caller.roles().stream().anyMatch(needed::contains)) {
            return null;
        }
        return read
                ? "User " + caller.user() + " has none of the roles admin, engineer or viewer; ask a tenant administrator for one."
                : "User " + caller.user() + " may only read (role viewer); uploading, generating and editing need the role "
                + "engineer or admin.";
    }
}
