package io.aide.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.aide.e2e.Stack.SseEvent;
import io.aide.e2e.Stack.SseStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A registered PostgreSQL database as the data source of a generation: its foreign keys plan the join, and the
 * validator runs the layer on rows sampled from it.
 */
class DatabaseSourceThroughServicesIT {
    private static final String DATABASE = "e2e_shop";
    private static String alice;

    @BeforeAll
    static void customerDatabase() throws SQLException {
        RegisteredShop.recreate(DATABASE);
        try (Connection c = RegisteredShop.connect(DATABASE);
             Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA sales");
            st.execute("CREATE TABLE sales.invoice (invoice_id int PRIMARY KEY, country text NOT NULL, invoiced_on date)");
            st.execute("CREATE TABLE sales.invoice_line (invoice_line_id int PRIMARY KEY,"
                    + " invoice_id int NOT NULL REFERENCES sales.invoice (invoice_id), unit_price_cents int NOT NULL)");
            st.execute("INSERT INTO sales.invoice VALUES (10, 'de', '2024-03-01'), (11, 'fr', '2024-03-02'),"
                    + " (12, 'no', '2024-03-05')");
            st.execute("INSERT INTO sales.invoice_line VALUES (1, 10, 1999), (2, 10, 500), (3, 11, 12000),"
                    + " (4, 12, 250), (5, 12, 750), (6, 12, 99)");
        }
        alice = Stack.token("alice", "alice");
    }

    @Test
    void shouldJoinThroughTheDatabasesForeignKeyAndValidateOnItsOwnRows() throws Exception {
        // Given the database registered and introspected, and a mapping that writes no join
        String dataSourceId = RegisteredShop.register(alice, "shop", DATABASE);
        String documentId = RegisteredShop.uploadSalesLinesMapping(alice);
        String generationId = Stack.newGenerationId();

        // When
        SseStream stream = Stack.events(alice, generationId, null);
        CompletableFuture<List<SseEvent>> events = CompletableFuture.supplyAsync(() -> stream.readUntil("done"));
        HttpResponse<String> started = Stack.postJson(alice, "/api/v1/generations", Map.of("generationId", generationId,
                "documentId", documentId, "dialects", List.of("duckdb", "postgres"), "dataSourceId", dataSourceId));
        List<SseEvent> received = events.get(180, TimeUnit.SECONDS);
        JsonNode validation = Stack.json(Stack.get(alice, "/api/v1/validations/" + generationId).body());

        // Then the join follows the foreign key, and the checks ran on the six real lines
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String joins = received.stream().filter(e -> e.event().equals("block_update"))
                .map(SseEvent::json).filter(j -> j.path("block_name").asText().equals("joins"))
                .map(j -> j.path("block_data").path("sql").asText()).findFirst().orElseThrow();
        assertThat(joins).contains("\"sales\".\"invoice\"").contains("invoice_id");
        assertThat(check(validation, "execution").path("message").asText()).contains("6 rows");
        assertThat(check(validation, "row_count").path("status").asText()).isEqualTo("pass");
        assertThat(check(validation, "pk_unique").path("status").asText()).isEqualTo("pass");
        assertThat(validation.path("status").asText()).as(validation.toString()).isEqualTo("pass");
        String sql = Stack.get(alice, "/api/v1/generations/" + generationId + "/artifacts/postgres").body();
        try (Connection c = RegisteredShop.connect(DATABASE);
             Statement st = c.createStatement()) {
            // the downloaded file, run as a user runs it in the source database
            st.execute(sql);
            try (var rs = st.executeQuery("SELECT * FROM sales_lines ORDER BY line_id")) {
                rs.next();
                assertThat(rs.getString("country")).isEqualTo("DE");
                assertThat(rs.getBigDecimal("line_amount")).isEqualByComparingTo("19.99");
            }
        }
    }

    private static JsonNode check(JsonNode validation, String name) {
        for (JsonNode r : validation.path("results")) {
            if (r.path("check").asText().equals(name)) {
                return r;
            }
        }
        throw new AssertionError("no " + name + " check in " + validation);
    }
}
