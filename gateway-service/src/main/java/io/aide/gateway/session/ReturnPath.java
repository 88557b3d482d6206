package io.aide.gateway.session;

import io.aide.gateway.rest.GatewayException;

/**
 * Where the portal goes after a login: a path of this origin only, never another site (no open redirect). A
 * path-absolute reference ({@code /documents/d1?tab=grid}) is taken as it is; anything that a browser could read as
 * another host ({@code //evil.example}, {@code /\evil.example}, {@code https://...}), control characters, and API
 * paths are refused.
 */
public final class ReturnPath {
    public static final String HOME = "/";
    static final int MAX_LENGTH = 1024;

    private ReturnPath() {
    }

    /** The checked path, {@code /} when none was given. */
    public static String check(String requested) {
        if (requested == null || requested.isEmpty()) {
            return HOME;
        }
        if (requested.length() > MAX_LENGTH) {
            throw refused("is longer than " + MAX_LENGTH + " characters");
        }
        if (!requested.startsWith("/") || requested.startsWith("//") || requested.startsWith("/\\")) {
            throw refused("is not a path of the portal (it must start with a single '/')");
        }
        for (int i = 0; i < requested.length(); i++) {
            char c = requested.charAt(i);
            if (c < 0x21 || c == 0x7f || c == '\\') {
                throw refused("holds a control character, a space or a backslash");
            }
        }
        if (requested.startsWith("/api/") || requested.equals("/api") || requested.startsWith("/q/")) {
            throw refused("is an API path, not a page of the portal");
        }
        return requested;
    }

    private static GatewayException refused(String why) {
        return GatewayException.badRequest("invalid_return_to", "return_to " + why
                + "; give a page of the portal such as '/documents', or leave it out to land on the start page.");
    }
}
