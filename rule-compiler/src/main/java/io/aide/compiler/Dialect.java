package io.aide.compiler;

import io.aide.compiler.dialect.AnsiDialect;
import io.aide.compiler.dialect.SqlDialect;
import io.aide.compiler.dialect.BigQueryDialect;
import io.aide.compiler.dialect.DuckDbDialect;
import io.aide.compiler.dialect.PostgresDialect;
import io.aide.compiler.dialect.SnowflakeDialect;
import io.aide.compiler.dialect.SparkDialect;

import java.util.Locale;

/** The catalogue of SQL dialects one logical plan renders to; each hands out the object that writes its SQL. */
public enum Dialect {
    DUCKDB(new DuckDbDialect()),
    POSTGRES(new PostgresDialect()),
    SPARK(new SparkDialect()),
    SNOWFLAKE(new SnowflakeDialect()),
    BIGQUERY(new BigQueryDialect()),
    ANSI(new AnsiDialect());

    private final SqlDialect sql;

    Dialect(SqlDialect sql) {
        this.sql = sql;
    }

    public String id() {
        return sql.id();
    }

    /** Renders expressions, names, literals and types in this dialect (stateless, shared). */
    public SqlDialect sql() {
        return sql;
    }

    public String quote(String identifier) {
        return sql.quote(identifier);
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
