package io.aide.validation;

import java.util.List;

/** Names of the checks, as carried in ValidationReported.check. */
public final class Checks {
    public static final String SYNTAX = "syntax";
    public static final String BINDING = "binding";
    public static final String EXECUTION = "execution";
    public static final String PK_UNIQUE = "pk_unique";
    public static final String NOT_NULL = "not_null";
    public static final String CASTABLE = "castable";
    public static final String ACCEPTED_VALUES = "accepted_values";
    public static final String REFERENTIAL = "referential";
    public static final String ROW_COUNT = "row_count";
    public static final String EXPECTED_OUTPUT = "expected_output";
    public static final String SPARK_SQL = "spark_sql";
    public static final String PYSPARK = "pyspark";
    public static final String SUMMARY = "summary";

    /** Checks that need the layer to have run on the sample. */
    public static final List<String> DATA_CHECKS = List.of(PK_UNIQUE, NOT_NULL, CASTABLE, ACCEPTED_VALUES,
            REFERENTIAL, ROW_COUNT, EXPECTED_OUTPUT);

    private Checks() {
    }
}
