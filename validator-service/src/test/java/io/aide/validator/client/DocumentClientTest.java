package io.aide.validator.client;

import io.aide.events.EventJson;
import io.aide.validation.SourceSchema;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentClientTest {

    @Test
    void shouldReadTablesOfASchemaSnapshotQualifyingOnlyNamesThatRepeat() throws Exception {
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
        assertThat(tables).extracting(SourceSchema::name).containsExactly("customers", "crm.orders", "erp.orders");
        assertThat(tables.get(0).primaryKey()).containsExactly("id");
        assertThat(tables.get(0).columns()).extracting(SourceSchema.Column::type).containsExactly("bigint", "varchar(40)");
    }
}
