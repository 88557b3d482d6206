package io.aide.aihub.viz;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading the model's tool call from one answer, and what goes back to the model when its query failed. */
class VizToolCallTest {
    private static final String SQL = "SELECT status, count(*) AS orders FROM raw_orders GROUP BY status";

    private static ToolExecutionRequest call(String id, String name, String arguments) {
        return ToolExecutionRequest.builder().id(id).name(name).arguments(arguments).build();
    }

    @Test
    void shouldDeclareBothToolsWithARequiredSqlAndAnOptionalThought() {
        // Given / When / Then
        assertThat(VizToolCall.TOOLS).extracting(t -> t.name()).containsExactly("run_sql", "submit_spark");
        assertThat(VizToolCall.TOOLS).allSatisfy(t -> {
            assertThat(t.parameters().properties()).containsOnlyKeys("sql", "thought");
            assertThat(t.parameters().required()).containsExactly("sql");
        });
    }

    @Test
    void shouldReadANativeCallWithItsIdSqlAndThought() {
        // Given
        AiMessage answer = AiMessage.from(call("call_1", "submit_spark",
                "{\"sql\": \"" + SQL + "\", \"thought\": \"Orders per status.\"}"));

        // When
        VizToolCall read = VizToolCall.from(answer);

        // Then
        assertThat(read).isEqualTo(new VizToolCall("call_1", "submit_spark", SQL, "Orders per status.", 0));
        assertThat(read.engine()).isEqualTo(QueryRunner.Engine.SPARK);
        assertThat(read.isNative()).isTrue();
    }

    @Test
    void shouldRunOnlyTheFirstOfSeveralCallsAndCountTheOthers() {
        // Given
        AiMessage answer = AiMessage.from(call("call_a", "run_sql", "{\"sql\": \"SELECT 1\"}"),
                call("call_b", "run_sql", "{\"sql\": \"SELECT 2\"}"), call("call_c", "drop_table", "{}"));

        // When
        VizToolCall read = VizToolCall.from(answer);

        // Then
        assertThat(read.id()).isEqualTo("call_a");
        assertThat(read.sql()).isEqualTo("SELECT 1");
        assertThat(read.ignored()).isEqualTo(2);
    }

    @Test
    void shouldRefuseAnUnknownToolArgumentsThatAreNotJsonAndACallWithoutSql() {
        // Given / When / Then
        assertThatThrownBy(() -> VizToolCall.from(AiMessage.from(call("call_9", "delete_rows", "{\"sql\": \"x\"}"))))
                .isInstanceOf(VizException.class)
                .hasMessage("The model called an unknown tool 'delete_rows' (call call_9); the tools are run_sql and "
                        + "submit_spark. Ask again, or give the SQL to chart.")
                .extracting(e -> ((VizException) e).stage()).isEqualTo(VizException.Stage.SQL_EXECUTION);
        assertThatThrownBy(() -> VizToolCall.from(AiMessage.from(call("call_2", "run_sql", "SELECT 1"))))
                .hasMessage("The model called run_sql (call call_2) with arguments that are not a JSON object: "
                        + "'SELECT 1'. The arguments must be {\"sql\": \"<query>\"}.");
        assertThatThrownBy(() -> VizToolCall.from(AiMessage.from(call("call_3", "run_sql", "{\"thought\": \"t\"}"))))
                .hasMessage("The model called run_sql without SQL (its argument 'sql' is missing or empty).");
    }

    @Test
    void shouldReadAJsonCallInTheTextAsTheFallbackAndRefuseTextWithoutOne() {
        // Given
        AiMessage fenced = AiMessage.from("```json\n{\"thought\": \"Counting.\", \"tool\": \"run_sql\", \"sql\": \""
                + SQL + "\"}\n```");
        AiMessage prose = AiMessage.from("The orders per status are easy to count with a GROUP BY.");

        // When
        VizToolCall read = VizToolCall.from(fenced);

        // Then
        assertThat(read).isEqualTo(new VizToolCall(null, "run_sql", SQL, "Counting.", 0));
        assertThat(read.isNative()).isFalse();
        assertThatThrownBy(() -> VizToolCall.from(prose)).isInstanceOf(VizException.class)
                .hasMessage("The model answered text without calling a tool (run_sql or submit_spark): 'The orders "
                        + "per status are easy to count with a GROUP BY.'. Ask again, or give the SQL to chart.");
        assertThatThrownBy(() -> VizToolCall.from(AiMessage.from("{\"tool\": \"run_sql\", \"sql\": }")))
                .hasMessageStartingWith("The model called no tool, and the JSON tool call in its text cannot be read: ");
    }

    @Test
    void shouldSendTheFailureBackAsTheToolsResultUnderTheCallsIdAndAnswerTheOtherCallsNotRun() {
        // Given a native answer with two calls, the first failed
        AiMessage answer = AiMessage.from(call("call_a", "run_sql", "{\"sql\": \"SELECT order_state FROM raw_orders\"}"),
                call("call_b", "run_sql", "{\"sql\": \"SELECT 2\"}"));
        VizToolCall read = VizToolCall.from(answer);

        // When
        List<ChatMessage> repair = read.repair(answer, "run_sql failed (sql_error): column order_state not found");

        // Then the answer itself, then one tool result per call, in order
        assertThat(repair).hasSize(3);
        assertThat(repair.get(0)).isSameAs(answer);
        ToolExecutionResultMessage first = (ToolExecutionResultMessage) repair.get(1);
        assertThat(first.id()).isEqualTo("call_a");
        assertThat(first.toolName()).isEqualTo("run_sql");
        assertThat(first.text()).isEqualTo("run_sql failed (sql_error): column order_state not found\n"
                + "Call run_sql again with the corrected query.");
        ToolExecutionResultMessage second = (ToolExecutionResultMessage) repair.get(2);
        assertThat(second.id()).isEqualTo("call_b");
        assertThat(second.text()).isEqualTo("Not run: only the first tool call of an answer runs (a chart is one "
                + "query).");
    }

    @Test
    void shouldAskForTheCorrectedJsonCallInAUserMessageWhenTheCallCameAsText() {
        // Given
        AiMessage answer = AiMessage.from("{\"tool\": \"run_sql\", \"sql\": \"SELECT order_state FROM raw_orders\"}");

        // When
        List<ChatMessage> repair = VizToolCall.from(answer).repair(answer, "run_sql failed: no order_state");

        // Then
        assertThat(repair).hasSize(2);
        assertThat(repair.get(0)).isSameAs(answer);
        assertThat(((UserMessage) repair.get(1)).singleText()).isEqualTo("The query\nSELECT order_state FROM "
                + "raw_orders\nfailed: run_sql failed: no order_state\nAnswer with the corrected JSON tool call only.");
    }
}
