package io.aide.aihub.rest;

import io.aide.aihub.context.AssembledContext;
import io.aide.aihub.context.ContextAssembler;
import io.aide.aihub.context.References;
import io.aide.aihub.nl2sql.NlToSql;
import io.aide.aihub.service.AiHubException;
import io.aide.aihub.service.Caller;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestHeader;

import java.util.ArrayList;
import java.util.List;

/** Reference resolution and NL-to-SQL for the gateway; tenant and user come from the signed internal token. */
@Path("/internal/v1/ai")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AssistResource {
    private final ContextAssembler contexts;
    private final NlToSql nlToSql;

    public AssistResource(ContextAssembler contexts, NlToSql nlToSql) {
        this.contexts = contexts;
        this.nlToSql = nlToSql;
    }

    public record ContextRequest(String generationId, String dataSourceId, String text, List<String> references) {
    }

    public record Nl2SqlRequest(String dataSourceId, String question, Integer limit) {
    }

    /** What each reference of the text (and of the list) stands for; 422 naming each one that names nothing. */
    @POST
    @Path("/context")
    @Blocking
    public AssembledContext context(@RestHeader(ModelerResource.TENANT) String tenant,
                                    @RestHeader(ModelerResource.USER) String user,
                                    @RestHeader(ModelerResource.CORRELATION) String correlation, ContextRequest request) {
        Caller caller = Caller.of(tenant, user, correlation);
        if (request == null) {
            throw AiHubException.badRequest("invalid_request", "Send {generationId?, dataSourceId?, text?, references?}.");
        }
        List<String> texts = new ArrayList<>();
        if (request.text() != null) {
            texts.add(request.text());
        }
        if (request.references() != null) {
            texts.addAll(request.references());
        }
        return contexts.assemble(caller, new ContextAssembler.Scope(blankToNull(request.generationId()),
                blankToNull(request.dataSourceId())), References.parseAll(texts));
    }

    /** A question answered as SQL that ran on the data source's sample, with its typed rows. */
    @POST
    @Path("/nl2sql")
    @Blocking
    public NlToSql.Answer nl2sql(@RestHeader(ModelerResource.TENANT) String tenant,
                                 @RestHeader(ModelerResource.USER) String user,
                                 @RestHeader(ModelerResource.CORRELATION) String correlation, Nl2SqlRequest request) {
        Caller caller = Caller.of(tenant, user, correlation);
        if (request == null) {
            throw AiHubException.badRequest("invalid_request", "Send {dataSourceId, question, limit?}.");
        }
        int limit = request.limit() == null ? 100 : request.limit();
        if (limit < 1 || limit > 1000) {
            throw AiHubException.badRequest("invalid_limit", "limit must be between 1 and 1000, got " + limit + ".");
        }
        return nlToSql.answer(caller, request.dataSourceId(), request.question(), limit);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
