package io.aide.aihub.rest;

import java.util.Arrays;

/** The caller's realm roles as the verified internal token states them (X-Aide-Roles, comma separated). */
final class Roles {
    static final String HEADER = "X-Aide-Roles";

    /** Whether the roles include {@code admin}: a tenant admin. */
    static boolean admin(String header) {
        return header != null && Arrays.stream(header.split(",")).map(String::trim).anyMatch("admin"::equals);
    }

    private Roles() {
    }
}
