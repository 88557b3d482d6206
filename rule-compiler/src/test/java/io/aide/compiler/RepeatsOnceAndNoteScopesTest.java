package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Repeated rows loaded once where the document names no order because the copies are the same ("where MEMBER_NO,
 * TIER_CD and EFF_FROM are the same (after trim / upper), load the record once", "If the same CHG_ID appears more than
 * once it is counted once"); a general rule whose clauses speak of different targets ("... are excluded from DIM_REGION,
 * and ... are excluded from both facts"), each clause kept to its own; the table a condition's rows are of named before
 * them ("Any POS_SALE row with ..."), a kind of rows told in a bracket ("Skip test rows (REGION = 'Test', any case)");
 * a part of a value said to be dropped ("the leading zero is sometimes dropped"), which chooses no rows; a participle
 * before its noun in a remark ("(unknown store or an excluded test store)"). Run in DuckDB.
 */
class RepeatsOnceAndNoteScopesTest {
    private static final SampleRows TIERS = new SampleRows("ffp_tier", new String[]{"member_no", "tier_cd", "eff_from", "chg_id"},
            new String[]{"M1", "B", "2020-01-01", "1"},
            new String[]{" m1", "b ", "2020-01-01", "1"},
            new String[]{"M1", "S", "2021-01-01", "2"},
            new String[]{"M2", "G", "2019-05-05", "3"},
            new String[]{"M2", "G", "2019-05-05", "3"});
    private static final SampleRows SALES = new SampleRows("pos_sale", new String[]{"sale_id", "store_no", "region", "amount"},
            new String[]{"1", "S1", "North", "10"},
            new String[]{"2", "S2", "North", "20"},
            new String[]{"3", "S9", " test", "30"},
            new String[]{"4", "S1", "North", "40"});

    private static Specs tiers(String filter) {
        return Specs.spec()
                .row("dim_tier_hist", "member_no", "VARCHAR(5)", "ffp_tier", "member_no", "Trim, upper case.", null, filter, true, null, null)
                .row("dim_tier_hist", "tier_code", "VARCHAR(1)", "ffp_tier", "tier_cd", "Upper + trim")
                .row("dim_tier_hist", "effective_from", "DATE", "ffp_tier", "eff_from", "Direct");
    }

    @Test
    void shouldLoadTheSameRecordOnceWhereItsKeyRepeats() throws Exception {
        for (String said : new String[]{"Where MEMBER_NO, TIER_CD and EFF_FROM are the same (after trim / upper), load the record once.",
                "FFP_TIER: where MEMBER_NO + TIER_CD + EFF_FROM are identical (trimmed, upper case) keep the row once.",
                "If the same CHG_ID appears more than once it is counted once."}) {
            GeneratedLayers.Layer layer = TIERS.compile(tiers(said));
            assertThat(layer.columns()).as(said).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
            assertThat(TIERS.run(layer, "member_no", "tier_code", "effective_from")).as(said)
                    .containsExactlyInAnyOrder("M1|B|2020-01-01", "M1|S|2021-01-01", "M2|G|2019-05-05");
        }
    }

    @Test
    void shouldKeepEachClauseOfAGeneralRuleToTheTargetsItNames() throws Exception {
        List<GeneratedLayers.Layer> layers = SALES.compileAll(Specs.spec()
                .row("dim_region", "region_name", "VARCHAR(10)", "pos_sale", "region", "Trim", null, null, true, null, null)
                .row("dim_store", "store_code", "VARCHAR(5)", "pos_sale", "store_no", "Direct", null, null, true, null, null)
                .row("fact_sale", "sale_id", "INTEGER", "pos_sale", "sale_id", "Direct", null, null, true, null, null)
                .note("General Rules", "4 | Rows with trimmed REGION = 'test' are excluded from DIM_REGION, and rows with AMOUNT = 40 are "
                        + "excluded from both facts."));
        assertThat(SALES.run(layers.get(0), "region_name")).containsExactly("North", "North", "North");
        assertThat(SALES.run(layers.get(1), "store_code")).containsExactlyInAnyOrder("S1", "S2", "S9", "S1");
        assertThat(SALES.run(layers.get(2), "sale_id")).containsExactly("1", "2", "3");
    }

    @Test
    void shouldReadTheRowsTableOrKindBeforeTheCondition() throws Exception {
        for (String said : new String[]{"Any POS_SALE row with REGION = 'test' (trim, any case) is excluded from FACT_SALE.",
                "Skip test rows (REGION = 'Test', trimmed, any case)."}) {
            GeneratedLayers.Layer layer = SALES.compile(Specs.spec()
                    .row("fact_sale", "sale_id", "INTEGER", "pos_sale", "sale_id", "Direct", null, said, true, null, null));
            assertThat(layer.columns()).as(said).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
            assertThat(SALES.run(layer, "sale_id")).as(said).containsExactly("1", "2", "4");
        }
    }

    @Test
    void shouldNotTakeAPartOfAValueSaidToBeDroppedForRowsLeftOut() throws Exception {
        GeneratedLayers.Layer layer = SALES.compile(Specs.spec()
                .row("fact_sale", "sale_id", "INTEGER", "pos_sale", "sale_id", "Direct", null, null, true, null, null)
                .row("fact_sale", "amount_code", "VARCHAR(4)", "pos_sale", "amount",
                        "The till sends a number as HHMM and the leading zero is sometimes dropped (930 = 09:30)."));
        // whatever becomes of the column, the target's rows are all the sales: no filter is read from the sentence
        assertThat(layer.columns().get(0).status()).as(layer.columns().get(0).reason()).isEqualTo("compiled");
        assertThat(layer.sql().get("duckdb")).doesNotContainIgnoringCase("WHERE");
    }

    @Test
    void shouldReadAParticipleBeforeItsNounInARemarkAsNoStep() throws Exception {
        List<GeneratedLayers.Layer> layers = SALES.compileAll(Specs.spec()
                .row("dim_store", "store_key", "INTEGER", null, null, "Sequence number in ascending order of STORE_CODE.")
                .row("dim_store", "store_code", "VARCHAR(5)", "pos_sale", "store_no", "Trim, upper case.", null,
                        "Exclude rows where trimmed REGION = 'test'", true, null, "Distinct store codes only.")
                .row("fact_sale", "sale_id", "INTEGER", "pos_sale", "sale_id", "Direct", null, null, true, null, null)
                .rowWithDefault("fact_sale", "store_key", "INTEGER", "pos_sale", "store_no",
                        "Look up DIM_STORE.STORE_KEY on the trimmed upper-cased STORE_NO.", null,
                        "-1 when not found (unknown outlet or an excluded test outlet)"));
        GeneratedLayers.Column key = layers.get(1).columns().get(1);
        assertThat(key.status()).as(key.reason()).isEqualTo("compiled");
        try (DuckDb db = new DuckDb().table("pos_sale", new String[][]{{"sale_id", "store_no", "region", "amount"},
                {"1", "S1", "North", "10"}, {"2", "S2", "North", "20"}, {"3", "S9", " test", "30"}, {"4", "S1", "North", "40"}})) {
            db.exec("CREATE VIEW \"" + layers.get(0).target() + "\" AS " + layers.get(0).sql().get("duckdb"));
            assertThat(db.query("SELECT * FROM (\n" + layers.get(1).sql().get("duckdb") + "\n) v ORDER BY 1").stream()
                    .map(r -> r.get("sale_id") + "|" + r.get("store_key")).toList()).containsExactly("1|1", "2|2", "3|-1", "4|1");
        }
    }

    @Test
    void shouldLoadOnceTheRowsSaidToBeIdenticalCopiesPerTheKeyOfEachTable() throws Exception {
        SampleRows changes = new SampleRows("subscription_changes", new String[]{"event_id", "acct_id", "amount"},
                new String[]{"E1", "A1", "10"}, new String[]{"E1", "A1", "10"}, new String[]{"E2", "A2", "5"});
        GeneratedLayers.Layer layer = changes.compile(Specs.spec()
                .row("fct_subscription_change", "event_id", "VARCHAR(5)", "subscription_changes", "event_id", "Direct", null, null, true,
                        null, null)
                .note("General Rules", "3 | SUBSCRIPTION_CHANGES and INVOICES are re-sent by the source; rows with the same EVENT_ID / "
                        + "INVOICE_NO are identical copies - load once."));
        assertThat(layer.columns()).as(layer.columns().toString()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        assertThat(changes.run(layer, "event_id")).containsExactlyInAnyOrder("E1", "E2");
    }

    @Test
    void shouldLoadOneRowPerKeyWhereTheCopiesAreSaidToBeExact() throws Exception {
        SampleRows programmes = new SampleRows("prog_ref", new String[]{"prog_cd", "prog_name"},
                new String[]{"BSC", "Science"}, new String[]{"BSC", "Science"}, new String[]{"ZZ1", "Dummy"}, new String[]{"MA", "Arts"});
        GeneratedLayers.Layer layer = programmes.compile(Specs.spec()
                .rowWithCells("dim_programme", "programme_code", "VARCHAR(5)", "prog_ref", "prog_cd", "trim, upper", null,
                        "Exclude dummy programmes whose code begins with 'ZZ'. Extract contains exact duplicate rows - load one row per code."));
        assertThat(layer.columns()).as(layer.columns().toString()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        assertThat(programmes.run(layer, "programme_code")).containsExactlyInAnyOrder("BSC", "MA");
    }

    @Test
    void shouldNameTheKindWhereASentencePointsBackToIt() throws Exception {
        SampleRows results = new SampleRows("mod_result", new String[]{"result_id", "stu_id"},
                new String[]{"1", "S1"}, new String[]{"2", "TST9"});
        List<GeneratedLayers.Layer> layers = results.compileAll(Specs.spec()
                .row("dim_student", "student_id", "VARCHAR(5)", "mod_result", "stu_id", "Direct", null, null, true, null, null)
                .row("fact_result", "result_id", "INTEGER", "mod_result", "result_id", "Direct", null, null, true, null, null)
                .note("General Rules", "3 | Test students: any STU_ID starting with 'TST' is excluded from DIM_STUDENT, and all MOD_RESULT "
                        + "rows for those students are excluded from the facts."));
        assertThat(results.run(layers.get(0), "student_id")).containsExactly("S1");
        assertThat(results.run(layers.get(1), "result_id")).containsExactly("1");
    }

    @Test
    void shouldReadAListAfterAKindSaidNotLoadedToATargetWithItsTestsOnOneRow() throws Exception {
        SampleRows patients = new SampleRows("pat_master", new String[]{"pat_id", "mrn", "last_nm"},
                new String[]{"P1", "M1", "Smith"}, new String[]{"P2", "ZZ9", "Jones"}, new String[]{"P3", "M3", " test "});
        GeneratedLayers.Layer layer = patients.compile(Specs.spec()
                .row("dim_patient", "patient_id", "VARCHAR(5)", "pat_master", "pat_id", "Direct", null, null, true, null, null)
                .note("General Rules", "1 | Test patients are not loaded to DIM_PATIENT: any patient whose MRN starts with 'ZZ' or whose "
                        + "surname is 'TEST' (any case, after trimming)."));
        assertThat(layer.columns()).as(layer.columns().toString()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        assertThat(patients.run(layer, "patient_id")).containsExactly("P1");
    }
}
