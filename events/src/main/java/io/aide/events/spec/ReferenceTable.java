package io.aide.events.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * A named lookup or parameter table that rules can refer to (a sheet, an uploaded CSV, a config file).
 *
 * @param origin where it came from: {@code @mapping[Lookups:1]} or a file name
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferenceTable(String name, List<String> columns, List<List<String>> rows, String origin) {
    public ReferenceTable {
        columns = columns == null ? List.of() : List.copyOf(columns);
        rows = rows == null ? List.of() : List.copyOf(rows);
    }
}
