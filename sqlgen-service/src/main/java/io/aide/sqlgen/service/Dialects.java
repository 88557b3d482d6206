package io.aide.sqlgen.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The renderings a generation can ask for: six SQL dialects, a PySpark job and a dbt project. */
public final class Dialects {
    public static final List<String> SQL = List.of("duckdb", "postgres", "spark", "snowflake", "bigquery", "ansi");
    public static final String PYSPARK = "pyspark";
    public static final String DBT = "dbt";
    public static final List<String> ALL = List.of("duckdb", "postgres", "spark", "snowflake", "bigquery", "ansi",
            PYSPARK, DBT);

    /** Normalises a requested list: lower case, known names only, at least one SQL dialect (duckdb). */
    public static List<String> normalise(List<String> requested) {
        Set<String> out = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String d : requested) {
            String name = canonical(d);
            if (ALL.contains(name)) {
                out.add(name);
            } else {
                unknown.add(d);
            }
        }
        if (!unknown.isEmpty()) {
            throw SqlgenException.badRequest("unknown_dialect", "Unknown dialect(s) " + unknown + "; use one of " + ALL + ".");
        }
        if (out.stream().noneMatch(SQL::contains)) {
            out.add("duckdb");
        }
        return List.copyOf(out);
    }

    public static String canonical(String dialect) {
        String d = dialect == null ? "" : dialect.trim().toLowerCase(Locale.ROOT);
        return switch (d) {
            case "postgresql", "pg" -> "postgres";
            case "sparksql", "spark_sql", "spark-sql" -> "spark";
            default -> d;
        };
    }

    public static List<String> sqlOnly(List<String> dialects) {
        return dialects.stream().filter(SQL::contains).toList();
    }

    /** The first requested SQL dialect: its SQL is streamed in block_update and becomes final_sql. */
    public static String primary(List<String> dialects) {
        return dialects.stream().filter(SQL::contains).findFirst().orElse("duckdb");
    }

    /** File name of an artifact inside the generation's artifacts/ folder. */
    public static String artifactFile(String dialect) {
        return switch (dialect) {
            case PYSPARK -> "pyspark.py";
            case DBT -> "dbt.zip";
            default -> dialect + ".sql";
        };
    }

    public static String contentType(String dialect) {
        return switch (dialect) {
            case PYSPARK -> "text/x-python; charset=utf-8";
            case DBT -> "application/zip";
            default -> "application/sql; charset=utf-8";
        };
    }

    private Dialects() {
    }
}
