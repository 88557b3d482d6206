package io.aide.aihub.nl2sql;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import io.aide.aihub.llm.LanguageModels;
import io.aide.aihub.retrieval.RelevantTables;
import io.aide.aihub.modeler.SchemaSnapshot;
import io.aide.aihub.service.AiHubException;
import io.aide.aihub.service.AiTaskException;
import io.aide.aihub.service.Caller;
import io.aide.aihub.service.Prompts;
import io.aide.aihub.service.SampleQueries;
import io.aide.aihub.service.SchemaSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;

/**
 * A question about a data source answered as one DuckDB SELECT over its schema, run on its sample through the
 * validator; a query the sample refuses goes back to the model with the validator's error (bounded repairs). Needs a
 * language model: 409 {@code llm_not_configured} without one.
 */
@ApplicationScoped
public class NlToSql {
    public static final String KIND = "nl2sql";
    static final String SYSTEM = """
            You translate a question into one DuckDB SQL query over the given schema. Use only its tables and columns,
            with the table names exactly as written there. Answer with one SELECT (or WITH ... SELECT) only: no prose,
            no markdown fences.""";

    private final LanguageModels models;
    private final SchemaSource schemas;
    private final SampleQueries samples;
    private final RelevantTables relevant;
    private final int repairs;

    public NlToSql(LanguageModels models, SchemaSource schemas, SampleQueries samples, RelevantTables relevant,
                   @ConfigProperty(name = "aide.ai.nl2sql.repairs", defaultValue = "2") int repairs) {
        this.models = models;
        this.schemas = schemas;
        this.samples = samples;
        this.relevant = relevant;
        this.repairs = repairs;
    }

    /** @param attempts model answers it took (1 when the first query ran) */
    public record Answer(String question, String sql, List<SampleQueries.Column> columns, List<List<Object>> rows,
                         boolean truncated, long elapsedMs, int attempts, String sampleKind) {
    }

    public Answer answer(Caller caller, String dataSourceId, String question, int limit) {
        if (dataSourceId == null || dataSourceId.isBlank() || question == null || question.isBlank()) {
            throw AiHubException.badRequest("invalid_request", "dataSourceId and question are required, e.g. "
                    + "{\"dataSourceId\": \"ds_1\", \"question\": \"revenue by month\"}.");
        }
        if (models.endpoint(caller.tenantId()).isEmpty()) {
            AiTaskException e = models.notConfigured("natural-language to SQL");
            throw new AiHubException(409, e.code(), "No language model", e.getMessage());
        }
        SchemaSnapshot snapshot = relevant.pick(caller, dataSourceId, schemas.snapshot(caller, dataSourceId), question);
        List<ChatMessage> messages = new ArrayList<>(List.of(SystemMessage.from(SYSTEM), UserMessage.from(
                "Schema:\n" + SchemaPrompt.render(snapshot) + "\nQuestion: " + question)));
        String lastError = null;
        String sql = null;
        for (int attempt = 1; attempt <= repairs + 1; attempt++) {
            try {
                sql = Prompts.stripFences(models.chat(caller.tenantId(), caller.userId(), KIND, messages));
            } catch (AiTaskException e) {
                throw new AiHubException(LanguageModels.CIRCUIT_OPEN.equals(e.code()) ? 503 : 502, e.code(),
                        "Language model failed", e.getMessage(), e);
            }
            try {
                SampleQueries.Result result = samples.onDataSource(caller, dataSourceId, sql, limit);
                return new Answer(question, sql, result.columns(), result.rows(), result.truncated(),
                        result.elapsedMs(), attempt, result.sampleKind());
            } catch (AiHubException e) {
                if (e.status() != 422) {
                    throw e;
                }
                lastError = e.code() + ": " + e.getMessage();
                messages.add(AiMessage.from(sql));
                messages.add(UserMessage.from("That query failed on the sample: " + lastError
                        + "\nAnswer with the corrected query only."));
            }
        }
        throw new AiHubException(422, "nl2sql_rejected", "No runnable query", "The model's query did not run on the "
                + "sample after " + (repairs + 1) + " attempt(s). Last query: " + sql + " -- last error: " + lastError
                + ". Rephrase the question or name the tables it needs.");
    }
}
