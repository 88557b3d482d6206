package io.aide.aihub.service;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import io.aide.aihub.llm.LanguageModels;
import io.aide.aihub.refine.BlockRefiner;
import io.aide.events.v1.AiTaskRequested;
import io.aide.events.v1.AiTaskResult;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;

/** Answers one AiTaskRequested of a tenant: the model's answer, or a clear reason why there is none. */
@ApplicationScoped
public class AiTaskService {
    private static final Logger LOG = Logger.getLogger(AiTaskService.class);
    public static final String NOT_CONFIGURED = LanguageModels.NOT_CONFIGURED;

    private static final Map<String, String> FEATURES = Map.of(
            "refine", "block refinement",
            "nl2sql", "natural-language to SQL",
            "modeler_message", "the data modeler",
            "viz", "visualizations",
            "rule_assist", "rule assistance");

    /** Kinds the events contract names whose features answer over REST (request and answer, or a stream). */
    private static final Map<String, String> REST_ROUTES = Map.of(
            "modeler_message", "POST /api/v1/ai/modeler/sessions/{dataSourceId}/messages (or .../messages/stream)",
            "viz", "POST /api/v1/viz/runs",
            "rule_assist", "POST /api/v1/ai/rule-assist/generations/{generationId}");

    private final LanguageModels models;
    private final BlockRefiner refiner;

    public AiTaskService(LanguageModels models, BlockRefiner refiner) {
        this.models = models;
        this.refiner = refiner;
    }

    /** The answer to a task; a refinement also streams its thoughts and code and sends the accepted edit to sink. */
    public AiTaskResult answer(String tenantId, AiTaskRequested task, BlockRefiner.Sink sink) {
        if (models.endpoint(tenantId).isEmpty()) {
            AiTaskException e = models.notConfigured(feature(task.kind()));
            return new AiTaskResult(task.taskId(), task.kind(), "not_configured", null, e.code(), e.getMessage());
        }
        if (BlockRefiner.KIND.equals(task.kind())) {
            return refiner.refine(tenantId, task, sink);
        }
        try {
            String content = switch (task.kind()) {
                case "nl2sql" -> ask(tenantId, task, Prompts.NL2SQL_SYSTEM, Prompts.nl2sqlUser(task));
                default -> throw new AiTaskException(REST_ROUTES.containsKey(task.kind())
                        ? "ai_task_kind_rest_only:" + task.kind() : "ai_task_kind_unknown:" + task.kind(),
                        REST_ROUTES.containsKey(task.kind()) ? feature(task.kind()) + " is not answered on the task "
                                + "topic; it is served by the REST API: " + REST_ROUTES.get(task.kind()) + "."
                                : "'" + task.kind() + "' is no task kind; the topic answers refine and nl2sql.", null);
            };
            return new AiTaskResult(task.taskId(), task.kind(), "completed", Prompts.stripFences(content), null, null);
        } catch (AiTaskException e) {
            LOG.infof("AI task %s (%s) not answered: %s", task.taskId(), task.kind(), e.code());
            return new AiTaskResult(task.taskId(), task.kind(), "failed", null, e.code(), e.getMessage());
        }
    }

    private String ask(String tenantId, AiTaskRequested task, String system, String user) {
        return models.chat(tenantId, task.requestedBy(), task.kind(),
                List.of(SystemMessage.from(system), UserMessage.from(user)));
    }

    static String feature(String kind) {
        return FEATURES.getOrDefault(kind, "'" + kind + "'");
    }
}
