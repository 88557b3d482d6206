package io.aide.aihub.viz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The model's call of a data tool, read from one answer. The main path is OpenAI's native {@code tool_calls} (the
 * request declares {@link #TOOLS}); a server without tool support may answer the call as a JSON object
 * {@code {"thought", "tool", "sql"}} in its text instead, read as a fallback ({@code id} null).
 * <p>
 * Only the first call of an answer runs: a chart is one query. The others are answered "not run" when the
 * conversation goes back to the model. A first call naming an unknown tool, or whose arguments are not a JSON object
 * with a non-blank {@code sql}, and an answer with neither a call nor a JSON call in its text, refuse the run.
 *
 * @param id      the call's id (native calls), sent back with its result; null for a call read from the text
 * @param ignored how many further calls the answer made (not run)
 */
record VizToolCall(String id, String tool, String sql, String thought, int ignored) {
    static final String RUN_SQL = "run_sql";
    static final String SUBMIT_SPARK = "submit_spark";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN = 200;

    /** The two data tools, each taking {@code sql} (required) and {@code thought} (optional). */
    static final List<ToolSpecification> TOOLS = List.of(
            tool(RUN_SQL, "Runs one read-only DuckDB SELECT on the data source's sample (row and time limited) and "
                    + "answers its rows."),
            tool(SUBMIT_SPARK, "Runs one read-only Spark SQL SELECT on the data source through the validator's "
                    + "Spark runner and answers its rows."));

    private static ToolSpecification tool(String name, String description) {
        return ToolSpecification.builder().name(name).description(description)
                .parameters(JsonObjectSchema.builder()
                        .addStringProperty("sql", "The one SELECT to run, aggregated to what a chart needs.")
                        .addStringProperty("thought", "One sentence: what the query computes.")
                        .required("sql")
                        .build())
                .build();
    }

    boolean isNative() {
        return id != null;
    }

    QueryRunner.Engine engine() {
        return SUBMIT_SPARK.equals(tool) ? QueryRunner.Engine.SPARK : QueryRunner.Engine.DUCKDB;
    }

    /** The call the answer makes: its first native tool call, else a JSON call in its text. */
    static VizToolCall from(AiMessage answer) {
        if (answer.hasToolExecutionRequests()) {
            List<ToolExecutionRequest> calls = answer.toolExecutionRequests();
            ToolExecutionRequest first = calls.get(0);
            String tool = known(first.name(), first.id());
            JsonNode arguments;
            try {
                arguments = JSON.readTree(first.arguments() == null ? "" : first.arguments());
            } catch (IOException e) {
                arguments = null;
            }
            if (arguments == null || !arguments.isObject()) {
                throw refused("The model called " + tool + " (call " + first.id() + ") with arguments that are not a "
                        + "JSON object: " + shown(first.arguments()) + ". The arguments must be {\"sql\": \"<query>\"}.");
            }
            return new VizToolCall(first.id(), tool, sql(arguments, tool), thought(arguments), calls.size() - 1);
        }
        return fromText(answer.text() == null ? "" : answer.text());
    }

    /** The fallback: a JSON object {@code {"thought", "tool", "sql"}} in the text, possibly inside a Markdown fence. */
    static VizToolCall fromText(String answer) {
        String text = answer.trim();
        int start = text.indexOf('{');
        int end = text.lastIndexOf('}');
        if (start < 0 || end <= start) {
            throw refused("The model answered text without calling a tool (run_sql or submit_spark): "
                    + shown(text) + ". Ask again, or give the SQL to chart.");
        }
        JsonNode call;
        try {
            call = JSON.readTree(text.substring(start, end + 1));
        } catch (JsonProcessingException e) {
            throw refused("The model called no tool, and the JSON tool call in its text cannot be read: "
                    + e.getOriginalMessage() + ". Ask again, or give the SQL to chart.");
        }
        String tool = known(call.path("tool").asText(""), null);
        return new VizToolCall(null, tool, sql(call, tool), thought(call), 0);
    }

    /**
     * What goes back to the model after this call's query failed with {@code error}: for a native call the answer
     * itself, then the failure as the tool's result under the call's id, each further call answered "not run"; for a
     * call read from the text, the answer and a user message asking for the corrected JSON call.
     */
    List<ChatMessage> repair(AiMessage answer, String error) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(answer);
        if (!isNative()) {
            messages.add(UserMessage.from(VizPrompts.repair(sql, error)));
            return messages;
        }
        messages.add(ToolExecutionResultMessage.from(id, tool, error + "\nCall " + tool
                + " again with the corrected query."));
        for (ToolExecutionRequest other : answer.toolExecutionRequests().subList(1,
                answer.toolExecutionRequests().size())) {
            messages.add(ToolExecutionResultMessage.from(other.id(), other.name(), "Not run: only the first tool "
                    + "call of an answer runs (a chart is one query)."));
        }
        return messages;
    }

    private static String known(String tool, String id) {
        if (!RUN_SQL.equals(tool) && !SUBMIT_SPARK.equals(tool)) {
            throw refused("The model called an unknown tool '" + tool + "'" + (id == null ? "" : " (call " + id + ")")
                    + "; the tools are run_sql and submit_spark. Ask again, or give the SQL to chart.");
        }
        return tool;
    }

    private static String sql(JsonNode arguments, String tool) {
        String sql = arguments.path("sql").isTextual() ? arguments.path("sql").asText() : "";
        if (sql.isBlank()) {
            throw refused("The model called " + tool + " without SQL (its argument 'sql' is missing or empty).");
        }
        return sql.trim();
    }

    private static String thought(JsonNode arguments) {
        String thought = arguments.path("thought").isTextual() ? arguments.path("thought").asText().trim() : "";
        return thought.isEmpty() ? null : thought;
    }

    private static String shown(String text) {
        String t = text == null ? "" : text.strip();
        return "'" + (t.length() > SHOWN ? t.substring(0, SHOWN) + "..." : t) + "'";
    }

    private static VizException refused(String message) {
        return new VizException(VizException.Stage.SQL_EXECUTION, message);
    }
}
