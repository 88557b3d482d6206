package io.aide.document.it;

import io.aide.testsupport.AideInfraResource;
import io.aide.testsupport.Infra;
import io.aide.testsupport.MariaDbProcess;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static io.aide.document.TestDocuments.as;
import static io.aide.document.TestDocuments.tenant;
import static org.assertj.core.api.Assertions.assertThat;

/** Introspection against real servers: the test environment's PostgreSQL (its own database) and a MariaDB the test starts. */
@QuarkusTest
@QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = AideInfraResource.SCHEMA_ARG, value = "documents"))
class DataSourceIntrospectionIT {
    private static final String PG_DATABASE = "aide_introspect_it";
    private static MariaDbProcess mariadb;

    @BeforeAll
    static void startMariaDb() throws Exception {
        mariadb = MariaDbProcess.start();
    }

    @AfterAll
    static void stopMariaDb() throws Exception {
        if (mariadb != null) {
            mariadb.close();
        }
    }

    private static Connection postgres(String url) throws java.sql.SQLException {
        java.util.Properties props = new java.util.Properties();
        props.setProperty("user", Infra.pgUser());
        props.setProperty("password", Infra.pgPassword());
        return new org.postgresql.Driver().connect(url, props);
    }

    private static void createPostgresShop() throws Exception {
        try (Connection c = postgres(Infra.pgJdbcUrl());
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("select 1 from pg_database where datname = '" + PG_DATABASE + "'")) {
                if (!rs.next()) {
                    st.execute("create database " + PG_DATABASE);
                }
            }
        }
        String url = "jdbc:postgresql://" + Infra.pgHost() + ":" + Infra.pgPort() + "/" + PG_DATABASE;
        try (Connection c = postgres(url);
             Statement st = c.createStatement()) {
            st.execute("drop schema if exists shop cascade");
            st.execute("create schema shop");
            st.execute("create table shop.customers (id serial primary key, email varchar(120) not null, name text)");
            st.execute("create table shop.orders (order_id bigint, line_no int, customer_id int not null"
                    + " references shop.customers(id), total numeric(12,2), ordered_at timestamp,"
                    + " primary key (order_id, line_no))");
            st.execute("create view shop.big_orders as select * from shop.orders where total > 100");
        }
    }

    private static Map<String, Object> table(JsonPath schema, String name) {
        List<Map<String, Object>> tables = schema.getList("schema.tables");
        return tables.stream().filter(t -> name.equals(t.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no table " + name + " in " + tables));
    }

    @Test
    void shouldIntrospectTablesColumnsAndKeysOfARealPostgres() throws Exception {
        // Given
        createPostgresShop();
        String tenant = tenant("acme");
        String id = as(tenant).contentType(ContentType.JSON)
                .body(Map.of("name", "shop", "jdbcUrl", "jdbc:postgresql://" + Infra.pgHost() + ":" + Infra.pgPort()
                        + "/" + PG_DATABASE, "username", Infra.pgUser(), "password", Infra.pgPassword()))
                .post("/internal/v1/datasources").then().statusCode(201).extract().path("dataSourceId");

        // When
        JsonPath schema = as(tenant).post("/internal/v1/datasources/" + id + "/introspect").then().statusCode(200)
                .extract().jsonPath();

        // Then
        assertThat(schema.getString("schema.kind")).isEqualTo("postgresql");
        assertThat(schema.getString("schema.database")).isEqualTo(PG_DATABASE);
        Map<String, Object> orders = table(schema, "orders");
        assertThat(orders.get("schema")).isEqualTo("shop");
        assertThat(orders.get("primaryKey")).isEqualTo(List.of("order_id", "line_no"));
        assertThat((List<Map<String, Object>>) orders.get("columns")).extracting(c -> c.get("name") + " " + c.get("type"))
                .containsExactly("order_id int8", "line_no int4", "customer_id int4", "total numeric(12,2)",
                        "ordered_at timestamp");
        assertThat((List<Map<String, Object>>) orders.get("foreignKeys")).singleElement().satisfies(fk -> {
            assertThat(fk.get("columns")).isEqualTo(List.of("customer_id"));
            assertThat(fk.get("referencedTable")).isEqualTo("customers");
            assertThat(fk.get("referencedColumns")).isEqualTo(List.of("id"));
        });
        Map<String, Object> customers = table(schema, "customers");
        assertThat((List<Map<String, Object>>) customers.get("columns"))
                .filteredOn(c -> "email".equals(c.get("name")))
                .singleElement().satisfies(c -> {
                    assertThat(c.get("type")).isEqualTo("varchar(120)");
                    assertThat(c.get("nullable")).isEqualTo(false);
                });
        assertThat(table(schema, "big_orders").get("type")).isEqualTo("view");
        assertThat(as(tenant).get("/internal/v1/datasources/" + id + "/schema").then().statusCode(200)
                .extract().jsonPath().getList("schema.tables.name")).contains("orders", "customers", "big_orders");
    }

    @Test
    void shouldSampleRowsOfTheRequestedTablesOfARealPostgres() throws Exception {
        // Given a registered shop with three orders, never introspected
        createPostgresShop();
        String url = "jdbc:postgresql://" + Infra.pgHost() + ":" + Infra.pgPort() + "/" + PG_DATABASE;
        try (Connection c = postgres(url); Statement st = c.createStatement()) {
            st.execute("insert into shop.customers (email, name) values ('ann@example.com', 'Ann')");
            st.execute("insert into shop.orders select 100 + g, 1, (select min(id) from shop.customers), 10.5 * g,"
                    + " timestamp '2024-03-01 10:00:00' from generate_series(1, 3) g");
        }
        String tenant = tenant("acme");
        String id = as(tenant).contentType(ContentType.JSON)
                .body(Map.of("name", "shop", "jdbcUrl", url, "username", Infra.pgUser(), "password", Infra.pgPassword()))
                .post("/internal/v1/datasources").then().statusCode(201).extract().path("dataSourceId");

        // When
        JsonPath sample = as(tenant).queryParam("table", "orders").queryParam("table", "shop.customers")
                .queryParam("table", "nowhere").queryParam("limit", 2)
                .get("/internal/v1/datasources/" + id + "/sample").then().statusCode(200).extract().jsonPath();

        // Then
        assertThat(sample.getList("tables.name")).containsExactly("orders", "customers");
        assertThat(sample.getList("missing")).containsExactly("nowhere");
        Map<String, Object> orders = sample.getMap("tables[0]");
        assertThat(orders.get("schema")).isEqualTo("shop");
        assertThat(orders.get("truncated")).isEqualTo(true);
        assertThat((List<Map<String, Object>>) orders.get("columns")).extracting(c -> c.get("name") + " " + c.get("type"))
                .containsExactly("order_id int8", "line_no int4", "customer_id int4", "total numeric(12,2)",
                        "ordered_at timestamp");
        assertThat((List<List<Object>>) orders.get("rows")).hasSize(2)
                .first().satisfies(row -> assertThat(row).startsWith("101", "1").contains("10.50", "2024-03-01 10:00:00"));
        assertThat(sample.getList("tables[1].rows")).hasSize(1);
        as(tenant("globex")).get("/internal/v1/datasources/" + id + "/sample").then().statusCode(404);
    }

    @Test
    void shouldIntrospectTablesColumnsAndKeysOfARealMariaDb() throws Exception {
        // Given
        mariadb.sql("""
                create database if not exists shop;
                create table if not exists shop.customers (id int auto_increment primary key,
                  email varchar(120) not null, name text) engine=InnoDB;
                create table if not exists shop.orders (order_id bigint, line_no int, customer_id int not null,
                  total decimal(12,2), primary key (order_id, line_no),
                  constraint fk_orders_customer foreign key (customer_id) references shop.customers(id)) engine=InnoDB;
                create user if not exists 'reader'@'%' identified by 'r3ader-pw';
                grant select on shop.* to 'reader'@'%';
                """);
        String tenant = tenant("acme");
        String id = as(tenant).contentType(ContentType.JSON)
                .body(Map.of("name", "shop", "jdbcUrl", mariadb.mysqlJdbcUrl("shop"),
                        "username", "reader", "password", "r3ader-pw"))
                .post("/internal/v1/datasources").then().statusCode(201).extract().path("dataSourceId");

        // When
        JsonPath schema = as(tenant).post("/internal/v1/datasources/" + id + "/introspect").then().statusCode(200)
                .extract().jsonPath();

        // Then
        assertThat(schema.getString("schema.kind")).isEqualTo("mysql");
        assertThat(schema.getList("schema.tables.name")).containsExactlyInAnyOrder("customers", "orders");
        Map<String, Object> orders = table(schema, "orders");
        assertThat(orders.get("schema")).isEqualTo("shop");
        assertThat(orders.get("primaryKey")).isEqualTo(List.of("order_id", "line_no"));
        assertThat((List<Map<String, Object>>) orders.get("columns")).extracting(c -> c.get("name") + " " + c.get("type"))
                .containsExactly("order_id bigint", "line_no int", "customer_id int", "total decimal(12,2)");
        assertThat((List<Map<String, Object>>) orders.get("foreignKeys")).singleElement().satisfies(fk -> {
            assertThat(fk.get("name")).isEqualTo("fk_orders_customer");
            assertThat(fk.get("columns")).isEqualTo(List.of("customer_id"));
            assertThat(fk.get("referencedTable")).isEqualTo("customers");
            assertThat(fk.get("referencedColumns")).isEqualTo(List.of("id"));
        });
    }

    @Test
    void shouldRefuseIntrospectionWithAWrongPasswordSayingWhatToCheck() {
        // Given
        String tenant = tenant("acme");
        String id = as(tenant).contentType(ContentType.JSON)
                .body(Map.of("jdbcUrl", mariadb.jdbcUrl("shop"), "username", "reader", "password", "wrong"))
                .post("/internal/v1/datasources").then().statusCode(201).extract().path("dataSourceId");

        // When / Then
        as(tenant).post("/internal/v1/datasources/" + id + "/introspect").then().statusCode(422)
                .body("code", org.hamcrest.Matchers.equalTo("datasource_unreachable"))
                .body("detail", org.hamcrest.Matchers.containsString("Check host, port, database, user and password"));
    }
}
