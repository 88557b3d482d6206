package io.aide.aihub.rest;

import io.aide.aihub.config.LlmSettings;
import io.aide.aihub.llm.LanguageModels;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestHeader;

/** Whether a language model is configured (for the caller's tenant when the gateway names it). */
@Path("/internal/v1/ai")
@Produces(MediaType.APPLICATION_JSON)
public class AiStatusResource {
    private final LlmSettings settings;
    private final LanguageModels models;

    public AiStatusResource(LlmSettings settings, LanguageModels models) {
        this.settings = settings;
        this.models = models;
    }

    /** @param source {@code tenant} or {@code global}; @param baseUrl the host only */
    public record AiStatus(boolean configured, String model, String baseUrl, String source) {
    }

    @GET
    @Path("/status")
    public AiStatus status(@RestHeader(ModelerResource.TENANT) String tenant) {
        if (tenant != null && !tenant.isBlank()) {
            return models.endpoint(tenant.trim()).map(e -> new AiStatus(true, e.model(), e.host(), e.source()))
                    .orElse(new AiStatus(false, null, null, null));
        }
        return settings.configured() ? new AiStatus(true, settings.model(), settings.baseUrlHost(), "global")
                : new AiStatus(false, null, null, null);
    }
}
