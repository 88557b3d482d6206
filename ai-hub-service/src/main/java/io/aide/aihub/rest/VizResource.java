package io.aide.aihub.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aide.aihub.service.AiHubException;
import io.aide.aihub.service.Caller;
import io.aide.aihub.viz.ChartRecommender;
import io.aide.aihub.viz.QueryResult;
import io.aide.aihub.viz.VizAgent;
import io.aide.aihub.viz.VizComponent;
import io.aide.aihub.viz.VizDataStore;
import io.aide.aihub.viz.VizEvent;
import io.aide.aihub.viz.VizRequest;
import io.aide.aihub.viz.VizTemplate;
import io.aide.aihub.viz.VizTemplates;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The visualization orchestrator: runs (server-sent events), the recommender, result data and templates. */
@Path("/internal/v1/viz")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class VizResource {
    private static final String TENANT = "X-Aide-Tenant";
    private static final String USER = "X-Aide-User";
    private static final String CORRELATION = "X-Correlation-Id";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final VizAgent agent;
    private final VizTemplates templates;
    private final VizDataStore data;

    public VizResource(VizAgent agent, VizTemplates templates, VizDataStore data) {
        this.agent = agent;
        this.templates = templates;
        this.data = data;
    }

    /**
     * A question (and optionally its SQL) in, seed 001's events out: thought, data, code, error, done. A run that
     * cannot start (no data source, no model for a question without SQL) answers problem+json instead.
     */
    @POST
    @Path("/runs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> run(@RestHeader(TENANT) String tenant, @RestHeader(USER) String user,
                                       @RestHeader(CORRELATION) String correlation, @Context Sse sse,
                                       VizRequest request) {
        Caller caller = Caller.of(tenant, user, correlation);
        agent.check(caller, request);
        return Multi.createFrom().<OutboundSseEvent>emitter(emitter -> {
            agent.run(caller, request, event -> emitter.emit(sse.newEventBuilder().name(event.name())
                    .data(json(event)).build()));
            emitter.complete();
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static String json(VizEvent event) {
        try {
            return JSON.writeValueAsString(event.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The chart the recommender chooses for a typed result, with its parameters and component. */
    @POST
    @Path("/recommend")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> recommend(@RestHeader(TENANT) String tenant, @RestHeader(USER) String user,
                                         QueryResult result) {
        Caller.of(tenant, user, null);
        if (result == null || result.columns().isEmpty()) {
            throw AiHubException.badRequest("viz_result_invalid", "The body must be a typed result: {columns: "
                    + "[{name, type}], rows: [[...]]} with at least one column.");
        }
        ChartRecommender.Recommendation chosen = ChartRecommender.recommend(result);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("chart_type", chosen.chartType());
        out.put("reason", chosen.reason());
        out.put("cardinalities", chosen.cardinalities());
        out.put("parameters", chosen.parameters());
        out.put("ui_code", VizComponent.source(chosen.parameters()));
        return out;
    }

    /** A stored result of the caller's tenant, JSON or Parquet; 404 once expired or for another tenant. */
    @GET
    @Path("/data/{id}")
    @Produces({MediaType.APPLICATION_JSON, "application/vnd.apache.parquet"})
    public Response data(@RestHeader(TENANT) String tenant, @RestHeader(USER) String user, @RestPath String id) {
        Caller caller = Caller.of(tenant, user, null);
        VizDataStore.Content content = data.read(caller.tenantId(), id).orElseThrow(() -> AiHubException.notFound(
                "viz_data_not_found", "No result '" + id + "' in your tenant, or it expired; run the chart again."));
        return Response.ok(content.bytes(), content.mediaType()).header("Cache-Control", "private, no-store").build();
    }

    @GET
    @Path("/templates")
    public List<VizTemplate> list(@RestHeader(TENANT) String tenant, @RestHeader(USER) String user) {
        return templates.list(Caller.of(tenant, user, null));
    }

    @POST
    @Path("/templates")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@RestHeader(TENANT) String tenant, @RestHeader(USER) String user, VizTemplate body) {
        VizTemplate saved = templates.create(Caller.of(tenant, user, null), body);
        return Response.status(201).header("Location", "/internal/v1/viz/templates/" + saved.id()).entity(saved)
                .build();
    }

    @GET
    @Path("/templates/{id}")
    public VizTemplate get(@RestHeader(TENANT) String tenant, @RestHeader(USER) String user, @RestPath String id) {
        return templates.get(Caller.of(tenant, user, null), id);
    }

    @PUT
    @Path("/templates/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public VizTemplate update(@RestHeader(TENANT) String tenant, @RestHeader(USER) String user, @RestPath String id,
                              VizTemplate body) {
        return templates.update(Caller.of(tenant, user, null), id, body);
    }

    @DELETE
    @Path("/templates/{id}")
    public Response delete(@RestHeader(TENANT) String tenant, @RestHeader(USER) String user, @RestPath String id) {
        templates.delete(Caller.of(tenant, user, null), id);
        return Response.noContent().build();
    }

    /** Runs the template's SQL on fresh data: {@code {url, size, format, rows}} of the new result. */
    @POST
    @Path("/templates/{id}/run")
    public VizDataStore.Stored rerun(@RestHeader(TENANT) String tenant, @RestHeader(USER) String user,
                                     @RestPath String id) {
        return templates.rerun(Caller.of(tenant, user, null), id);
    }
}
