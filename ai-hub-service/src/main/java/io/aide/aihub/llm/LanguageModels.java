package io.aide.aihub.llm;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.model.output.TokenUsage;
import io.aide.aihub.config.LlmSettings;
import io.aide.aihub.persistence.TenantModelRepository;
import io.aide.aihub.persistence.TokenUsageRepository;
import io.aide.aihub.service.AiTaskException;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Every model call: the tenant's model (set by its admin) or the global one (AIDE_LLM_*), each behind its own
 * timeout, retries with exponential backoff and circuit breaker; the tokens each call spends are recorded for the
 * tenant and user.
 */
@ApplicationScoped
public class LanguageModels {
    private static final Logger LOG = Logger.getLogger(LanguageModels.class);
    public static final String NOT_CONFIGURED = "llm_not_configured";
    public static final String CALL_FAILED = "llm_call_failed";
    public static final String CIRCUIT_OPEN = "llm_circuit_open";
    public static final String ANSWER_TOO_LARGE = "llm_answer_too_large";

    private final LlmSettings settings;
    private final TenantModelRepository tenantModels;
    private final TokenUsageRepository usage;
    private final Optional<String> secretKey;
    private final Map<String, ChatModel> clients = new ConcurrentHashMap<>();
    private final Map<String, StreamingChatModel> streamingClients = new ConcurrentHashMap<>();
    private final Map<String, Guard> guards = new ConcurrentHashMap<>();

    public LanguageModels(LlmSettings settings, TenantModelRepository tenantModels, TokenUsageRepository usage,
                          @ConfigProperty(name = "aide.secret-key") Optional<String> secretKey) {
        this.settings = settings;
        this.tenantModels = tenantModels;
        this.usage = usage;
        this.secretKey = secretKey.filter(k -> !k.isBlank());
    }

    /** The tenant's model if its admin set one, else the global model, else none. */
    public Optional<ModelEndpoint> endpoint(String tenantId) {
        Optional<TenantModelRepository.Row> row = tenantModels.find(tenantId);
        if (row.isPresent()) {
            TenantModelRepository.Row r = row.get();
            String key = r.apiKeyEncrypted() == null ? null : cipher().decrypt(r.apiKeyEncrypted());
            return Optional.of(new ModelEndpoint("tenant", r.baseUrl(), r.model(), key,
                    Duration.ofSeconds(r.timeoutSeconds())));
        }
        if (settings.configured()) {
            return Optional.of(new ModelEndpoint("global", settings.baseUrl().orElseThrow().trim(), settings.model(),
                    settings.apiKey().filter(k -> !k.isBlank()).orElse(null), settings.timeout()));
        }
        return Optional.empty();
    }

    /** The model's answer to the messages, for the tenant and user; AiTaskException with a stable code otherwise. */
    public String chat(String tenantId, String userId, String feature, List<ChatMessage> messages) {
        ModelEndpoint endpoint = endpoint(tenantId).orElseThrow(() -> notConfigured(feature));
        return recorded(tenantId, userId, feature, endpoint,
                guarded(tenantId, endpoint, ChatRequest.builder().messages(messages).build()));
    }

    /**
     * The model's answer to the messages with these tools declared (OpenAI {@code tools}): its tool calls, its text,
     * or both. The same guard, token record and answer limit as {@link #chat}; the limit counts the text and every
     * call's arguments. An answer with neither text nor a tool call is a failed call.
     */
    public AiMessage chatWithTools(String tenantId, String userId, String feature, List<ChatMessage> messages,
                                   List<ToolSpecification> tools) {
        ModelEndpoint endpoint = endpoint(tenantId).orElseThrow(() -> notConfigured(feature));
        ChatResponse response = guarded(tenantId, endpoint, ChatRequest.builder().messages(messages).toolSpecifications(tools)
                .build());
        recordUsage(tenantId, userId, feature, endpoint, response);
        AiMessage answer = response.aiMessage();
        boolean calls = answer != null && answer.hasToolExecutionRequests();
        String text = answer == null ? null : answer.text();
        if (!calls && (text == null || text.isBlank())) {
            throw failed(endpoint, "the answer was empty", null);
        }
        int size = (text == null ? 0 : text.length()) + (!calls ? 0 : answer.toolExecutionRequests().stream()
                .mapToInt(r -> r.arguments() == null ? 0 : r.arguments().length()).sum());
        checkSize(endpoint, size);
        return answer;
    }

    /** One call through the endpoint's guard (timeout, retries, circuit breaker). */
    private ChatResponse guarded(String tenantId, ModelEndpoint endpoint, ChatRequest request) {
        String key = endpoint.cacheKey(tenantId);
        ChatModel model = clients.computeIfAbsent(key, k -> build(endpoint));
        Guard guard = guards.computeIfAbsent(key, k -> guard(endpoint));
        try {
            return guard.call(() -> model.chat(request), ChatResponse.class);
        } catch (CircuitBreakerOpenException e) {
            throw circuitOpen(endpoint, e);
        } catch (TimeoutException e) {
            throw failed(endpoint, "no answer within " + endpoint.timeout().toSeconds() + " s", e);
        } catch (Exception e) {
            throw failed(endpoint, rootMessage(e), e);
        }
    }

    /**
     * Streams the model's answer: each piece of text goes to {@code onDelta} as it arrives; returns the whole text.
     * Behind the endpoint's circuit breaker and timeout; retried only while nothing was streamed yet.
     */
    public String stream(String tenantId, String userId, String feature, List<ChatMessage> messages,
                         Consumer<String> onDelta) {
        ModelEndpoint endpoint = endpoint(tenantId).orElseThrow(() -> notConfigured(feature));
        String key = endpoint.cacheKey(tenantId);
        StreamingChatModel model = streamingClients.computeIfAbsent(key, k -> buildStreaming(endpoint));
        Guard guard = guards.computeIfAbsent(key, k -> guard(endpoint));
        AtomicBoolean streamed = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger forwarded = new java.util.concurrent.atomic.AtomicInteger();
        ChatResponse response;
        try {
            response = guard.call(() -> {
                CompletableFuture<ChatResponse> done = new CompletableFuture<>();
                model.chat(ChatRequest.builder().messages(messages).build(), new StreamingChatResponseHandler() {
                    @Override
                    public void onPartialResponse(String text) {
                        // past the answer limit nothing more is forwarded; the whole answer is refused at its end
                        if (text != null && !text.isEmpty()
                                && forwarded.addAndGet(text.length()) <= settings.maxAnswerChars()) {
                            streamed.set(true);
                            onDelta.accept(text);
                        }
                    }

                    @Override
                    public void onCompleteResponse(ChatResponse complete) {
                        done.complete(complete);
                    }

                    @Override
                    public void onError(Throwable error) {
                        done.completeExceptionally(error);
                    }
                });
                try {
                    return done.get(endpoint.timeout().toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    // text already streamed to the client must not be streamed twice by a retry
                    throw streamed.get() ? new NonRetriableException(e.getCause()) : asException(e.getCause());
                }
            }, ChatResponse.class);
        } catch (CircuitBreakerOpenException e) {
            throw circuitOpen(endpoint, e);
        } catch (TimeoutException | java.util.concurrent.TimeoutException e) {
            throw failed(endpoint, "no complete answer within " + endpoint.timeout().toSeconds() + " s", e);
        } catch (Exception e) {
            throw failed(endpoint, rootMessage(e), e);
        }
        return recorded(tenantId, userId, feature, endpoint, response);
    }

    private static Exception asException(Throwable t) {
        return t instanceof Exception e ? e : new IllegalStateException(t);
    }

    private String recorded(String tenantId, String userId, String feature, ModelEndpoint endpoint,
                            ChatResponse response) {
        recordUsage(tenantId, userId, feature, endpoint, response);
        String text = response.aiMessage() == null ? null : response.aiMessage().text();
        if (text == null || text.isBlank()) {
            throw failed(endpoint, "the answer was empty", null);
        }
        checkSize(endpoint, text.length());
        return text;
    }

    private void recordUsage(String tenantId, String userId, String feature, ModelEndpoint endpoint,
                             ChatResponse response) {
        TokenUsage tokens = response.tokenUsage();
        usage.record(tenantId, userId, feature, endpoint.model(), endpoint.source(),
                tokens == null || tokens.inputTokenCount() == null ? 0 : tokens.inputTokenCount(),
                tokens == null || tokens.outputTokenCount() == null ? 0 : tokens.outputTokenCount());
    }

    private void checkSize(ModelEndpoint endpoint, int characters) {
        if (characters > settings.maxAnswerChars()) {
            throw new AiTaskException(ANSWER_TOO_LARGE, "The language model at " + endpoint.host() + " (model "
                    + endpoint.model() + ") answered " + characters + " characters, more than the "
                    + settings.maxAnswerChars() + " this service uses (AIDE_LLM_MAX_ANSWER_CHARS); nothing of the "
                    + "answer was used. Ask for a smaller change.", null);
        }
    }

    private AiTaskException circuitOpen(ModelEndpoint endpoint, CircuitBreakerOpenException e) {
        return new AiTaskException(CIRCUIT_OPEN, "Calls to the language model at " + endpoint.host() + " (model "
                + endpoint.model() + ") are paused for " + settings.circuitBreakerDelay().toSeconds()
                + " s after repeated failures; retry after that.", e);
    }

    /** One direct call (no retry, no breaker) so an admin sees at once whether the endpoint answers. */
    public ConnectionTest test(ModelEndpoint endpoint) {
        long start = System.nanoTime();
        try {
            ChatModel model = build(endpoint);
            ChatResponse response = model.chat(ChatRequest.builder().messages(
                    dev.langchain4j.data.message.UserMessage.from("Answer with the single word OK.")).build());
            String text = response.aiMessage() == null ? "" : response.aiMessage().text();
            return new ConnectionTest(true, endpoint.source(), endpoint.host(), endpoint.model(), elapsed(start),
                    text == null ? "" : text.strip().substring(0, Math.min(80, text.strip().length())), null, null);
        } catch (RuntimeException e) {
            return new ConnectionTest(false, endpoint.source(), endpoint.host(), endpoint.model(), elapsed(start), null,
                    CALL_FAILED, "The language model at " + endpoint.host() + " (model " + endpoint.model()
                    + ") did not answer: " + rootMessage(e) + ". Check the base URL, the model name and the key.");
        }
    }

    /** @param answer the first characters of the model's answer when it answered */
    public record ConnectionTest(boolean ok, String source, String baseUrl, String model, long latencyMillis,
                                 String answer, String code, String message) {
    }

    public CredentialCipher cipher() {
        return new CredentialCipher(secretKey.orElseThrow(() -> new AiTaskException("secret_key_missing",
                "AIDE_SECRET_KEY is not set, so model keys cannot be stored or read. Set it on ai-hub-service.", null)));
    }

    public AiTaskException notConfigured(String feature) {
        return new AiTaskException(NOT_CONFIGURED, "No language model is configured: set AIDE_LLM_BASE_URL, "
                + "AIDE_LLM_API_KEY and AIDE_LLM_MODEL, or let a tenant admin set the tenant's model "
                + "(PUT /api/v1/ai/models/tenant), to use " + feature + ". Everything else works without one.", null);
    }

    private ChatModel build(ModelEndpoint endpoint) {
        return OpenAiChatModel.builder().baseUrl(endpoint.baseUrl()).apiKey(endpoint.apiKey() == null
                        ? "no-key" : endpoint.apiKey()).modelName(endpoint.model()).temperature(0.0)
                .timeout(endpoint.timeout()).maxRetries(0).build();
    }

    private StreamingChatModel buildStreaming(ModelEndpoint endpoint) {
        return OpenAiStreamingChatModel.builder().baseUrl(endpoint.baseUrl()).apiKey(endpoint.apiKey() == null
                        ? "no-key" : endpoint.apiKey()).modelName(endpoint.model()).temperature(0.0)
                .timeout(endpoint.timeout()).build();
    }

    private Guard guard(ModelEndpoint endpoint) {
        String name = endpoint.host() + " " + endpoint.model();
        return Guard.create().withDescription("language model " + name)
                .withTimeout().duration(endpoint.timeout().toMillis() + 1000, ChronoUnit.MILLIS).done()
                .withRetry().maxRetries(settings.retries()).delay(500, ChronoUnit.MILLIS)
                .abortOn(List.of(CircuitBreakerOpenException.class, NonRetriableException.class))
                .withExponentialBackoff().factor(2).done()
                .beforeRetry(e -> LOG.infof("model call to %s failed, retrying: %s", name, rootMessage(e)))
                .done()
                .withCircuitBreaker().requestVolumeThreshold(settings.circuitBreakerRequests()).failureRatio(0.75)
                .delay(settings.circuitBreakerDelay().toMillis(), ChronoUnit.MILLIS).successThreshold(1)
                .onStateChange(state -> LOG.warnf("circuit of the language model %s is now %s", name, state))
                .done()
                .build();
    }

    private static AiTaskException failed(ModelEndpoint endpoint, String why, Throwable cause) {
        return new AiTaskException(CALL_FAILED, "The language model at " + endpoint.host() + " (model "
                + endpoint.model() + ", " + endpoint.source() + " setting) did not answer: " + why + ". Check "
                + ("tenant".equals(endpoint.source()) ? "the tenant's model settings" : "AIDE_LLM_BASE_URL, "
                + "AIDE_LLM_API_KEY and AIDE_LLM_MODEL") + ", then retry.", cause);
    }

    private static long elapsed(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
