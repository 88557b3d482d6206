package io.aide.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static io.aide.testsupport.ScriptedModelServer.toolCall;
import static io.aide.testsupport.ScriptedModelServer.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;

/** Tool calls as the scripted server answers them, plain and streamed, and what it records of a request. */
class ScriptedModelServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARGUMENTS = "{\"sql\": \"SELECT status, count(*) FROM raw_orders GROUP BY status\"}";

    private static String post(ScriptedModelServer server, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                        + "/chat/completions")).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void shouldAnswerToolCallsInTheMessageAndRecordTheDeclaredToolsAndToolResults() throws Exception {
        // Given
        try (ScriptedModelServer server = ScriptedModelServer.start()) {
            server.script("m", toolCalls(toolCall("call_1", "run_sql", ARGUMENTS), toolCall("call_2", "other", "{}")));
            String request = "{\"model\": \"m\", \"tools\": [{\"type\": \"function\", \"function\": {\"name\": "
                    + "\"run_sql\", \"parameters\": {\"type\": \"object\"}}}], \"messages\": [{\"role\": \"user\", "
                    + "\"content\": \"q\"}, {\"role\": \"tool\", \"tool_call_id\": \"call_0\", \"content\": \"failed\"}]}";

            // When
            JsonNode answer = JSON.readTree(post(server, request));

            // Then
            JsonNode choice = answer.path("choices").get(0);
            assertThat(choice.path("finish_reason").asText()).isEqualTo("tool_calls");
            assertThat(choice.path("message").path("content").isNull()).isTrue();
            JsonNode calls = choice.path("message").path("tool_calls");
            assertThat(calls).hasSize(2);
            assertThat(calls.get(0).path("id").asText()).isEqualTo("call_1");
            assertThat(calls.get(0).path("type").asText()).isEqualTo("function");
            assertThat(calls.get(0).path("function").path("name").asText()).isEqualTo("run_sql");
            assertThat(calls.get(0).path("function").path("arguments").asText()).isEqualTo(ARGUMENTS);
            assertThat(calls.get(1).path("id").asText()).isEqualTo("call_2");
            ScriptedModelServer.Request recorded = server.requestsFor("m").get(0);
            assertThat(recorded.tools()).containsOnlyKeys("run_sql");
            assertThat(recorded.toolResult("call_0")).contains("failed");
            assertThat(recorded.toolResult("call_1")).isEmpty();
        }
    }

    @Test
    void shouldStreamToolCallsAsDeltaChunksWhoseArgumentsJoinToTheCall() throws Exception {
        // Given
        try (ScriptedModelServer server = ScriptedModelServer.start()) {
            server.script("m", toolCalls(toolCall("call_1", "run_sql", ARGUMENTS), toolCall("call_2", "submit_spark",
                    "{\"sql\": \"SELECT 1\"}")));

            // When
            String stream = post(server, "{\"model\": \"m\", \"stream\": true, \"messages\": []}");

            // Then each call opens with its index, id, type and name, then its arguments come in pieces
            List<JsonNode> chunks = new ArrayList<>();
            for (String line : stream.split("\n\n")) {
                assertThat(line).startsWith("data: ");
                if (!line.equals("data: [DONE]")) {
                    chunks.add(JSON.readTree(line.substring(6)));
                }
            }
            StringBuilder[] arguments = {new StringBuilder(), new StringBuilder()};
            List<String> opened = new ArrayList<>();
            String finish = null;
            for (JsonNode chunk : chunks) {
                for (JsonNode choice : chunk.path("choices")) {
                    for (JsonNode delta : choice.path("delta").path("tool_calls")) {
                        int index = delta.path("index").asInt(-1);
                        if (delta.has("id")) {
                            opened.add(index + " " + delta.path("id").asText() + " " + delta.path("type").asText() + " "
                                    + delta.path("function").path("name").asText());
                        }
                        arguments[index].append(delta.path("function").path("arguments").asText());
                    }
                    if (!choice.path("finish_reason").isNull()) {
                        finish = choice.path("finish_reason").asText();
                    }
                }
            }
            assertThat(opened).containsExactly("0 call_1 function run_sql", "1 call_2 function submit_spark");
            assertThat(arguments[0]).hasToString(ARGUMENTS);
            assertThat(arguments[1]).hasToString("{\"sql\": \"SELECT 1\"}");
            assertThat(chunks).filteredOn(c -> c.path("choices").size() > 0
                    && c.path("choices").get(0).path("delta").path("tool_calls").size() > 0).hasSizeGreaterThan(6);
            assertThat(finish).isEqualTo("tool_calls");
            assertThat(chunks.get(chunks.size() - 1).path("usage").path("total_tokens").asInt(-1)).isEqualTo(18);
            assertThat(stream).endsWith("data: [DONE]\n\n");
        }
    }
}
