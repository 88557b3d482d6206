package io.aide.validator.rest;

import io.aide.validator.persistence.ValidationRepository;
import io.aide.validator.service.ValidationService;
import io.aide.validator.service.ValidatorException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Map;
import java.util.UUID;

/** Validation results for the gateway. The tenant comes from X-Aide-Tenant; another tenant's generation is 404. */
@Path("/internal/v1/validations")
@Produces(MediaType.APPLICATION_JSON)
public class ValidationResource {
    public static final String TENANT_HEADER = "X-Aide-Tenant";
    public static final String CORRELATION_HEADER = "X-Correlation-Id";

    private final ValidationRepository repo;
    private final ValidationService service;

    public ValidationResource(ValidationRepository repo, ValidationService service) {
        this.repo = repo;
        this.service = service;
    }

    /** The latest validation of a generation with every check result. */
    @GET
    @Path("/{generationId}")
    public ValidationRepository.RunView latest(@HeaderParam(TENANT_HEADER) String tenant,
                                               @PathParam("generationId") String generationId) {
        return repo.latest(requireTenant(tenant), generationId).orElseThrow(() -> ValidatorException.notFound(
                "validation", "No validation of generation " + generationId + " exists for your tenant."));
    }

    /** Runs the latest validation request of a generation again; results stream as ValidationReported events. */
    @POST
    @Path("/{generationId}/run")
    public Response rerun(@HeaderParam(TENANT_HEADER) String tenant, @HeaderParam(CORRELATION_HEADER) String correlationId,
                          @PathParam("generationId") String generationId) {
        String validationId = service.rerun(requireTenant(tenant),
                correlationId == null || correlationId.isBlank() ? UUID.randomUUID().toString() : correlationId, generationId);
        return Response.accepted(Map.of("generationId", generationId, "validationId", validationId, "status", "running"))
                .build();
    }

    private static String requireTenant(String tenant) {
        if (tenant == null || tenant.isBlank()) {
            throw ValidatorException.badRequest("tenant:missing", "Send the tenant in the " + TENANT_HEADER
                    + " header; the gateway sets it from the token.");
        }
        return tenant;
    }
}
