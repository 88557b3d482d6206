package io.aide.compiler;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;
import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DialectRenderingTest {
    private final SemanticLayerCompiler compiler = new SemanticLayerCompiler();

    private static final Expr TEXT = new Expr.Col("src", "a");
    private static final String PG_NUMBER = "^\\s*[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?\\s*$";
    private static final Expr INTEGER = new Expr.Cast(new Expr.Col("src", "amount"), SqlType.INTEGER, true);
    private static final Expr NUMBER = new Expr.Cast(new Expr.Col("src", "amount"), SqlType.DOUBLE, true);

    private static Expr tz() {
        return new Expr.Fn("CONVERT_TZ", List.of(new Expr.Col("t", "ts"), new Expr.Lit("UTC"), new Expr.Lit("America/New_York")));
    }

    /** One row per construct a dialect writes its own way: dialect, expression, the SQL it must give. */
    static Stream<Arguments> constructs() {
        return Stream.of(
                // a backslash starts an escape sequence in Snowflake, Spark and BigQuery strings; not in the others
                Arguments.of(Dialect.SNOWFLAKE, new Expr.Lit("C:\\dir\\"), "'C:\\\\dir\\\\'"),
                Arguments.of(Dialect.SNOWFLAKE, new Expr.Lit("it's"), "'it''s'"),
                Arguments.of(Dialect.SPARK, new Expr.Lit("C:\\dir's"), "'C:\\\\dir\\'s'"),
                Arguments.of(Dialect.BIGQUERY, new Expr.Lit("C:\\dir"), "'C:\\\\dir'"),
                Arguments.of(Dialect.POSTGRES, new Expr.Lit("C:\\dir's"), "'C:\\dir''s'"),
                Arguments.of(Dialect.DUCKDB, new Expr.Lit("C:\\dir"), "'C:\\dir'"),
                // Snowflake folds unquoted names to upper case: quoted only when the exact spelling must be kept
                Arguments.of(Dialect.SNOWFLAKE, new Expr.Col("raw_orders", "order_id"), "raw_orders.order_id"),
                Arguments.of(Dialect.SNOWFLAKE, new Expr.Col("RAW_ORDERS", "ORDER$ID"), "RAW_ORDERS.ORDER$ID"),
                Arguments.of(Dialect.SNOWFLAKE, new Expr.Col("Sales Lines", "OrderId"), "\"Sales Lines\".\"OrderId\""),
                Arguments.of(Dialect.SNOWFLAKE, new Expr.Col("t", "order"), "t.\"order\""),
                Arguments.of(Dialect.SNOWFLAKE, new Expr.Col("t", "1st"), "t.\"1st\""),
                // a wall-clock time moved between zones: each engine's own functions (Snowflake CONVERT_TIMEZONE with three
                // arguments keeps a TIMESTAMP_NTZ; BigQuery reads a DATETIME in a zone as a TIMESTAMP, then back)
                Arguments.of(Dialect.SNOWFLAKE, tz(), "CONVERT_TIMEZONE('UTC', 'America/New_York', t.ts)"),
                Arguments.of(Dialect.BIGQUERY, tz(), "DATETIME(TIMESTAMP(`t`.`ts`, 'UTC'), 'America/New_York')"),
                Arguments.of(Dialect.SPARK, tz(), "FROM_UTC_TIMESTAMP(TO_UTC_TIMESTAMP(`t`.`ts`, 'UTC'), 'America/New_York')"),
                Arguments.of(Dialect.POSTGRES, tz(), "(\"t\".\"ts\" AT TIME ZONE 'UTC') AT TIME ZONE 'America/New_York'"),
                Arguments.of(Dialect.DUCKDB, tz(), "CAST(TIMEZONE('America/New_York', TIMEZONE('UTC', \"t\".\"ts\")) AS TIMESTAMP)"),
                // TRY_CAST takes text only in Snowflake
                Arguments.of(Dialect.SNOWFLAKE, new Expr.Cast(new Expr.Lit("12"), SqlType.INTEGER, true), "TRY_CAST('12' AS INTEGER)"),
                Arguments.of(Dialect.SNOWFLAKE, new Expr.Cast(new Expr.Fn("TRIM", List.of(TEXT)), SqlType.INTEGER, true), "TRY_CAST(TRIM(src.a) AS INTEGER)"),
                // MOD on a double: PostgreSQL, BigQuery and the standard define it on exact numbers only
                Arguments.of(Dialect.POSTGRES, new Expr.Bin("%", NUMBER, new Expr.Lit(7L)),
                        "MOD(CAST(CASE WHEN CAST(\"src\".\"amount\" AS TEXT) ~ '" + PG_NUMBER + "' THEN CAST(CAST(\"src\".\"amount\" AS TEXT) AS DOUBLE PRECISION) END AS NUMERIC), 7)"),
                Arguments.of(Dialect.ANSI, new Expr.Bin("%", NUMBER, new Expr.Lit(7L)), "MOD(CAST(CAST(\"src\".\"amount\" AS DOUBLE PRECISION) AS NUMERIC), 7)"),
                Arguments.of(Dialect.BIGQUERY, new Expr.Bin("%", NUMBER, new Expr.Lit(7L)), "MOD(CAST(SAFE_CAST(`src`.`amount` AS FLOAT64) AS NUMERIC), 7)"),
                Arguments.of(Dialect.BIGQUERY, new Expr.Bin("%", INTEGER, new Expr.Lit(7L)), "MOD(SAFE_CAST(`src`.`amount` AS INT64), 7)"),
                Arguments.of(Dialect.POSTGRES, new Expr.Bin("%", new Expr.Lit(10L), new Expr.Lit(7L)), "MOD(10, 7)"),
                Arguments.of(Dialect.SNOWFLAKE, new Expr.Bin("%", NUMBER, new Expr.Lit(7L)), "MOD(TRY_CAST(CAST(src.amount AS VARCHAR) AS FLOAT), 7)"),
                Arguments.of(Dialect.DUCKDB, new Expr.Bin("%", NUMBER, new Expr.Lit(7L)), "TRY_CAST(\"src\".\"amount\" AS DOUBLE) % 7"),
                Arguments.of(Dialect.SPARK, new Expr.Bin("%", NUMBER, new Expr.Lit(7L)), "TRY_CAST(`src`.`amount` AS DOUBLE) % 7"),
                // division: NULL for a zero divisor everywhere (DuckDB gave Infinity, the others raise), a fraction between integers
                Arguments.of(Dialect.DUCKDB, new Expr.Bin("/", NUMBER, TEXT), "TRY_CAST(\"src\".\"amount\" AS DOUBLE) / NULLIF(\"src\".\"a\", 0)"),
                Arguments.of(Dialect.SPARK, new Expr.Bin("/", NUMBER, new Expr.Lit(100L)), "TRY_CAST(`src`.`amount` AS DOUBLE) / 100"),
                Arguments.of(Dialect.POSTGRES, new Expr.Bin("/", new Expr.Lit(7L), new Expr.Lit(2L)), "CAST(7 AS NUMERIC) / 2"),
                Arguments.of(Dialect.BIGQUERY, new Expr.Bin("/", INTEGER, INTEGER), "SAFE_CAST(`src`.`amount` AS INT64) / NULLIF(SAFE_CAST(`src`.`amount` AS INT64), 0)"),
                // BigQuery's COALESCE has no supertype for FLOAT64 and a text default: each argument is cast, a number stays a number
                Arguments.of(Dialect.BIGQUERY, new Expr.Cast(new Expr.Fn("COALESCE", List.of(new Expr.Col("agg", "total"), new Expr.Lit("0"))),
                        new SqlType(SqlType.Kind.DECIMAL, 18, 2, null), false), "COALESCE(CAST(`agg`.`total` AS NUMERIC(18, 2)), 0)"),
                Arguments.of(Dialect.BIGQUERY, new Expr.Cast(new Expr.Fn("COALESCE", List.of(TEXT, new Expr.Lit("n/a"))), SqlType.DATE, true),
                        "CASE WHEN `src`.`a` IS NOT NULL THEN SAFE_CAST(`src`.`a` AS DATE) WHEN 'n/a' IS NOT NULL THEN SAFE_CAST('n/a' AS DATE) END"),
                // the standard has no parsing with a pattern: a typed NULL, flagged by the layer (below)
                Arguments.of(Dialect.ANSI, new Expr.ParseDate(TEXT, "%d/%m/%Y", false), "CAST(NULL AS DATE)"),
                // epoch seconds keep their fraction
                Arguments.of(Dialect.BIGQUERY, new Expr.EpochSeconds(NUMBER), "TIMESTAMP_MICROS(CAST(SAFE_CAST(`src`.`amount` AS FLOAT64) * 1000000 AS INT64))"),
                // parsing text: NULL, never an error, on text that does not fit; the type the target asks for
                Arguments.of(Dialect.SPARK, new Expr.ParseDate(TEXT, "%Y-%m-%d %H:%M", true), "TRY_TO_TIMESTAMP(`src`.`a`, 'yyyy-M-d H:m')"),
                Arguments.of(Dialect.SPARK, new Expr.ParseDate(TEXT, "%Y%m%d", false), "CAST(TRY_TO_TIMESTAMP(`src`.`a`, 'yyyyMMdd') AS DATE)"),
                Arguments.of(Dialect.POSTGRES, new Expr.ParseDate(TEXT, "%d/%m/%Y %H:%M", true), "CASE WHEN \"src\".\"a\" ~ "
                        + "'^\\s*[0-9]{1,2}\\/[0-9]{1,2}\\/[0-9]{4}\\s+[0-9]{1,2}\\:[0-9]{1,2}\\s*$' "
                        + "THEN CAST(TO_TIMESTAMP(\"src\".\"a\", 'DD/MM/YYYY HH24:MI') AS TIMESTAMP) END"),
                Arguments.of(Dialect.DUCKDB, new Expr.Cast(new Expr.Fn("COALESCE", List.of(new Expr.Col("agg", "total"), new Expr.Lit("0"))),
                        new SqlType(SqlType.Kind.DECIMAL, 18, 2, null), false), "CAST(COALESCE(\"agg\".\"total\", '0') AS DECIMAL(18, 2))")
        );
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("constructs")
    void shouldWriteEachConstructTheWayItsEngineReadsIt(Dialect dialect, Expr expr, String expected) {
        // When
        String sql = dialect.sql().render(expr);

        // Then
        assertThat(sql).isEqualTo(expected);
    }

    private Map<String, String> sql(String type, String source, String rule) {
        var spec = Specs.spec().row("t", "out", type, "src", source, rule).build();
        CompilationResult r = compiler.compile(spec, new CompileOptions(List.of("duckdb", "postgres", "spark", "snowflake",
                "bigquery", "ansi"), List.of(), new SchemaCatalog(List.of(Specs.table("src", "amount", "d", "a", "b")))), null);
        assertThat(r.flaggedColumns()).isZero();
        return r.layers().get(0).sql();
    }

    @Test
    void shouldRenderSafeCastsPerDialect() {
        // When
        Map<String, String> sql = sql("INTEGER", "amount", "Cast to integer");

        // Then
        assertThat(sql.get("duckdb")).contains("TRY_CAST(\"src\".\"amount\" AS INTEGER)");
        assertThat(sql.get("spark")).contains("TRY_CAST(`src`.`amount` AS INTEGER)");
        assertThat(sql.get("snowflake")).contains("TRY_CAST(CAST(src.amount AS VARCHAR) AS INTEGER)");
        assertThat(sql.get("bigquery")).contains("SAFE_CAST(`src`.`amount` AS INT64)");
        assertThat(sql.get("postgres")).contains("WHEN CAST(\"src\".\"amount\" AS TEXT) ~").contains("AS INTEGER");
        assertThat(sql.get("ansi")).contains("CAST(\"src\".\"amount\" AS INTEGER)");
    }

    @Test
    void shouldRenderConcatenationPerDialect() {
        // When
        Map<String, String> sql = sql("VARCHAR", "a, b", "Concatenate a and b separated by '-'");

        // Then
        assertThat(sql.get("duckdb")).contains("\"src\".\"a\" || '-' || \"src\".\"b\"");
        assertThat(sql.get("postgres")).contains("\"src\".\"a\" || '-' || \"src\".\"b\"");
        assertThat(sql.get("spark")).contains("CONCAT(`src`.`a`, '-', `src`.`b`)");
        assertThat(sql.get("bigquery")).contains("CONCAT(`src`.`a`, '-', `src`.`b`)");
    }

    @Test
    void shouldRenderDateParsingPerDialect() {
        // When
        Map<String, String> sql = sql("DATE", "d", "Parsed %d-%b-%y");

        // Then
        assertThat(sql.get("duckdb")).contains("TRY_STRPTIME(").contains("'%d-%b-%y'");
        assertThat(sql.get("postgres")).contains("TO_DATE(").contains("'DD-Mon-YY'");
        assertThat(sql.get("spark")).contains("CAST(TRY_TO_TIMESTAMP(").contains("'d-MMM-yy') AS DATE)").doesNotContain("TO_DATE(");
        assertThat(sql.get("snowflake")).contains("TRY_TO_DATE(").contains("'DD-MON-YY'");
        assertThat(sql.get("bigquery")).contains("SAFE.PARSE_DATE('%d-%b-%y'");
    }

    @Test
    void shouldFlagADatePatternTheAnsiOutputCannotParseInsteadOfCastingIt() {
        // Given
        var spec = Specs.spec().row("t", "out", "DATE", "src", "d", "Parsed %d/%m/%Y").build();

        // When
        CompilationResult r = compiler.compile(spec, new CompileOptions(List.of("duckdb", "ansi"), List.of(),
                new SchemaCatalog(List.of(Specs.table("src", "d")))), null);

        // Then
        String ansi = r.layers().get(0).sql().get("ansi");
        assertThat(ansi).contains("CAST(NULL AS DATE) AS \"out\"").contains("TODO ansi: standard SQL cannot parse text with the date pattern '%d/%m/%Y'")
                .doesNotContain("CAST(\"src\".\"d\" AS DATE)");
        assertThat(r.layers().get(0).sql().get("duckdb")).contains("TRY_STRPTIME(").doesNotContain("TODO");
        assertThat(r.diagnostics()).anySatisfy(d -> {
            assertThat(d.code()).isEqualTo("dialect_unsupported");
            assertThat(d.message()).startsWith("ansi: t.out: standard SQL cannot parse");
            assertThat(d.ref()).isEqualTo("@mapping[Mappings:2]");
        });
    }

    @Test
    void shouldRenderDateArithmeticPerDialect() {
        // When
        Map<String, String> sql = sql("DATE", "d", "d + INTERVAL '2' YEAR");

        // Then
        assertThat(sql.get("duckdb")).contains("INTERVAL 2 YEAR");
        assertThat(sql.get("postgres")).contains("INTERVAL '2 years'");
        assertThat(sql.get("spark")).contains("ADD_MONTHS(").contains("12 * 2");
        assertThat(sql.get("snowflake")).contains("DATEADD(year, 2,");
        assertThat(sql.get("bigquery")).contains("DATE_ADD(").contains("INTERVAL 2 YEAR");
    }

    @Test
    void shouldRenderEpochSecondsPerDialect() {
        // When
        Map<String, String> sql = sql("TIMESTAMP", "a", "Convert epoch seconds to timestamp");

        // Then
        assertThat(sql.get("duckdb")).contains("MAKE_TIMESTAMP(").contains("CAST(TRY_CAST(\"src\".\"a\" AS DOUBLE) * 1000000 AS BIGINT)");
        assertThat(sql.get("spark")).contains("TIMESTAMP_SECONDS(");
        assertThat(sql.get("snowflake")).contains("TO_TIMESTAMP(");
        assertThat(sql.get("bigquery")).contains("TIMESTAMP_MICROS(").contains(" * 1000000 AS INT64)");
        assertThat(sql.get("postgres")).contains("TO_TIMESTAMP(").contains("AT TIME ZONE 'UTC'");
        assertThat(sql.get("ansi")).contains("TIMESTAMP '1970-01-01 00:00:00' +").contains("INTERVAL '1' SECOND");
    }

    @Test
    void shouldRenderDateFormattingPerDialect() {
        // When
        Map<String, String> sql = sql("VARCHAR(10)", "d", "Format as DD-MON-YYYY");

        // Then
        assertThat(sql.get("duckdb")).contains("STRFTIME(").contains("'%d-%b-%Y'");
        assertThat(sql.get("postgres")).contains("TO_CHAR(").contains("'DD-Mon-YYYY'");
        assertThat(sql.get("spark")).contains("DATE_FORMAT(").contains("'dd-MMM-yyyy'");
        assertThat(sql.get("snowflake")).contains("TO_CHAR(").contains("'DD-MON-YYYY'");
        assertThat(sql.get("bigquery")).contains("FORMAT_DATE('%d-%b-%Y'");
    }

    @Test
    void shouldWriteDayAndMonthNamesWithoutPaddingInEveryDialect() {
        // When
        Map<String, String> day = sql("VARCHAR(10)", "d", "Name of the weekday");
        Map<String, String> month = sql("VARCHAR(10)", "d", "Month name of d");

        // Then: TO_CHAR pads 'Day' and 'Month' to nine characters unless FM says otherwise; Snowflake's TO_CHAR has no
        // full weekday name
        assertThat(day.get("duckdb")).contains("'%A'");
        assertThat(day.get("postgres")).contains("'FMDay'");
        assertThat(day.get("spark")).contains("'EEEE'");
        assertThat(day.get("snowflake")).containsPattern("DECODE\\(\\s*DAYOFWEEKISO\\(").contains("'Sunday'").doesNotContain("TO_CHAR(");
        assertThat(day.get("bigquery")).contains("'%A'");
        assertThat(month.get("postgres")).contains("'FMMonth'");
        assertThat(month.get("snowflake")).contains("'MMMM'");
    }

    @Test
    void shouldGiveEveryDialectTheSameBlocksFromOnePlan() {
        // When
        GeneratedLayers.Layer layer = compiler.compile(Specs.jaffle(), new CompileOptions(List.of("duckdb", "postgres",
                "spark", "snowflake", "bigquery", "ansi"), List.of("orders"), Specs.jaffleCatalog()), null).layers().get(0);

        // Then
        assertThat(layer.blocks()).extracting(GeneratedLayers.Block::name)
                .containsExactly("ctes", "select_clause", "joins", "where_clause");
        for (GeneratedLayers.Block b : layer.blocks()) {
            assertThat(b.sql().keySet()).containsExactlyInAnyOrder("duckdb", "postgres", "spark", "snowflake", "bigquery", "ansi");
        }
        assertThat(layer.sql().get("spark")).contains("`raw_orders`").doesNotContain("\"raw_orders\"");
    }

    @Test
    void shouldAssembleTheLayerFromItsBlocksSoAnEditedBlockChangesIt() {
        // Given
        GeneratedLayers.Layer layer = compiler.compile(Specs.jaffle(), new CompileOptions(List.of("duckdb"), List.of("orders"),
                Specs.jaffleCatalog()), null).layers().get(0);
        List<GeneratedLayers.Block> edited = layer.blocks().stream().map(b -> b.name().equals("where_clause")
                ? new GeneratedLayers.Block(b.name(), b.order(), 2, Map.of("duckdb", "WHERE \"raw_orders\".\"status\" = 'placed'"), b.mappingRefs())
                : b).toList();

        // When
        String assembled = BlockAssembler.assemble(edited, "duckdb");

        // Then
        assertThat(BlockAssembler.assemble(layer.blocks(), "duckdb")).isEqualTo(layer.sql().get("duckdb"));
        assertThat(assembled).endsWith("WHERE \"raw_orders\".\"status\" = 'placed'").startsWith("WITH");
    }
}
