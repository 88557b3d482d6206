package io.aide.aihub;

import io.aide.testsupport.AideInfraResource;
import io.aide.testsupport.InternalCalls;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = AideInfraResource.SCHEMA_ARG, value = "aihub"))
@QuarkusTestResource(value = ScriptedModelServer.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = DocumentServiceStub.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = GenerationServicesStub.class, restrictToAnnotatedClass = true)
class NlToSqlTest {
    private static final String QUESTION = "how many orders per city?";

    private static String tenant(String model) {
        String tenant = "acme-" + UUID.randomUUID().toString().substring(0, 8);
        if (model != null) {
            given().header(InternalCalls.HEADER, InternalCalls.token(tenant, "ada", "engineer,admin"))
                    .contentType(ContentType.JSON).body(Map.of("baseUrl", ScriptedModelServer.baseUrl, "model", model,
                            "apiKey", "sk-" + tenant, "timeoutSeconds", 30))
                    .put("/internal/v1/ai/models/tenant").then().statusCode(200);
        }
        return tenant;
    }

    private static ValidatableResponse ask(String tenant, String dataSource) {
        return given().header(InternalCalls.HEADER, InternalCalls.token(tenant, "ada")).contentType(ContentType.JSON)
                .body(Map.of("dataSourceId", dataSource, "question", QUESTION, "limit", 10))
                .post("/internal/v1/ai/nl2sql").then();
    }

    private static List<ScriptedModelServer.Request> calls(String tenant) {
        return ScriptedModelServer.REQUESTS.stream().filter(r -> ("Bearer sk-" + tenant).equals(r.authorization()))
                .toList();
    }

    @Test
    void shouldAnswerWithTheQueryAndItsTypedRowsFromTheSample() {
        // Given
        String tenant = tenant("nl2sql-good");

        // When
        ValidatableResponse response = ask(tenant, DocumentServiceStub.DATA_SOURCE);

        // Then
        response.statusCode(200)
                .body("sql", equalTo(ScriptedModelServer.GOOD_NL2SQL))
                .body("columns.name", equalTo(List.of("city", "orders")))
                .body("columns.type", equalTo(List.of("VARCHAR", "BIGINT")))
                .body("rows", equalTo(List.of(List.of("London", 1), List.of("Manchester", 1))))
                .body("attempts", equalTo(1));
        assertThat(calls(tenant)).singleElement().satisfies(r -> assertThat(r.body()).contains(QUESTION)
                .contains("sales.order_items(order_item_id integer")
                .contains("foreign key (customer_id) references sales.customers(customer_id)"));
    }

    @Test
    void shouldRepairAQueryTheSampleRefusesWithTheValidatorsError() {
        // Given
        String tenant = tenant("nl2sql-repair");

        // When
        ValidatableResponse response = ask(tenant, DocumentServiceStub.DATA_SOURCE);

        // Then
        response.statusCode(200).body("sql", equalTo(ScriptedModelServer.GOOD_NL2SQL)).body("attempts", equalTo(2));
        assertThat(calls(tenant)).hasSize(2).last().satisfies(r -> assertThat(r.body()).contains("sql:binding")
                .contains("town"));
    }

    @Test
    void shouldSayWhichLanguageModelSettingIsMissing() {
        // Given
        String tenant = tenant(null);

        // When
        ValidatableResponse response = ask(tenant, DocumentServiceStub.DATA_SOURCE);

        // Then
        response.statusCode(409).contentType("application/problem+json").body("code", equalTo("llm_not_configured"))
                .body("detail", containsString("natural-language to SQL"));
    }

    @Test
    void shouldNotReadADataSourceOfAnotherTenant() {
        // Given
        String tenant = tenant("nl2sql-good");

        // When
        ValidatableResponse response = ask(tenant, "ds_of_someone_else");

        // Then
        response.statusCode(404).contentType("application/problem+json").body("code", equalTo("datasource_not_found"));
        assertThat(calls(tenant)).isEmpty();
    }

    @Test
    void shouldResolveReferencesOfAMessageWithSampleValues() {
        // Given
        String tenant = tenant(null);

        // When
        ValidatableResponse response = given().header(InternalCalls.HEADER, InternalCalls.token(tenant, "ada"))
                .contentType(ContentType.JSON).body(Map.of("dataSourceId", DocumentServiceStub.DATA_SOURCE,
                        "text", "group by @schema[customers.city]"))
                .post("/internal/v1/ai/context").then();
        ValidatableResponse unknown = given().header(InternalCalls.HEADER, InternalCalls.token(tenant, "ada"))
                .contentType(ContentType.JSON).body(Map.of("dataSourceId", DocumentServiceStub.DATA_SOURCE,
                        "text", "group by @schema[customers.town]"))
                .post("/internal/v1/ai/context").then();

        // Then
        response.statusCode(200)
                .body("references[0].reference", equalTo("@schema[customers.city]"))
                .body("references[0].title", equalTo("source column sales.customers.city"))
                .body("references[0].content", equalTo("table sales.customers, column city, type varchar(40), "
                        + "nullable\nsample values: London, Manchester, New York"));
        unknown.statusCode(422).contentType("application/problem+json").body("code", equalTo("reference_unknown"))
                .body("detail", containsString("@schema[customers.town]: table sales.customers has no column 'town'"));
    }
}
