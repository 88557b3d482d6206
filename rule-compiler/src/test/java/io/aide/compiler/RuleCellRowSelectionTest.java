package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which rows a target holds, said inside a column's rule cell beside the value ("Trim and upper-case. Keep only the row
 * with the latest last_modified per account_id. Exclude test accounts ..."), as three fresh documents (airline, pharmacy,
 * SaaS) wrote it; such a sentence read as part of the value made every column of the target wrong without a word.
 * Also: cleaning words around a compared column, lookups written as clauses in any order, a date layout said twice.
 * Each runs in DuckDB.
 */
class RuleCellRowSelectionTest {
    private static final String[] ACCOUNTS = {"acct_id", "acct_name", "last_modified", "status_cd", "qty"};
    private static final String[][] ACCOUNT_ROWS = {
            {" a1", "Acme", "2024-01-01 10:00:00", "A", "2"},
            {"A1 ", "Acme Ltd", "2024-03-01 09:00:00", "a", "0"},
            {"b2", "  test account", "2024-02-01 00:00:00", "A ", "1"},
            {"C3", "Corp", null, "TRIAL", "5"}};

    private static GeneratedLayers.Layer layer(String rule, String otherRule) {
        Specs spec = Specs.spec()
                .row("dim", "account_id", "VARCHAR(10)", "accounts", "acct_id", rule, null, null, true, false, null)
                .row("dim", "account_name", "VARCHAR(40)", "accounts", "acct_name", otherRule);
        SchemaCatalog catalog = new SchemaCatalog(List.of(Specs.table("accounts", ACCOUNTS)));
        return new SemanticLayerCompiler().compile(spec.build(), new CompileOptions(List.of("duckdb"), List.of(), catalog), null)
                .layers().get(0);
    }

    private static List<String> rows(GeneratedLayers.Layer layer) throws Exception {
        String[][] all = new String[ACCOUNT_ROWS.length + 1][];
        all[0] = ACCOUNTS;
        System.arraycopy(ACCOUNT_ROWS, 0, all, 1, ACCOUNT_ROWS.length);
        try (DuckDb db = new DuckDb().table("accounts", all)) {
            return db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY 1").stream()
                    .map((Map<String, Object> r) -> r.get("account_id") + "|" + r.get("account_name")).toList();
        }
    }

    @Test
    void shouldTakeTheSentencesThatChooseRowsOutOfTheRuleAndApplyThem() throws Exception {
        // Given the key's rule that also dedupes and excludes, in the words of a hand-off document
        GeneratedLayers.Layer layer = layer("Trim and upper-case. The CRM export can contain the same account more than once"
                + " – keep only the row with the latest last_modified (text, format YYYY-MM-DD HH:MM:SS) per account_id."
                + " Exclude test accounts, i.e. any row whose acct_name (trimmed) begins with TEST in any case.", "Trim");

        // Then the value is the cleaning alone; the latest row of A1 is kept (by the cleaned id), the test account goes
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        assertThat(rows(layer)).containsExactly("A1|Acme Ltd", "C3|Corp");
    }

    @Test
    void shouldReadExclusionsSaidInTheRuleInSeveralWordings() throws Exception {
        assertThat(rows(layer("Trim, upper case. Do not load trial accounts (status_cd = TRIAL, any case); every other status"
                + " is loaded.", "Trim"))).containsExactly("A1|Acme", "A1|Acme Ltd", "B2|test account");
        assertThat(rows(layer("Trim + upper. Lines with qty = 0 are voided in billing and must not be loaded.", "Trim")))
                .containsExactly("A1|Acme", "B2|test account", "C3|Corp");
    }

    @Test
    void shouldFlagEveryColumnWhenARowChoosingSentenceIsNotUnderstood() {
        GeneratedLayers.Layer layer = layer("Trim/upper, then A = Active. Rows with any other status are filtered out of this"
                + " table before loading.", "Trim");

        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("flagged");
        assertThat(layer.columns().get(1).reason()).contains("filter is not applied").contains("filtered out");
    }

    @Test
    void shouldLeaveASentenceThatOnlyRefersToASelectionInTheRule() {
        GeneratedLayers.Layer layer = layer("Trim. Assign it after the test-account filter and the dedupe described below.",
                "Trim");

        // the rule keeps its sentence (and is flagged for it); the other column's rows are untouched
        assertThat(layer.columns().get(0).status()).isEqualTo("flagged");
        assertThat(layer.columns().get(1).status()).isEqualTo("compiled");
    }

    private static final RuleTable CODES = new RuleTable("src", "id", new String[]{"id", "status_cd", "acct_name", "fill_dt"},
            new String[]{"1", " A", "  test one", "01/03/2025"}, new String[]{"2", "a", "Acme", "12/31/2024"},
            new String[]{"3", "B", "TESTER", null});

    @Test
    void shouldCleanAComparedColumnAsTheWordsAroundItSay() throws Exception {
        CODES.expect("BOOLEAN", "status_cd", List.of("True when the trimmed status code is 'A', otherwise false.",
                "True when trimmed STATUS_CD is 'A', otherwise false."), "true", "false", "false");
        CODES.expect("BOOLEAN", "status_cd", List.of("True when the status_cd (trimmed, upper-cased) is 'A', otherwise false."),
                "true", "true", "false");
        CODES.expect("INTEGER", "acct_name", List.of("If acct_name (trimmed) begins with TEST in any case then 1 else 0"),
                "1", "0", "1");
        // "(either case)" was read as a remark and dropped: the comparison was case-sensitive
        CODES.expect("BOOLEAN", "status_cd", List.of("True when status_cd is A (either case, after trim), otherwise false.",
                "True when status_cd is 'A' (after trimming, in either case), otherwise false."), "true", "true", "false");
    }

    @Test
    void shouldFlagAColumnNamedAfterAnOperationTheRuleDoesNotSpell() {
        for (String rule : List.of("If the hashed status code is 'A' then 1 else 0", "the padded status code")) {
            assertThat(CODES.compile("INTEGER", "status_cd", rule).columns().get(1).status()).as(rule).isEqualTo("flagged");
        }
    }

    @Test
    void shouldWriteADateLayoutSaidTwiceOnce() throws Exception {
        // Given a month key from another target column, its layout said again after it ("as a six-digit number YYYYMM")
        Specs spec = Specs.spec()
                .row("fact", "id", "INTEGER", "src", "id", "Direct move", null, null, true, false, null)
                .row("fact", "fill_date", "DATE", "src", "fill_dt", "Convert text to date; source format is MM/DD/YYYY.")
                .row("fact", "fill_month", "INTEGER", "src", "fill_dt",
                        "Year and month of fill_date as a six-digit number YYYYMM (01/03/2025 -> 202501).");
        GeneratedLayers.Layer layer = new SemanticLayerCompiler().compile(spec.build(), new CompileOptions(List.of("duckdb"),
                List.of(), new SchemaCatalog(List.of(Specs.table("src", "id", "status_cd", "acct_name", "fill_dt")))), null)
                .layers().get(0);

        // Then it runs (a key read back as a date failed the whole view) and gives the month
        try (DuckDb db = new DuckDb().table("src", new String[][]{{"id", "status_cd", "acct_name", "fill_dt"},
                {"1", "A", "x", "01/03/2025"}, {"2", "B", "y", "12/31/2024"}, {"3", "C", "z", null}})) {
            assertThat(db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY 1").stream()
                    .map(r -> String.valueOf(r.get("fill_month"))).toList()).containsExactly("202501", "202412", "null");
        }
    }

    private static final String[] ORDERS = {"order_id", "supplier_code"};
    private static final String[] SUPPLIERS = {"supplier_code", "supplier_key", "supplier_name"};

    private static List<String> lookedUp(String rule) throws Exception {
        Specs spec = Specs.spec()
                .row("fact", "order_id", "INTEGER", "orders", "order_id", "Direct move", null, null, true, false, null)
                .row("fact", "supplier_key", "INTEGER", "orders", "supplier_code", rule);
        SchemaCatalog catalog = new SchemaCatalog(List.of(Specs.table("orders", ORDERS), Specs.table("dim_supplier", SUPPLIERS)));
        GeneratedLayers.Layer layer = new SemanticLayerCompiler().compile(spec.build(), new CompileOptions(List.of("duckdb"),
                List.of(), catalog), null).layers().get(0);
        assertThat(layer.columns().get(1).status()).as("%s: %s", rule, layer.columns().get(1).reason()).isEqualTo("compiled");
        try (DuckDb db = new DuckDb()
                .table("orders", new String[][]{ORDERS, {"1", "S1"}, {"2", "S9"}, {"3", "S2"}})
                .table("dim_supplier", new String[][]{SUPPLIERS, {"S1", "10", "One"}, {"S2", "20", "Two"}})) {
            return db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY 1").stream()
                    .map(r -> String.valueOf(r.get("supplier_key"))).toList();
        }
    }

    @Test
    void shouldReadALookupsClausesInTheOrderTheyAreWritten() throws Exception {
        for (String rule : List.of("Look up dim_supplier on supplier_code = orders.supplier_code and bring back supplier_key; -1"
                        + " when not found",
                "Look up the supplier_key in dim_supplier for the order's supplier_code; -1 when not found",
                "Join to dim_supplier on supplier_code and take supplier_key; unmatched rows get -1",
                "Get supplier_key from dim_supplier where dim_supplier.supplier_code = orders.supplier_code, default -1")) {
            assertThat(lookedUp(rule)).as(rule).containsExactly("10", "-1", "20");
        }
    }
}
