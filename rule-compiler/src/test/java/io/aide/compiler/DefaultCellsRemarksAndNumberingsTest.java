package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The other cells of a row as analysts fill them: a "Default Value" cell written bare (UNK, -1, Not Available,
 * sysdate), row filters written in a remarks cell, and numberings said with a verb ("Number the premises 1, 2, 3 ...
 * in ascending premise_id order"). DuckDB.
 */
class DefaultCellsRemarksAndNumberingsTest {
    private static final String[] HEADER = {"premise_id", "state", "read_val", "last_upd"};
    private static final String[][] ROWS = {{"3", " il", "120", "20250101"}, {"1", null, "-5", "20240101"},
            {"2", "WA", null, "20250305"}};

    private static GeneratedLayers.Layer layer(Specs spec) {
        return new SemanticLayerCompiler().compile(spec.build(), new CompileOptions(List.of("duckdb"), List.of(),
                new SchemaCatalog(List.of(Specs.table("premises", HEADER)))), null).layers().get(0);
    }

    private static List<Map<String, Object>> run(GeneratedLayers.Layer layer) throws Exception {
        try (DuckDb db = new DuckDb()) {
            String[][] all = new String[ROWS.length + 1][];
            all[0] = HEADER;
            System.arraycopy(ROWS, 0, all, 1, ROWS.length);
            db.table("premises", all);
            return db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY premise_id");
        }
    }

    private static Specs withKey() {
        return Specs.spec().row("dim_premise", "premise_id", "INTEGER", "premises", "premise_id", "straight move", null, null,
                true, false, null);
    }

    @Test
    void shouldFillNullsWithTheDefaultCellWrittenBareOrAsAShortSentence() throws Exception {
        // Given default cells as analysts write them: a bare code, a negative number, words, a quoted value, a sentence
        Specs spec = withKey()
                .rowWithCells("dim_premise", "state_code", "CHAR(3)", "premises", "state", "UPPER(TRIM(state))", "UNK", null)
                .rowWithCells("dim_premise", "reading", "INTEGER", "premises", "read_val", "straight move", "-1", null)
                .rowWithCells("dim_premise", "state_name", "VARCHAR(20)", "premises", "state", "trim", "Not Available.", null)
                .rowWithCells("dim_premise", "state_quoted", "VARCHAR(20)", "premises", "state", "trim", "'N/A'", null)
                .rowWithCells("dim_premise", "reading_said", "INTEGER", "premises", "read_val", "straight move",
                        "default to 0 when missing", null)
                .rowWithCells("dim_premise", "nothing", "INTEGER", "premises", "read_val", "straight move", "NULL", null);

        // When
        GeneratedLayers.Layer layer = layer(spec);

        // Then
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        assertThat(run(layer)).extracting(r -> r.get("state_code") + "|" + RuleTable.text(r.get("reading")) + "|"
                        + r.get("state_name") + "|" + r.get("state_quoted") + "|" + RuleTable.text(r.get("reading_said")) + "|"
                        + RuleTable.text(r.get("nothing")))
                .containsExactly("UNK|-5|Not Available|N/A|-5|-5", "WA|-1|WA|WA|0|null", "IL|120|il|il|120|120");
    }

    @Test
    void shouldFlagADefaultCellThatDoesNotFitTheColumnInsteadOfDroppingIt() {
        // Given a text default for a number column, and a sentence the default cell cannot be read as
        Specs spec = withKey()
                .rowWithCells("dim_premise", "reading", "INTEGER", "premises", "read_val", "straight move", "UNK", null)
                .rowWithCells("dim_premise", "state_code", "VARCHAR(3)", "premises", "state", "trim",
                        "see the state lookup sheet, row 4 (uses ISO codes)", null);

        // When
        GeneratedLayers.Layer layer = layer(spec);

        // Then
        assertThat(layer.columns().get(1).status()).isEqualTo("flagged");
        assertThat(layer.columns().get(1).reason()).contains("'UNK'").contains("INTEGER");
        assertThat(layer.columns().get(2).status()).isEqualTo("flagged");
        assertThat(layer.columns().get(2).reason()).contains("default value").contains("not understood");
    }

    @Test
    void shouldApplyAFilterWrittenInTheRemarksCell() throws Exception {
        // Given the remarks of the key row hold the row filter, beside notes that say nothing about rows
        Specs spec = Specs.spec()
                .rowWithCells("fact_reading", "premise_id", "INTEGER", "premises", "premise_id", "straight move", null,
                        "Natural key. Filter: drop reads whose read_val is negative.")
                .rowWithCells("fact_reading", "reading", "INTEGER", "premises", "read_val", "straight move", null,
                        "e.g. 120 kWh");

        // When
        GeneratedLayers.Layer layer = layer(spec);

        // Then: the negative read is gone, the null one kept
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        assertThat(run(layer)).extracting(r -> r.get("premise_id") + "=" + r.get("reading"))
                .containsExactly("2=null", "3=120");
    }

    @Test
    void shouldKeepOneRowPerKeyTheFirstInTheOrderAFilterOrRemarkStates() throws Exception {
        // Given premise 3 sent twice (the later last_upd wins), said in a filter cell or a remark, two ways
        String[][] resent = {{"3", " il", "120", "20250101"}, {"1", null, "-5", "20240101"}, {"3", "WA", null, "20250305"}};
        for (String said : List.of(
                "The extract re-sends a premise when it changes: keep only the row with the highest last_upd (YYYYMMDD) per premise_id.",
                "Keep the latest record per premise_id based on last_upd")) {
            Specs spec = Specs.spec()
                    .rowWithCells("dim_premise", "premise_id", "INTEGER", "premises", "premise_id", "straight move", null, said)
                    .rowWithCells("dim_premise", "state", "VARCHAR(3)", "premises", "state", "trim", null, null);

            // When
            GeneratedLayers.Layer layer = layer(spec);

            // Then
            assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).as(said).containsOnly("compiled");
            try (DuckDb db = new DuckDb()) {
                String[][] all = new String[resent.length + 1][];
                all[0] = HEADER;
                System.arraycopy(resent, 0, all, 1, resent.length);
                db.table("premises", all);
                assertThat(db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY premise_id"))
                        .extracting(r -> r.get("premise_id") + "=" + r.get("state")).as(said).containsExactly("1=null", "3=WA");
            }
        }
    }

    @Test
    void shouldFlagTheRowsWhenARemarkAsksForRowsTheViewCannotSelect() {
        // Given a remark asking for one row per key that no reading applies
        Specs spec = Specs.spec()
                .rowWithCells("dim_premise", "premise_id", "INTEGER", "premises", "premise_id", "straight move", null,
                        "The extract re-sends a premise when it changes: keep only the row with the most useful state "
                                + "per premise_id.");

        // When
        GeneratedLayers.Layer layer = layer(spec);

        // Then: not a silent extra row: the column says its rows are not the ones asked for
        assertThat(layer.columns().get(0).status()).isEqualTo("flagged");
        assertThat(layer.columns().get(0).reason()).contains("filter is not applied").containsIgnoringCase("keep only the row");
    }

    @Test
    void shouldNumberRowsInTheOrderAVerbOrASortSays() throws Exception {
        RuleTable premises = new RuleTable("premises", "premise_id", HEADER, ROWS);
        premises.expect("INTEGER", "premise_id", List.of(
                "Surrogate key. Number the premises 1, 2, 3 ... in ascending premise_id order (after de-duplication).",
                "Number the premises in ascending premise_id order", "Sequence number. Sorted by premise_id, then state."),
                "1", "2", "3");
        premises.expect("INTEGER", "premise_id", List.of("Row number ordered by last_upd descending, then premise_id"),
                "3", "1", "2");
        premises.expect("INTEGER", "premise_id", List.of("Surrogate key numbered in descending premise_id order"),
                "3", "2", "1");
        // an order said in words, then exactly in brackets; ties broken as a clause says
        RuleTable opened = new RuleTable("accounts", "acct_no", new String[]{"acct_no", "open_dt"},
                new String[]{"A2", "2024-01-05"}, new String[]{"A1", "2024-01-05"}, new String[]{"A3", "2023-12-31"});
        opened.expect("INTEGER", "open_dt, acct_no", List.of(
                "Surrogate key. Number accounts 1..n in order of opening (open_dt ascending); accounts opened on the same day: "
                        + "lower acct_no first"), "2", "3", "1");
        opened.expect("INTEGER", "open_dt, acct_no", List.of(
                "Number accounts 1..n in order of opening (open_dt ascending); ties: higher acct_no first"), "3", "2", "1");
    }
}
