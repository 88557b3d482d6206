package io.aide.sqlgen.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

/** document-service's internal API: the parsed spec of a document version. */
@RegisterRestClient(configKey = "document")
@RegisterProvider(DocumentClientErrors.class)
@RegisterProvider(InternalTokenSigner.class)
@Path("/internal/v1/documents")
public interface DocumentClient {

    /** The MappingSpec JSON; {@code version} 0 or absent means the latest. */
    @GET
    @Path("/{id}/spec")
    @Produces(MediaType.APPLICATION_JSON)
    @Retry(maxRetries = 3, delay = 300, retryOn = {DocumentClientErrors.Unavailable.class, ProcessingException.class})
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    String spec(@HeaderParam("X-Aide-Tenant") String tenant, @HeaderParam("X-Correlation-Id") String correlationId,
                @PathParam("id") String documentId, @QueryParam("version") Integer version);
}
