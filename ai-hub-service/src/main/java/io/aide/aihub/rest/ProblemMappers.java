package io.aide.aihub.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.aide.aihub.service.AiHubException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as application/problem+json with a stable code; never a stack trace. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response aiHub(AiHubException e, UriInfo uri) {
        if (e.status() >= 500) {
            LOG.warnf("%s %s: %s (%s)", uri.getPath(), e.code(), e.getMessage(),
                    e.getCause() == null ? "-" : e.getCause().toString());
        }
        return Problem.response(e.status(), e.code(), e.title(), e.getMessage(), uri.getPath());
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return Problem.response(400, "invalid_json", "Invalid JSON", "The request body is not valid JSON for this "
                + "endpoint: " + e.getOriginalMessage() + ". Send a JSON object as documented.", uri.getPath());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "Nothing at " + uri.getPath() + ". Check the path against docs/api.md.";
            case 405 -> "This method is not allowed on " + uri.getPath() + ".";
            case 415 -> "Unsupported content type: send application/json.";
            default -> e.getMessage() == null ? title : e.getMessage();
        };
        return Problem.response(status, title.toLowerCase().replaceAll("[^a-z0-9]+", "_"), title, detail, uri.getPath());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.errorf(e, "unexpected error on %s", uri.getPath());
        return Problem.response(500, "internal_error", "Internal error",
                "The service failed unexpectedly. Retry; if it persists, report it with the time of the request.",
                uri.getPath());
    }
}
