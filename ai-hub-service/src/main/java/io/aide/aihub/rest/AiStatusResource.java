package io.aide.aihub.rest;

import io.aide.aihub.config.LlmSettings;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Whether a language model is configured, for the portal to show which features need one. */
@Path("/internal/v1/ai")
@Produces(MediaType.APPLICATION_JSON)
public class AiStatusResource {
    private final LlmSettings settings;

    public AiStatusResource(LlmSettings settings) {
        this.settings = settings;
    }

    public record AiStatus(boolean configured, String model, String baseUrl) {
    }

    @GET
    @Path("/status")
    public AiStatus status() {
        return settings.configured() ? new AiStatus(true, settings.model(), settings.baseUrlHost())
                : new AiStatus(false, null, null);
    }
}
