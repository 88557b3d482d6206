package io.aide.validator.rest;

import io.aide.validator.query.QueryRequest;
import io.aide.validator.query.QueryResponse;
import io.aide.validator.query.SampleQueryService;
import io.aide.validator.service.ValidatorException;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * One read-only query on a sample, for ai-hub-service (NL-to-SQL, refinement, charts). The tenant comes from the
 * signed internal token; a data source or generation of another tenant has no sample for the caller.
 */
@Path("/internal/v1/queries")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QueryResource {
    private final SampleQueryService queries;

    public QueryResource(SampleQueryService queries) {
        this.queries = queries;
    }

    @POST
    @Blocking
    public QueryResponse run(@HeaderParam(ValidationResource.TENANT_HEADER) String tenant, QueryRequest request) {
        if (tenant == null || tenant.isBlank()) {
            throw ValidatorException.badRequest("tenant:missing", "The internal token names no tenant.");
        }
        if (request == null) {
            throw ValidatorException.badRequest("query:missing_body", "Send {\"dataSourceId\" or \"generationId\", "
                    + "\"sql\", \"limit\"} as JSON.");
        }
        return queries.run(tenant, request);
    }
}
