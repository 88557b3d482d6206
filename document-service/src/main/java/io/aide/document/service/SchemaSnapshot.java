package io.aide.document.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/**
 * Tables, columns, keys of one data source at one moment; feeds @schema references, binding checks and the modeler.
 *
 * @param database the catalog (MySQL/MariaDB database) or PostgreSQL database introspected
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SchemaSnapshot(String dataSourceId, String kind, String database, Instant introspectedAt,
                             List<Table> tables) {
    public SchemaSnapshot {
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    /**
     * @param schema   PostgreSQL schema, MySQL database, or null for files
     * @param rowCount known for sample files, null for databases
     * @param origin   the file a sample table was read from, null for databases
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Table(String schema, String name, String type, List<Column> columns, List<String> primaryKey,
                        List<ForeignKey> foreignKeys, Long rowCount, String origin) {
        public Table {
            columns = columns == null ? List.of() : List.copyOf(columns);
            primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
            foreignKeys = foreignKeys == null ? List.of() : List.copyOf(foreignKeys);
        }
    }

    /** @param type the database's own type name, e.g. varchar(40), numeric(12,2), BIGINT */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Column(String name, String type, int position, boolean nullable, Integer size, Integer scale) {
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
