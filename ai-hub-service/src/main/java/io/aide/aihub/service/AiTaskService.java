package io.aide.aihub.service;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import io.aide.aihub.config.LlmSettings;
import io.aide.events.v1.AiTaskRequested;
import io.aide.events.v1.AiTaskResult;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Map;

/** Answers one AiTaskRequested: the model's answer, or a clear reason why there is none. */
@ApplicationScoped
public class AiTaskService {
    private static final Logger LOG = Logger.getLogger(AiTaskService.class);
    public static final String NOT_CONFIGURED = "llm_not_configured";

    private static final Map<String, String> FEATURES = Map.of(
            "refine", "block refinement",
            "nl2sql", "natural-language to SQL",
            "modeler_message", "the data modeler",
            "viz", "visualizations",
            "rule_assist", "rule assistance");

    private final LlmSettings settings;
    private final ChatModel chatModel;

    public AiTaskService(LlmSettings settings, ChatModel chatModel) {
        this.settings = settings;
        this.chatModel = chatModel;
    }

    public AiTaskResult answer(AiTaskRequested task) {
        if (!settings.configured()) {
            return notConfigured(task);
        }
        try {
            String content = switch (task.kind()) {
                case "refine" -> ask(Prompts.REFINE_SYSTEM, Prompts.refineUser(task));
                case "nl2sql" -> ask(Prompts.NL2SQL_SYSTEM, Prompts.nl2sqlUser(task));
                default -> throw new AiTaskException("ai_task_not_implemented:" + task.kind(),
                        feature(task.kind()) + " is not available in this version yet.", null);
            };
            return new AiTaskResult(task.taskId(), task.kind(), "completed", Prompts.stripFences(content), null, null);
        } catch (AiTaskException e) {
            return new AiTaskResult(task.taskId(), task.kind(), "failed", null, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf("model call for task %s (%s) failed: %s", task.taskId(), task.kind(), e.getMessage());
            LOG.debug("model call failure", e);
            return new AiTaskResult(task.taskId(), task.kind(), "failed", null, "llm_call_failed",
                    "The language model at " + settings.baseUrlHost() + " (model " + settings.model()
                            + ") did not answer: " + rootMessage(e) + ". Check AIDE_LLM_BASE_URL, AIDE_LLM_API_KEY "
                            + "and AIDE_LLM_MODEL, then retry.");
        }
    }

    static AiTaskResult notConfigured(AiTaskRequested task) {
        return new AiTaskResult(task.taskId(), task.kind(), "not_configured", null, NOT_CONFIGURED,
                "No language model is configured: set AIDE_LLM_BASE_URL, AIDE_LLM_API_KEY and AIDE_LLM_MODEL to use "
                        + feature(task.kind()) + ". Everything else works without one.");
    }

    private String ask(String system, String user) {
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(system), UserMessage.from(user))
                .build();
        return chatModel.chat(request).aiMessage().text();
    }

    static String feature(String kind) {
        return FEATURES.getOrDefault(kind, "'" + kind + "'");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
