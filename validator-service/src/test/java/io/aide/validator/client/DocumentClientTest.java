package io.aide.validator.client;

import io.aide.events.EventJson;
import io.aide.validation.SampleTable;
import io.aide.validation.SourceSchema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentClientTest {

    @Test
    void shouldReadTablesOfASchemaSnapshotQualifiedAsTheCompilerQualifiesThem() throws Exception {
        // Given
        String snapshot = """
                {"dataSourceId": "ds_1", "snapshotId": 3, "schema": {"kind": "postgresql", "tables": [
                  {"schema": "public", "name": "customers", "primaryKey": ["id"],
                   "columns": [{"name": "id", "type": "bigint"}, {"name": "name", "type": "varchar(40)"}]},
                  {"schema": "crm", "name": "orders", "columns": [{"name": "order_id", "type": "int4"}]},
                  {"schema": "erp", "name": "orders", "columns": [{"name": "order_no", "type": "text"}]},
                  {"schema": "public", "name": "empty", "columns": []}]}}
                """;

        // When
        List<SourceSchema> tables = DocumentClient.tables(EventJson.mapper().readTree(snapshot).path("schema").path("tables"));

        // Then
        assertThat(tables).extracting(SourceSchema::name).containsExactly("public.customers", "crm.orders", "erp.orders");
        assertThat(tables.get(0).primaryKey()).containsExactly("id");
        assertThat(tables.get(0).columns()).extracting(SourceSchema.Column::type).containsExactly("bigint", "varchar(40)");
    }

    @Test
    void shouldTurnSampledDatabaseRowsIntoTypedRealRows() throws Exception {
        // Given document-service's answer to GET /internal/v1/datasources/{id}/sample
        String sample = """
                {"dataSourceId": "ds_1", "limit": 1000, "tables": [
                  {"schema": "public", "name": "orders", "truncated": false,
                   "columns": [{"name": "id", "type": "int4"}, {"name": "amount", "type": "numeric(12,2)"},
                               {"name": "placed", "type": "date"}, {"name": "note", "type": "text"}],
                   "rows": [["1", "10.50", "2024-01-02", null], ["2", "3.00", "2024-01-03", "gift"]]}]}
                """;

        // When
        List<SampleTable.Rows> tables = DocumentClient.sampledTables(EventJson.mapper().readTree(sample).path("tables"));

        // Then
        assertThat(tables).singleElement().satisfies(t -> {
            assertThat(t.name()).isEqualTo("public.orders");
            assertThat(t.types()).containsExactly("INTEGER", "DECIMAL(12,2)", "DATE", "VARCHAR");
            assertThat(t.rows()).hasSize(2);
            assertThat(t.rows().get(0)).containsExactly("1", "10.50", "2024-01-02", null);
            assertThat(t.madeUp()).isFalse();
        });
    }
}
