package io.aide.gateway.service;

import io.vertx.core.http.HttpServerRequest;

import java.util.UUID;

/** The correlation id of a request: taken from {@code X-Correlation-Id} or generated at the edge. */
public final class Correlation {
    public static final String HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";

    public static String of(HttpServerRequest request) {
        String id = request == null ? null : request.getHeader(HEADER);
        return id == null || id.isBlank() ? null : id;
    }

    /** Accepts a caller's id only when it is short and printable, so it is safe in logs and headers. */
    public static String sanitize(String candidate) {
        if (candidate == null || candidate.isBlank() || candidate.length() > 128
                || !candidate.chars().allMatch(c -> c > 32 && c < 127)) {
            return UUID.randomUUID().toString();
        }
        return candidate;
    }

    private Correlation() {
    }
}
