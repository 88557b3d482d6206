package io.aide.aihub.viz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import io.aide.aihub.client.DataSourceClient;
import io.aide.aihub.llm.LanguageModels;
import io.aide.aihub.service.AiHubException;
import io.aide.aihub.service.AiTaskException;
import io.aide.aihub.service.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A question in, a chart out. With a language model: the model calls a data tool ({@code run_sql} or
 * {@code submit_spark}, declared as OpenAI tools; see {@link VizToolCall}) with its SQL (one repair round when the
 * query fails: the failure goes back as the tool's result), then writes the component, streamed as code chunks. Without one: the caller's SQL runs and {@link ChartRecommender} writes the component; a question
 * without SQL is refused before the stream starts, since only a model turns a question into SQL.
 */
@ApplicationScoped
public class VizAgent {
    static final String FEATURE = "viz";
    static final int CHUNK = 400;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LanguageModels models;
    private final QueryRunner queries;
    private final VizDataStore data;
    private final DataSourceClient dataSources;

    public VizAgent(LanguageModels models, QueryRunner queries, VizDataStore data,
                    @RestClient DataSourceClient dataSources) {
        this.models = models;
        this.queries = queries;
        this.data = data;
        this.dataSources = dataSources;
    }

    /** Refuses, before any event, what cannot run: no data source, an unknown engine, a question without model or SQL. */
    public void check(Caller caller, VizRequest request) {
        if (request == null || request.dataSourceId() == null || request.dataSourceId().isBlank()) {
            throw AiHubException.badRequest("viz_datasource_missing", "Field 'dataSourceId' is required: the data "
                    + "source whose sample the query runs on (GET /api/v1/datasources lists them).");
        }
        String engine = request.engineOrDefault();
        if (!engine.equals("duckdb") && !engine.equals("spark")) {
            throw AiHubException.badRequest("viz_engine_unknown", "Field 'engine' is '" + request.engine()
                    + "'; use 'duckdb' (the sample, default) or 'spark'.");
        }
        if (!request.hasSql() && (request.question() == null || request.question().isBlank())) {
            throw AiHubException.badRequest("viz_question_missing", "Give a 'question' or the 'sql' to chart.");
        }
        if (!request.hasSql() && models.endpoint(caller.tenantId()).isEmpty()) {
            throw new AiHubException(409, LanguageModels.NOT_CONFIGURED, "Language model not configured",
                    "A language model is needed to turn a question into SQL, and none is configured. Give the SQL "
                            + "to chart (field 'sql': a saved query or your own) and a chart is chosen from its "
                            + "result without a model, or ask your admin to set a model (AIDE_LLM_BASE_URL, or the "
                            + "tenant's model settings).");
        }
    }

    public void run(Caller caller, VizRequest request, Consumer<VizEvent> emit) {
        String engine = request.engineOrDefault();
        QueryRunner.Engine tool = engine.equals("spark") ? QueryRunner.Engine.SPARK : QueryRunner.Engine.DUCKDB;
        boolean model = models.endpoint(caller.tenantId()).isPresent();
        String sql = request.hasSql() ? request.sql().trim() : null;
        boolean dataReady = false;
        try {
            QueryResult result;
            if (sql != null) {
                emit.accept(VizEvent.thought("Running the given SQL with " + toolName(tool) + " on data source "
                        + request.dataSourceId() + "."));
                result = queries.run(caller, request.dataSourceId(), sql, tool);
            } else {
                Ran ran = askAndRun(caller, request, emit);
                sql = ran.sql();
                result = ran.result();
            }
            VizDataStore.Stored stored = store(caller, result);
            emit.accept(VizEvent.dataReady(stored, sql));
            dataReady = true;
            ChartRecommender.Recommendation chosen = ChartRecommender.recommend(result);
            emit.accept(VizEvent.thought(result.rowCount() + " row(s), " + result.columns().size()
                    + " column(s): " + chosen.chartType() + " chart (" + chosen.reason() + ")."));
            Map<String, Object> parameters = chosen.parameters();
            if (model) {
                emit.accept(VizEvent.thought("Writing the component."));
                writeComponent(caller, request.question() == null ? sql : request.question(), result, parameters,
                        emit);
            } else {
                emit.accept(VizEvent.thought("No language model is configured: the component is the chart "
                        + "recommender's."));
                String source = VizComponent.source(parameters);
                for (int i = 0; i < source.length(); i += CHUNK) {
                    emit.accept(VizEvent.code(source.substring(i, Math.min(source.length(), i + CHUNK))));
                }
            }
            emit.accept(VizEvent.done(true, true, sql, parameters, engine));
        } catch (VizException e) {
            emit.accept(VizEvent.error(e.stage(), e.getMessage()));
            emit.accept(VizEvent.done(false, dataReady, sql, null, engine));
        } catch (AiTaskException e) {
            emit.accept(VizEvent.error(dataReady ? VizException.Stage.CODE_GENERATION
                    : VizException.Stage.SQL_EXECUTION, e.getMessage()));
            emit.accept(VizEvent.done(false, dataReady, sql, null, engine));
        }
    }

    /** The result kept for the chart to fetch by URL; a failure to keep it is the data_fetch stage's error. */
    private VizDataStore.Stored store(Caller caller, QueryResult result) {
        try {
            return data.store(caller.tenantId(), result);
        } catch (RuntimeException e) {
            throw new VizException(VizException.Stage.DATA_FETCH, "The result (" + result.rowCount() + " rows) could "
                    + "not be kept for the chart to fetch: " + e.getMessage());
        }
    }

    private record Ran(String sql, QueryResult result) {
    }

    private Ran askAndRun(Caller caller, VizRequest request, Consumer<VizEvent> emit) {
        emit.accept(VizEvent.thought("Reading the schema of data source " + request.dataSourceId() + "."));
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(SystemMessage.from(VizPrompts.toolSystem(request.engineOrDefault())));
        messages.add(UserMessage.from(VizPrompts.schema(schema(caller, request.dataSourceId())) + "\nQuestion: "
                + request.question()));
        String lastError = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            AiMessage answer = models.chatWithTools(caller.tenantId(), caller.userId(), FEATURE, messages,
                    VizToolCall.TOOLS);
            VizToolCall call = VizToolCall.from(answer);
            if (call.thought() != null) {
                emit.accept(VizEvent.thought(call.thought()));
            }
            if (call.ignored() > 0) {
                emit.accept(VizEvent.thought("The model made " + (call.ignored() + 1) + " tool calls in one answer; "
                        + "only the first runs (a chart is one query)."));
            }
            emit.accept(VizEvent.thought("Calling " + call.tool() + ": " + call.sql()));
            try {
                return new Ran(call.sql(), queries.run(caller, request.dataSourceId(), call.sql(), call.engine()));
            } catch (VizException e) {
                if (e.stage() != VizException.Stage.SQL_EXECUTION) {
                    throw e;
                }
                lastError = e.getMessage();
                emit.accept(VizEvent.thought(lastError + " Asking the model for a correction."));
                messages.addAll(call.repair(answer, lastError));
            }
        }
        throw new VizException(VizException.Stage.SQL_EXECUTION, lastError);
    }

    private void writeComponent(Caller caller, String question, QueryResult result, Map<String, Object> parameters,
                                Consumer<VizEvent> emit) {
        StringBuilder code = new StringBuilder();
        FenceFilter filter = new FenceFilter(text -> {
            code.append(text);
            emit.accept(VizEvent.code(text));
        });
        models.stream(caller.tenantId(), caller.userId(), FEATURE, List.of(
                SystemMessage.from(VizPrompts.componentSystem()),
                UserMessage.from(VizPrompts.componentRequest(question, result, parameters))), filter::accept);
        filter.finish();
        if (!code.toString().contains("export default")) {
            throw new VizException(VizException.Stage.CODE_GENERATION, "The model's component has no default export "
                    + "(export default function Viz({ data, params })); ask again or chart the SQL without a model.");
        }
    }

    private JsonNode schema(Caller caller, String dataSourceId) {
        try {
            return JSON.readTree(dataSources.schema(caller.tenantId(), caller.userId(), caller.correlationId(),
                    dataSourceId)).path("schema");
        } catch (IOException | RuntimeException e) {
            throw new VizException(VizException.Stage.SQL_EXECUTION, "The schema of data source '" + dataSourceId
                    + "' cannot be read (" + e.getMessage() + "); check that it exists and was introspected.");
        }
    }

    static String toolName(QueryRunner.Engine engine) {
        return engine == QueryRunner.Engine.SPARK ? "submit_spark" : "run_sql";
    }
}
