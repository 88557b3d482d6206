package io.aide.aihub.modeler;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sample rows of a data source, shaped like document-service's {@code GET /internal/v1/datasources/{id}/sample}:
 * every value as text, {@code truncated} when the table holds more rows than were read.
 */
public record SampleRows(List<Table> tables) {
    public static final SampleRows NONE = new SampleRows(List.of());

    public SampleRows {
        tables = tables == null ? List.of() : List.copyOf(tables);
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Table(String schema, String name, List<Column> columns, List<List<String>> rows, boolean truncated) {
        public Table {
            columns = columns == null ? List.of() : List.copyOf(columns);
            rows = rows == null ? List.of() : rows;
        }

        /** The values of one column, in row order; null where the row is shorter or the value is NULL. */
        public List<String> values(String column) {
            int index = -1;
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equalsIgnoreCase(column)) {
                    index = i;
                }
            }
            if (index < 0) {
                return List.of();
            }
            int at = index;
            return rows.stream().map(r -> at < r.size() ? r.get(at) : null).toList();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Column(String name, String type) {
    }

    public Optional<Table> table(String name) {
        Map<String, Table> byName = tables.stream().collect(Collectors.toMap(
                t -> t.name().toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a));
        return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
    }
}
