package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule language on wording written for these tests (not taken from the phrasebooks): each phrase compiles to the
 * value it says, run in DuckDB, or is flagged with the words it could not place.
 */
class RuleLanguageTest {
    private static final String[] HEADER = {"id", "member_id", "code", "status", "amount", "visit_date", "customer",
            "created_at", "kind"};
    private static final String[][] ROWS = {
            {"1", "M001", "AB-1", "A", "250", "2024-03-01", "c1", "2024-01-02", "Outpatient"},
            {"2", "M002", "CD-2", "B", null, "2024-03-05", "c1", "2024-01-01", "Inpatient"},
            {"3", "X003", "EF-3X", null, "90", "2024-04-10", "c2", "2024-01-03", null}};
    private static final String[] CODES_HEADER = {"code_id", "source_code", "vocabulary", "concept"};
    private static final String[][] CODES = {
            {"1", "A", "STATUS", "1001"},
            {"2", "B", "STATUS", "1002"},
            {"3", "A", "OTHER", "9999"}};

    private final SemanticLayerCompiler compiler = new SemanticLayerCompiler();

    private GeneratedLayers.Layer compile(String type, String source, String rule) {
        Specs spec = Specs.spec()
                .row("t", "id", "INTEGER", "src", "id", "Direct move", null, null, true, false, null)
                .row("t", "out", type, "src", source, rule, null, null, false, true, null);
        SchemaCatalog catalog = new SchemaCatalog(List.of(Specs.table("src", HEADER)));
        return compiler.compile(spec.build(), new CompileOptions(List.of("duckdb", "postgres", "spark", "snowflake",
                "bigquery", "ansi"), List.of(), catalog), null).layers().get(0);
    }

    private List<Object> values(String type, String source, String rule) throws Exception {
        GeneratedLayers.Layer layer = compile(type, source, rule);
        assertThat(layer.columns().get(1).status()).as("%s: %s", rule, layer.columns().get(1).reason())
                .isEqualTo("compiled");
        try (DuckDb db = new DuckDb()) {
            db.table("src", table(HEADER, ROWS));
            db.table("codes", table(CODES_HEADER, CODES));
            List<Object> out = new ArrayList<>();
            for (Map<String, Object> row : db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY id")) {
                Object v = row.get("out");
                out.add(v instanceof Timestamp ts ? ts.toLocalDateTime().toString() : v);
            }
            return out;
        }
    }

    private String flagged(String type, String source, String rule) {
        GeneratedLayers.Column out = compile(type, source, rule).columns().get(1);
        assertThat(out.status()).as("status of %s", rule).isEqualTo("flagged");
        return out.reason();
    }

    private static String[][] table(String[] header, String[][] rows) {
        String[][] all = new String[rows.length + 1][];
        all[0] = header;
        System.arraycopy(rows, 0, all, 1, rows.length);
        return all;
    }

    @Test
    void shouldGiveAConstantWhateverTheWordsAndTheLabelAroundIt() throws Exception {
        // Given phrasings of a constant, with comments after the code
        List<String> rules = List.of("Set 44 for all records", "44", "Always set to 44", "44 (Standard algorithm)",
                "Hard-coded 44 - 'Standard algorithm'", "**44**", "Populate with `44` for every row.",
                "44 - Standard algorithm");

        // When / Then
        for (String rule : rules) {
            assertThat(values("INTEGER", "status", rule)).as(rule).containsExactly(44, 44, 44);
        }
    }

    @Test
    void shouldGiveNullOrAnEmptyTextOnPurpose() throws Exception {
        assertThat(values("VARCHAR", "status", "Set NULL for all")).containsExactly(null, null, null);
        assertThat(values("VARCHAR", "status", "null")).containsExactly(null, null, null);
        assertThat(values("VARCHAR", "status", "An empty string")).containsExactly("", "", "");
    }

    @Test
    void shouldCopyTheNamedOrTheRowsOwnColumn() throws Exception {
        assertThat(values("VARCHAR", "code", "Copied as it is")).containsExactly("AB-1", "CD-2", "EF-3X");
        assertThat(values("VARCHAR", "code", "copied over from `status`")).containsExactly("A", "B", null);
        assertThat(values("VARCHAR", null, "src.customer")).containsExactly("c1", "c1", "c2");
        assertThat(values("VARCHAR", "kind", "Take `kind` as is")).containsExactly("Outpatient", "Inpatient", null);
    }

    @Test
    void shouldComposeOperationsInTheOrderWritten() throws Exception {
        assertThat(values("VARCHAR", "member_id", "Remove 'M' prefix")).containsExactly("001", "002", "X003");
        assertThat(values("INTEGER", "member_id", "Strip the leading \"M\" and convert to integer"))
                .containsExactly(1, 2, null);
        assertThat(values("VARCHAR", "code", "remove trailing 'X'")).containsExactly("AB-1", "CD-2", "EF-3");
        assertThat(values("VARCHAR", "code", "Copy `code`, then lower case")).containsExactly("ab-1", "cd-2", "ef-3x");
        assertThat(values("VARCHAR", "status", "add 'S-' as prefix")).containsExactly("S-A", "S-B", null);
        assertThat(values("TIMESTAMP", "visit_date", "Derived from `visit_date` with time 00:00:00"))
                .containsExactly("2024-03-01T00:00", "2024-03-05T00:00", "2024-04-10T00:00");
    }

    @Test
    void shouldBuildATextFromTheColumnsNamedInsideIt() throws Exception {
        assertThat(values("VARCHAR", "customer", "String built as \"C=`customer`;S=`status`\""))
                .containsExactly("C=c1;S=A", "C=c1;S=B", null);
    }

    @Test
    void shouldNumberRowsAsAGeneratedKey() throws Exception {
        assertThat(values("BIGINT", null, "Auto-increment")).hasSize(3).doesNotHaveDuplicates().doesNotContainNull();
        assertThat(values("BIGINT", null, "System-generated surrogate key")).hasSize(3).doesNotHaveDuplicates();
        assertThat(values("BIGINT", "customer", "sequence number per `customer` ordered by `created_at`"))
                .containsExactly(2L, 1L, 1L);
        assertThat(values("BIGINT", "customer", "Incremental integer. Unique value per combination of `customer`"))
                .containsExactly(1L, 1L, 2L);
    }

    @Test
    void shouldReadConditionsWithAnyNumberOfBranches() throws Exception {
        assertThat(values("INTEGER", "status", "When status = 'A' then set as 1, when status equals 'B' then 2, otherwise 0"))
                .containsExactly(1, 2, 0);
        assertThat(values("INTEGER", "amount", "IF `amount` is not null then `amount` ELSE 0")).containsExactly(250, 0, 90);
        assertThat(values("VARCHAR", "kind", "`kind` equals \"Outpatient\" then 'O' else 'I'")).containsExactly("O", "I", "I");
        assertThat(values("VARCHAR", "status", "'yes' if status is one of ('A', 'B') else 'no'"))
                .containsExactly("yes", "yes", "no");
        assertThat(values("VARCHAR", "code", "If code starts with 'AB' then 'first' else 'other'"))
                .containsExactly("first", "other", "other");
        assertThat(values("INTEGER", "amount", "If value > 200, set to 200")).containsExactly(200, null, 90);
        assertThat(values("INTEGER", "status", "0 if status is empty else 1")).containsExactly(1, 1, 0);
    }

    @Test
    void shouldMapListedValuesAndLeaveOthersEmpty() throws Exception {
        assertThat(values("INTEGER", "status", "Map:<br> A = 10<br>B = 20")).containsExactly(10, 20, null);
        assertThat(values("INTEGER", "kind", "Outpatient: **1** (day case)  Inpatient or Emergency: **2** (stay)"))
                .containsExactly(1, 2, null);
        assertThat(values("INTEGER", "status", "Decode as follows: 'A' -> 1; 'B' -> 2; else 0")).containsExactly(1, 2, 0);
        assertThat(values("INTEGER", null, "if status then out<br>A then 7<br>B then 8")).containsExactly(7, 8, null);
        assertThat(flagged("INTEGER", "status", "Map to standard concepts using the vocabulary where id = 'X'"))
                .contains("not understood");
    }

    @Test
    void shouldReadAConstantScopedToTheRowsOwnTable() throws Exception {
        assertThat(values("INTEGER", "status", "All records within the t table should have a out = 32875 (financial)"))
                .containsExactly(32875, 32875, 32875);
        assertThat(values("INTEGER", "status", "Coming from the src table set to 5")).containsExactly(5, 5, 5);
        assertThat(flagged("INTEGER", "status", "Coming from the other table set to 5")).isNotBlank();
    }

    @Test
    void shouldReadALookupInANamedTable() throws Exception {
        assertThat(values("INTEGER", "status", "`concept` from codes table where `source_code` equals `status` and "
                + "`vocabulary` equals \"STATUS\"")).containsExactly(1001, 1002, null);
        assertThat(values("INTEGER", "status", "Look up concept in codes where source_code = status and vocabulary = "
                + "'STATUS'; else 0")).containsExactly(1001, 1002, 0);
        assertThat(values("INTEGER", "status", "QUERY: SELECT concept FROM codes WHERE source_code = status AND "
                + "vocabulary IN ('STATUS').")).containsExactly(1001, 1002, null);
    }

    @Test
    void shouldReadSqlOnTheRowsOwnTable() throws Exception {
        assertThat(values("VARCHAR", "code", "SELECT code FROM src.")).containsExactly("AB-1", "CD-2", "EF-3X");
        assertThat(values("VARCHAR", "code", "SELECT UPPER(customer)")).containsExactly("C1", "C1", "C2");
    }

    @Test
    void shouldReadALookupsDefaultAndItsTablesColumnsWrittenWithTheTable() throws Exception {
        // Given lookups whose value when nothing matches is said after them, in several wordings
        List<String> rules = List.of(
                "`concept` from codes table where `source_code` equals `status` and `vocabulary` equals \"STATUS\".<br>0 if"
                        + " the concept is not found.",
                "Look up concept in codes where codes.source_code = status and codes.vocabulary = 'STATUS'. If no match,"
                        + " then 0",
                "concept from codes table where source_code = status and vocabulary = 'STATUS', default 0");

        // When / Then
        for (String rule : rules) {
            assertThat(values("INTEGER", "status", rule)).as(rule).containsExactly(1001, 1002, 0);
        }
        assertThat(flagged("INTEGER", "status", "concept from codes table where source_code = status, 0 if the moon is full"))
                .isNotBlank();
    }

    @Test
    void shouldCompareOneColumnWithSeveralValuesWrittenWithOr() throws Exception {
        assertThat(values("VARCHAR", "status", "If `status` equals \"A\" or \"B\" then 'known' otherwise is 'other'"))
                .containsExactly("known", "known", "other");
        assertThat(values("VARCHAR", "kind", "When kind is 'Outpatient', 'Day case' or 'Inpatient' then 'visit' else 'none'"))
                .containsExactly("visit", "visit", "none");
        assertThat(values("INTEGER", "status", "If status is not A or B then 0 else 1")).containsExactly(1, 1, 1);
        assertThat(values("VARCHAR", "code", "If code starts with 'AB' or 'EF' then 'x' else 'y'"))
                .containsExactly("x", "y", "x");
        // a value map stays a value map: "= 'A', 1" lists no values
        assertThat(values("INTEGER", "status", "When status = 'A', 1, when status = 'B', 2, else 0"))
                .containsExactly(1, 2, 0);
        // two comparisons stay two comparisons
        assertThat(values("INTEGER", "status", "If status = 'A' or kind = 'Inpatient' then 1 else 0"))
                .containsExactly(1, 1, 0);
    }

    @Test
    void shouldAdjustTheResultOfTheSentenceBefore() throws Exception {
        assertThat(values("INTEGER", "amount", "amount - 100. If value >= 0 then add 1.")).containsExactly(151, null, -10);
        assertThat(values("INTEGER", "amount", "amount - 100; if the result is negative, set to 0"))
                .containsExactly(150, null, 0);
        assertThat(values("INTEGER", "amount", "Copy amount. If greater than 200 then 200")).containsExactly(200, null, 90);
        assertThat(flagged("INTEGER", "amount", "amount - 100. If the moon is full then add 1")).isNotBlank();
    }

    @Test
    void shouldNumberTheRowsOfTheOwnTableWhateverItIsCalled() throws Exception {
        for (String rule : List.of("Incremental integer. Unique value per each row src.", "Generated for each src record",
                "Incremental integer. Unique value per each row in src.")) {
            assertThat(values("BIGINT", null, rule)).as(rule).hasSize(3).doesNotHaveDuplicates();
        }
        assertThat(flagged("BIGINT", null, "Generated for each customer record")).contains("record");
    }

    @Test
    void shouldReadTruthValuesSignsDefaultsAndDatePartsInEverydayWords() throws Exception {
        assertThat(values("BOOLEAN", "amount", "True if amount is negative")).containsExactly(false, false, false);
        assertThat(values("BOOLEAN", "amount", "TRUE when amount is positive")).containsExactly(true, false, true);
        assertThat(values("INTEGER", "amount", "If amount is null, default to 0")).containsExactly(250, 0, 90);
        assertThat(values("VARCHAR", "code", "First letter of code")).containsExactly("A", "C", "E");
        assertThat(values("VARCHAR", "code", "the last character of code")).containsExactly("1", "2", "X");
        assertThat(values("DATE", "created_at", "Date part of created_at").stream().map(String::valueOf).toList())
                .containsExactly("2024-01-02", "2024-01-01", "2024-01-03");
        assertThat(values("INTEGER", "visit_date", "YYYYMM of visit_date")).containsExactly(202403, 202403, 202404);
        assertThat(values("VARCHAR", "visit_date", "Format visit_date as YYYY-MM")).containsExactly("2024-03", "2024-03", "2024-04");
    }

    @Test
    void shouldFlagWithTheWordsItCouldNotPlace() throws Exception {
        assertThat(flagged("INTEGER", "status", "Set 0 for all documented label records")).contains("documented label");
        assertThat(flagged("INTEGER", "status", "Lookup the concept based on the status"))
                .contains("does not name the table");
        assertThat(flagged("INTEGER", "status", "`concept` from codes table where `source_code` equals `no_such`"))
                .contains("unknown column no_such");
        assertThat(flagged("INTEGER", "status", "If status = 'A' then 1, if amount > 5 then 2"))
                .contains("no condition holds");
        assertThat(flagged("BIGINT", null, "Generated key per each row measurement")).contains("not understood");
        // a code and its label, but not a number minus a column
        assertThat(values("INTEGER", "amount", "1000 - amount")).containsExactly(750, null, 910);
        assertThat(flagged("TIMESTAMP", "visit_date", "Calculated from `visit_date` with time 08:30")).isNotBlank();
    }

    @Test
    void shouldRenderTheNewNodesInEveryDialect() {
        // When
        Map<String, String> sql = compile("INTEGER", "status", "`concept` from codes table where `source_code` equals `status`").sql();
        Map<String, String> key = compile("BIGINT", "customer", "sequence number per customer ordered by created_at").sql();

        // Then
        assertThat(sql).hasSize(6).allSatisfy((d, s) -> assertThat(s).contains("FROM").containsIgnoringCase("codes"));
        assertThat(Arrays.asList(sql.get("bigquery"), sql.get("spark"))).allSatisfy(s -> assertThat(s).contains("`lk`"));
        assertThat(key).hasSize(6).allSatisfy((d, s) -> assertThat(s.replaceAll("\\s+", " ").replace("( ", "("))
                .contains("ROW_NUMBER() OVER (PARTITION BY").doesNotContain("CAST(ROW_NUMBER"));
    }
}
