package io.aide.sqlgen.service;

import io.aide.compiler.SchemaCatalog;
import io.aide.events.EventJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SourceCatalogsTest {

    @Test
    void shouldTreatCsvSampleColumnsAsTextBecauseTheValidatorLoadsThemAsText() throws Exception {
        // Given an uploaded CSV whose inference said BIGINT and DATE, and a Parquet file with real types
        String view = """
                {"dataSourceId": "ds_1", "schema": {"kind": "files", "tables": [
                  {"name": "raw_orders", "origin": "raw_orders.csv", "columns": [
                     {"name": "id", "type": "bigint"}, {"name": "order_date", "type": "date"}]},
                  {"name": "payments", "origin": "payments.parquet", "columns": [{"name": "amount", "type": "decimal(12,2)"}]}]}}
                """;

        // When
        SchemaCatalog catalog = SourceCatalogs.catalog(EventJson.mapper().readTree(view));

        // Then
        assertThat(catalog.table("raw_orders").orElseThrow().columns()).extracting(SchemaCatalog.Column::type)
                .containsExactly("VARCHAR", "VARCHAR");
        assertThat(catalog.table("payments").orElseThrow().column("amount").orElseThrow().type()).isEqualTo("decimal(12,2)");
    }

    @Test
    void shouldKeepDatabaseTypesKeysAndQualifiedForeignKeys() throws Exception {
        // Given
        String view = """
                {"schema": {"kind": "postgresql", "tables": [
                  {"schema": "sales", "name": "orders", "columns": [{"name": "id", "type": "int4"},
                     {"name": "customer_id", "type": "int4"}], "primaryKey": ["id"],
                   "foreignKeys": [{"name": "fk_c", "columns": ["customer_id"], "referencedSchema": "crm",
                                    "referencedTable": "customers", "referencedColumns": ["id"]}]}]}}
                """;

        // When
        SchemaCatalog.Table orders = SourceCatalogs.catalog(EventJson.mapper().readTree(view)).table("sales", "orders")
                .orElseThrow();

        // Then
        assertThat(orders.schema()).isEqualTo("sales");
        assertThat(orders.primaryKey()).containsExactly("id");
        assertThat(orders.column("customer_id").orElseThrow().type()).isEqualTo("int4");
        assertThat(orders.foreignKeys()).singleElement().satisfies(fk -> {
            assertThat(fk.referencedTable()).isEqualTo("crm.customers");
            assertThat(fk.columns()).containsExactly("customer_id");
            assertThat(fk.referencedColumns()).containsExactly("id");
        });
    }
}
