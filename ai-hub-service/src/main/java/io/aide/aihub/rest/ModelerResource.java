package io.aide.aihub.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.aihub.modeler.DdlWriter;
import io.aide.aihub.modeler.ModelAnalysis;
import io.aide.aihub.persistence.ConversationRepository;
import io.aide.aihub.service.AiHubException;
import io.aide.aihub.service.Caller;
import io.aide.aihub.service.ModelerService;
import io.aide.aihub.service.ModelerSessionView;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestStreamElementType;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;

import java.util.List;


/** The data modeler: one session per tenant, user and data source, in Redis until saved to PostgreSQL. */
@Path("/internal/v1/ai/modeler")
@Produces(MediaType.APPLICATION_JSON)
public class ModelerResource {
    static final String TENANT = "X-Aide-Tenant";
    static final String USER = "X-Aide-User";
    static final String CORRELATION = "X-Correlation-Id";

    private final ModelerService modeler;

    public ModelerResource(ModelerService modeler) {
        this.modeler = modeler;
    }

    public record OpenRequest(String dataSourceId) {
    }

    public record MessageRequest(String content) {
    }

    public record DraftRequest(JsonNode model) {
    }

    public record SaveRequest(String dataModelId, String title) {
    }

    /** One server-sent event of a streamed chat turn: delta (text), done (session) or error (code, detail). */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record TurnEvent(String type, String text, String code, String detail, ModelerSessionView session) {
    }

    /** 201 with a new session, 200 with the open one restored from Redis. */
    @POST
    @Path("/sessions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response open(@RestHeader(TENANT) String tenant, @RestHeader(USER) String user,
                         @RestHeader(CORRELATION) String correlation, OpenRequest request) {
        ModelerSessionView view = modeler.open(Caller.of(tenant, user, correlation),
                request == null ? null : request.dataSourceId());
        return Response.status(view.restored() ? 200 : 201).entity(view).build();
    }

    @GET
    @Path("/sessions/{dataSourceId}")
    public ModelerSessionView get(@RestHeader(TENANT) String tenant, @RestHeader(USER) String user,
                                  @RestPath String dataSourceId) {
        return modeler.get(Caller.of(tenant, user, null), dataSourceId);
    }

    @POST
    @Path("/sessions/{dataSourceId}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    public ModelerSessionView message(@RestHeader(TENANT) String tenant, @RestHeader(USER) String user,
                                      @RestHeader(CORRELATION) String correlation, @RestPath String dataSourceId,
                                      MessageRequest request) {
        return modeler.message(Caller.of(tenant, user, correlation), dataSourceId,
                request == null ? null : request.content());
    }

    /**
     * The same turn streamed as server-sent events, each a JSON object: {@code {type: delta, text}} as the model
     * writes, then {@code {type: done, session}} once the turn is stored, or {@code {type: error, code, detail}}.
     * A turn that cannot start (no session, no model) answers problem+json instead.
     */
    @POST
    @Path("/sessions/{dataSourceId}/messages/stream")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    public Multi<TurnEvent> stream(@RestHeader(TENANT) String tenant, @RestHeader(USER) String user,
                                             @RestHeader(CORRELATION) String correlation,
                                             @RestPath String dataSourceId, MessageRequest request) {
        Caller caller = Caller.of(tenant, user, correlation);
        String content = request == null ? null : request.content();
        modeler.checkedTurn(caller, dataSourceId, content);
        return Multi.createFrom().<TurnEvent>emitter(emitter -> {
            try {
                ModelerSessionView session = modeler.message(caller, dataSourceId, content,
                        text -> emitter.emit(new TurnEvent("delta", text, null, null, null)));
                emitter.emit(new TurnEvent("done", null, null, null, session));
            } catch (AiHubException e) {
                emitter.emit(new TurnEvent("error", null, e.code(), e.getMessage(), null));
            }
            emitter.complete();
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @PUT
    @Path("/sessions/{dataSourceId}/draft")
    @Consumes(MediaType.APPLICATION_JSON)
    public ModelerSessionView.Draft draft(@RestHeader(TENANT) String tenant, @RestHeader(USER) String user,
                                         @RestPath String dataSourceId, DraftRequest request) {
        return modeler.saveDraft(Caller.of(tenant, user, null), dataSourceId, request == null ? null : request.model());
    }

    @POST
    @Path("/sessions/{dataSourceId}/save")
    @Consumes(MediaType.APPLICATION_JSON)
    public ModelerSessionView save(@RestHeader(TENANT) String tenant, @RestHeader(USER) String user,
                                   @RestPath String dataSourceId, SaveRequest request) {
        return modeler.save(Caller.of(tenant, user, null), dataSourceId, request == null ? null : request.dataModelId(),
                request == null ? null : request.title());
    }

    @DELETE
    @Path("/sessions/{dataSourceId}")
    public Response cancel(@RestHeader(TENANT) String tenant, @RestHeader(USER) String user,
                           @RestPath String dataSourceId) {
        modeler.cancel(Caller.of(tenant, user, null), dataSourceId);
        return Response.noContent().build();
    }

    /** The deterministic analysis of a data source; with {@code ?dialect=} the star schema's DDL as SQL text. */
    @GET
    @Path("/datasources/{dataSourceId}/analysis")
    @Produces({MediaType.APPLICATION_JSON, "application/sql"})
    public Response analysis(@RestHeader(TENANT) String tenant, @RestHeader(USER) String user,
                             @RestHeader(CORRELATION) String correlation, @RestPath String dataSourceId,
                             @RestQuery String dialect) {
        ModelAnalysis analysis = modeler.analyse(Caller.of(tenant, user, correlation), dataSourceId);
        if (dialect == null || dialect.isBlank()) {
            return Response.ok(analysis, MediaType.APPLICATION_JSON).build();
        }
        String ddl = analysis.ddl().get(dialect.trim().toLowerCase(java.util.Locale.ROOT));
        if (ddl == null) {
            throw AiHubException.badRequest("invalid_request", "dialect: one of "
                    + String.join(", ", DdlWriter.DIALECTS) + ".");
        }
        return Response.ok(ddl, "application/sql").header("Content-Disposition", "attachment; filename=\""
                + dataSourceId + "_star_schema_" + dialect.trim().toLowerCase(java.util.Locale.ROOT) + ".sql\"").build();
    }

    public record SavedList(List<ConversationRepository.Summary> conversations) {
    }

    /**
     * The saved modeler conversations the caller may open, newest first ({@code ?dataSourceId=} narrows to one
     * source): the caller's own, and for a tenant admin every one of the tenant.
     */
    @GET
    @Path("/conversations")
    public SavedList savedList(@RestHeader(TENANT) String tenant, @RestHeader(USER) String user,
                               @RestHeader(Roles.HEADER) String roles, @RestQuery String dataSourceId) {
        return new SavedList(modeler.savedConversations(Caller.of(tenant, user, null), Roles.admin(roles),
                dataSourceId == null || dataSourceId.isBlank() ? null : dataSourceId.strip()));
    }

    /**
     * The latest saved conversation of a data model the caller may open, or the one {@code ?conversationId=} names;
     * read-only. Another user's answers 404 unless the caller is a tenant admin.
     */
    @GET
    @Path("/conversations/{dataModelId}")
    public ModelerSessionView saved(@RestHeader(TENANT) String tenant, @RestHeader(USER) String user,
                                    @RestHeader(Roles.HEADER) String roles, @RestPath String dataModelId,
                                    @RestQuery String conversationId) {
        return modeler.saved(Caller.of(tenant, user, null), Roles.admin(roles), dataModelId,
                conversationId == null || conversationId.isBlank() ? null : conversationId.strip());
    }
}
