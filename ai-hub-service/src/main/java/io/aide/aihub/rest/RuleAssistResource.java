package io.aide.aihub.rest;

import io.aide.aihub.ruleassist.RuleAssist;
import io.aide.aihub.ruleassist.RuleProposal;
import io.aide.aihub.service.AiHubException;
import io.aide.aihub.service.Caller;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import java.util.List;

/** Rule assist of a generation's flagged columns; tenant and user from the signed internal token. */
@Path("/internal/v1/ai/rule-assist")
@Produces(MediaType.APPLICATION_JSON)
public class RuleAssistResource {
    private final RuleAssist assist;

    public RuleAssistResource(RuleAssist assist) {
        this.assist = assist;
    }

    public record Proposals(String generationId, List<RuleProposal> proposals) {
    }

    /** Proposes an expression for each flagged column, each checked on the sample. */
    @POST
    @Path("/generations/{generationId}")
    @Blocking
    public Proposals propose(@RestHeader(ModelerResource.TENANT) String tenant, @RestHeader(ModelerResource.USER) String user,
                             @RestHeader(ModelerResource.CORRELATION) String correlation, @RestPath String generationId) {
        return new Proposals(generationId, assist.propose(Caller.of(tenant, user, correlation), generationId));
    }

    @GET
    @Path("/generations/{generationId}")
    @Blocking
    public Proposals list(@RestHeader(ModelerResource.TENANT) String tenant, @RestHeader(ModelerResource.USER) String user,
                          @RestPath String generationId) {
        return new Proposals(generationId, assist.list(Caller.of(tenant, user, null), generationId));
    }

    /** Writes the proposal as the rule of its mapping row (a new spec version). */
    @POST
    @Path("/proposals/{proposalId}/accept")
    @Blocking
    public RuleProposal accept(@RestHeader(ModelerResource.TENANT) String tenant, @RestHeader(ModelerResource.USER) String user,
                               @RestHeader(ModelerResource.CORRELATION) String correlation, @RestPath String proposalId) {
        if (proposalId == null || proposalId.isBlank()) {
            throw AiHubException.badRequest("invalid_request", "Name the proposal to accept.");
        }
        return assist.accept(Caller.of(tenant, user, correlation), proposalId);
    }
}
