package io.aide.gateway.session;

/** Body of {@code POST /api/v1/session}: the password login of tools without a browser. */
public record SessionRequest(String username, String password) {
}
