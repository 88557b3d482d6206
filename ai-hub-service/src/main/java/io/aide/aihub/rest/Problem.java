package io.aide.aihub.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** RFC 9457 problem details plus the stable {@code code} every AIDE error carries. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code, String instance) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Response response(int status, String code, String title, String detail, String instance) {
        Problem problem = new Problem("https://aide.io/problems/" + code.replace(':', '/'), title, status, detail, code,
                instance);
        return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(problem).build();
    }
}
