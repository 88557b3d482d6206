package io.aide.aihub.llm;

import java.net.URI;
import java.time.Duration;

/**
 * The OpenAI-compatible endpoint a tenant's calls go to.
 *
 * @param source {@code tenant} (set by the tenant's admin) or {@code global} (AIDE_LLM_*)
 */
public record ModelEndpoint(String source, String baseUrl, String model, String apiKey, Duration timeout) {
    /** The key never leaves the service, not even in logs. */
    @Override
    public String toString() {
        return "ModelEndpoint[" + source + " " + host() + " " + model + "]";
    }

    /** Host and port only: status answers never show paths or credentials. */
    public String host() {
        try {
            URI uri = URI.create(baseUrl.trim());
            return uri.getHost() == null ? "?" : uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        } catch (IllegalArgumentException e) {
            return "?";
        }
    }

    /** Identifies a breaker and a cached client: one per tenant setting, one for the global model. */
    String cacheKey(String tenantId) {
        return ("tenant".equals(source) ? tenantId : "*") + "|" + baseUrl + "|" + model + "|"
                + Integer.toHexString(apiKey == null ? 0 : apiKey.hashCode()) + "|" + timeout.toMillis();
    }
}
