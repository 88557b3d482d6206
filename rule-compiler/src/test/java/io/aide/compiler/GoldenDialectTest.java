package io.aide.compiler;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every dialect's rendering of representative constructs against its golden file
 * (src/test/resources/golden/&lt;dialect&gt;.sql). Snowflake and BigQuery have no engine here, so their golden
 * files are the check: each construct below names the vendor page its Snowflake and BigQuery forms were read
 * against. DuckDB, PostgreSQL and Spark output also runs on the real engines (DuckDb, validator-service's
 * PostgresDialectIT and SparkDialectIT). A new dialect is one class and one golden file: run once with
 * -Daide.golden.update=true to write it, review it against the engine's documentation, commit it.
 */
class GoldenDialectTest {
    private static final Expr TEXT = new Expr.Col("orders", "status");
    private static final Expr AMOUNT = new Expr.Col("orders", "amount");
    private static final Expr DAY = new Expr.Col("orders", "order_date");
    private static final Expr NUMBER = new Expr.Cast(AMOUNT, SqlType.DOUBLE, true);
    private static final Expr DATE = new Expr.Cast(DAY, SqlType.DATE, true);

    /** Construct -> expression; the comment on each line is the documentation its Snowflake / BigQuery form follows. */
    static Map<String, Expr> constructs() {
        Map<String, Expr> c = new LinkedHashMap<>();
        // SF: docs.snowflake.com/en/sql-reference/identifiers-syntax (unquoted names fold to upper case), .../reserved-keywords
        // BQ: cloud.google.com/bigquery/docs/reference/standard-sql/lexical (backquoted identifiers)
        c.put("identifiers: plain, reserved word, mixed case, space", new Expr.Fn("COALESCE", List.of(new Expr.Col("orders", "order_id"),
                new Expr.Col("orders", "order"), new Expr.Col("orders", "OrderRef"), new Expr.Col("Sales Lines", "line id"))));
        // SF: docs.snowflake.com/en/sql-reference/data-types-text (escape sequences in single-quoted string constants)
        // BQ: cloud.google.com/bigquery/docs/reference/standard-sql/lexical (backslash escapes in quoted strings)
        c.put("string literal with a quote and a backslash", new Expr.Lit("O'Brien \\ Sons"));
        // SF: docs.snowflake.com/en/sql-reference/functions/try_cast ("only works for string expressions")
        // BQ: cloud.google.com/bigquery/docs/reference/standard-sql/conversion_functions (SAFE_CAST)
        c.put("safe cast of text to a number", new Expr.Cast(AMOUNT, new SqlType(SqlType.Kind.DECIMAL, 18, 2, null), true));
        c.put("safe cast of a computed number to an integer", new Expr.Cast(new Expr.Bin("*", NUMBER, new Expr.Lit(100L)), SqlType.INTEGER, true));
        // BQ: conversion_functions (COALESCE needs a supertype: a numeric default is a number)
        c.put("cast of a default", new Expr.Cast(new Expr.Fn("COALESCE", List.of(new Expr.Col("agg", "total"), new Expr.Lit("0"))),
                new SqlType(SqlType.Kind.DECIMAL, 18, 2, null), false));
        // SF: functions/concat (||); BQ: string_functions#concat
        c.put("concatenation", new Expr.Concat(List.of(TEXT, new Expr.Lit("-"), new Expr.Col("orders", "order_id"))));
        // SF: functions/substr; BQ: string_functions#substr
        c.put("substring", new Expr.Substr(TEXT, new Expr.Lit(2L), new Expr.Lit(3L)));
        // SF: functions/ltrim (LTRIM(expr, characters)); BQ: string_functions#ltrim (LTRIM(value, set_of_characters))
        c.put("trim leading characters", new Expr.Fn("LTRIM", List.of(TEXT, new Expr.Lit("0"))));
        // SF: functions/md5 (hex string); BQ: hash_functions#md5 (BYTES, hence TO_HEX)
        c.put("md5", new Expr.Fn("MD5", List.of(TEXT)));
        // SF: functions/try_to_date, functions-conversion#date-and-time-formats (DD, MON, YYYY)
        // BQ: date_functions#parse_date (format first), format-elements; SAFE. prefix gives NULL on bad text
        c.put("parse a date with a pattern", new Expr.ParseDate(DAY, "%d-%b-%Y", false));
        // SF: functions/try_to_timestamp (HH24, MI, SS); BQ: timestamp_functions#parse_timestamp
        c.put("parse a timestamp with a pattern", new Expr.ParseDate(DAY, "%Y-%m-%d %H:%M:%S", true));
        // SF: functions/to_char; BQ: date_functions#format_date
        c.put("format a date", new Expr.FormatDate(DATE, "%m/%d/%Y"));
        // SF: functions/dateadd (part, value, expr); BQ: date_functions#date_add (INTERVAL n YEAR)
        c.put("add years", new Expr.DateAdd(DATE, new Expr.Lit(2L), "YEAR"));
        c.put("add days from a column", new Expr.DateAdd(DATE, new Expr.Cast(new Expr.Col("orders", "lead_days"), SqlType.INTEGER, true), "DAY"));
        // SF: functions/datediff (part, start, end); BQ: date_functions#date_diff (end, start, DAY)
        c.put("days between two dates", new Expr.DateDiff(DATE, new Expr.Cast(new Expr.Col("orders", "ship_date"), SqlType.DATE, true)));
        // SF: functions/extract; BQ: date_functions#extract
        c.put("year of a date", new Expr.Extract("YEAR", DATE));
        // SF: functions/last_day; BQ: date_functions#last_day
        c.put("last day of the month", new Expr.LastDay(DATE));
        // SF: functions/to_timestamp (a number is seconds since the epoch)
        // BQ: timestamp_functions#timestamp_micros (INT64 microseconds; TIMESTAMP_SECONDS takes INT64 only)
        c.put("epoch seconds with a fraction", new Expr.EpochSeconds(NUMBER));
        // SF: functions/current_timestamp; BQ: timestamp_functions#current_timestamp
        c.put("current timestamp", new Expr.CurrentTimestamp());
        // SF: functions/mod; BQ: mathematical_functions#mod (INT64, NUMERIC, BIGNUMERIC only)
        c.put("remainder of a double", new Expr.Bin("%", NUMBER, new Expr.Lit(7L)));
        // SF: functions/try_to_double; BQ: conversion_functions (SAFE_CAST AS FLOAT64)
        c.put("text is a number", new Expr.IsNumeric(AMOUNT));
        // SF/BQ: conditional expressions (CASE, IN, IS NULL) and aggregate COUNT(DISTINCT) are standard in both
        c.put("case, in list, is null", new Expr.Case(List.of(new Expr.When(new Expr.InList(TEXT, List.of(new Expr.Lit("placed"),
                new Expr.Lit("shipped")), false), new Expr.Lit(true)), new Expr.When(new Expr.IsNull(TEXT, false), new Expr.TypedNull(SqlType.BOOLEAN))),
                new Expr.Lit(false)));
        c.put("count distinct", new Expr.Agg("COUNT", new Expr.Col("orders", "customer_id"), true));
        // SF: functions/round; BQ: mathematical_functions#round (PostgreSQL: ROUND(numeric, int) only)
        c.put("round to places", new Expr.Fn("ROUND", List.of(NUMBER, new Expr.Lit(2L))));
        // SF: functions/split_part; BQ: string_functions#split and array subscript SAFE_OFFSET (NULL past the end)
        c.put("split part", new Expr.Fn("SPLIT_PART", List.of(TEXT, new Expr.Lit("-"), new Expr.Lit(2L))));
        // SF: functions/lpad; BQ: string_functions#lpad
        c.put("left pad", new Expr.Fn("LPAD", List.of(TEXT, new Expr.Lit(10L), new Expr.Lit("0"))));
        // SF: functions/lag and window-functions (NULLS LAST in ORDER BY); BQ: navigation_functions#lag, window-function-calls
        c.put("window: previous value per partition", new Expr.Window("LAG", List.of(TEXT), List.of(new Expr.Col("orders", "customer_id")),
                List.of(new Expr.Order(DAY, true))));
        // SF: functions/position (POSITION(expr1 IN expr2)); BQ: string_functions#strpos (STRPOS(value, subvalue))
        c.put("position of a text", new Expr.Fn("STRPOS", List.of(TEXT, new Expr.Lit("@"))));
        // SF: functions/date_trunc (WEEK follows WEEK_START, 0 = Monday by default); BQ: date_functions#date_trunc
        // (WEEK starts on Sunday, ISOWEEK on Monday)
        c.put("first day of the week", new Expr.TruncDate("WEEK", DATE));
        c.put("first day of the quarter", new Expr.TruncDate("QUARTER", DATE));
        // SF: functions/date-part (WEEKISO, DAYOFWEEKISO, independent of WEEK_START); BQ: date_functions#extract (ISOWEEK;
        // DAYOFWEEK counts from Sunday = 1)
        c.put("ISO week of the year", new Expr.Extract("ISOWEEK", DATE));
        c.put("ISO day of the week", new Expr.Extract("ISODOW", DATE));
        // SF: functions/dateadd with a negative value; BQ: date_add with a negative INTERVAL
        c.put("subtract one day", new Expr.DateAdd(DATE, new Expr.Neg(new Expr.Lit(1L)), "DAY"));
        // SF: functions/datediff (counts boundaries crossed; nanoseconds keep the fraction); BQ: timestamp_functions
        // #timestamp_diff (MICROSECOND)
        Expr ts = new Expr.Cast(DAY, SqlType.TIMESTAMP, true);
        c.put("seconds between two timestamps", new Expr.SecondsBetween(ts, ts));
        c.put("whole part of a number", new Expr.Fn("TRUNC", List.of(new Expr.Lit(new java.math.BigDecimal("-2.5")))));
        return c;
    }

    static String render(Dialect dialect) {
        StringBuilder sb = new StringBuilder("-- ").append(dialect.id()).append(": one construct per entry, as GoldenDialectTest renders it\n");
        constructs().forEach((name, expr) -> sb.append("\n-- ").append(name).append('\n').append(dialect.sql().render(expr)).append('\n'));
        return sb.toString();
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void shouldRenderEachConstructAsItsGoldenFileSays(Dialect dialect) throws IOException {
        // Given
        Path golden = Path.of("src/test/resources/golden", dialect.id() + ".sql");
        String rendered = render(dialect);
        if (Boolean.getBoolean("aide.golden.update")) {
            Files.writeString(golden, rendered, StandardCharsets.UTF_8);
        }

        // When
        String expected = Files.isRegularFile(golden) ? Files.readString(golden, StandardCharsets.UTF_8) : null;

        // Then
        assertThat(expected).as("golden file " + golden + " (write it with -Daide.golden.update=true, then review it)").isNotNull();
        assertThat(rendered).isEqualTo(expected);
    }
}
