package io.aide.aihub.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.temporal.ChronoUnit;

/** document-service's internal document API: a mapping spec version, and the edit of one mapping row. */
@RegisterRestClient(configKey = "document")
@RegisterProvider(DocumentClientErrors.class)
@RegisterProvider(InternalTokenSigner.class)
@Path("/internal/v1/documents")
public interface DocumentClient {

    /** The MappingSpec JSON of a version (the latest when {@code version} is null). */
    @GET
    @Path("/{id}/spec")
    @Produces(MediaType.APPLICATION_JSON)
    @Retry(maxRetries = 2, delay = 300, retryOn = {DocumentClientErrors.Unavailable.class, ProcessingException.class})
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    String spec(@HeaderParam("X-Aide-Tenant") String tenant, @HeaderParam("X-Aide-User") String user,
                @HeaderParam("X-Correlation-Id") String correlationId, @PathParam("id") String documentId,
                @QueryParam("version") Integer version);

    /** Patches one mapping row ({@code Sheet:row}); a change becomes a new spec version. */
    @PATCH
    @Path("/{id}/rows/{row}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    String editRow(@HeaderParam("X-Aide-Tenant") String tenant, @HeaderParam("X-Aide-User") String user,
                   @HeaderParam("X-Correlation-Id") String correlationId, @PathParam("id") String documentId,
                   @PathParam("row") String row, String patch);
}
