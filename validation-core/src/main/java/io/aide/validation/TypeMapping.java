package io.aide.validation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Declared target types as analysts write them (VARCHAR2(50), NUMBER(10,2), DATETIME, ...) -> DuckDB types. */
public final class TypeMapping {
    private static final Pattern TYPE = Pattern.compile("^\\s*([A-Za-z][A-Za-z0-9 _]*?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?\\s*$");

    /** A DuckDB type and, for strings, the declared maximum length. */
    public record Target(String duckdbType, Integer maxLength, String category) {
    }

    public static Optional<Target> map(String declared) {
        if (declared == null || declared.isBlank()) {
            return Optional.empty();
        }
        Matcher m = TYPE.matcher(declared);
        if (!m.matches()) {
            return Optional.empty();
        }
        String base = m.group(1).trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
        Integer p = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        Integer s = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        switch (base) {
            case "VARCHAR", "VARCHAR2", "NVARCHAR", "NVARCHAR2", "CHAR", "NCHAR", "CHARACTER", "CHARACTER VARYING",
                 "STRING", "TEXT", "CLOB", "NTEXT":
                return Optional.of(new Target("VARCHAR", p, "string"));
            case "INT", "INTEGER", "INT4", "MEDIUMINT":
                return Optional.of(new Target("INTEGER", null, "numeric"));
            case "SMALLINT", "INT2", "TINYINT":
                return Optional.of(new Target("SMALLINT", null, "numeric"));
            case "BIGINT", "INT8", "LONG", "INT64":
                return Optional.of(new Target("BIGINT", null, "numeric"));
            case "NUMBER", "NUMERIC", "DECIMAL", "DEC":
                if (p == null) {
                    return Optional.of(new Target("DOUBLE", null, "numeric"));
                }
                int precision = Math.min(p, 38);
                return Optional.of(new Target("DECIMAL(" + precision + "," + Math.min(s == null ? 0 : s, precision) + ")",
                        null, "numeric"));
            case "FLOAT", "DOUBLE", "DOUBLE PRECISION", "REAL", "FLOAT64", "FLOAT8", "FLOAT4", "MONEY":
                return Optional.of(new Target("DOUBLE", null, "numeric"));
            case "DATE":
                return Optional.of(new Target("DATE", null, "temporal"));
            case "DATETIME", "TIMESTAMP", "TIMESTAMP_NTZ", "DATETIME2", "SMALLDATETIME", "TIMESTAMP WITHOUT TIME ZONE":
                return Optional.of(new Target("TIMESTAMP", null, "temporal"));
            case "TIMESTAMPTZ", "TIMESTAMP_TZ", "TIMESTAMP WITH TIME ZONE", "TIMESTAMP_LTZ":
                return Optional.of(new Target("TIMESTAMPTZ", null, "temporal"));
            case "TIME":
                return Optional.of(new Target("TIME", null, "temporal"));
            case "BOOLEAN", "BOOL", "BIT", "FLAG":
                return Optional.of(new Target("BOOLEAN", null, "boolean"));
            default:
                return Optional.empty();
        }
    }

    /** Category of a DuckDB type name as DuckDB reports it (DESCRIBE). */
    public static String categoryOfDuckdb(String type) {
        String t = type.toUpperCase(Locale.ROOT);
        if (t.startsWith("VARCHAR") || t.equals("BLOB")) {
            return "string";
        }
        if (t.startsWith("DECIMAL") || t.matches("(U?(TINY|SMALL|BIG|HUGE)?INT(EGER)?|DOUBLE|FLOAT|REAL)")) {
            return "numeric";
        }
        if (t.startsWith("DATE") || t.startsWith("TIME")) {
            return "temporal";
        }
        if (t.equals("BOOLEAN")) {
            return "boolean";
        }
        if (t.equals("\"NULL\"") || t.equals("NULL")) {
            return "null";
        }
        return "other";
    }

    private TypeMapping() {
    }
}
