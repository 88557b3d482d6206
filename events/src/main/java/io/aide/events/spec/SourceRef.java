package io.aide.events.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A source column as written: {@code system?.table?.column}; table falls back to the row's source table. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SourceRef(String system, String table, String column) {
    public String qualified() {
        return table == null || table.isBlank() ? column : table + "." + column;
    }
}
