package io.aide.aihub.rest;

import io.aide.aihub.llm.LanguageModels;
import io.aide.aihub.llm.ModelEndpoint;
import io.aide.aihub.persistence.TenantModelRepository;
import io.aide.aihub.persistence.TokenUsageRepository;
import io.aide.aihub.service.AiHubException;
import io.aide.aihub.service.AiTaskException;
import io.aide.aihub.service.Caller;
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
import org.jboss.resteasy.reactive.RestQuery;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A tenant admin's model settings (the key is stored sealed and never returned), a connection test, token usage. */
@Path("/internal/v1/ai/models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelSettingsResource {
    static final String ROLES = Roles.HEADER;
    static final int MAX_TIMEOUT_SECONDS = 600;

    private final TenantModelRepository tenantModels;
    private final TokenUsageRepository usage;
    private final LanguageModels models;

    public ModelSettingsResource(TenantModelRepository tenantModels, TokenUsageRepository usage, LanguageModels models) {
        this.tenantModels = tenantModels;
        this.usage = usage;
        this.models = models;
    }

    public record ModelSettings(String baseUrl, String model, String apiKey, Integer timeoutSeconds) {
    }

    /** @param source tenant, global or none; @param keySet whether a key is stored (the key itself never leaves) */
    public record SettingsView(String source, String baseUrl, String model, Integer timeoutSeconds, boolean keySet,
                               String updatedBy, Instant updatedAt) {
    }

    public record UsageView(String tenantId, Instant since, List<TokenUsageRepository.Total> totals) {
    }

    @GET
    @Path("/tenant")
    public SettingsView get(@RestHeader(ModelerResource.TENANT) String tenant,
                            @RestHeader(ModelerResource.USER) String user, @RestHeader(ROLES) String roles) {
        Caller caller = admin(tenant, user, roles);
        return tenantModels.find(caller.tenantId())
                .map(r -> new SettingsView("tenant", r.baseUrl(), r.model(), r.timeoutSeconds(),
                        r.apiKeyEncrypted() != null, r.updatedBy(), r.updatedAt()))
                .orElseGet(() -> models.endpoint(caller.tenantId())
                        .map(e -> new SettingsView(e.source(), e.host(), e.model(), (int) e.timeout().toSeconds(),
                                e.apiKey() != null, null, null))
                        .orElse(new SettingsView("none", null, null, null, false, null, null)));
    }

    @PUT
    @Path("/tenant")
    @Consumes(MediaType.APPLICATION_JSON)
    public SettingsView put(@RestHeader(ModelerResource.TENANT) String tenant,
                            @RestHeader(ModelerResource.USER) String user, @RestHeader(ROLES) String roles,
                            ModelSettings body) {
        Caller caller = admin(tenant, user, roles);
        ModelEndpoint endpoint = validated(body, "tenant");
        String sealed;
        try {
            sealed = endpoint.apiKey() == null ? null : models.cipher().encrypt(endpoint.apiKey());
        } catch (AiTaskException e) {
            throw new AiHubException(503, e.code(), "Service misconfigured", e.getMessage());
        }
        tenantModels.upsert(new TenantModelRepository.Row(caller.tenantId(), endpoint.baseUrl(), endpoint.model(),
                sealed, (int) endpoint.timeout().toSeconds(), caller.userId(), null));
        return get(tenant, user, roles);
    }

    @DELETE
    @Path("/tenant")
    public Response delete(@RestHeader(ModelerResource.TENANT) String tenant,
                           @RestHeader(ModelerResource.USER) String user, @RestHeader(ROLES) String roles) {
        tenantModels.delete(admin(tenant, user, roles).tenantId());
        return Response.noContent().build();
    }

    /** Without a body, tests the model the tenant's calls use now; with one, tests those settings before saving. */
    @POST
    @Path("/test")
    @Consumes(MediaType.APPLICATION_JSON)
    public LanguageModels.ConnectionTest test(@RestHeader(ModelerResource.TENANT) String tenant,
                                              @RestHeader(ModelerResource.USER) String user,
                                              @RestHeader(ROLES) String roles, ModelSettings body) {
        Caller caller = admin(tenant, user, roles);
        ModelEndpoint endpoint = body == null || body.baseUrl() == null ? models.endpoint(caller.tenantId())
                .orElseThrow(() -> new AiHubException(409, LanguageModels.NOT_CONFIGURED, "No language model",
                        models.notConfigured("a connection test").getMessage()))
                : validated(body, "tenant");
        return models.test(endpoint);
    }

    @GET
    @Path("/usage")
    public UsageView usage(@RestHeader(ModelerResource.TENANT) String tenant,
                           @RestHeader(ModelerResource.USER) String user, @RestHeader(ROLES) String roles,
                           @RestQuery Integer days) {
        Caller caller = admin(tenant, user, roles);
        int window = days == null ? 30 : days;
        if (window < 1 || window > 366) {
            throw AiHubException.badRequest("invalid_request", "days: between 1 and 366.");
        }
        Instant since = Instant.now().minus(Duration.ofDays(window));
        return new UsageView(caller.tenantId(), since, usage.totals(caller.tenantId(), since));
    }

    private static Caller admin(String tenant, String user, String roles) {
        Caller caller = Caller.of(tenant, user, null);
        if (!Roles.admin(roles)) {
            throw new AiHubException(403, "forbidden:admin_only", "Forbidden", "Only a tenant admin (realm role "
                    + "'admin') may read or change the tenant's model settings and token usage.");
        }
        return caller;
    }

    private static ModelEndpoint validated(ModelSettings body, String source) {
        if (body == null) {
            throw AiHubException.badRequest("invalid_request", "Send {baseUrl, model, apiKey?, timeoutSeconds?}.");
        }
        String url = body.baseUrl() == null ? "" : body.baseUrl().trim();
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw AiHubException.badRequest("invalid_request", "baseUrl: give the http(s) base URL of an "
                    + "OpenAI-compatible API, e.g. https://api.openai.com/v1 or http://localhost:11434/v1.");
        }
        if (body.model() == null || body.model().isBlank() || body.model().length() > 128) {
            throw AiHubException.badRequest("invalid_request", "model: give the model name (1-128 characters), "
                    + "e.g. gpt-4o-mini or llama3.1.");
        }
        int timeout = body.timeoutSeconds() == null ? 60 : body.timeoutSeconds();
        if (timeout < 1 || timeout > MAX_TIMEOUT_SECONDS) {
            throw AiHubException.badRequest("invalid_request", "timeoutSeconds: between 1 and " + MAX_TIMEOUT_SECONDS
                    + ".");
        }
        String key = body.apiKey() == null || body.apiKey().isBlank() ? null : body.apiKey().trim();
        return new ModelEndpoint(source, url, body.model().trim(), key, Duration.ofSeconds(timeout));
    }
}
