package io.aide.gateway.rest;

/** Body of {@code POST /api/v1/generations/{id}/blocks/{target}/{block}}: the hand-written SQL of the block. */
public record BlockEditRequest(String sql, String dialect) {
}
