package io.aide.aihub.client;

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

/** document-service's internal data-source API: a data source, its latest schema snapshot and sample rows. */
@RegisterRestClient(configKey = "document")
@RegisterProvider(DocumentClientErrors.class)
@RegisterProvider(InternalTokenSigner.class)
@Path("/internal/v1/datasources")
public interface DataSourceClient {

    /** The tenant's data source ({@code {id, name, kind, ...}}); 404 when the tenant has none of that id. */
    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Retry(maxRetries = 2, delay = 300, retryOn = {DocumentClientErrors.Unavailable.class, ProcessingException.class})
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    String get(@HeaderParam("X-Aide-Tenant") String tenant, @HeaderParam("X-Aide-User") String user,
               @HeaderParam("X-Correlation-Id") String correlationId, @PathParam("id") String dataSourceId);

    /** {@code {dataSourceId, snapshotId, createdAt, schema: {kind, database, tables: [...]}}}. */
    @GET
    @Path("/{id}/schema")
    @Produces(MediaType.APPLICATION_JSON)
    @Retry(maxRetries = 2, delay = 300, retryOn = {DocumentClientErrors.Unavailable.class, ProcessingException.class})
    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    String schema(@HeaderParam("X-Aide-Tenant") String tenant, @HeaderParam("X-Aide-User") String user,
                  @HeaderParam("X-Correlation-Id") String correlationId, @PathParam("id") String dataSourceId);

    /** {@code {tables: [{schema, name, columns, rows, truncated}], missing}}; 409 for uploaded files. */
    @GET
    @Path("/{id}/sample")
    @Produces(MediaType.APPLICATION_JSON)
    @Retry(maxRetries = 2, delay = 300, retryOn = {DocumentClientErrors.Unavailable.class, ProcessingException.class})
    @Timeout(value = 60, unit = ChronoUnit.SECONDS)
    String sample(@HeaderParam("X-Aide-Tenant") String tenant, @HeaderParam("X-Aide-User") String user,
                  @HeaderParam("X-Correlation-Id") String correlationId, @PathParam("id") String dataSourceId,
                  @QueryParam("limit") int limit);
}
