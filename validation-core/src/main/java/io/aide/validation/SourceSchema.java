package io.aide.validation;

import java.util.List;
import java.util.Objects;

/**
 * A source table as a registered database declares it (from a schema snapshot), for synthesizing sample rows
 * when the database's rows are not at hand.
 *
 * @param name       table name as the SQL names it (schema-qualified when not in the default schema)
 * @param primaryKey columns of the primary key
 */
public record SourceSchema(String name, List<Column> columns, List<String> primaryKey) {
    public SourceSchema {
        Objects.requireNonNull(name, "name");
        columns = columns == null ? List.of() : List.copyOf(columns);
        primaryKey = primaryKey == null ? List.of() : List.copyOf(primaryKey);
    }

    /** @param type the database's own type name, e.g. varchar(40), numeric(12,2), BIGINT */
    public record Column(String name, String type) {
        public Column {
            Objects.requireNonNull(name, "name");
        }
    }
}
