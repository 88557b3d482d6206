package io.aide.aihub.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.temporal.ChronoUnit;

/** sqlgen-service's internal generation API: the hashmap (blocks per target, layers, status) and the lineage. */
@RegisterRestClient(configKey = "sqlgen")
@RegisterProvider(DocumentClientErrors.class)
@RegisterProvider(InternalTokenSigner.class)
@Path("/internal/v1/generations")
public interface GenerationClient {

    /** The hashmap {@code {generation_id, status, document_id, checkpoint, blocks: {...}, layers: [...], dataSourceId}}. */
    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Retry(maxRetries = 2, delay = 300, retryOn = {DocumentClientErrors.Unavailable.class, ProcessingException.class})
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    String hashmap(@HeaderParam("X-Aide-Tenant") String tenant, @HeaderParam("X-Aide-User") String user,
                   @HeaderParam("X-Correlation-Id") String correlationId, @PathParam("id") String generationId);

    /** {@code {generationId, targets: [{target, columns: [{column, type, mappingRef, status, reason, sources}]}]}}. */
    @GET
    @Path("/{id}/lineage")
    @Produces(MediaType.APPLICATION_JSON)
    @Retry(maxRetries = 2, delay = 300, retryOn = {DocumentClientErrors.Unavailable.class, ProcessingException.class})
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    String lineage(@HeaderParam("X-Aide-Tenant") String tenant, @HeaderParam("X-Aide-User") String user,
                   @HeaderParam("X-Correlation-Id") String correlationId, @PathParam("id") String generationId);
}
