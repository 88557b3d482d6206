package io.aide.aihub.health;

import io.aide.aihub.config.LlmSettings;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Reports whether a model is configured; never DOWN for a missing model, since everything else works without. */
@Readiness
@ApplicationScoped
public class LanguageModelReadiness implements HealthCheck {
    private final LlmSettings settings;

    public LanguageModelReadiness(LlmSettings settings) {
        this.settings = settings;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("language model").up()
                .withData("configured", settings.configured())
                .withData("model", settings.configured() ? settings.model() : "none")
                .build();
    }
}
