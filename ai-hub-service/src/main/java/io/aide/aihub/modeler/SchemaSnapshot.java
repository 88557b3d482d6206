package io.aide.aihub.modeler;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * The schema snapshot of a data source as document-service serves it ({@code GET /internal/v1/datasources/{id}/schema},
 * field {@code schema}); unknown fields are ignored so document-service may add some.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SchemaSnapshot(String dataSourceId, String kind, String database, List<Table> tables) {
    public SchemaSnapshot {
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    /** @param rowCount known for uploaded sample files, null for databases */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Table(String schema, String name, String type, List<Column> columns, List<String> primaryKey,
                        List<ForeignKey> foreignKeys, Long rowCount) {
        public Table {
            columns = columns == null ? List.of() : List.copyOf(columns);
            primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
            foreignKeys = foreignKeys == null ? List.of() : List.copyOf(foreignKeys);
        }

        public Column column(String columnName) {
            return columns.stream().filter(c -> c.name().equalsIgnoreCase(columnName)).findFirst().orElse(null);
        }
    }

    /** @param type the database's own type name (varchar(40), numeric(12,2)); {@code text} for sample files */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Column(String name, String type, int position, boolean nullable) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ForeignKey(String name, List<String> columns, String referencedSchema, String referencedTable,
                             List<String> referencedColumns) {
        public ForeignKey {
            columns = columns == null ? List.of() : List.copyOf(columns);
            referencedColumns = referencedColumns == null ? List.of() : List.copyOf(referencedColumns);
        }
    }
}
