package io.aide.validator.rest;

import io.aide.validator.service.ValidatorException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.Map;

/** Every error as application/problem+json with a stable code; never a stack trace. */
public final class ProblemMapper {
    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    private ProblemMapper() {
    }

    static Response problem(int status, String title, String detail, String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://aide.io/problems/" + code.replace(':', '/'));
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("code", code);
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }

    @Provider
    public static class ValidatorExceptionMapper implements ExceptionMapper<ValidatorException> {
        @Override
        public Response toResponse(ValidatorException e) {
            if (e.status() >= 500) {
                LOG.warnf("%s: %s", e.code(), e.getMessage());
            }
            return problem(e.status(), e.title(), e.getMessage(), e.code());
        }
    }

    @Provider
    public static class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String reason = e.getResponse().getStatusInfo().getReasonPhrase();
            return problem(status, reason, status == 404 ? "No such resource." : reason, "http:" + status);
        }
    }

    @Provider
    public static class UnexpectedExceptionMapper implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) {
            LOG.error("unexpected error", e);
            return problem(500, "Internal error", "The validator failed unexpectedly; its log has the details.",
                    "internal");
        }
    }
}
