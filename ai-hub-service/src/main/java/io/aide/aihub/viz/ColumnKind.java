package io.aide.aihub.viz;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a column can be on a chart, from its SQL type: a number, a moment in time, or a category (anything else). A
 * text column (a sample file's columns are read as VARCHAR) is what its values are: numbers (no leading zero, so codes
 * such as '007' stay categories), ISO dates or timestamps, or else categories.
 */
public enum ColumnKind {
    MEASURE, TIME, CATEGORY;

    /** Values looked at to tell what a text column holds. */
    static final int VALUES_LOOKED_AT = 10_000;
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    private static final Pattern MOMENT = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}"
            + "([ T][0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}(:?[0-9]{2})?)?)?");

    /** The kind of the column at {@code index} of these rows: by its type, and by its values when it is text. */
    public static ColumnKind of(String sqlType, List<List<Object>> rows, int index) {
        ColumnKind byType = of(sqlType);
        String t = sqlType == null ? "" : sqlType.trim().toUpperCase(Locale.ROOT);
        if (byType != CATEGORY || !(t.isEmpty() || t.startsWith("VARCHAR") || t.equals("TEXT") || t.equals("STRING")
                || t.startsWith("CHAR"))) {
            return byType;
        }
        boolean numbers = true;
        boolean moments = true;
        int seen = 0;
        for (List<Object> row : rows) {
            Object v = index < row.size() ? row.get(index) : null;
            if (v == null || v.toString().isBlank()) {
                continue;
            }
            String text = v.toString().trim();
            numbers = numbers && (v instanceof Number || NUMBER.matcher(text).matches());
            moments = moments && MOMENT.matcher(text).matches();
            if ((!numbers && !moments) || ++seen >= VALUES_LOOKED_AT) {
                break;
            }
        }
        if (seen == 0) {
            return CATEGORY;
        }
        return numbers ? MEASURE : moments ? TIME : CATEGORY;
    }

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
