package io.aide.aihub.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.temporal.ChronoUnit;

/**
 * validator-service's query API: one read-only SELECT on a sample. Use {@link io.aide.aihub.service.SampleQueries},
 * which turns the validator's refusals into {@link io.aide.aihub.service.AiHubException}s; this interface is its wire.
 */
@RegisterRestClient(configKey = "validator")
@RegisterProvider(DocumentClientErrors.class)
@RegisterProvider(InternalTokenSigner.class)
@Path("/internal/v1")
public interface ValidatorClient {

    /** Body {@code {dataSourceId | generationId, sql, limit}}; answer {@code {columns, rows, truncated, elapsedMs, sample}}. */
    @POST
    @Path("/queries")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    String query(@HeaderParam("X-Aide-Tenant") String tenant, @HeaderParam("X-Aide-User") String user,
                 @HeaderParam("X-Correlation-Id") String correlationId, String body);

    /** The latest validation of a generation: {@code {validationId, checkpoint, status, results: [...]}}; 404 when none. */
    @GET
    @Path("/validations/{generationId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    String validation(@HeaderParam("X-Aide-Tenant") String tenant, @HeaderParam("X-Aide-User") String user,
                      @HeaderParam("X-Correlation-Id") String correlationId, @PathParam("generationId") String generationId);
}
