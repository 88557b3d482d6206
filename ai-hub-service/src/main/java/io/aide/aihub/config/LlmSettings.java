package io.aide.aihub.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The OpenAI-compatible endpoint; with no base URL the service runs and answers every task "not configured". */
@ConfigMapping(prefix = "aide.llm")
public interface LlmSettings {

    /** Base URL of an OpenAI-compatible API, e.g. https://api.openai.com/v1 (AIDE_LLM_BASE_URL). */
    Optional<String> baseUrl();

    /** API key (AIDE_LLM_API_KEY); some local servers accept any value. */
    Optional<String> apiKey();

    /** Model name (AIDE_LLM_MODEL). */
    @WithDefault("gpt-4o-mini")
    String model();

    /** Longest wait for one model answer. */
    @WithDefault("60s")
    Duration timeout();

    /** Retries of a failed model call (with exponential backoff from 500 ms); 0 = no retry. */
    @WithDefault("2")
    int retries();

    /** Calls over which the failure ratio is measured before the circuit may open (per tenant endpoint). */
    @WithDefault("4")
    int circuitBreakerRequests();

    /** How long an open circuit refuses calls before one is let through to test the endpoint again. */
    @WithDefault("30s")
    Duration circuitBreakerDelay();

    /**
     * The longest model answer used, in characters (AIDE_LLM_MAX_ANSWER_CHARS); a longer one is refused with
     * {@code llm_answer_too_large} and nothing of it is used (a streamed answer stops being forwarded there).
     */
    @WithDefault("100000")
    int maxAnswerChars();

    default boolean configured() {
        return baseUrl().filter(url -> !url.isBlank()).isPresent();
    }

    /** Only the host of the base URL, so status pages never show paths or credentials. */
    default String baseUrlHost() {
        return baseUrl().filter(url -> !url.isBlank()).map(url -> {
            try {
                URI uri = URI.create(url.trim());
                return uri.getHost() == null ? null : uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
            } catch (IllegalArgumentException e) {
                return null;
            }
        }).orElse(null);
    }
}
