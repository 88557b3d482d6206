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
 * Dates, defaults, values that mean NULL, remarks and parallel-list value maps of the rule language, on wording
 * written for these tests: each phrase -> the values it gives in DuckDB, or the flag it must raise.
 */
class DatesAndNullsTest {
    private static final String[] HEADER = {"id", "raw_date", "iso_date", "birth_date", "start_date", "end_date", "status",
            "epoch_s", "yes_no"};
    private static final String[][] ROWS = {
            {"1", "03/04/2024", "2024-04-03", "1990-06-15", "2024-01-01", "2024-01-31", "A", "1700000000", "Yes"},
            {"2", "31/12/2023", "2023-12-31", "2000-01-01", "2024-02-28", "2024-03-01", " ", "0", "No"},
            {"3", "n/a", "2024-02-29", "1985-02-28", "2023-12-31", "2024-12-31", null, null, null}};

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
        String[][] all = new String[ROWS.length + 1][];
        all[0] = HEADER;
        System.arraycopy(ROWS, 0, all, 1, ROWS.length);
        try (DuckDb db = new DuckDb()) {
            db.table("src", all);
            List<Object> out = new ArrayList<>();
            for (Map<String, Object> row : db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY id")) {
                Object v = row.get("out");
                out.add(v instanceof Timestamp ts ? ts.toLocalDateTime().toString() : v == null ? null : v.toString());
            }
            return out;
        }
    }

    private String flagged(String type, String source, String rule) {
        GeneratedLayers.Column out = compile(type, source, rule).columns().get(1);
        assertThat(out.status()).as("status of %s: %s", rule, out.reason()).isEqualTo("flagged");
        return out.reason();
    }

    private void check(Object[][] table) throws Exception {
        for (Object[] t : table) {
            String type = (String) t[0];
            String source = (String) t[1];
            String rule = (String) t[2];
            List<Object> expected = Arrays.asList((Object[]) t[3]);
            assertThat(values(type, source, rule)).as(rule).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void shouldParseAndFormatDatesWithAnalystPatterns() throws Exception {
        // Given phrase -> expected values
        Object[][] table = {
                {"DATE", "raw_date", "Parse as DD/MM/YYYY", new Object[]{"2024-04-03", "2023-12-31", null}},
                {"DATE", "raw_date", "date in format dd/mm/yyyy; 'n/a' -> NULL", new Object[]{"2024-04-03", "2023-12-31", null}},
                {"DATE", "raw_date", "Parsed %d/%m/%Y (checked in the source file).", new Object[]{"2024-04-03", "2023-12-31", null}},
                {"VARCHAR", "iso_date", "Reformat from 'YYYY-MM-DD' to 'DD-Mon-YYYY'", new Object[]{"03-Apr-2024", "31-Dec-2023", "29-Feb-2024"}},
                {"VARCHAR", "raw_date", "convert from DD/MM/YYYY to YYYYMMDD", new Object[]{"20240403", "20231231", null}},
                {"INTEGER", "iso_date", "date key of iso_date", new Object[]{"20240403", "20231231", "20240229"}},
                {"VARCHAR", "iso_date", "format as MM/DD/YYYY", new Object[]{"04/03/2024", "12/31/2023", "02/29/2024"}},
        };
        // When / Then
        check(table);
    }

    @Test
    void shouldComputeDatePartsShiftsDifferencesAndAges() throws Exception {
        // Given phrase -> expected values
        Object[][] table = {
                {"INTEGER", "iso_date", "Extract the year", new Object[]{"2024", "2023", "2024"}},
                {"INTEGER", "iso_date", "month of iso_date", new Object[]{"4", "12", "2"}},
                {"INTEGER", "iso_date", "quarter from iso_date", new Object[]{"2", "4", "1"}},
                {"DATE", "iso_date", "iso_date + 1 month", new Object[]{"2024-05-03", "2024-01-31", "2024-03-29"}},
                {"DATE", "iso_date", "add 2 weeks to iso_date", new Object[]{"2024-04-17", "2024-01-14", "2024-03-14"}},
                {"DATE", "iso_date", "3 days before iso_date", new Object[]{"2024-03-31", "2023-12-28", "2024-02-26"}},
                {"DATE", "iso_date", "last day of the month of iso_date", new Object[]{"2024-04-30", "2023-12-31", "2024-02-29"}},
                {"INTEGER", "start_date", "number of days between start_date and end_date", new Object[]{"30", "2", "366"}},
                {"INTEGER", "start_date", "end_date - start_date in days", new Object[]{"30", "2", "366"}},
                {"INTEGER", "start_date", "Months between start_date and end_date", new Object[]{"0", "0", "12"}},
                {"INTEGER", "birth_date", "age at iso_date", new Object[]{"33", "23", "39"}},
                {"INTEGER", "birth_date", "Years between birth_date and start_date", new Object[]{"33", "24", "38"}},
        };
        // When / Then
        check(table);
    }

    @Test
    void shouldApplyDefaultsAndValuesThatMeanNull() throws Exception {
        // Given phrase -> expected values
        Object[][] table = {
                {"VARCHAR", "status", "'Unknown' if null", new Object[]{"A", " ", "Unknown"}},
                {"VARCHAR", "status", "'Unknown' when blank", new Object[]{"A", "Unknown", "Unknown"}},
                {"VARCHAR", "status", "Copy, default 'Unknown'", new Object[]{"A", " ", "Unknown"}},
                {"VARCHAR", "status", "If null then 'Unknown'", new Object[]{"A", " ", "Unknown"}},
                {"VARCHAR", "status", "trim; blank -> NULL", new Object[]{"A", null, null}},
                {"VARCHAR", "status", "'A' -> NULL; otherwise copied", new Object[]{null, " ", null}},
                {"BOOLEAN", "yes_no", "'Yes'/'No' -> 1/0", new Object[]{"true", "false", null}},
                {"VARCHAR", "yes_no", "Yes/No => Y/N.", new Object[]{"Y", "N", null}},
                {"VARCHAR", "status", "Copied unchanged (as the clerk wrote it). Kept for audit.", new Object[]{"A", " ", null}},
        };
        // When / Then
        check(table);
    }

    @Test
    void shouldFlagWhatTheDateWordsLeaveOpen() {
        // Given rules that do not say enough, When compiled, Then each is flagged with the reason
        assertThat(flagged("VARCHAR", "raw_date", "parse DD/MM/YYYY")).contains("no output format");
        assertThat(flagged("INTEGER", "birth_date", "age")).contains("age is reached at");
        assertThat(flagged("INTEGER", "start_date", "weeks between start_date and end_date")).contains("weeks");
        assertThat(flagged("TIMESTAMP", "epoch_s", "convert from unix epoch")).contains("seconds or milliseconds");
        assertThat(flagged("VARCHAR", "status", "Copied unchanged. Only for active customers.")).isNotBlank();
        assertThat(flagged("INTEGER", "status", "Remaining sentinels -> NULL")).isNotBlank();
    }

    @Test
    void shouldTurnEpochsIntoTimestampsAndGiveTheLoadDate() throws Exception {
        // Given / When
        List<Object> epoch = values("TIMESTAMP", "epoch_s", "Convert from unix epoch seconds to timestamp");
        List<Object> today = values("DATE", "status", "Set to the current date");

        // Then
        assertThat(epoch).containsExactly("2023-11-14T22:13:20", "1970-01-01T00:00", null);
        assertThat(today).hasSize(3).doesNotContainNull();
    }
}
