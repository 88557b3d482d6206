package io.aide.aihub.viz;

import java.util.Locale;

/** What a column can be on a chart, from its SQL type: a number, a moment in time, or a category (anything else). */
public enum ColumnKind {
    MEASURE, TIME, CATEGORY;

    public static ColumnKind of(String sqlType) {
        String t = sqlType == null ? "" : sqlType.trim().toUpperCase(Locale.ROOT);
        int paren = t.indexOf('(');
        String base = paren < 0 ? t : t.substring(0, paren).trim();
        return switch (base) {
            case "TINYINT", "SMALLINT", "INTEGER", "INT", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER",
                 "UBIGINT", "UHUGEINT", "INT2", "INT4", "INT8", "LONG", "SHORT", "DECIMAL", "NUMERIC", "REAL", "FLOAT",
                 "FLOAT4", "FLOAT8", "DOUBLE", "DOUBLE PRECISION" -> MEASURE;
            case "DATE", "TIMESTAMP", "TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE", "TIMESTAMP_S", "TIMESTAMP_MS",
                 "TIMESTAMP_NS", "DATETIME", "TIME" -> TIME;
            default -> CATEGORY;
        };
    }
}
