package io.aide.document.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SampleDataInspectorTest {
    @TempDir
    Path dir;

    @Test
    void shouldInferTablesAndColumnTypesFromCsvAndParquet() throws Exception {
        // Given
        Path csv = dir.resolve("orders.csv");
        Files.writeString(csv, "order_id,order_date,total,customer\n1,2024-01-05,10.50,ana\n2,2024-02-01,7.25,bo\n");
        Path parquet = dir.resolve("customers.parquet");
        try (Connection db = new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", new java.util.Properties());
             Statement st = db.createStatement()) {
            st.execute("COPY (SELECT 1::BIGINT AS customer_id, 'ana' AS name) TO '" + parquet + "' (FORMAT parquet)");
        }

        // When
        SchemaSnapshot snapshot = SampleDataInspector.inspect("ds_1", List.of(
                new SampleDataInspector.SampleFile("orders.csv", csv),
                new SampleDataInspector.SampleFile("customers.parquet", parquet)));

        // Then
        assertThat(snapshot.tables()).extracting(SchemaSnapshot.Table::name).containsExactly("orders", "customers");
        SchemaSnapshot.Table orders = snapshot.tables().get(0);
        assertThat(orders.rowCount()).isEqualTo(2);
        assertThat(orders.columns()).extracting(SchemaSnapshot.Column::name)
                .containsExactly("order_id", "order_date", "total", "customer");
        assertThat(orders.columns()).extracting(SchemaSnapshot.Column::type)
                .containsExactly("bigint", "date", "double", "varchar");
        assertThat(snapshot.tables().get(1).columns()).extracting(SchemaSnapshot.Column::type)
                .containsExactly("bigint", "varchar");
    }

    @Test
    void shouldRefuseAFileThatIsNotParquetNamingIt() throws Exception {
        // Given
        Path junk = dir.resolve("junk.parquet");
        Files.writeString(junk, "this is not parquet");

        // When / Then
        assertThatThrownBy(() -> SampleDataInspector.inspect("ds_1",
                List.of(new SampleDataInspector.SampleFile("junk.parquet", junk))))
                .isInstanceOf(DocumentServiceException.class)
                .hasMessageContaining("junk.parquet")
                .extracting("code").isEqualTo("bad_sample_data:unreadable");
    }

    @Test
    void shouldTurnFileNamesIntoSqlTableNames() {
        // Given / When / Then
        assertThat(SampleDataInspector.tableName("Orders 2024.csv")).isEqualTo("orders_2024");
        assertThat(SampleDataInspector.tableName("2024-sales.parquet")).isEqualTo("t_2024_sales");
    }
}
