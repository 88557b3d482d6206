package io.aide.gateway.rest;

/** Body of {@code POST /api/v1/session}: the portal's login form. */
public record SessionRequest(String username, String password) {
}
