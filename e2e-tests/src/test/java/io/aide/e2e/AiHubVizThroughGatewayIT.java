package io.aide.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.e2e.Stack.SseEvent;
import io.aide.e2e.Stack.SseStream;
import io.aide.events.EventJson;
import io.aide.testsupport.ScriptedModelServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static io.aide.testsupport.ScriptedModelServer.chunks;
import static io.aide.testsupport.ScriptedModelServer.text;
import static io.aide.testsupport.ScriptedModelServer.toolCall;
import static io.aide.testsupport.ScriptedModelServer.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visualization through the gateway: a question about the jaffle-shop data source, the scripted model's run_sql
 * call executed on the sample by the real validator, the component streamed, the data fetched from its URL, the run
 * saved as a template, listed, and run again on fresh data; another tenant sees none of it.
 */
class AiHubVizThroughGatewayIT extends AiHubGatewayTests.OnJaffleShop {
    private static final String SQL = "SELECT status, count(*) AS orders FROM raw_orders GROUP BY status ORDER BY status";
    private static final List<String> COMPONENT = List.of("export default function Viz({ data, params }) {\n",
            "  return <ul>{data.rows.map((r) => <li key={r[0]}>{r[0]}: {r[1]}</li>)}</ul>;\n", "}\n");
    private static String templateId;

    /** Alice's run of {@code question} on the jaffle-shop data source: its events up to {@code done}, answered 200. */
    private static List<SseEvent> ask(String question) throws Exception {
        SseStream stream = Stack.postEvents(alice, "/api/v1/viz/runs", Map.of("question", question, "dataSourceId",
                dataSourceId));
        List<SseEvent> events = CompletableFuture.supplyAsync(() -> stream.readUntil("done")).get(120, TimeUnit.SECONDS);
        assertThat(stream.status).isEqualTo(200);
        return events;
    }

    @AfterAll
    static void cleanUp() {
        if (templateId != null) {
            Stack.delete(alice, "/api/v1/viz/templates/" + templateId);
        }
    }

    @Test
    void shouldAnswerAQuestionWithSqlAndAComponentAndSaveItAsATemplate() throws Exception {
        // Given the model calls run_sql (a native tool call in a plain completion), then writes the component (streamed)
        String model = AiHubStack.modelName("viz");
        String arguments = EventJson.toJson(Map.of("thought", "Counting the orders of each status.", "sql", SQL));
        AiHubStack.model().script(model, r -> r.streamed() ? chunks(COMPONENT.toArray(String[]::new))
                : toolCalls(toolCall("call_status", "run_sql", arguments)));
        AiHubStack.useModel(model);

        // When
        List<SseEvent> events = ask("How many orders are there in each status?");

        // Then
        assertThat(events).extracting(SseEvent::event).doesNotContain("error").contains("thought", "data", "code", "done");
        assertThat(events).filteredOn(e -> e.event().equals("thought")).extracting(e -> e.json().path("content").asText())
                .contains("Counting the orders of each status.");
        assertThat(events.stream().filter(e -> e.event().equals("code")).map(e -> e.json().path("content").asText())
                .collect(Collectors.joining())).isEqualTo(String.join("", COMPONENT));
        JsonNode data = events.stream().filter(e -> e.event().equals("data")).findFirst().orElseThrow().json();
        assertThat(data.path("type").asText()).isEqualTo("data_ready");
        assertThat(data.path("size").asText()).isEqualTo("small");
        assertThat(data.path("format").asText()).isEqualTo("json");
        JsonNode done = events.get(events.size() - 1).json();
        assertThat(done.path("code_complete").asBoolean()).isTrue();
        assertThat(done.path("data_ready").asBoolean()).isTrue();
        assertThat(done.path("sql").asText()).isEqualTo(SQL);
        HttpResponse<String> fetched = Stack.get(alice, data.path("url").asText());
        assertThat(fetched.statusCode()).as(fetched.body()).isEqualTo(200);
        assertThat(rowsByStatus(Stack.json(fetched.body()))).isEqualTo(ordersByStatus());
        List<ScriptedModelServer.Request> requests = AiHubStack.model().requestsFor(model);
        assertThat(requests).hasSize(2)
                .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer " + AiHubStack.ACME_KEY));
        // the question's request declared both data tools, each taking the SQL (required) and a thought; the
        // component's request declared none
        assertThat(requests.get(0).tools()).containsOnlyKeys("run_sql", "submit_spark");
        assertThat(requests.get(0).tools().values()).allSatisfy(tool -> {
            assertThat(tool.path("parameters").path("properties").path("sql").path("type").asText()).isEqualTo("string");
            assertThat(tool.path("parameters").path("required")).extracting(JsonNode::asText).containsExactly("sql");
        });
        assertThat(requests.get(1).streamed()).isTrue();
        assertThat(requests.get(1).tools()).isEmpty();

        // When it is saved as a template, listed and run again on fresh data
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("prompt", "How many orders are there in each status? " + AiHubStack.RUN);
        template.put("generated_sql", done.path("sql").asText());
        template.put("ui_code", String.join("", COMPONENT));
        template.put("parameters", EventJson.mapper().convertValue(done.path("parameters"), Map.class));
        template.put("data_source", "duckdb");
        template.put("data_source_id", dataSourceId);
        template.put("data_url", data.path("url").asText());
        HttpResponse<String> saved = Stack.postJson(alice, "/api/v1/viz/templates", template);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        templateId = Stack.json(saved.body()).path("id").asText();
        HttpResponse<String> listed = Stack.get(alice, "/api/v1/viz/templates");
        HttpResponse<String> rerun = Stack.postJson(alice, "/api/v1/viz/templates/" + templateId + "/run", Map.of());

        // Then
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(Stack.json(listed.body()).findValuesAsText("id")).contains(templateId);
        assertThat(rerun.statusCode()).as(rerun.body()).isEqualTo(200);
        JsonNode fresh = Stack.json(Stack.get(alice, Stack.json(rerun.body()).path("url").asText()).body());
        assertThat(rowsByStatus(fresh)).isEqualTo(ordersByStatus());
        assertThat(Stack.json(Stack.get(alice, "/api/v1/viz/templates/" + templateId).body()).path("data_url").asText())
                .isEqualTo(Stack.json(rerun.body()).path("url").asText());
        // and another tenant can neither read the template nor the data
        String bob = AiHubStack.bob();
        HttpResponse<String> bobsRead = Stack.get(bob, "/api/v1/viz/templates/" + templateId);
        assertThat(bobsRead.statusCode()).isEqualTo(404);
        assertThat(Stack.json(bobsRead.body()).path("code").asText()).isEqualTo("viz_template_not_found");
        assertThat(Stack.json(Stack.get(bob, "/api/v1/viz/templates").body()).findValuesAsText("id"))
                .doesNotContain(templateId);
        assertThat(Stack.get(bob, data.path("url").asText()).statusCode()).isEqualTo(404);
    }

    @Test
    void shouldSendAQueryTheSampleRefusesBackToTheModelOnceAndChartTheCorrectedOne() throws Exception {
        // Given the model's first run_sql names a column raw_orders does not have; given the sample's error as that
        // call's result, it calls run_sql again with the corrected query
        String model = AiHubStack.modelName("viz-repair");
        String wrong = "SELECT order_state, count(*) AS orders FROM raw_orders GROUP BY order_state";
        AiHubStack.model().script(model, r -> r.streamed() ? chunks(COMPONENT.toArray(String[]::new))
                : r.toolResult("call_wrong").isPresent()
                ? toolCalls(toolCall("call_fixed", "run_sql", EventJson.toJson(Map.of("sql", SQL))))
                : toolCalls(toolCall("call_wrong", "run_sql", EventJson.toJson(Map.of("sql", wrong)))));
        AiHubStack.useModel(model);

        // When
        List<SseEvent> events = ask("How many orders are there in each status?");

        // Then: the refusal became a thought, the corrected query's rows were charted
        assertThat(events).extracting(SseEvent::event).doesNotContain("error").contains("data", "code", "done");
        assertThat(events).filteredOn(e -> e.event().equals("thought")).extracting(e -> e.json().path("content").asText())
                .anySatisfy(t -> assertThat(t).contains("run_sql failed").contains("order_state")
                        .endsWith("Asking the model for a correction."));
        JsonNode done = events.get(events.size() - 1).json();
        assertThat(done.path("sql").asText()).isEqualTo(SQL);
        assertThat(done.path("data_ready").asBoolean()).isTrue();
        JsonNode data = events.stream().filter(e -> e.event().equals("data")).findFirst().orElseThrow().json();
        assertThat(rowsByStatus(Stack.json(Stack.get(alice, data.path("url").asText()).body())))
                .isEqualTo(ordersByStatus());
        // the second request carried the model's call and the validator's error as its result, under its id
        List<ScriptedModelServer.Request> requests = AiHubStack.model().requestsFor(model);
        assertThat(requests).hasSize(3);
        assertThat(requests.get(0).toolResult("call_wrong")).isEmpty();
        assertThat(requests.get(1).toolResult("call_wrong")).hasValueSatisfying(result -> assertThat(result)
                .startsWith("run_sql failed (").contains("order_state")
                .endsWith("\nCall run_sql again with the corrected query."));
        JsonNode call = requests.get(1).json().path("messages").get(2);
        assertThat(call.path("role").asText()).isEqualTo("assistant");
        assertThat(call.path("tool_calls").get(0).path("id").asText()).isEqualTo("call_wrong");
        assertThat(Stack.json(call.path("tool_calls").get(0).path("function").path("arguments").asText())
                .path("sql").asText()).isEqualTo(wrong);
    }

    @Test
    void shouldReadTheJsonToolCallInTheTextOfAModelServerWithoutTools() throws Exception {
        // Given a model server that ignores the declared tools and writes the call as JSON in its answer's text
        String model = AiHubStack.modelName("viz-json-fallback");
        String call = EventJson.toJson(Map.of("thought", "Counting the orders of each status.", "tool", "run_sql",
                "sql", SQL));
        AiHubStack.model().script(model, r -> r.streamed() ? chunks(COMPONENT.toArray(String[]::new))
                : text("```json\n" + call + "\n```"));
        AiHubStack.useModel(model);

        // When
        List<SseEvent> events = ask("How many orders are there in each status?");

        // Then the call is run as a native one would be, and the rows charted
        assertThat(events).extracting(SseEvent::event).doesNotContain("error").contains("data", "code", "done");
        assertThat(events).filteredOn(e -> e.event().equals("thought")).extracting(e -> e.json().path("content").asText())
                .contains("Counting the orders of each status.", "Calling run_sql: " + SQL);
        JsonNode data = events.stream().filter(e -> e.event().equals("data")).findFirst().orElseThrow().json();
        assertThat(rowsByStatus(Stack.json(Stack.get(alice, data.path("url").asText()).body())))
                .isEqualTo(ordersByStatus());
        assertThat(events.get(events.size() - 1).json().path("sql").asText()).isEqualTo(SQL);
    }

    @Test
    void shouldRefuseACallOfAnUnknownToolWithoutRunningAnything() throws Exception {
        // Given the model calls a tool the agent does not have
        String model = AiHubStack.modelName("viz-unknown-tool");
        AiHubStack.model().script(model, r -> r.streamed() ? chunks(COMPONENT.toArray(String[]::new))
                : toolCalls(toolCall("call_drop", "drop_table", EventJson.toJson(Map.of("sql", "DROP TABLE raw_orders")))));
        AiHubStack.useModel(model);

        // When
        List<SseEvent> events = ask("How many orders are there in each status?");

        // Then the run ends with an error of the sql_execution stage naming the tool; nothing ran, no component
        JsonNode error = events.stream().filter(e -> e.event().equals("error")).findFirst().orElseThrow().json();
        assertThat(error.path("stage").asText()).isEqualTo("sql_execution");
        assertThat(error.path("message").asText()).isEqualTo("The model called an unknown tool 'drop_table' (call "
                + "call_drop); the tools are run_sql and submit_spark. Ask again, or give the SQL to chart.");
        assertThat(events).extracting(SseEvent::event).doesNotContain("data", "code");
        assertThat(events).filteredOn(e -> e.event().equals("thought")).extracting(e -> e.json().path("content").asText())
                .noneMatch(t -> t.startsWith("Calling"));
        JsonNode done = events.get(events.size() - 1).json();
        assertThat(done.path("code_complete").asBoolean()).isFalse();
        assertThat(done.path("data_ready").asBoolean()).isFalse();
        assertThat(AiHubStack.model().requestsFor(model)).hasSize(1);
    }

    @Test
    void shouldRefuseATemplateNamingADataSourceOfAnotherTenantAtCreateAndUpdate() {
        // Given bob (globex) and alice's data source id; a template of bob's without a data source
        String bob = AiHubStack.bob();
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("prompt", "Orders per status " + AiHubStack.RUN);
        template.put("generated_sql", SQL);
        template.put("ui_code", String.join("", COMPONENT));
        template.put("parameters", Map.of("title", "Orders"));
        template.put("data_source", "duckdb");
        HttpResponse<String> own = Stack.postJson(bob, "/api/v1/viz/templates", template);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
        String bobsTemplate = Stack.json(own.body()).path("id").asText();
        template.put("data_source_id", dataSourceId);

        // When he saves a template naming alice's data source, and changes his own to name it
        HttpResponse<String> created = Stack.postJson(bob, "/api/v1/viz/templates", template);
        HttpResponse<String> updated = Stack.putJson(bob, "/api/v1/viz/templates/" + bobsTemplate, template);

        // Then both are refused naming the field, and nothing was saved
        try {
            for (HttpResponse<String> refused : List.of(created, updated)) {
                assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
                assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                JsonNode problem = Stack.json(refused.body());
                assertThat(problem.path("code").asText()).isEqualTo("viz_template_datasource_unknown");
                assertThat(problem.path("detail").asText()).isEqualTo("Field 'data_source_id' names data source '"
                        + dataSourceId + "', which is not in your tenant; use the id of one of your data sources "
                        + "(GET /api/v1/datasources lists them). Nothing was saved.");
            }
            JsonNode bobs = Stack.json(Stack.get(bob, "/api/v1/viz/templates").body());
            assertThat(bobs.findValuesAsText("data_source_id")).doesNotContain(dataSourceId);
            JsonNode kept = Stack.json(Stack.get(bob, "/api/v1/viz/templates/" + bobsTemplate).body());
            assertThat(kept.path("data_source_id").isNull()).isTrue();
            assertThat(kept.path("prompt").asText()).isEqualTo(template.get("prompt"));
            // and alice may name her own
            template.put("prompt", "Orders per status (alice) " + AiHubStack.RUN);
            HttpResponse<String> alices = Stack.postJson(alice, "/api/v1/viz/templates", template);
            assertThat(alices.statusCode()).as(alices.body()).isEqualTo(201);
            assertThat(Stack.delete(alice, "/api/v1/viz/templates/" + Stack.json(alices.body()).path("id").asText())
                    .statusCode()).isEqualTo(204);
        } finally {
            Stack.delete(bob, "/api/v1/viz/templates/" + bobsTemplate);
        }
    }

    @Test
    void shouldReportAResultOverTheStorageLimitAsADataFetchErrorAndRefuseToReRunIt() throws Exception {
        // Given no model, and a query whose 500 rows of 20,000 characters make about 10 MB of JSON, more than the
        // 8 MiB a chart's result may have (AIDE_VIZ_MAX_RESULT_BYTES)
        AiHubStack.removeModel();
        String sql = "SELECT i, repeat('x', 20000) AS note FROM range(500) r(i)";

        // When it is charted, and saved as a template that is run again
        SseStream stream = Stack.postEvents(alice, "/api/v1/viz/runs", Map.of("sql", sql, "dataSourceId", dataSourceId));
        List<SseEvent> events = CompletableFuture.supplyAsync(() -> stream.readUntil("done")).get(120, TimeUnit.SECONDS);
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("prompt", "Long notes " + AiHubStack.RUN);
        template.put("generated_sql", sql);
        template.put("ui_code", String.join("", COMPONENT));
        template.put("parameters", Map.of());
        template.put("data_source", "duckdb");
        template.put("data_source_id", dataSourceId);
        HttpResponse<String> saved = Stack.postJson(alice, "/api/v1/viz/templates", template);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        String id = Stack.json(saved.body()).path("id").asText();
        HttpResponse<String> rerun = Stack.postJson(alice, "/api/v1/viz/templates/" + id + "/run", Map.of());
        Stack.delete(alice, "/api/v1/viz/templates/" + id);

        // Then the query ran, its result was not kept: an error of the data_fetch stage saying why and what to do
        assertThat(stream.status).isEqualTo(200);
        JsonNode error = events.stream().filter(e -> e.event().equals("error")).findFirst().orElseThrow().json();
        assertThat(error.path("stage").asText()).isEqualTo("data_fetch");
        assertThat(error.path("message").asText()).matches("The result \\(500 rows\\) could not be kept for the chart "
                + "to fetch: its json is \\d+ bytes, more than the 8388608 a chart's result may have "
                + "\\(AIDE_VIZ_MAX_RESULT_BYTES\\)\\. Chart fewer rows or columns, or shorter text .*");
        assertThat(events).extracting(SseEvent::event).doesNotContain("data", "code");
        assertThat(events.get(events.size() - 1).json().path("data_ready").asBoolean()).isFalse();
        // the template's re-run is a 422 problem saying the same, not a 5xx
        assertThat(rerun.statusCode()).as(rerun.body()).isEqualTo(422);
        assertThat(Stack.json(rerun.body()).path("code").asText()).isEqualTo("viz_result_too_large");
        assertThat(Stack.json(rerun.body()).path("detail").asText()).contains("AIDE_VIZ_MAX_RESULT_BYTES");
    }

    @Test
    void shouldChartGivenSqlWithoutAModelAndReportWhatCannotBeCharted() throws Exception {
        // Given no model for acme
        AiHubStack.removeModel();

        // When
        HttpResponse<String> question = Stack.postJson(alice, "/api/v1/viz/runs", Map.of("question",
                "How many orders are there in each status?", "dataSourceId", dataSourceId));
        HttpResponse<String> wire = Stack.postJson(alice, "/api/v1/viz/runs", Map.of("sql", SQL, "dataSourceId",
                dataSourceId));
        SseStream small = Stack.postEvents(alice, "/api/v1/viz/runs", Map.of("sql", SQL, "dataSourceId", dataSourceId));
        List<SseEvent> chart = CompletableFuture.supplyAsync(() -> small.readUntil("done")).get(120, TimeUnit.SECONDS);
        SseStream large = Stack.postEvents(alice, "/api/v1/viz/runs", Map.of("sql",
                "SELECT p.id, p.amount, p.payment_method FROM raw_payments p, range(8) r ORDER BY 1",
                "dataSourceId", dataSourceId));
        List<SseEvent> wide = CompletableFuture.supplyAsync(() -> large.readUntil("done")).get(120, TimeUnit.SECONDS);
        SseStream failing = Stack.postEvents(alice, "/api/v1/viz/runs", Map.of("sql",
                "SELECT order_state FROM raw_orders", "dataSourceId", dataSourceId));
        List<SseEvent> refused = CompletableFuture.supplyAsync(() -> failing.readUntil("done")).get(120, TimeUnit.SECONDS);
        HttpResponse<String> invalid = Stack.postJson(alice, "/api/v1/viz/templates", Map.of("prompt", "no code",
                "generated_sql", SQL, "ui_code", "const x = 1;", "parameters", Map.of(), "data_source", "duckdb",
                "data_source_id", dataSourceId));

        // Then a question needs a model; the given SQL is charted by the recommender (a bar per status)
        assertThat(question.statusCode()).as(question.body()).isEqualTo(409);
        assertThat(Stack.json(question.body()).path("code").asText()).isEqualTo("llm_not_configured");
        assertThat(chart).extracting(SseEvent::event).doesNotContain("error").contains("data", "code", "done");
        assertThat(chart.stream().filter(e -> e.event().equals("code")).map(e -> e.json().path("content").asText())
                .collect(Collectors.joining())).contains("export default function Viz");
        assertThat(chart.get(chart.size() - 1).json().path("parameters").path("chart_type").asText()).isEqualTo("bar");
        // on the wire, each event is seed 001's two lines, 'event: <type>' and 'data: <json>', nothing else
        assertThat(wire.statusCode()).as(wire.body()).isEqualTo(200);
        assertThat(wire.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(wire.body().split("\n\n")).allSatisfy(frame -> assertThat(frame.strip())
                .matches("event: ?(thought|data|code|error|done)\ndata: ?\\{\"type\":\"(thinking|data_ready|code_chunk|error|complete)\".*"));
        assertThat(wire.body()).contains("event:done\ndata:{\"type\":\"complete\",\"code_complete\":true,\"data_ready\":true");
        // more rows than are sent inline come as Parquet
        JsonNode data = wide.stream().filter(e -> e.event().equals("data")).findFirst().orElseThrow().json();
        assertThat(data.path("size").asText()).isEqualTo("large");
        assertThat(data.path("format").asText()).isEqualTo("parquet");
        assertThat(data.path("rows").asInt()).isEqualTo(8 * AiHubStack.csvRows("raw_payments").size());
        HttpResponse<byte[]> parquet = Stack.HTTP.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(Stack.GATEWAY + data.path("url").asText()))
                .header("Authorization", "Bearer " + alice).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(parquet.statusCode()).isEqualTo(200);
        assertThat(new String(parquet.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PAR1");
        // a query the sample refuses is an error event of its stage, with the validator's reason
        JsonNode error = refused.stream().filter(e -> e.event().equals("error")).findFirst().orElseThrow().json();
        assertThat(error.path("stage").asText()).isEqualTo("sql_execution");
        assertThat(error.path("message").asText()).contains("order_state");
        assertThat(refused.get(refused.size() - 1).json().path("data_ready").asBoolean()).isFalse();
        // a template without a component is refused, naming the field
        assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(400);
        assertThat(Stack.json(invalid.body()).path("code").asText()).isEqualTo("viz_template_invalid");
        assertThat(Stack.json(invalid.body()).path("detail").asText()).contains("ui_code");
    }
}
