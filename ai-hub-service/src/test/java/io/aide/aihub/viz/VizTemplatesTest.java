package io.aide.aihub.viz;

import io.aide.testsupport.AideInfraResource;
import io.aide.testsupport.InternalCalls;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = AideInfraResource.SCHEMA_ARG, value = "aihub"))
@QuarkusTestResource(value = JaffleShopServices.class, restrictToAnnotatedClass = true)
class VizTemplatesTest {
    private static final String SQL = "SELECT status, count(*) AS orders FROM raw_orders GROUP BY status";

    private static RequestSpecification as(String tenant, String user) {
        return given().header(InternalCalls.HEADER, InternalCalls.token(tenant, user, "engineer"))
                .contentType(ContentType.JSON);
    }

    private static Map<String, Object> template(String title) {
        Map<String, Object> t = new HashMap<>();
        t.put("prompt", "Orders per status");
        t.put("generated_sql", SQL);
        t.put("ui_code", "export default function Viz({ data, params }) { return null; }");
        t.put("parameters", Map.of("title", title, "chart_type", "bar", "color_scheme", "default"));
        t.put("data_source", "duckdb");
        t.put("data_source_id", JaffleShopServices.DATA_SOURCE);
        t.put("data_url", null);
        return t;
    }

    @Test
    void shouldSaveListReopenUpdateAndDeleteATemplateSharedWithinTheTenant() {
        // Given
        String tenant = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        // When
        String id = as(tenant, "ada").body(template("Orders")).post("/internal/v1/viz/templates").then()
                .statusCode(201).header("Location", "/internal/v1/viz/templates/" + as(tenant, "ada").get(
                        "/internal/v1/viz/templates").jsonPath().getString("[0].id"))
                .body("prompt", equalTo("Orders per status"))
                .body("generated_sql", equalTo(SQL))
                .body("parameters.chart_type", equalTo("bar"))
                .body("data_source", equalTo("duckdb"))
                .body("created_by", equalTo("ada"))
                .extract().path("id");
        // Then: another user of the tenant sees and changes it
        as(tenant, "carl").get("/internal/v1/viz/templates").then().statusCode(200).body("", hasSize(1))
                .body("[0].id", equalTo(id));
        Map<String, Object> changed = template("Orders, renamed");
        as(tenant, "carl").body(changed).put("/internal/v1/viz/templates/" + id).then().statusCode(200)
                .body("parameters.title", equalTo("Orders, renamed")).body("created_by", equalTo("ada"));
        as(tenant, "ada").get("/internal/v1/viz/templates/" + id).then().statusCode(200)
                .body("parameters.title", equalTo("Orders, renamed"))
                .body("ui_code", startsWith("export default function Viz"));
        as(tenant, "ada").delete("/internal/v1/viz/templates/" + id).then().statusCode(204);
        as(tenant, "ada").get("/internal/v1/viz/templates/" + id).then().statusCode(404);
    }

    @Test
    void shouldNeverShowATemplateToAnotherTenant() {
        // Given
        String tenant = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        String other = "globex-" + UUID.randomUUID().toString().substring(0, 8);
        String id = as(tenant, "ada").body(template("Mine")).post("/internal/v1/viz/templates").then().statusCode(201)
                .extract().path("id");
        // When / Then
        as(other, "bob").get("/internal/v1/viz/templates").then().statusCode(200).body("", hasSize(0));
        as(other, "bob").get("/internal/v1/viz/templates/" + id).then().statusCode(404)
                .body("code", equalTo("viz_template_not_found"));
        as(other, "bob").body(template("Stolen")).put("/internal/v1/viz/templates/" + id).then().statusCode(404);
        as(other, "bob").delete("/internal/v1/viz/templates/" + id).then().statusCode(404);
        as(other, "bob").post("/internal/v1/viz/templates/" + id + "/run").then().statusCode(404);
        as(tenant, "ada").get("/internal/v1/viz/templates/" + id).then().statusCode(200)
                .body("parameters.title", equalTo("Mine"));
    }

    @Test
    void shouldRerunATemplateOnFreshData() {
        // Given
        String tenant = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        String id = as(tenant, "ada").body(template("Orders")).post("/internal/v1/viz/templates").then()
                .statusCode(201).extract().path("id");
        int before = JaffleShopServices.QUERIES.size();
        // When
        String url = as(tenant, "ada").post("/internal/v1/viz/templates/" + id + "/run").then().statusCode(200)
                .body("size", equalTo("small")).body("format", equalTo("json")).body("rows", equalTo(5))
                .extract().path("url");
        // Then
        assertThat(JaffleShopServices.QUERIES.subList(before, JaffleShopServices.QUERIES.size())).containsExactly(SQL);
        as(tenant, "ada").get("/internal/v1/viz/templates/" + id).then().body("data_url", equalTo(url));
        as(tenant, "ada").get(url.replace("/api/v1/", "/internal/v1/")).then().statusCode(200)
                .body("columns.name", equalTo(List.of("status", "orders")));
    }

    @Test
    void shouldRefuseATemplateWithoutCodeOrWithAnUnknownDataSourceKind() {
        // Given
        String tenant = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> noCode = template("x");
        noCode.put("ui_code", "function Viz() {}");
        Map<String, Object> badSource = template("x");
        badSource.put("data_source", "oracle");
        // When / Then
        as(tenant, "ada").body(noCode).post("/internal/v1/viz/templates").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("viz_template_invalid"))
                .body("detail", not(equalTo(null)));
        as(tenant, "ada").body(badSource).post("/internal/v1/viz/templates").then().statusCode(400)
                .body("detail", equalTo("Field 'data_source' is 'oracle'; use 'duckdb' or 'spark'."));
        as(tenant, "ada").get("/internal/v1/viz/templates").then().body("", hasSize(0));
    }

    @Test
    void shouldRecommendAChartForATypedResult() {
        // Given
        Map<String, Object> result = Map.of("columns", List.of(Map.of("name", "total", "type", "BIGINT")),
                "rows", List.of(List.of(1672)));
        // When / Then
        as("acme", "ada").body(result).post("/internal/v1/viz/recommend").then().statusCode(200)
                .body("chart_type", equalTo("kpi"))
                .body("parameters.y", equalTo(List.of("total")))
                .body("ui_code", org.hamcrest.Matchers.containsString("export default function Viz"));
    }
}
