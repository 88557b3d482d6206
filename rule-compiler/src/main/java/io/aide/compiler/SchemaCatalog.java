package io.aide.compiler;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Registered source tables: columns with types, primary keys and foreign keys (used to plan joins). */
public record SchemaCatalog(List<Table> tables) {
    public SchemaCatalog {
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    /** @param schema a source system / schema name, or null */
    public record Table(String schema, String name, List<Column> columns, List<String> primaryKey,
                        List<ForeignKey> foreignKeys) {
        public Table {
            columns = columns == null ? List.of() : List.copyOf(columns);
            primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
            foreignKeys = foreignKeys == null ? List.of() : List.copyOf(foreignKeys);
        }

        public Optional<Column> column(String columnName) {
            return columns.stream().filter(c -> c.name().equalsIgnoreCase(columnName.trim())).findFirst();
        }
    }

    /** @param type SQL type as the source declares it, or null when unknown (e.g. CSV text) */
    public record Column(String name, String type) {
    }

    public record ForeignKey(List<String> columns, String referencedTable, List<String> referencedColumns) {
        public ForeignKey {
            columns = List.copyOf(columns);
            referencedColumns = List.copyOf(referencedColumns);
        }
    }

    public Optional<Table> table(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        return tables.stream().filter(t -> t.name().toLowerCase(Locale.ROOT).equals(n)
                || (t.schema() != null && (t.schema() + "." + t.name()).toLowerCase(Locale.ROOT).equals(n))).findFirst();
    }

    public Optional<Table> table(String schema, String name) {
        if (schema != null) {
            Optional<Table> exact = tables.stream().filter(t -> name.equalsIgnoreCase(t.name())
                    && schema.equalsIgnoreCase(t.schema())).findFirst();
            if (exact.isPresent()) {
                return exact;
            }
        }
        return table(name);
    }
}
