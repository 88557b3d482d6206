package io.aide.sqlgen.rest;

import io.aide.sqlgen.service.SqlgenException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as problem+json with a stable code; never a stack trace. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response sqlgen(SqlgenException e, @Context UriInfo uri) {
        return Problem.response(e.status(), e.code(), e.title(), e.getMessage(), uri.getPath());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, @Context UriInfo uri) {
        int status = e.getResponse().getStatus();
        String code = status == 404 ? "not_found" : status == 405 ? "method_not_allowed" : "bad_request";
        String detail = status == 404 ? "Nothing at " + uri.getPath() + "." : e.getMessage();
        return Problem.response(status, code, Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase(), detail, uri.getPath());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, @Context UriInfo uri) {
        LOG.errorf(e, "unexpected error on %s", uri.getPath());
        return Problem.response(500, "internal_error", "Internal error",
                "sqlgen-service could not answer; the error is logged with this request's correlation id.",
                uri.getPath());
    }
}
