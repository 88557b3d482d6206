package io.aide.aihub.viz;

import io.aide.testsupport.AideInfraResource;
import io.aide.testsupport.InternalCalls;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = AideInfraResource.SCHEMA_ARG, value = "aihub"))
@QuarkusTestResource(value = JaffleShopServices.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = VizModelServer.class, restrictToAnnotatedClass = true)
class VizRunTest {
    private static final String DS = JaffleShopServices.DATA_SOURCE;

    private static RequestSpecification as(String tenant) {
        return given().header(InternalCalls.HEADER, InternalCalls.token(tenant, "ada", "engineer"))
                .contentType(ContentType.JSON);
    }

    private static String tenant() {
        return "acme-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void setModel(String tenant, String model) {
        given().header(InternalCalls.HEADER, InternalCalls.token(tenant, "root", "admin")).contentType(ContentType.JSON)
                .body(Map.of("baseUrl", VizModelServer.baseUrl, "model", model, "apiKey", "sk-viz"))
                .put("/internal/v1/ai/models/tenant").then().statusCode(200);
    }

    private static SseEvents run(String tenant, Map<String, Object> body) {
        String text = as(tenant).accept("text/event-stream").body(body).post("/internal/v1/viz/runs").then()
                .statusCode(200).extract().asString();
        return SseEvents.parse(text);
    }

    private static String internal(String publicUrl) {
        return publicUrl.replace("/api/v1/", "/internal/v1/");
    }

    @Test
    void shouldStreamThoughtsDataAndTheModelsComponentForAQuestion() {
        // Given
        String tenant = tenant();
        setModel(tenant, "viz-model");
        // When
        SseEvents events = run(tenant, Map.of("question", "How many orders per status?", "dataSourceId", DS));
        // Then
        assertThat(events.names()).startsWith("thought").endsWith("done").doesNotContain("error");
        assertThat(events.names().indexOf("data")).isLessThan(events.names().indexOf("code"));
        assertThat(events.named("thought")).extracting(e -> e.data().path("type").asText()).containsOnly("thinking");
        assertThat(events.named("thought")).extracting(e -> e.data().path("content").asText())
                .contains("Counting orders per status.", "Calling run_sql: " + VizModelServer.GOOD_SQL);
        SseEvents.Event data = events.only("data");
        assertThat(data.data().path("type").asText()).isEqualTo("data_ready");
        assertThat(data.data().path("size").asText()).isEqualTo("small");
        assertThat(data.data().path("format").asText()).isEqualTo("json");
        assertThat(data.data().path("sql").asText()).isEqualTo(VizModelServer.GOOD_SQL);
        assertThat(events.named("code")).allSatisfy(e -> {
            assertThat(e.data().path("type").asText()).isEqualTo("code_chunk");
            assertThat(e.data().path("language").asText()).isEqualTo("tsx");
        });
        assertThat(events.code()).isEqualTo(String.join("", VizModelServer.COMPONENT).replace("```jsx\n", "")
                .replace("```", ""));
        SseEvents.Event done = events.only("done");
        assertThat(done.data().path("type").asText()).isEqualTo("complete");
        assertThat(done.data().path("code_complete").asBoolean(false)).isTrue();
        assertThat(done.data().path("data_ready").asBoolean(false)).isTrue();
        assertThat(done.data().path("parameters").path("chart_type").asText()).isEqualTo("bar");
        assertThat(VizModelServer.REQUESTS).anySatisfy(r -> assertThat(r).contains("raw_orders (id",
                "How many orders per status?"));
        // the result is the tenant's, by its URL
        String url = internal(data.data().path("url").asText());
        as(tenant).get(url).then().statusCode(200).body("columns[0].name", equalTo("status"))
                .body("rows.size()", equalTo(5));
        as("other-" + tenant).get(url).then().statusCode(404).body("code", equalTo("viz_data_not_found"));
    }

    @Test
    void shouldRepairAFailingQueryWithTheValidatorsError() {
        // Given
        String tenant = tenant();
        setModel(tenant, "repair-model");
        // When
        SseEvents events = run(tenant, Map.of("question", "Orders per state?", "dataSourceId", DS));
        // Then
        assertThat(events.names()).doesNotContain("error").endsWith("done");
        assertThat(events.named("thought")).extracting(e -> e.data().path("content").asText())
                .anySatisfy(t -> assertThat(t).startsWith("The query failed (sql:binding)"));
        assertThat(events.only("data").data().path("sql").asText()).isEqualTo(VizModelServer.GOOD_SQL);
        assertThat(VizModelServer.REQUESTS).anySatisfy(r -> assertThat(r).contains("repair-model", "failed:",
                VizModelServer.BAD_SQL));
    }

    @Test
    void shouldChartTheGivenSqlWithTheRecommenderWithoutAModel() {
        // Given a tenant without a model
        String tenant = tenant();
        String sql = "SELECT order_date, count(*) AS orders FROM raw_orders GROUP BY order_date ORDER BY order_date";
        // When
        SseEvents events = run(tenant, Map.of("question", "Orders per day", "sql", sql, "dataSourceId", DS));
        // Then
        assertThat(events.names()).doesNotContain("error").endsWith("done");
        assertThat(events.named("thought")).extracting(e -> e.data().path("content").asText())
                .anySatisfy(t -> assertThat(t).contains("line chart (a time column (order_date)"))
                .anySatisfy(t -> assertThat(t).contains("No language model is configured"));
        assertThat(events.code()).startsWith("// A chart of one typed query result")
                .contains("export default function Viz({ data, params })", "\"chart_type\":\"line\"");
        assertThat(events.only("done").data().path("sql").asText()).isEqualTo(sql);
    }

    @Test
    void shouldSayAModelIsNeededToTurnAQuestionIntoSql() {
        // Given a tenant without a model
        String tenant = tenant();
        // When / Then
        as(tenant).accept("text/event-stream").body(Map.of("question", "Orders per status?", "dataSourceId", DS))
                .post("/internal/v1/viz/runs").then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("llm_not_configured"))
                .body("detail", containsString("A language model is needed to turn a question into SQL"));
    }

    @Test
    void shouldReportAFailingQueryAsAnErrorEventOfSqlExecution() {
        // Given
        String tenant = tenant();
        // When
        SseEvents events = run(tenant, Map.of("sql", "SELECT nope FROM raw_orders", "dataSourceId", DS));
        // Then
        SseEvents.Event error = events.only("error");
        assertThat(error.data().path("type").asText()).isEqualTo("error");
        assertThat(error.data().path("stage").asText()).isEqualTo("sql_execution");
        assertThat(error.data().path("message").asText()).contains("sql:binding", "nope");
        assertThat(events.only("done").data().path("code_complete").asBoolean(true)).isFalse();
        assertThat(events.only("done").data().path("data_ready").asBoolean(true)).isFalse();
    }

    @Test
    void shouldWriteALargeResultAsParquet() {
        // Given more rows than aide.viz.inline-max-rows (500)
        String tenant = tenant();
        String sql = "SELECT p.id, p.amount, p.payment_method FROM raw_payments p, range(8) r ORDER BY 1";
        // When
        SseEvents events = run(tenant, Map.of("sql", sql, "dataSourceId", DS));
        // Then
        SseEvents.Event data = events.only("data");
        assertThat(data.data().path("size").asText()).isEqualTo("large");
        assertThat(data.data().path("format").asText()).isEqualTo("parquet");
        byte[] file = as(tenant).get(internal(data.data().path("url").asText())).then().statusCode(200)
                .contentType("application/vnd.apache.parquet").extract().asByteArray();
        assertThat(new String(file, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1");
        assertThat(data.data().path("rows").asInt(0)).isGreaterThan(500);
    }

    @Test
    void shouldRefuseARunWithoutADataSource() {
        // Given / When / Then
        as(tenant()).body(Map.of("sql", "SELECT 1")).post("/internal/v1/viz/runs").then().statusCode(400)
                .body("code", equalTo("viz_datasource_missing"));
    }
}
