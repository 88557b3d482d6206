package io.aide.sqlgen;

import io.aide.events.v1.GenerationCompleted;
import io.aide.sqlgen.client.ObjectStore;
import io.aide.testsupport.AideInfraResource;
import io.aide.testsupport.Infra;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The artifacts a generation writes run in real PostgreSQL and DuckDB and give the rows the mapping describes. */
@QuarkusTest
@QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = AideInfraResource.SCHEMA_ARG, value = "sqlgen_test"))
class GeneratedSqlIT {
    private static final String TENANT = "acme";
    private static final String SOURCES = """
            CREATE TABLE orders (id INTEGER, customer_id INTEGER, order_date DATE, status VARCHAR(20), amount_cents INTEGER);
            CREATE TABLE customers (id INTEGER, name VARCHAR(40));
            INSERT INTO orders VALUES (1, 10, DATE '2024-01-05', 'shipped', 1250), (2, 11, DATE '2024-02-01', 'deleted', 500),
                                      (3, 99, DATE '2024-03-10', 'placed', 99);
            INSERT INTO customers VALUES (10, '  Ada  '), (11, 'Bob');
            """;

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    ObjectStore store;

    @Test
    void shouldProduceTheMappedRowsInPostgresAndDuckdb() throws Exception {
        // Given: a generation of order_facts in both dialects
        Bus bus = new Bus(connector, store);
        String generationId = Fixtures.id("gen");
        bus.request(TENANT, generationId, Fixtures.spec(TENANT, Fixtures.id("doc"), 1, Fixtures.orderFacts()),
                List.of("postgres", "duckdb"), List.of());
        bus.awaitValidation(generationId, 1);
        bus.summary(TENANT, generationId, "pass");
        GenerationCompleted completed = bus.awaitEvent(generationId, GenerationCompleted.class);
        String postgresSql = completed.finalSql();
        String duckdbSql = new String(store.read(completed.artifacts().get("duckdb")), StandardCharsets.UTF_8);

        // When
        List<Object[]> postgresRows = runInPostgres(postgresSql);
        List<Object[]> duckdbRows = runInDuckdb(duckdbSql);

        // Then: deleted orders are filtered, names trimmed, statuses upper case, cents turned into dollars
        for (List<Object[]> rows : List.of(postgresRows, duckdbRows)) {
            assertThat(rows).extracting(r -> r[0], r -> r[1], r -> r[2], r -> r[3], r -> r[4], r -> r[5])
                    .containsExactly(
                            tuple(1, 10, "Ada", "2024-01-05", "SHIPPED", new BigDecimal("12.50")),
                            tuple(3, 99, null, "2024-03-10", "PLACED", new BigDecimal("0.99")));
        }
    }

    private static List<Object[]> runInPostgres(String layerFile) throws Exception {
        String schema = "scratch_" + Fixtures.id("it").toLowerCase();
        try (Connection c = DriverManager.getConnection(Infra.pgJdbcUrl(), Infra.pgUser(), Infra.pgPassword());
             Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
            try {
                s.execute("SET search_path TO " + schema);
                s.execute(SOURCES);
                s.execute(layerFile);
                return rows(s.executeQuery(SELECT));
            } finally {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static List<Object[]> runInDuckdb(String layerFile) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            for (String statement : SOURCES.split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
            // one statement per call: the layer file ends every view with a line holding ';'
            for (String statement : layerFile.split("(?m);\\s*$")) {
                if (!statement.lines().allMatch(l -> l.isBlank() || l.strip().startsWith("--"))) {
                    s.execute(statement);
                }
            }
            return rows(s.executeQuery(SELECT));
        }
    }

    private static final String SELECT = "SELECT order_id, customer_id, customer_name, CAST(order_date AS VARCHAR),"
            + " status, amount_usd FROM order_facts ORDER BY order_id";

    private static List<Object[]> rows(ResultSet rs) throws Exception {
        List<Object[]> rows = new ArrayList<>();
        while (rs.next()) {
            rows.add(new Object[] {rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getBigDecimal(6)});
        }
        return rows;
    }
}
