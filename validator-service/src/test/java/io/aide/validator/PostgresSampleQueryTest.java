package io.aide.validator;

import io.aide.testsupport.AideInfraResource;
import io.aide.testsupport.Infra;
import io.aide.testsupport.InternalCalls;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

/**
 * {@code POST /internal/v1/queries} with {@code engine: postgres}: the sample loaded into a session of the test
 * environment's sandbox database (created by {@code ./aide} with its own role), PostgreSQL's typed rows or its reason.
 */
@QuarkusTest
@QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = AideInfraResource.SCHEMA_ARG, value = "validation"))
class PostgresSampleQueryTest extends OnSampleFiles {

    private ValidatableResponse onPostgres(String tenantId, String sql, int limit) {
        return given().header(InternalCalls.HEADER, InternalCalls.token(tenantId)).contentType("application/json")
                .body(Map.of("dataSourceId", dataSource, "sql", sql, "limit", limit, "engine", "postgres"))
                .when().post("/internal/v1/queries").then();
    }

    @Test
    void shouldAnswerPostgresqlsTypedRowsOnTheDataSourceSample() {
        // Given: PostgreSQL's own syntax (::, string_agg ... ORDER BY, version())
        String sql = "SELECT c.name, SUM(o.amount::numeric(10,2)) AS total, "
                + "string_agg(o.order_id, '|' ORDER BY o.order_id) AS orders, version() AS engine "
                + "FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.name ORDER BY c.name;";

        // When
        ValidatableResponse response = onPostgres(tenant, sql, 10);

        // Then
        response.statusCode(200)
                .body("columns.name", equalTo(List.of("name", "total", "orders", "engine")))
                .body("columns.type", equalTo(List.of("VARCHAR", "DECIMAL", "VARCHAR", "VARCHAR")))
                .body("rows", hasSize(2))
                .body("rows[0][0]", equalTo("Ann"))
                .body("rows[0][1]", equalTo(10.00f))
                .body("rows[0][2]", equalTo("10|11"))
                .body("rows[0][3]", containsString("PostgreSQL"))
                .body("truncated", equalTo(false))
                .body("sample.kind", equalTo("files"))
                .body("sample.tables", hasItems("customers", "orders"));
    }

    @Test
    void shouldCutRowsAtTheLimitAndSayTheResultIsTruncated() {
        // When
        ValidatableResponse response = onPostgres(tenant, "SELECT generate_series(1, 50) AS n", 7);

        // Then
        response.statusCode(200).body("rows", hasSize(7)).body("truncated", equalTo(true))
                .body("columns[0].type", equalTo("INTEGER"));
    }

    @Test
    void shouldAnswerPostgresqlsReasonForAColumnTheSampleLacks() {
        // When
        ValidatableResponse response = onPostgres(tenant, "SELECT refund_state FROM orders", 5);

        // Then
        response.statusCode(422).contentType("application/problem+json").body("code", equalTo("postgres:binding"))
                .body("detail", containsString("column \"refund_state\" does not exist"))
                .body("detail", containsString("at character 8 of the query"));
    }

    @Test
    void shouldRunOnlyOneQueryAndNeverWrite() {
        // When
        ValidatableResponse twoStatements = onPostgres(tenant, "SELECT 1; DROP TABLE customers", 5);
        ValidatableResponse delete = onPostgres(tenant, "DELETE FROM customers RETURNING id", 5);

        // Then
        twoStatements.statusCode(422).body("code", equalTo("postgres:syntax"));
        delete.statusCode(422).body("code", equalTo("postgres:syntax"));
        onPostgres(tenant, "SELECT count(*) AS n FROM customers", 5).statusCode(200).body("rows[0][0]", equalTo(3));
    }

    @Test
    void shouldStopAQueryAtTheTimeout() {
        // When
        ValidatableResponse response = onPostgres(tenant, "SELECT pg_sleep(30)", 5);

        // Then
        response.statusCode(422).body("code", equalTo("sandbox:timeout")).body("detail", containsString("PostgreSQL"));
    }

    @Test
    void shouldNotFindAnotherTenantsSample() {
        // When
        ValidatableResponse response = onPostgres("other" + tenant, "SELECT * FROM customers", 5);

        // Then
        response.statusCode(404).body("code", equalTo("not_found:sample"));
    }

    @Test
    void shouldLeaveNoTableOfAnEarlierQueryBehind() {
        // Given: an earlier query loaded the sample
        onPostgres(tenant, "SELECT * FROM customers", 5).statusCode(200);

        // When: the next one lists every temporary table it can see
        ValidatableResponse response = onPostgres(tenant, "SELECT count(*) AS n FROM pg_class c "
                + "JOIN pg_namespace s ON s.oid = c.relnamespace WHERE c.relkind = 'r' AND s.nspname LIKE 'pg_temp%'", 5);

        // Then: only its own two
        response.statusCode(200).body("rows[0][0]", equalTo(2));
    }

    @Test
    void shouldGiveTheSandboxRoleNoRightBeyondTemporaryTablesInItsDatabase() throws SQLException {
        // Given
        String user = Infra.setting("AIDE_PG_SANDBOX_USER", "aide_sandbox");
        String password = Infra.setting("AIDE_PG_SANDBOX_PASSWORD", "aide_sandbox");

        // When / Then: no schema or table of its own, no connection to the platform's database
        try (Connection sandbox = DriverManager.getConnection(Infra.pgSandboxJdbcUrl(), user, password);
             Statement st = sandbox.createStatement()) {
            assertThatThrownBy(() -> st.execute("CREATE SCHEMA escape_" + tenant))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThatThrownBy(() -> st.execute("CREATE TABLE public.escape_" + tenant + " (id int)"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
            assertThat(st.execute("CREATE TEMPORARY TABLE mine (id int)")).isFalse();
        }
        assertThatThrownBy(() -> DriverManager.getConnection(Infra.pgJdbcUrl(), user, password).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
    }
}
