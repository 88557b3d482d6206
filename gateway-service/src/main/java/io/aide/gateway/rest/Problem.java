package io.aide.gateway.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.aide.events.EventJson;

/** RFC 9457 problem details with a stable {@code code}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code, String correlationId) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String code, String title, String detail, String correlationId) {
        return new Problem("https://aide.io/problems/" + code.replace(':', '/'), title, status, detail, code,
                correlationId);
    }

    public String toJson() {
        return EventJson.toJson(this);
    }
}
