package io.aide.aihub.retrieval;

import io.aide.aihub.modeler.SchemaSnapshot;
import io.aide.testsupport.AideInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The table vectors in the test environment's PostgreSQL (schema aihub), ranked there. */
@QuarkusTest
@QuarkusTestResource(value = AideInfraResource.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = AideInfraResource.SCHEMA_ARG, value = "aihub"))
class TableVectorsTest {
    private final String tenantA = "tv_a_" + UUID.randomUUID().toString().substring(0, 8);
    private final String tenantB = "tv_b_" + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    TableVectors vectors;

    @Inject
    DataSource dataSource;

    @AfterEach
    void deleteTheTestTenantsVectors() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("DELETE FROM table_vectors WHERE tenant_id IN (?, ?)")) {
            s.setString(1, tenantA);
            s.setString(2, tenantB);
            s.executeUpdate();
        }
    }

    @Test
    void shouldRankTheTablesAQuestionNeedsInSqlInTheTopTenForNineOfTenQuestions() {
        // Given
        SchemaSnapshot schema = TableRetrieverTest.sixHundredTables();
        vectors.sync(tenantA, "ds_600", schema);
        List<TableRetriever.TableText> texts = TableRetriever.texts(schema);
        List<float[]> inMemory = TableRetriever.embed(texts);

        // When
        int found = 0;
        for (Map.Entry<String, String> q : TableRetrieverTest.QUESTIONS.entrySet()) {
            List<String> top = vectors.top(tenantA, "ds_600", schema, q.getKey(), 10);
            assertThat(top).as(q.getKey()).hasSize(10)
                    .containsExactlyElementsOf(TableRetriever.rank(texts, inMemory, q.getKey(), 10));
            found += top.contains(q.getValue()) ? 1 : 0;
        }

        // Then
        assertThat(found).isGreaterThanOrEqualTo(9);
        assertThat(inMemory).hasSize(600).allSatisfy(v -> assertThat(v).hasSize(TableRetriever.DIMENSIONS));
        assertThat(storedRows(tenantA, "ds_600")).isEqualTo(600);
    }

    @Test
    void shouldEmbedAgainOnlyTheTablesOfANewSnapshotWhoseTextChanged() {
        // Given
        SchemaSnapshot first = TableRetrieverTest.sixHundredTables();
        List<SchemaSnapshot.Table> tables = new ArrayList<>(first.tables());
        SchemaSnapshot.Table changed = tables.get(8);
        List<SchemaSnapshot.Column> columns = new ArrayList<>(changed.columns());
        columns.add(new SchemaSnapshot.Column("carrier_name", "varchar(40)", 5, true));
        tables.set(8, new SchemaSnapshot.Table(changed.schema(), changed.name(), changed.type(), columns,
                changed.primaryKey(), changed.foreignKeys(), changed.rowCount()));
        tables.remove(599);
        SchemaSnapshot second = new SchemaSnapshot(first.dataSourceId(), first.kind(), first.database(), tables);

        // When
        TableVectors.Sync initial = vectors.sync(tenantA, "ds_600", first);
        TableVectors.Sync unchanged = vectors.sync(tenantA, "ds_600", first);
        TableVectors.Sync next = vectors.sync(tenantA, "ds_600", second);

        // Then
        assertThat(initial).isEqualTo(new TableVectors.Sync(600, 0, 0));
        assertThat(unchanged).isEqualTo(new TableVectors.Sync(0, 600, 0));
        assertThat(next).isEqualTo(new TableVectors.Sync(1, 598, 1));
        assertThat(storedRows(tenantA, "ds_600")).isEqualTo(599);
        assertThat(changed.name()).isEqualTo("sales_shipment");
        assertThat(vectors.top(tenantA, "ds_600", second, "shipments and their carrier", 600))
                .hasSize(599).contains("dw.sales_shipment").doesNotContain("dw.training_claim");
    }

    @Test
    void shouldNeverRankAnotherTenantsVectors() {
        // Given: both tenants name their data source alike; only A embedded the 600-table schema
        SchemaSnapshot ofA = TableRetrieverTest.sixHundredTables();
        SchemaSnapshot ofB = new SchemaSnapshot("ds_shared", "postgresql", "dw",
                List.of(table("shop_order", "order_id", "ordered_at", "total"),
                        table("shop_customer", "customer_id", "name", "email")));
        vectors.sync(tenantA, "ds_shared", ofA);
        vectors.sync(tenantB, "ds_shared", ofB);

        // When
        List<String> bAskingWithTheSchemaOfA = vectors.top(tenantB, "ds_shared", ofA, "open support tickets", 10);
        List<String> bOwn = vectors.top(tenantB, "ds_shared", ofB, "open support tickets", 10);

        // Then
        assertThat(bAskingWithTheSchemaOfA).isEmpty();
        assertThat(bOwn).containsExactlyInAnyOrder("dw.shop_order", "dw.shop_customer");
        assertThat(storedRows(tenantA, "ds_shared")).isEqualTo(600);
        assertThat(storedRows(tenantB, "ds_shared")).isEqualTo(2);
    }

    private static SchemaSnapshot.Table table(String name, String... columns) {
        List<SchemaSnapshot.Column> cols = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            cols.add(new SchemaSnapshot.Column(columns[i], "varchar", i + 1, i > 0));
        }
        return new SchemaSnapshot.Table("dw", name, "table", cols, List.of(columns[0]), List.of(), null);
    }

    private int storedRows(String tenantId, String dataSourceId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM table_vectors WHERE tenant_id = ? AND data_source_id = ?")) {
            s.setString(1, tenantId);
            s.setString(2, dataSourceId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
