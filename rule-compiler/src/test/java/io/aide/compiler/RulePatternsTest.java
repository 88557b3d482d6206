package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import io.aide.events.spec.MappingSpec;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule pattern: what it compiles to, and the value it gives when the SQL runs in DuckDB. */
class RulePatternsTest {
    private static final String[] HEADER = {"id", "first_name", "last_name", "status", "amount", "gender", "active",
            "code", "raw_date", "us_date", "order_date", "mode",
            "ship_date", "epoch", "ymd", "note"};
    private static final String[][] ROWS = {
            {"1", "  ann ", "Lee", "A", "12345", "F", "Yes", "ABC-123", "2-Jun-06", "03/15/2021", "2021-01-31", "Air",
                    "2021-02-05", "1700000000", "20240131", "ok"},
            {"2", "Bob", "Ray", "N/A - From RDC", null, "M", "No", "XYZ-9", "Date Not Captured", "12/01/2020", "2021-02-01", "Sea",
                    null, "0", "2024-01-31", "  "}};

    private final SemanticLayerCompiler compiler = new SemanticLayerCompiler();

    private static SchemaCatalog catalog() {
        return new SchemaCatalog(List.of(Specs.table("src", HEADER)));
    }

    private CompilationResult compile(String type, String source, String rule, String notes, Specs spec) {
        spec.row("t", "id", "INTEGER", null, "src", "id", "Direct move", null, null, true, false, null, Map.of());
        spec.row("t", "out", type, null, "src", source, rule, null, null, false, true, notes, Map.of());
        return compiler.compile(spec.build(), new CompileOptions(List.of("duckdb", "postgres", "spark", "snowflake", "bigquery", "ansi"),
                List.of(), catalog()), null);
    }

    private List<Object> values(CompilationResult result) throws Exception {
        try (DuckDb db = new DuckDb()) {
            String[][] all = new String[ROWS.length + 1][];
            all[0] = HEADER;
            System.arraycopy(ROWS, 0, all, 1, ROWS.length);
            db.table("src", all);
            List<Object> out = new ArrayList<>();
            for (Map<String, Object> row : db.query("SELECT * FROM (\n" + result.layers().get(0).sql().get("duckdb") + "\n) v ORDER BY id")) {
                Object v = row.get("out");
                out.add(v instanceof Date d ? d.toLocalDate() : v);
            }
            return out;
        }
    }

    private String flagReason(String type, String source, String rule) {
        GeneratedLayers.Column out = compile(type, source, rule, null, Specs.spec()).layers().get(0).columns().get(1);
        assertThat(out.status()).as("status of %s", rule).isEqualTo("flagged");
        return out.reason();
    }

    private Map<String, String> sqlOf(String type, String source, String rule) {
        CompilationResult r = compile(type, source, rule, null, Specs.spec());
        assertThat(r.flaggedColumns()).as("flagged: %s", r.diagnostics()).isZero();
        Map<String, String> flat = new java.util.LinkedHashMap<>();
        r.layers().get(0).sql().forEach((d, sql) -> flat.put(d, sql.replaceAll("\\s+", " ").replace("( ", "(").replace(" )", ")")));
        return flat;
    }

    private List<Object> run(String type, String source, String rule) throws Exception {
        CompilationResult r = compile(type, source, rule, null, Specs.spec());
        assertThat(r.flaggedColumns()).as("flagged: %s", r.diagnostics()).isZero();
        return values(r);
    }

    @Test
    void shouldLeaveAColumnEmptyWhenTheAnalystSaysItIsNotMapped() throws Exception {
        // Given phrasings that mean "no value", one of them without a registered schema
        CompilationResult withoutSchema = compiler.compile(Specs.spec()
                .row("t", "id", "INTEGER", "src", "id", "Direct move", null, null, true, false, null)
                .row("t", "out", "VARCHAR(10)", "src", "status", "Not mapped").build(),
                new CompileOptions(List.of("duckdb"), List.of(), null), null);

        // Then: a typed NULL, never NOT("mapped") or a guess
        assertThat(run("VARCHAR(10)", "status", "Not mapped")).containsExactly(null, null);
        assertThat(run("DATE", "order_date", "Leave blank")).containsExactly(null, null);
        assertThat(run("INTEGER", "amount", "Not applicable.")).containsExactly(null, null);
        assertThat(withoutSchema.flaggedColumns()).isZero();
        assertThat(withoutSchema.layers().get(0).sql().get("duckdb")).contains("CAST(NULL AS VARCHAR")
                .doesNotContain("NOT (").doesNotContain("\"mapped\"");
        assertThat(run("VARCHAR(10)", "status", "N/A")).as("N/A often means no transformation").containsExactly("A", "N/A - From RDC");
    }

    @Test
    void shouldMoveTheSourceWhenTheRuleCellHoldsOnlyAConstraint() throws Exception {
        // "Not null" was read as the SQL expression NOT NULL, which is NULL on every row
        assertThat(run("VARCHAR(20)", "code", "Not null")).containsExactly("ABC-123", "XYZ-9");
        assertThat(run("INTEGER", "amount", "Mandatory")).containsExactly(12345, null);
        assertThat(run("VARCHAR(20)", "code", "PK")).containsExactly("ABC-123", "XYZ-9");
    }

    @Test
    void shouldReadAValueMapWrittenOnePairPerLineOrPerSemicolon() throws Exception {
        assertThat(run("VARCHAR(10)", "gender", "M = Male; F = Female; else Unknown")).containsExactly("Female", "Male");
        assertThat(run("VARCHAR(10)", "gender", "- F -> Woman\n- M -> Man")).containsExactly("Woman", "Man");
        assertThat(run("VARCHAR(10)", "gender", "F = Female;\nX = Other;\nelse Unknown")).containsExactly("Female", "Unknown");
        // not a value map: the clauses stay clauses
        assertThat(run("VARCHAR(10)", "first_name", "Trim; Upper case")).containsExactly("ANN", "BOB");
    }

    @Test
    void shouldKeepParenthesesThatGroupArithmetic() throws Exception {
        // they were read as a comment and dropped, leaving "amount *"
        assertThat(run("DECIMAL(10,2)", "amount", "amount * (1 - 10 / 100)"))
                .containsExactly(new BigDecimal("11110.50"), null);
    }

    @Test
    void shouldRoundUpAndDownToWholeNumbers() throws Exception {
        assertThat(run("INTEGER", "amount", "amount / 100; round up")).containsExactly(124, null);
        assertThat(run("INTEGER", "amount", "amount / 100; round down to the nearest integer")).containsExactly(123, null);
        assertThat(sqlOf("INTEGER", "amount", "Round up")).allSatisfy((dialect, sql) -> assertThat(sql).as(dialect).contains("CEIL("));
    }

    @Test
    void shouldCountDistinctValuesAtTheTargetsGrain() throws Exception {
        // Given
        CompilationResult result = compile("BIGINT", "code", "Count distinct code", null, Specs.spec());

        // Then
        assertThat(result.layers().get(0).sql().get("duckdb")).contains("COUNT(DISTINCT \"src\".\"code\")").contains("GROUP BY");
        assertThat(values(result)).containsExactly(1L, 1L);
    }

    @Test
    void shouldTakeTheFirstNonNullColumnWhetherWrittenAsAListOrAsAFallback() throws Exception {
        // row 2 has no ship_date
        assertThat(run("DATE", "ship_date, order_date", "First non-null of ship_date, order_date"))
                .containsExactly(LocalDate.parse("2021-02-05"), LocalDate.parse("2021-02-01"));
        assertThat(run("DATE", "ship_date", "Use ship_date; if null use order_date"))
                .containsExactly(LocalDate.parse("2021-02-05"), LocalDate.parse("2021-02-01"));
        // two sources and no word on which comes first: not guessed
        assertThat(flagReason("DATE", "ship_date, order_date", "If null use order_date")).contains("2 source columns");
    }

    @Test
    void shouldCastADirectMoveToTheTargetTypeSafely() throws Exception {
        assertThat(run("INTEGER", "amount", "Direct move")).containsExactly(12345, null);
    }

    @Test
    void shouldTrimAndUppercase() throws Exception {
        assertThat(run("VARCHAR(20)", "first_name", "Trim and uppercase")).containsExactly("ANN", "BOB");
    }

    @Test
    void shouldConcatenateWithASeparator() throws Exception {
        assertThat(run("VARCHAR", "first_name, last_name", "Concatenate first_name and last_name with a space"))
                .containsExactly("  ann  Lee", "Bob Ray");
    }

    @Test
    void shouldReRenderSqlFunctionsWrittenIntoTheRule() throws Exception {
        assertThat(run("VARCHAR", "first_name", "UPPER(TRIM(first_name))")).containsExactly("ANN", "BOB");
        assertThat(run("VARCHAR", "first_name, last_name", "CONCAT(last_name, ', ', first_name)"))
                .containsExactly("Lee,   ann ", "Ray, Bob");
    }

    @Test
    void shouldReadDefaultAsCoalesceAndIfNullWithoutElseAsAReplacementOfMissingValues() throws Exception {
        assertThat(run("VARCHAR", "amount", "Default to 'N'")).containsExactly("12345", "N");
        assertThat(run("VARCHAR", "amount", "If amount is null then 'none'")).containsExactly("12345", "none");
    }

    @Test
    void shouldReadAValueMapIntroducedByAVerb() throws Exception {
        assertThat(run("VARCHAR", "gender", "Map F -> Female, M -> Male")).containsExactly("Female", "Male");
    }

    @Test
    void shouldEmitAConstant() throws Exception {
        assertThat(run("VARCHAR(3)", null, "Hard-coded 'USD'")).containsExactly("USD", "USD");
    }

    @Test
    void shouldApplyTheDefaultFromTheNullHandlingNote() throws Exception {
        // Given
        CompilationResult r = compile("DECIMAL(10,2)", "amount", "amount / 100", "Default 0 when missing", Specs.spec());

        // Then
        assertThat(values(r)).containsExactly(new BigDecimal("123.45"), new BigDecimal("0.00"));
        assertThat(r.layers().get(0).sql().get("duckdb")).contains("COALESCE");
    }

    @Test
    void shouldTurnSentinelValuesIntoNull() throws Exception {
        assertThat(run("VARCHAR", "status", "'N/A - From RDC' → NULL; otherwise copied")).containsExactly("A", null);
    }

    @Test
    void shouldMapYesNoToBooleans() throws Exception {
        assertThat(run("BOOLEAN", "active", "'Yes'/'No' → 1/0")).containsExactly(true, false);
    }

    @Test
    void shouldMapCodesWrittenAsPairs() throws Exception {
        assertThat(run("VARCHAR", "gender", "M=Male, F=Female")).containsExactly("Female", "Male");
    }

    @Test
    void shouldCompileProseIfThenElse() throws Exception {
        assertThat(run("VARCHAR", "status", "If status = 'A' then 'Active' else 'Inactive'"))
                .containsExactly("Active", "Inactive");
    }

    @Test
    void shouldReadSeveralProseBranchesAsOneCase() throws Exception {
        assertThat(run("VARCHAR", "gender", "When gender = 'F' then 'Female' when gender = 'X' then 'Other' else 'Male'"))
                .containsExactly("Female", "Male");
    }

    @Test
    void shouldReRenderASqlCaseWrittenIntoTheRule() throws Exception {
        assertThat(run("VARCHAR", "amount", "CASE WHEN amount > 100 THEN 'big' ELSE 'small' END"))
                .containsExactly("big", "small");
    }

    @Test
    void shouldParseDatesWithAStrftimePatternAndSentinels() throws Exception {
        assertThat(run("DATE", "raw_date", "Parsed %d-%b-%y; sentinels ('Date Not Captured') → NULL"))
                .containsExactly((LocalDate.of(2006, 6, 2)), null);
    }

    @Test
    void shouldParseDatesWithAnExcelStylePattern() throws Exception {
        assertThat(run("DATE", "us_date", "Parse date format MM/DD/YYYY"))
                .containsExactly((LocalDate.of(2021, 3, 15)), (LocalDate.of(2020, 12, 1)));
    }

    @Test
    void shouldAddDaysToADate() throws Exception {
        assertThat(run("DATE", "order_date", "order_date + 30"))
                .containsExactly((LocalDate.of(2021, 3, 2)), (LocalDate.of(2021, 3, 3)));
    }

    @Test
    void shouldShiftADateByAParameterFromAReferenceTable() throws Exception {
        // Given a parameter named in years
        Specs spec = Specs.spec().reference("project_config", List.of("key", "value"), List.of(List.of("adaptation.shift_years", "10")));

        // When
        CompilationResult r = compile("DATE", "order_date", "order_date + adaptation.shift_years", null, spec);

        // Then
        assertThat(values(r)).containsExactly((LocalDate.of(2031, 1, 31)), (LocalDate.of(2031, 2, 1)));
    }

    @Test
    void shouldAddPrefixesAndTakeSubstrings() throws Exception {
        assertThat(run("VARCHAR", "code", "Prefix with 'SKU-'")).containsExactly("SKU-ABC-123", "SKU-XYZ-9");
        assertThat(run("VARCHAR", "code", "First 3 characters")).containsExactly("ABC", "XYZ");
    }

    @Test
    void shouldLookUpANamedReferenceTable() throws Exception {
        // Given
        Specs spec = Specs.spec().reference("cleaning.mode_map", List.of("key", "value"),
                List.of(List.of("Air", "AIR"), List.of("Truck", "TRUCK")));

        // When
        CompilationResult r = compile("VARCHAR", "mode", "Normalized via cleaning.mode_map", null, spec);

        // Then unmatched values stay NULL and the lookup is recorded for referential checks
        assertThat(values(r)).containsExactly("AIR", null);
        GeneratedLayers.Column out = r.layers().get(0).columns().get(1);
        assertThat(out.lookupTable()).isEqualTo("cleaning.mode_map");
        assertThat(out.acceptedValues()).containsExactly("AIR", "TRUCK");
        assertThat(r.layers().get(0).blocks()).extracting(GeneratedLayers.Block::name).contains("ctes", "joins");
    }

    @Test
    void shouldFlagARuleItCannotCompileInsteadOfGuessing() throws Exception {
        // Given
        CompilationResult r = compile("DECIMAL(12,2)", "amount",
                "Numeric values cast directly. Cross-references resolved by looking up row n's weight.", null, Specs.spec());

        // Then the column is a typed NULL with a TODO quoting the rule, a diagnostic, and counted
        GeneratedLayers.Column out = r.layers().get(0).columns().get(1);
        assertThat(out.status()).isEqualTo("flagged");
        assertThat(out.reason()).contains("looking up row n");
        assertThat(r.columnsNeedingAttention()).containsEntry("t", 1);
        assertThat(r.diagnostics()).anyMatch(d -> d.code().equals("rule_not_compiled") && d.ref().equals(out.mappingRef()));
        assertThat(r.layers().get(0).sql().get("duckdb")).contains("CAST(NULL AS DECIMAL(12, 2)) AS \"out\"")
                .contains("TODO \"Numeric values cast directly.");
        assertThat(values(r)).containsExactly(null, null);
    }

    @Test
    void shouldFlagSqlFunctionsThatAreNotPortable() {
        // When
        CompilationResult r = compile("VARCHAR", "code", "REGEXP_EXTRACT(code, '[0-9]+')", null, Specs.spec());

        // Then
        assertThat(r.layers().get(0).columns().get(1).status()).isEqualTo("flagged");
    }

    @Test
    void shouldCarryTheMappingRowOnEveryColumn() {
        // When
        CompilationResult r = compile("VARCHAR", "first_name", "Direct move", null, Specs.spec());

        // Then
        for (String sql : r.layers().get(0).sql().values()) {
            assertThat(sql).contains("-- @mapping[Mappings:2]").contains("-- @mapping[Mappings:3]");
        }
        assertThat(r.layers().get(0).columns()).extracting(GeneratedLayers.Column::sources)
                .containsExactly(List.of("src.id"), List.of("src.first_name"));
    }

    @Test
    void shouldReadTheNumberOfDaysBetweenTwoDatesAsADifferenceNotACount() throws Exception {
        // When the second date is named only in the text
        CompilationResult r = compile("INTEGER", "order_date", "Number of days between order_date and ship_date", null, Specs.spec());

        // Then
        assertThat(values(r)).containsExactly(5, null);
        assertThat(r.layers().get(0).sql().get("duckdb")).doesNotContain("COUNT(").doesNotContain("GROUP BY");
        assertThat(sqlOf("INTEGER", "order_date", "Number of days between order_date and ship_date").get("snowflake")).contains("DATEDIFF(day, TRY_CAST(CAST(src.order_date AS VARCHAR) AS DATE), TRY_CAST(CAST(src.ship_date AS VARCHAR) AS DATE))");
        assertThat(run("INTEGER", "order_date", "Days from order_date to ship_date")).containsExactly(5, null);
        assertThat(run("INTEGER", "order_date", "(ship_date - order_date) in days")).containsExactly(5, null);
    }

    @Test
    void shouldFlagDifferencesInUnitsOtherThanCalendarDays() {
        assertThat(flagReason("INTEGER", "order_date", "Number of business days between order_date and ship_date")).contains("calendar days");
        assertThat(flagReason("INTEGER", "order_date", "Number of weeks between order_date and ship_date")).contains("weeks");
        assertThat(flagReason("INTEGER", "order_date", "Number of days it took")).contains("date difference");
    }

    @Test
    void shouldTakeTheFirstCharactersWhenTheRuleStartsWithAVerb() throws Exception {
        assertThat(run("VARCHAR(3)", "code", "Take first 3 characters")).containsExactly("ABC", "XYZ");
        assertThat(run("VARCHAR(3)", "code", "Take the last 3 characters")).containsExactly("123", "Z-9");
        assertThat(run("VARCHAR(3)", "first_name", "First 3 characters of last_name")).containsExactly("Lee", "Ray");
        assertThat(run("VARCHAR(3)", "code", "First 3 characters of the string")).containsExactly("ABC", "XYZ");
    }

    @Test
    void shouldConvertEpochSecondsToATimestampInEveryDialect() throws Exception {
        // When
        Map<String, String> sql = sqlOf("TIMESTAMP", "epoch", "Convert epoch seconds to timestamp");

        // Then
        assertThat(run("TIMESTAMP", "epoch", "Convert epoch seconds to timestamp")).containsExactly(
                java.sql.Timestamp.valueOf("2023-11-14 22:13:20"), java.sql.Timestamp.valueOf("1970-01-01 00:00:00"));
        assertThat(sql.get("postgres")).contains("(TO_TIMESTAMP(").contains("AT TIME ZONE 'UTC')");
        assertThat(sql.get("spark")).contains("TIMESTAMP_SECONDS(TRY_CAST(`src`.`epoch` AS DOUBLE))");
        assertThat(sql.get("snowflake")).contains("TO_TIMESTAMP(TRY_CAST(CAST(src.epoch AS VARCHAR) AS FLOAT))");
        assertThat(sql.get("bigquery")).contains("TIMESTAMP_MICROS(CAST(SAFE_CAST(`src`.`epoch` AS FLOAT64) * 1000000 AS INT64))");
        assertThat(run("TIMESTAMP", "epoch", "Unix time in milliseconds to timestamp")).containsExactly(
                java.sql.Timestamp.valueOf("1970-01-20 16:13:20"), java.sql.Timestamp.valueOf("1970-01-01 00:00:00"));
    }

    @Test
    void shouldFlagAnEpochWithoutItsUnit() {
        assertThat(flagReason("TIMESTAMP", "epoch", "Convert epoch to timestamp")).contains("seconds or milliseconds");
    }

    @Test
    void shouldFormatADateAsTextWhenTheTargetIsText() throws Exception {
        // When
        Map<String, String> sql = sqlOf("VARCHAR(10)", "order_date", "Format as MM/DD/YYYY");

        // Then
        assertThat(run("VARCHAR(10)", "order_date", "Format as MM/DD/YYYY")).containsExactly("01/31/2021", "02/01/2021");
        assertThat(sql.get("duckdb")).contains("STRFTIME(TRY_CAST(\"src\".\"order_date\" AS DATE), '%m/%d/%Y')");
        assertThat(sql.get("postgres")).contains("TO_CHAR(").contains("'MM/DD/YYYY')");
        assertThat(sql.get("spark")).contains("DATE_FORMAT(TRY_CAST(`src`.`order_date` AS DATE), 'MM/dd/yyyy')");
        assertThat(sql.get("snowflake")).contains("TO_CHAR(TRY_CAST(CAST(src.order_date AS VARCHAR) AS DATE), 'MM/DD/YYYY')");
        assertThat(sql.get("bigquery")).contains("FORMAT_DATE('%m/%d/%Y', SAFE_CAST(`src`.`order_date` AS DATE))");
        assertThat(sqlOf("VARCHAR(19)", "us_date", "Convert from MM/DD/YYYY to YYYY-MM-DD HH24:MI:SS").get("bigquery"))
                .contains("FORMAT_TIMESTAMP('%Y-%m-%d %H:%M:%S', CAST(SAFE.PARSE_DATE('%m/%d/%Y', `src`.`us_date`) AS TIMESTAMP))");
    }

    @Test
    void shouldParseWithThePatternWhenTheTargetIsADateAndReformatWhenTwoPatternsAreGiven() throws Exception {
        assertThat(run("DATE", "us_date", "Format as MM/DD/YYYY")).containsExactly(LocalDate.of(2021, 3, 15), LocalDate.of(2020, 12, 1));
        assertThat(run("VARCHAR(10)", "us_date", "Convert from MM/DD/YYYY to YYYY/MM/DD")).containsExactly("2021/03/15", "2020/12/01");
        assertThat(run("DATE", "us_date", "Input format: MM/DD/YYYY")).containsExactly(LocalDate.of(2021, 3, 15), LocalDate.of(2020, 12, 1));
        assertThat(run("VARCHAR(19)", "order_date", "Format the date as YYYY-MM-DD HH24:MI:SS"))
                .containsExactly("2021-01-31 00:00:00", "2021-02-01 00:00:00");
    }

    @Test
    void shouldFlagADatePatternWhoseDirectionIsNotSaid() {
        assertThat(flagReason("VARCHAR(10)", "ymd", "Date format YYYYMMDD")).contains("source's format or the output's");
        assertThat(flagReason("VARCHAR(10)", "ymd", "Parse YYYYMMDD")).contains("no output format");
        assertThat(flagReason("DATE", "us_date", "Parse dates like MM/DD/YYYY and fix the century")).contains("fix the century");
    }

    @Test
    void shouldParseAPatternWithoutSeparators() throws Exception {
        // When
        Map<String, String> sql = sqlOf("DATE", "ymd", "Convert string YYYYMMDD to date");

        // Then
        assertThat(run("DATE", "ymd", "Convert string YYYYMMDD to date")).containsExactly(LocalDate.of(2024, 1, 31), null);
        assertThat(sql.get("spark")).contains("CAST(TRY_TO_TIMESTAMP(TRY_CAST(`src`.`ymd` AS STRING), 'yyyyMMdd') AS DATE)");
        assertThat(sql.get("snowflake")).contains("TRY_TO_DATE(").contains("'YYYYMMDD')");
    }

    @Test
    void shouldReadAValueGivenWhenTheSourceIsNullOrEmptyAsADefaultNotAsASentinel() throws Exception {
        assertThat(run("VARCHAR(10)", "note", "Populate with 'N/A' if note is null or empty")).containsExactly("ok", "N/A");
        assertThat(run("VARCHAR(10)", "amount", "Populate with 'N/A' if amount is null")).containsExactly("12345", "N/A");
        assertThat(sqlOf("VARCHAR(10)", "note", "Populate with 'N/A' if note is null or empty").get("duckdb"))
                .contains("COALESCE(NULLIF(TRIM(\"src\".\"note\"), ''), 'N/A')");
        assertThat(run("INTEGER", "amount", "Set to 0 if amount is null")).containsExactly(12345, 0);
        assertThat(run("VARCHAR(1)", "amount", "'Y' if amount is null else 'N'")).containsExactly("N", "Y");
    }

    @Test
    void shouldKeepTheSeparatorOfAConcatenationWrittenAsAnExpression() throws Exception {
        assertThat(run("VARCHAR", "first_name, last_name", "Concatenate first_name || ' ' || last_name"))
                .containsExactly("  ann  Lee", "Bob Ray");
    }

    @Test
    void shouldConvertBetweenUnitsOfOneKindAndRefuseTheRest() throws Exception {
        // a change of unit is a factor from units.txt, not a change of type
        assertThat(run("DECIMAL(12,2)", "amount", "Convert miles to km")).containsExactly(new BigDecimal("19867.35"), null);
        assertThat(run("DECIMAL(14,2)", "amount", "kilograms to grams")).containsExactly(new BigDecimal("12345000.00"), null);
        assertThat(run("DECIMAL(12,2)", "amount", "Convert from dollars to cents")).containsExactly(new BigDecimal("1234500.00"), null);
        assertThat(flagReason("DECIMAL(10,2)", "amount", "Convert dollars to euros")).contains("exchange rate");
        assertThat(flagReason("DECIMAL(10,2)", "amount", "Convert miles to kg")).contains("different kinds");
    }

    @Test
    void shouldMapValuesWithAnElseBranch() throws Exception {
        assertThat(run("VARCHAR", "gender", "Map: F->Female, X->Other, else Unknown")).containsExactly("Female", "Unknown");
        assertThat(run("VARCHAR", "gender", "F=Female, otherwise keep")).containsExactly("Female", "M");
        assertThat(flagReason("VARCHAR", "gender", "F=Female, otherwise leave it alone")).contains("else");
        assertThat(flagReason("VARCHAR", "gender", "F=Female, else trim")).contains("else");
    }

    @Test
    void shouldPadToALengthInEveryDialect() throws Exception {
        // When
        Map<String, String> sql = sqlOf("VARCHAR(10)", "code", "Left pad with zeros to 10 characters");

        // Then
        assertThat(run("VARCHAR(10)", "code", "Left pad with zeros to 10 characters")).containsExactly("000ABC-123", "00000XYZ-9");
        assertThat(sql.values()).allMatch(q -> q.contains("LPAD(") && q.contains(", 10, '0')"));
        assertThat(flagReason("VARCHAR(10)", "code", "Pad to 10 characters")).contains("padding character");
    }

    @Test
    void shouldStampTheLoadDateAndTime() throws Exception {
        // When
        Map<String, String> date = sqlOf("DATE", null, "Load date = current date");
        Map<String, String> timestamp = sqlOf("TIMESTAMP", null, "System timestamp at load");

        // Then
        assertThat(run("DATE", null, "Load date = current date")).hasSize(2).allMatch(v -> v instanceof LocalDate);
        assertThat(run("TIMESTAMP", null, "System timestamp at load")).hasSize(2).allMatch(v -> v instanceof java.sql.Timestamp);
        assertThat(date.values()).allMatch(q -> q.contains("CURRENT_DATE AS"));
        assertThat(timestamp.get("postgres")).contains("LOCALTIMESTAMP AS");
        assertThat(timestamp.get("bigquery")).contains("CURRENT_TIMESTAMP() AS");
        assertThat(timestamp.get("snowflake")).contains("CURRENT_TIMESTAMP AS");
    }

    @Test
    void shouldTrimReplaceAndRemoveCharacters() throws Exception {
        // When
        Map<String, String> sql = sqlOf("VARCHAR", "epoch", "Trim leading zeros");

        // Then
        assertThat(run("VARCHAR", "epoch", "Trim leading zeros")).containsExactly("1700000000", "");
        assertThat(sql.get("duckdb")).contains("LTRIM(\"src\".\"epoch\", '0')");
        assertThat(sql.get("spark")).contains("TRIM(LEADING '0' FROM `src`.`epoch`)");
        assertThat(run("VARCHAR", "code", "Replace '-' with ''")).containsExactly("ABC123", "XYZ9");
        assertThat(run("VARCHAR", "first_name", "Remove all spaces")).containsExactly("ann", "Bob");
        assertThat(run("VARCHAR", "code", "Remove hyphens")).containsExactly("ABC123", "XYZ9");
    }

    @Test
    void shouldExtractDatePartsFromText() throws Exception {
        assertThat(run("INTEGER", "order_date", "Extract year from order_date")).containsExactly(2021, 2021);
        assertThat(run("INTEGER", "order_date", "Month of order_date")).containsExactly(1, 2);
    }

    @Test
    void shouldChooseBetweenTwoValuesWrittenBeforeTheirCondition() throws Exception {
        assertThat(run("VARCHAR(1)", "amount", "Set to 'Y' if amount > 1000 else 'N'")).containsExactly("Y", "N");
        assertThat(run("VARCHAR(1)", "amount", "Set to Y if amount > 1000 else N")).containsExactly("Y", "N");
        assertThat(run("VARCHAR(4)", "amount", "Derived: 'High' when amount >= 100, 'Low' otherwise")).containsExactly("High", "Low");
        assertThat(run("VARCHAR", "status", "Set to null if status = 'A'")).containsExactly(null, "N/A - From RDC");
        assertThat(run("BOOLEAN", "status", "Set to true if status = 'A' else false")).containsExactly(true, false);
    }

    @Test
    void shouldScaleNumbers() throws Exception {
        assertThat(run("DECIMAL(12,2)", "amount", "Multiply by 1.2")).containsExactly(new BigDecimal("14814.00"), null);
        assertThat(run("DECIMAL(12,2)", "amount", "Convert from cents to dollars")).containsExactly(new BigDecimal("123.45"), null);
        assertThat(flagReason("DECIMAL(12,2)", "amount", "Divide by 0")).contains("zero");
    }

    @Test
    void shouldHashAndMeasureText() throws Exception {
        // When
        Map<String, String> sql = sqlOf("VARCHAR(32)", "code", "MD5 hash of code");

        // Then
        assertThat(run("VARCHAR(32)", "code", "MD5 hash of code")).containsExactly(md5("ABC-123"), md5("XYZ-9"));
        assertThat(sql.get("bigquery")).contains("TO_HEX(MD5(`src`.`code`))");
        assertThat(sql.get("postgres")).contains("MD5(\"src\".\"code\")");
        assertThat(run("DECIMAL(12,2)", "amount", "Absolute value of amount")).containsExactly(new BigDecimal("12345.00"), null);
        assertThat(run("INTEGER", "code", "Length of code")).containsExactly(7, 5);
        assertThat(flagReason("VARCHAR", "code", "Hash of code")).contains("not understood");
    }

    @Test
    void shouldShiftDatesAndFindTheEndOfTheMonth() throws Exception {
        // When
        Map<String, String> sql = sqlOf("DATE", "order_date", "Last day of the month of order_date");

        // Then
        assertThat(run("DATE", "order_date", "order_date + 30 days")).containsExactly(LocalDate.of(2021, 3, 2), LocalDate.of(2021, 3, 3));
        assertThat(run("DATE", "order_date", "Add 2 weeks to order_date")).containsExactly(LocalDate.of(2021, 2, 14), LocalDate.of(2021, 2, 15));
        assertThat(run("DATE", "order_date", "Last day of the month of order_date")).containsExactly(LocalDate.of(2021, 1, 31), LocalDate.of(2021, 2, 28));
        assertThat(sql.get("postgres")).contains("DATE_TRUNC('month', ").contains("INTERVAL '1 month' - INTERVAL '1 day'");
        assertThat(sql.get("spark")).contains("LAST_DAY(TRY_CAST(`src`.`order_date` AS DATE))");
    }

    @Test
    void shouldPassAColumnThroughButNotARenameThatAsksForMore() throws Exception {
        assertThat(run("VARCHAR", "code", "Pass through as is")).containsExactly("ABC-123", "XYZ-9");
        assertThat(flagReason("VARCHAR", "code", "Renamed and trimmed")).isNotBlank();
        // a copy followed by an operation the grammar knows composes them
        assertThat(run("VARCHAR", "first_name", "Copied from source and trimmed")).containsExactly("ann", "Bob");
        // a value and a date shift compose: order_date + 30 days
        assertThat(flagReason("DATE", "order_date", "Populated from order_date plus thirty days")).isNotBlank();
    }

    @Test
    void shouldAggregateOnlyWhenTheRuleAsksForAnAggregateOf() throws Exception {
        // When
        CompilationResult labelled = compile("DECIMAL(12,2)", "amount", "Total = amount / 100", null, Specs.spec());

        // Then a word like total that names the value neither sums nor groups
        assertThat(values(labelled)).containsExactly(new BigDecimal("123.45"), null);
        assertThat(labelled.layers().get(0).sql().get("duckdb")).doesNotContain("GROUP BY");
        assertThat(flagReason("VARCHAR", "status", "Latest status")).contains("not understood");
        assertThat(flagReason("DECIMAL(12,2)", "amount", "Max of amount and 0")).contains("GREATEST");
    }

    @Test
    void shouldReadABareWordAfterSetToAsAColumnWhenItIsOne() throws Exception {
        assertThat(run("VARCHAR", "status", "Set to status")).containsExactly("A", "N/A - From RDC");
        assertThat(run("VARCHAR", "status", "Set to Closed")).containsExactly("Closed", "Closed");
        assertThat(flagReason("VARCHAR", "status", "Set to Active")).contains("column active or a code");
    }

    @Test
    void shouldFlagSentinelsFollowedByAnotherInstruction() {
        assertThat(flagReason("VARCHAR", "status", "'-' to null, 'A' to 'Active'")).contains("not understood");
    }

    @Test
    void shouldReadSqlFunctionsAnalystsWriteFromOtherDialects() throws Exception {
        assertThat(run("INTEGER", "order_date", "YEAR(order_date)")).containsExactly(2021, 2021);
        assertThat(run("INTEGER", "code", "LEN(code)")).containsExactly(7, 5);
        assertThat(run("VARCHAR(32)", "code", "MD5(code)")).containsExactly(md5("ABC-123"), md5("XYZ-9"));
        assertThat(run("DATE", "order_date", "LAST_DAY(order_date)")).containsExactly(LocalDate.of(2021, 1, 31), LocalDate.of(2021, 2, 28));
        assertThat(run("TIMESTAMP", null, "CURRENT_TIMESTAMP")).hasSize(2).allMatch(v -> v instanceof java.sql.Timestamp);
        assertThat(run("VARCHAR", "first_name, last_name", "last_name + ', ' + first_name")).containsExactly("Lee,   ann ", "Ray, Bob");
    }

    @Test
    void shouldApplyADefaultOnlyForMissingValues() throws Exception {
        assertThat(run("VARCHAR(10)", "note", "Default 'N/A' if note is null or blank")).containsExactly("ok", "N/A");
        assertThat(flagReason("VARCHAR(10)", "amount", "Default 'N/A' when amount > 5")).contains("not understood");
    }

    @Test
    void shouldTruncateAndPadWithOtherWordings() throws Exception {
        assertThat(run("VARCHAR(3)", "code", "Truncate to 3 characters")).containsExactly("ABC", "XYZ");
        assertThat(run("VARCHAR(8)", "code", "Pad with leading zeros to 8 digits")).containsExactly("0ABC-123", "000XYZ-9");
    }

    private static String md5(String text) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("MD5").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(digest);
    }

    static List<String> list(String... s) {
        return Arrays.asList(s);
    }
}
