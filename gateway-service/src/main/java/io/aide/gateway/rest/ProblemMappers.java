package io.aide.gateway.rest;

import io.aide.gateway.client.DownstreamClient;
import io.aide.gateway.service.Correlation;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.stream.Collectors;

/** Turns every exception of a resource into problem+json; never a stack trace to a client. */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response gateway(GatewayException e, HttpServerRequest request) {
        return response(Problem.of(e.status(), e.code(), e.title(), e.getMessage(), Correlation.of(request)),
                e.retryAfterSeconds() != null ? Long.toString(Math.max(1, e.retryAfterSeconds()))
                        : e.status() == 429 || e.status() == 503 ? "1" : null);
    }

    @ServerExceptionMapper
    public Response unavailable(DownstreamClient.DownstreamUnavailableException e, HttpServerRequest request) {
        LOG.warnf("downstream unreachable: %s", e.getMessage());
        GatewayException problem = GatewayException.downstream(e.service().serviceName(),
                e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        return response(Problem.of(problem.status(), problem.code(), problem.title(), problem.getMessage(),
                Correlation.of(request)), null);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, HttpServerRequest request) {
        String detail = e.getConstraintViolations().stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; "));
        return response(Problem.of(400, "invalid_request", "Invalid request", detail, Correlation.of(request)), null);
    }

    /** JSON of the wrong shape (an array, a number where an object is expected); replaces Quarkus' empty 400. */
    @ServerExceptionMapper
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e, HttpServerRequest request) {
        return json(e, request);
    }

    /** A body that is not JSON at all. */
    @ServerExceptionMapper
    public Response json(com.fasterxml.jackson.core.JsonProcessingException e, HttpServerRequest request) {
        String where = e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty() ? " at '" + mismatch.getPath().stream()
                .map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
                .collect(Collectors.joining(".")) + "'" : "";
        return response(Problem.of(400, "invalid_json", "Invalid JSON", "The request body is not the JSON object "
                + "this endpoint expects" + where + "; see /q/openapi for its fields and types.",
                Correlation.of(request)), null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        String code = status == 404 ? "not_found" : status == 415 ? "unsupported_media_type" : "http_" + status;
        String detail = status == 400 ? "The request body is not valid JSON of the expected shape."
                : e.getResponse().getStatusInfo().getReasonPhrase();
        return response(Problem.of(status, code, e.getResponse().getStatusInfo().getReasonPhrase(), detail,
                Correlation.of(request)), null);
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(Exception e, HttpServerRequest request) {
        String correlationId = Correlation.of(request);
        LOG.errorf(e, "unexpected failure [correlationId=%s]", correlationId);
        return response(Problem.of(500, "internal_error", "Internal error",
                "The gateway failed unexpectedly; quote correlation id " + correlationId + " when reporting it.",
                correlationId), null);
    }

    static Response response(Problem problem, String retryAfter) {
        Response.ResponseBuilder builder = Response.status(problem.status()).type(Problem.MEDIA_TYPE)
                .entity(problem.toJson());
        if (retryAfter != null) {
            builder.header("Retry-After", retryAfter);
        }
        return builder.build();
    }
}
