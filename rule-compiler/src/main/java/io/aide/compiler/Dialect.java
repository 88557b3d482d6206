package io.aide.compiler;

import java.util.Locale;

/** The SQL dialects one logical plan renders to. */
public enum Dialect {
    DUCKDB("duckdb", '"'),
    POSTGRES("postgres", '"'),
    SPARK("spark", '`'),
    SNOWFLAKE("snowflake", '"'),
    BIGQUERY("bigquery", '`'),
    ANSI("ansi", '"');

    private final String id;
    private final char quote;

    Dialect(String id, char quote) {
        this.id = id;
        this.quote = quote;
    }

    public String id() {
        return id;
    }

    public String quote(String identifier) {
        String q = String.valueOf(quote);
        return q + identifier.replace(q, q + q) + q;
    }

    public static Dialect of(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "duckdb" -> DUCKDB;
            case "postgres", "postgresql", "pg" -> POSTGRES;
            case "spark", "sparksql", "spark_sql", "databricks" -> SPARK;
            case "snowflake" -> SNOWFLAKE;
            case "bigquery", "bq" -> BIGQUERY;
            case "ansi", "sql", "standard" -> ANSI;
            default -> throw new IllegalArgumentException("unknown dialect '" + name
                    + "': use duckdb, postgres, spark, snowflake, bigquery or ansi");
        };
    }
}
