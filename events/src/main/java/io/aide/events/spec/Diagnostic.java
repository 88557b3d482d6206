package io.aide.events.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.Objects;

/**
 * A finding about the document or one row.
 *
 * @param severity error | warning | info
 * @param code     stable, e.g. {@code target_column_without_table}, {@code duplicate_target_column}
 * @param cell     Excel-style cell reference, e.g. {@code Mappings!C18}, or null for document-level findings
 * @param ref      {@code @mapping[sheet:row]} of the row concerned, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Diagnostic(String severity, String code, String message, String cell, String ref) {
    public static final String ERROR = "error";
    public static final String WARNING = "warning";
    public static final String INFO = "info";

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
