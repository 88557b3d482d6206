package io.aide.compiler.plan;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A target or source type reduced to the few families every dialect can express. */
public record SqlType(Kind kind, Integer precision, Integer scale, Integer length) {
    public enum Kind { INTEGER, BIGINT, DECIMAL, DOUBLE, VARCHAR, DATE, TIMESTAMP, BOOLEAN, UNKNOWN }

    public static final SqlType VARCHAR = new SqlType(Kind.VARCHAR, null, null, null);
    public static final SqlType INTEGER = new SqlType(Kind.INTEGER, null, null, null);
    public static final SqlType BIGINT = new SqlType(Kind.BIGINT, null, null, null);
    public static final SqlType DOUBLE = new SqlType(Kind.DOUBLE, null, null, null);
    public static final SqlType DATE = new SqlType(Kind.DATE, null, null, null);
    public static final SqlType TIMESTAMP = new SqlType(Kind.TIMESTAMP, null, null, null);
    public static final SqlType BOOLEAN = new SqlType(Kind.BOOLEAN, null, null, null);
    public static final SqlType UNKNOWN = new SqlType(Kind.UNKNOWN, null, null, null);

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern ARGS = Pattern.compile("\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");

    /** Parses what analysts write in a type column: INTEGER, DECIMAL(18,2), VARCHAR(32), TEXT, NUMBER, ... */
    public static SqlType parse(String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        String t = text.trim().toUpperCase(Locale.ROOT);
        Matcher m = ARGS.matcher(t);
        Integer a = null;
        Integer b = null;
        if (m.find()) {
            a = Integer.valueOf(m.group(1));
            b = m.group(2) == null ? null : Integer.valueOf(m.group(2));
            t = t.substring(0, m.start()).trim();
        }
        t = SPACES.matcher(t).replaceAll(" ");
        return switch (t) {
            case "INT", "INTEGER", "INT4", "SMALLINT", "TINYINT", "INT2", "WHOLE NUMBER" -> INTEGER;
            case "BIGINT", "INT8", "LONG", "INT64" -> BIGINT;
            case "DECIMAL", "NUMERIC", "NUMBER", "DEC", "MONEY", "CURRENCY" ->
                    a == null ? (t.equals("NUMBER") ? new SqlType(Kind.DECIMAL, 38, 6, null) : new SqlType(Kind.DECIMAL, 18, 4, null))
                            : new SqlType(Kind.DECIMAL, a, b == null ? 0 : b, null);
            case "FLOAT", "DOUBLE", "DOUBLE PRECISION", "REAL", "FLOAT64", "FLOAT8", "FLOAT4" -> DOUBLE;
            case "VARCHAR", "CHAR", "TEXT", "STRING", "NVARCHAR", "NCHAR", "CHARACTER VARYING", "CHARACTER", "VARCHAR2",
                 "CLOB", "STR" -> new SqlType(Kind.VARCHAR, null, null, a);
            case "DATE" -> DATE;
            case "TIMESTAMP", "DATETIME", "TIMESTAMP_NTZ", "TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE", "TIMESTAMP_LTZ" -> TIMESTAMP;
            case "BOOLEAN", "BOOL", "BIT", "FLAG", "YES/NO", "Y/N" -> BOOLEAN;
            default -> t.startsWith("VARCHAR") || t.startsWith("CHAR") || t.contains("TEXT") || t.contains("STRING")
                    ? VARCHAR : t.startsWith("DECIMAL") || t.startsWith("NUMERIC") ? new SqlType(Kind.DECIMAL, 18, 4, null)
                    : t.startsWith("TIMESTAMP") ? TIMESTAMP : UNKNOWN;
        };
    }

    public boolean numeric() {
        return kind == Kind.INTEGER || kind == Kind.BIGINT || kind == Kind.DECIMAL || kind == Kind.DOUBLE;
    }

    public boolean temporal() {
        return kind == Kind.DATE || kind == Kind.TIMESTAMP;
    }

    public boolean known() {
        return kind != Kind.UNKNOWN;
    }

    /** Name used in dbt / docs, dialect neutral. */
    public String display() {
        return switch (kind) {
            case DECIMAL -> "DECIMAL(" + precision + "," + scale + ")";
            case VARCHAR -> length == null ? "VARCHAR" : "VARCHAR(" + length + ")";
            default -> kind.name();
        };
    }
}
