package io.aide.gateway.rest;

import io.aide.gateway.service.CallerResolver;
import io.aide.gateway.service.Correlation;
import io.aide.gateway.service.GenerationService;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/** Generation commands. Reads ({@code GET}) are proxied to sqlgen-service by {@link ProxyRoutes}. */
@Path("/api/v1/generations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "generations")
public class GenerationResource {
    private final GenerationService generations;

    public GenerationResource(GenerationService generations) {
        this.generations = generations;
    }

    @POST
    @Operation(summary = "Start a generation of a parsed document (same generationId twice = same generation)")
    public Uni<Response> start(GenerationRequest request, @Context RoutingContext ctx) {
        return generations.start(request, CallerResolver.from(ctx), Correlation.of(ctx.request()))
                .map(started -> Response.accepted(started)
                        .location(URI.create("/api/v1/generations/" + started.generationId())).build());
    }

    @POST
    @Path("/{id}/blocks/{target}/{block}")
    @Operation(summary = "Replace a block's SQL by hand (BlockEdited)")
    public Uni<Response> editBlock(@PathParam("id") String id, @PathParam("target") String target,
                                   @PathParam("block") String block, BlockEditRequest request,
                                   @Context RoutingContext ctx) {
        return generations.editBlock(id, target, block, request, CallerResolver.from(ctx),
                Correlation.of(ctx.request())).map(accepted -> Response.accepted(accepted).build());
    }

    @POST
    @Path("/{id}/refine")
    @Operation(summary = "Ask the language model to refine a block; the answer arrives as SSE ai_result")
    public Uni<Response> refine(@PathParam("id") String id, RefineRequest request, @Context RoutingContext ctx) {
        return generations.refine(id, request, CallerResolver.from(ctx), Correlation.of(ctx.request()))
                .map(accepted -> Response.accepted(accepted).build());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Cancel a running generation (GenerationCancelled)")
    public Uni<Response> cancel(@PathParam("id") String id, @Context RoutingContext ctx) {
        return generations.cancel(id, CallerResolver.from(ctx), Correlation.of(ctx.request()))
                .map(accepted -> Response.accepted(accepted).build());
    }
}
