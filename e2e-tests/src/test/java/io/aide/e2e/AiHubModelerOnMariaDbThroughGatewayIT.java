package io.aide.e2e;

import io.aide.testsupport.MariaDbProcess;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deterministic data modeler on a registered MariaDB database (a real mariadbd process): an order-lines schema
 * with customers and products, read through document-service's introspection and sampling, modelled without a
 * language model as a data engineer would name it.
 */
class AiHubModelerOnMariaDbThroughGatewayIT extends AiHubGatewayTests {
    private static MariaDbProcess mariadb;
    private static String dataSourceId;

    @BeforeAll
    static void shopDatabase() throws Exception {
        mariadb = MariaDbProcess.start();
        mariadb.sql("""
                CREATE DATABASE shop;
                CREATE TABLE shop.customers (customer_id INT PRIMARY KEY, customer_name VARCHAR(80) NOT NULL,
                  segment VARCHAR(20)) ENGINE=InnoDB;
                CREATE TABLE shop.products (product_id INT PRIMARY KEY, product_name VARCHAR(80) NOT NULL,
                  category VARCHAR(40)) ENGINE=InnoDB;
                CREATE TABLE shop.orders (order_id INT PRIMARY KEY, customer_id INT NOT NULL, ordered_on DATE,
                  CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES shop.customers (customer_id))
                  ENGINE=InnoDB;
                CREATE TABLE shop.order_lines (order_id INT NOT NULL, line_no INT NOT NULL, product_id INT NOT NULL,
                  quantity INT NOT NULL, amount DECIMAL(10,2) NOT NULL, PRIMARY KEY (order_id, line_no),
                  CONSTRAINT fk_lines_order FOREIGN KEY (order_id) REFERENCES shop.orders (order_id),
                  CONSTRAINT fk_lines_product FOREIGN KEY (product_id) REFERENCES shop.products (product_id))
                  ENGINE=InnoDB;
                INSERT INTO shop.customers VALUES (1, 'Ada', 'retail'), (2, 'Brian', 'wholesale');
                INSERT INTO shop.products VALUES (7, 'kettle', 'kitchen'), (8, 'lamp', 'living');
                INSERT INTO shop.orders VALUES (100, 1, '2024-03-01'), (101, 2, '2024-03-02');
                INSERT INTO shop.order_lines VALUES (100, 1, 7, 2, 39.80), (100, 2, 8, 1, 24.50), (101, 1, 7, 3, 59.70);
                CREATE USER 'reader'@'%' IDENTIFIED BY 'r3ader-pw';
                GRANT SELECT ON shop.* TO 'reader'@'%';
                """);
        HttpResponse<String> created = Stack.postJson(alice, "/api/v1/datasources", Map.of("name", "mariadb shop",
                "jdbcUrl", mariadb.mysqlJdbcUrl("shop"), "username", "reader", "password", "r3ader-pw"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        dataSourceId = Stack.json(created.body()).path("dataSourceId").asText();
        HttpResponse<String> snapshot = Stack.postJson(alice, "/api/v1/datasources/" + dataSourceId + "/introspect",
                Map.of());
        assertThat(snapshot.statusCode()).as(snapshot.body()).isEqualTo(200);
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        if (dataSourceId != null) {
            Stack.delete(alice, "/api/v1/ai/modeler/sessions/" + dataSourceId);
        }
        if (mariadb != null) {
            mariadb.close();
        }
    }

    @Test
    void shouldModelTheOrderLinesAsTheFactWithCustomerProductAndDateDimensions() {
        // Given
        AiHubStack.removeModel();

        // When
        HttpResponse<String> opened = Stack.postJson(alice, "/api/v1/ai/modeler/sessions", Map.of("dataSourceId",
                dataSourceId));
        HttpResponse<String> ddl = Stack.get(alice, "/api/v1/ai/modeler/datasources/" + dataSourceId
                + "/analysis?dialect=duckdb");

        // Then
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        JsonNode session = Stack.json(opened.body());
        assertThat(session.path("summary").path("tableCount").asInt()).isEqualTo(4);
        assertThat(session.path("summary").path("totalForeignKeys").asInt()).isEqualTo(3);
        assertThat(session.path("schemaContext").asText()).contains("order_lines").contains("customers");
        JsonNode star = session.path("analysis").path("starSchema");
        assertThat(names(star.path("facts"))).containsExactly("fact_order_line");
        assertThat(names(star.path("dimensions"))).contains("dim_customer", "dim_product", "dim_date")
                .doesNotContain("dim_order_line");
        JsonNode fact = star.path("facts").get(0);
        assertThat(names(fact.path("measures"))).contains("quantity", "amount");
        List<String> keys = new ArrayList<>();
        fact.path("keys").forEach(k -> keys.add(k.path("dimension").asText()));
        assertThat(keys).contains("dim_customer", "dim_product", "dim_date");
        assertThat(session.path("messages").get(0).path("content").asText()).contains("needs a language model");
        assertThat(ddl.statusCode()).as(ddl.body()).isEqualTo(200);
        assertThat(ddl.body()).contains("CREATE TABLE fact_order_line").contains("CREATE TABLE dim_product");
    }

    private static List<String> names(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.path("name").asText()));
        return out;
    }
}
