package io.aide.e2e;

import io.aide.testsupport.Infra;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The steps the suites on a registered database share: a fresh database on the test environment's PostgreSQL, the
 * database registered and introspected through the gateway, and the mapping of its sales lines uploaded and parsed.
 */
final class RegisteredShop {
    /** The test environment's PostgreSQL (shifted by AIDE_PORT_OFFSET, as ./aide shifts it). */
    private static final String PG = "jdbc:postgresql://" + Infra.pgHost() + ":" + Infra.pgPort() + "/";
    private static final String USER = Infra.pgUser();
    private static final String PASSWORD = Infra.pgPassword();

    private RegisteredShop() {
    }

    /** Drops and creates the database {@code name}. */
    static void recreate(String name) throws SQLException {
        try (Connection c = DriverManager.getConnection(PG + Infra.pgDatabase(), USER, PASSWORD);
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + name);
        }
    }

    /** A connection to the database {@code name}, as its owner. */
    static Connection connect(String name) throws SQLException {
        return DriverManager.getConnection(PG + name, USER, PASSWORD);
    }

    /** Registers the database {@code database} as {@code name}, takes its schema snapshot; the data source's id. */
    static String register(String token, String name, String database) {
        HttpResponse<String> created = Stack.postJson(token, "/api/v1/datasources", Map.of("name", name,
                "jdbcUrl", PG + database, "username", USER, "password", PASSWORD));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = Stack.json(created.body()).path("dataSourceId").asText();
        HttpResponse<String> snapshot = Stack.postJson(token, "/api/v1/datasources/" + id + "/introspect", Map.of());
        assertThat(snapshot.statusCode()).as(snapshot.body()).isEqualTo(200);
        return id;
    }

    /** Uploads mappings/sales_lines_mapping.csv and waits until document-service has parsed it; its document id. */
    static String uploadSalesLinesMapping(String token) {
        return Mappings.uploadParsed(token, "sales_lines_mapping.csv");
    }
}
