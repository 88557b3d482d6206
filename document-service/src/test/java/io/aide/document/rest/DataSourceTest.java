package io.aide.document.rest;

import io.agroal.api.AgroalDataSource;
import io.aide.document.InMemoryMessaging;
import io.aide.document.client.ObjectStore;
import io.aide.testsupport.AideInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.aide.document.TestDocuments.as;
import static io.aide.document.TestDocuments.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = AideInfraResource.SCHEMA_ARG, value = "documents"))
@QuarkusTestResource(value = InMemoryMessaging.class, restrictToAnnotatedClass = true)
class DataSourceTest {
    private static final String PASSWORD = "n0t-in-any-response";

    @Inject
    AgroalDataSource database;

    @Inject
    ObjectStore store;

    private static byte[] zip(String name, byte[] content, int repeat) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry(name));
            for (int i = 0; i < repeat; i++) {
                out.write(content);
            }
            out.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void shouldInferTablesFromUploadedCsvAndZippedSamples() throws Exception {
        // Given
        String tenant = tenant("acme");
        byte[] orders = "order_id,customer_id,total\n1,7,10.5\n2,8,3.0\n".getBytes(StandardCharsets.UTF_8);
        byte[] customers = zip("exports/customers.csv",
                "customer_id,name,signup\n7,ana,2024-01-02\n".getBytes(StandardCharsets.UTF_8), 1);

        // When
        String id = as(tenant).multiPart("file", "orders.csv", orders, "text/csv")
                .multiPart("file", "customers.zip", customers, "application/zip")
                .multiPart("name", "shop samples")
                .post("/internal/v1/datasources/upload").then().statusCode(201)
                .body("schema.tables.name", equalTo(List.of("orders", "customers")))
                .body("schema.tables[0].rowCount", equalTo(2))
                .body("schema.tables[1].columns.name", equalTo(List.of("customer_id", "name", "signup")))
                .body("schema.tables[1].columns.type", hasItem("date"))
                .extract().path("dataSourceId");

        // Then
        as(tenant).get("/internal/v1/datasources/" + id + "/schema").then().statusCode(200)
                .body("schema.tables.name", equalTo(List.of("orders", "customers")));
        as(tenant).get("/internal/v1/datasources/" + id).then().statusCode(200)
                .body("kind", equalTo("files")).body("name", equalTo("shop samples"));
        assertThat(store.keys("tenants/" + tenant + "/datasources/" + id + "/"))
                .containsExactlyInAnyOrder("tenants/" + tenant + "/datasources/" + id + "/files/orders.csv",
                        "tenants/" + tenant + "/datasources/" + id + "/files/customers.csv");
        as(tenant).post("/internal/v1/datasources/" + id + "/introspect").then().statusCode(200)
                .body("schema.tables.name", equalTo(List.of("orders", "customers")));
        as(tenant).get("/internal/v1/datasources/" + id + "/sample").then().statusCode(409)
                .body("code", equalTo("datasource_not_database"));
    }

    private static byte[] zip(Map<String, String> entries) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void shouldKeepExpectedRowsOfAnEvaluationCaseApartFromItsSampleTables() throws Exception {
        // Given: a case folder zipped as an analyst would, plus one expected file sent on its own
        String tenant = tenant("acme");
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("jaffle-shop/sources/raw_orders.csv", "id,user_id,status\n1,7,placed\n2,8,shipped\n");
        entries.put("jaffle-shop/expected/orders.csv", "order_id,customer_id,status\n1,7,placed\n");
        entries.put("raw_customers.csv", "id,first_name\n7,Ana\n");
        byte[] customers = "customer_id,first_name\n7,Ana\n".getBytes(StandardCharsets.UTF_8);

        // When
        String id = as(tenant).multiPart("file", "jaffle-shop.zip", zip(entries), "application/zip")
                .multiPart("expected", "customers.csv", customers, "text/csv")
                .post("/internal/v1/datasources/upload").then().statusCode(201)
                .body("schema.tables.name", equalTo(List.of("raw_orders", "raw_customers")))
                .body("expectedTargets", equalTo(List.of("orders", "customers")))
                .extract().path("dataSourceId");

        // Then
        String prefix = "tenants/" + tenant + "/datasources/" + id + "/";
        assertThat(store.keys(prefix)).containsExactlyInAnyOrder(prefix + "files/raw_orders.csv",
                prefix + "files/raw_customers.csv", prefix + "expected/orders.csv", prefix + "expected/customers.csv");
        assertThat(new String(store.read(prefix + "expected/orders.csv"), StandardCharsets.UTF_8))
                .isEqualTo("order_id,customer_id,status\n1,7,placed\n");
        as(tenant).get("/internal/v1/datasources/" + id).then().statusCode(200)
                .body("expectedTargets", equalTo(List.of("orders", "customers")))
                .body("files.table", equalTo(List.of("raw_orders", "raw_customers")));
        as(tenant).post("/internal/v1/datasources/" + id + "/introspect").then().statusCode(200)
                .body("schema.tables.name", equalTo(List.of("raw_orders", "raw_customers")));
    }

    @Test
    void shouldRefuseExpectedRowsThatAreNotCsvAndStoreNothing() {
        // Given
        String tenant = tenant("acme");
        byte[] orders = "order_id\n1\n".getBytes(StandardCharsets.UTF_8);

        // When / Then
        as(tenant).multiPart("file", "raw_orders.csv", orders, "text/csv")
                .multiPart("expected", "orders.parquet", new byte[]{1, 2, 3}, "application/octet-stream")
                .post("/internal/v1/datasources/upload").then().statusCode(415)
                .contentType("application/problem+json")
                .body("code", equalTo("bad_sample_data:unsupported_expected_file"))
                .body("detail", containsString("orders.parquet"));
        as(tenant).get("/internal/v1/datasources").then().statusCode(200).body("", hasSize(0));
        assertThat(store.keys("tenants/" + tenant + "/")).isEmpty();
    }

    @Test
    void shouldRefuseExpectedRowsWithoutAnySampleTable() throws Exception {
        // Given
        String tenant = tenant("acme");
        byte[] onlyExpected = zip(Map.of("case/expected/orders.csv", "order_id\n1\n"));

        // When / Then
        as(tenant).multiPart("file", "case.zip", onlyExpected, "application/zip")
                .post("/internal/v1/datasources/upload").then().statusCode(422)
                .body("code", equalTo("bad_sample_data:no_sample_table"))
                .body("detail", containsString("orders"));
        assertThat(store.keys("tenants/" + tenant + "/")).isEmpty();
    }

    @Test
    void shouldRefuseAZipBombAndStoreNothing() throws Exception {
        // Given: 16 MB of zeros zipped into a few KB
        String tenant = tenant("acme");
        byte[] bomb = zip("zeros.csv", new byte[64 * 1024], 256);

        // When / Then
        as(tenant).multiPart("file", "samples.zip", bomb, "application/zip")
                .post("/internal/v1/datasources/upload").then().statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("bad_sample_data:zip_bomb"))
                .body("detail", containsString("samples.zip"));
        as(tenant).get("/internal/v1/datasources").then().statusCode(200).body("", hasSize(0));
        assertThat(store.keys("tenants/" + tenant + "/")).isEmpty();
    }

    @Test
    void shouldRefuseAFileThatIsNotSampleData() {
        // Given
        String tenant = tenant("acme");

        // When / Then
        as(tenant).multiPart("file", "notes.docx", new byte[]{1, 2, 3}, "application/octet-stream")
                .post("/internal/v1/datasources/upload").then().statusCode(415)
                .body("code", equalTo("bad_sample_data:unsupported_file"))
                .body("detail", containsString("notes.docx"));
    }

    @Test
    void shouldStoreTheDatabasePasswordEncryptedAndNeverReturnIt() throws Exception {
        // Given
        String tenant = tenant("acme");

        // When
        String body = as(tenant).contentType(ContentType.JSON)
                .body("{\"name\": \"warehouse\", \"jdbcUrl\": \"jdbc:postgresql://127.0.0.1:5432/dwh\","
                        + " \"username\": \"reader\", \"password\": \"" + PASSWORD + "\"}")
                .post("/internal/v1/datasources").then().statusCode(201)
                .body("kind", equalTo("postgresql"))
                .body("username", equalTo("reader"))
                .body("password", nullValue())
                .extract().asString();

        // Then
        assertThat(body).doesNotContain(PASSWORD);
        String id = io.restassured.path.json.JsonPath.from(body).getString("dataSourceId");
        assertThat(as(tenant).get("/internal/v1/datasources/" + id).asString()).doesNotContain(PASSWORD);
        assertThat(as(tenant).get("/internal/v1/datasources").asString()).doesNotContain(PASSWORD);
        try (Connection c = database.getConnection();
             PreparedStatement ps = c.prepareStatement("select password_encrypted from data_sources where id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).startsWith("v1:").doesNotContain(PASSWORD);
            }
        }
    }

    @Test
    void shouldSayClearlyWhenADatabaseCannotBeReached() {
        // Given: nothing listens on port 1
        String tenant = tenant("acme");
        String id = as(tenant).contentType(ContentType.JSON)
                .body("{\"jdbcUrl\": \"jdbc:mariadb://127.0.0.1:1/shop\", \"username\": \"u\", \"password\": \"p\"}")
                .post("/internal/v1/datasources").then().statusCode(201).extract().path("dataSourceId");

        // When / Then
        as(tenant).post("/internal/v1/datasources/" + id + "/introspect").then().statusCode(422)
                .body("code", equalTo("datasource_unreachable"))
                .body("detail", containsString("jdbc:mariadb://127.0.0.1:1/shop"))
                .body("detail", not(containsString("\"p\"")));
        as(tenant).get("/internal/v1/datasources/" + id + "/schema").then().statusCode(404)
                .body("code", equalTo("schema_not_introspected"));
    }

    @Test
    void shouldRefuseUnsupportedDatabasesAndDangerousDriverOptions() {
        // Given
        String tenant = tenant("acme");

        // When / Then
        as(tenant).contentType(ContentType.JSON).body("{\"jdbcUrl\": \"jdbc:sqlserver://h;databaseName=x\"}")
                .post("/internal/v1/datasources").then().statusCode(400).body("code", equalTo("unsupported_datasource"));
        as(tenant).contentType(ContentType.JSON)
                .body("{\"jdbcUrl\": \"jdbc:postgresql://h/db?socketFactory=org.springframework.context.support.ClassPathXmlApplicationContext\"}")
                .post("/internal/v1/datasources").then().statusCode(400).body("code", equalTo("unsafe_datasource_option"));
    }

    @Test
    void shouldNotLetOneTenantSeeAnothersDataSource() {
        // Given
        String acme = tenant("acme");
        String globex = tenant("globex");
        String id = as(acme).contentType(ContentType.JSON)
                .body("{\"jdbcUrl\": \"jdbc:postgresql://127.0.0.1:5432/dwh\", \"username\": \"u\", \"password\": \"p\"}")
                .post("/internal/v1/datasources").then().statusCode(201).extract().path("dataSourceId");

        // When / Then
        as(globex).get("/internal/v1/datasources/" + id).then().statusCode(404).body("code", equalTo("data_source_not_found"));
        as(globex).post("/internal/v1/datasources/" + id + "/introspect").then().statusCode(404);
        as(globex).get("/internal/v1/datasources").then().body("dataSourceId", not(hasItem(id)));
    }
}
