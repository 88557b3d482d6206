package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Remarks and notes that choose rows: a remark that points to a general rule which leaves none of the target's rows
 * out is said, never dropped; rows rejected in the null-handling cell ("... are rejected (not loaded) and written to the
 * reject log"); "Treat 'NULL' exactly like a blank"; a list item that says what the rows are after their condition
 * ("wards whose WARD_CD starts with 'ZZ' are test/training wards"); "the same ward" told apart by the ward's code, never
 * by the surrogate numbered over the rows; a summary of another target whose measures are flagged. Run in DuckDB.
 */
class NotesThatPointAndRejectTest {
    private static final SampleRows WARDS = new SampleRows("pas_ward",
            new String[]{"ward_cd", "ward_name", "make", "last_upd"},
            new String[]{"w1 ", "Old name", "NULL", "2024-01-01 00:00:00"},
            new String[]{"W1", "Acute", "Acme", "2024-02-01 00:00:00"},
            new String[]{"ZZ9", "Training", null, "2024-01-01 00:00:00"},
            new String[]{"W2", "Surgical", "", "2024-01-01 00:00:00"});

    @Test
    void shouldSayARemarkThatPointsToARuleLeavingNoRowsOfTheTargetOut() {
        GeneratedLayers.Layer layer = WARDS.compile(Specs.spec()
                .rowWithCells("dim_ward", "ward_code", "VARCHAR(5)", "pas_ward", "ward_cd", "Trim, upper.", null,
                        "Wards starting with 'ZZ' are excluded (see General Rules #3).")
                .row("dim_ward", "ward_name", "VARCHAR(20)", "pas_ward", "ward_name", "Trim."));
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("flagged");
        assertThat(layer.columns().get(1).reason()).contains("points to a general rule");
    }

    @Test
    void shouldLeaveOutRowsTheNullHandlingCellRejects() throws Exception {
        GeneratedLayers.Layer layer = WARDS.compile(Specs.spec()
                .row("dim_ward", "ward_code", "VARCHAR(5)", "pas_ward", "ward_cd", "Trim, upper.", null, null, true, null, null)
                .rowWithDefault("dim_ward", "ward_name", "VARCHAR(20)", "pas_ward", "ward_name", "Trim.", null,
                        "Lines with blank or 'NULL' WARD_NAME are rejected (not loaded) and written to the reject log."));
        assertThat(WARDS.run(layer, "ward_code")).containsExactly("W1", "W1", "W2", "ZZ9");
        layer = WARDS.compile(Specs.spec()
                .row("dim_ward", "ward_code", "VARCHAR(5)", "pas_ward", "ward_cd", "Trim, upper.", null, null, true, null, null)
                .rowWithDefault("dim_ward", "maker", "VARCHAR(20)", "pas_ward", "make", "Trim.", null,
                        "Rows with a blank or 'NULL' make are rejected (not loaded) and written to the reject log.")
                .note("General Rules", "2 | The extract writes the literal text NULL for some empty fields. Treat 'NULL' exactly like a blank."));
        assertThat(WARDS.run(layer, "ward_code", "maker")).containsExactly("W1|Acme");
    }

    @Test
    void shouldReadAListItemThatSaysWhatItsRowsAreAfterTheirCondition() throws Exception {
        GeneratedLayers.Layer layer = WARDS.compile(Specs.spec()
                .row("dim_ward", "ward_code", "VARCHAR(5)", "pas_ward", "ward_cd", "Trim, upper.", null, null, true, null, null)
                .row("dim_ward", "ward_name", "VARCHAR(20)", "pas_ward", "ward_name", "Trim.")
                .note("General Rules", "3 | Test data is not loaded: wards whose WARD_CD starts with 'ZZ' are test/training wards."));
        assertThat(WARDS.run(layer, "ward_code")).containsExactly("W1", "W1", "W2");
    }

    @Test
    void shouldTellTheSameThingApartByItsCodeNeverByTheSurrogateNumberedOverTheRows() throws Exception {
        GeneratedLayers.Layer layer = WARDS.compile(Specs.spec()
                .row("dim_ward", "ward_key", "INTEGER", "pas_ward", "ward_cd", "Sequence starting at 1 in order of WARD_CODE.", null, null,
                        true, null, null)
                .row("dim_ward", "ward_code", "VARCHAR(5)", "pas_ward", "ward_cd", "Trim, upper.")
                .row("dim_ward", "ward_name", "VARCHAR(20)", "pas_ward", "ward_name", "Trim.")
                .note("General Rules", "4 | PAS_WARD can hold more than one row for the same ward (code in different case/padding). "
                        + "Keep the row with the latest LAST_UPD."));
        assertThat(WARDS.run(layer, "ward_key", "ward_code", "ward_name")).containsExactly("1|W1|Acute", "2|W2|Surgical", "3|ZZ9|Training");
    }

    @Test
    void shouldFlagASummaryOfAnotherTargetWhoseMeasuresAreFlagged() {
        List<GeneratedLayers.Layer> layers = WARDS.compileAll(Specs.spec()
                .row("dim_ward", "ward_code", "VARCHAR(5)", "pas_ward", "ward_cd", "Trim, upper.", null, null, true, null, null)
                .row("dim_ward", "last_update", "TIMESTAMP", "pas_ward", "last_upd", "Direct")
                .row("fact_ward_month", "update_month", "DATE", "dim_ward", "last_update", "First day of the month of LAST_UPDATE.")
                .row("fact_ward_month", "ward_count", "INTEGER", "dim_ward", "ward_code", "Count of distinct wards in the ward-month "
                        + "that were inspected by a nurse."));
        assertThat(layers.get(1).columns()).extracting(GeneratedLayers.Column::status).containsOnly("flagged");
    }

    @Test
    void shouldReadAKindDefinedAfterALabelWithSlashesOnTheTargetsCleanedCode() throws Exception {
        GeneratedLayers.Layer layer = WARDS.compile(Specs.spec()
                .row("dim_ward", "ward_code", "VARCHAR(5)", "pas_ward", "ward_cd", "Trim, upper.", null, null, true, null, null)
                .row("dim_ward", "ward_name", "VARCHAR(20)", "pas_ward", "ward_name", "Trim.")
                .note("Notes", "3 | Test / UAT data: any ward whose code starts with 'zz' (any case) is a test ward. Test wards are not "
                        + "loaded into dim_ward."));
        assertThat(WARDS.run(layer, "ward_code")).containsExactly("W1", "W1", "W2");
    }

    @Test
    void shouldKeepTheRowWithTheExtremeOfAColumnNamedItselfAfterATopicWithARemark() throws Exception {
        GeneratedLayers.Layer layer = WARDS.compile(Specs.spec()
                .row("dim_ward", "ward_code", "VARCHAR(5)", "pas_ward", "ward_cd", "Trim, upper.", null, null, true, null, null)
                .row("dim_ward", "ward_name", "VARCHAR(20)", "pas_ward", "ward_name", "Trim.")
                .note("General Rules", "4 | The extract holds every version of a ward (and the odd repeated row): keep only the latest "
                        + "LAST_UPD per cleaned WARD_CD, then apply the exclusion filter to that latest version - if it is a test ward "
                        + "it is dropped altogether."));
        assertThat(WARDS.run(layer, "ward_code", "ward_name")).containsExactly("W1|Acute", "W2|Surgical", "ZZ9|Training");
    }

    @Test
    void shouldSayAListItemPointingToARuleThatNoOtherSentenceOfTheCellBrings() {
        GeneratedLayers.Layer layer = WARDS.compile(Specs.spec()
                .row("dim_ward", "ward_code", "VARCHAR(5)", "pas_ward", "ward_cd", "Trim, upper.", null,
                        "Exclude wards from the old site (WARD_NAME = 'Old name') and wards of test sites (rule 3).", true, null, null)
                .row("dim_ward", "ward_name", "VARCHAR(20)", "pas_ward", "ward_name", "Trim."));
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("flagged");
    }

    @Test
    void shouldFlagATargetFedByTwoTablesSideBySideThatTheViewDoesNotUnion() {
        GeneratedLayers.Layer layer = WARDS.compile(Specs.spec()
                .row("dim_ward", "ward_code", "VARCHAR(5)", "pas_ward / old_ward", "ward_cd / old_cd", "Trim, upper.", null, null, true,
                        null, null)
                .row("dim_ward", "ward_name", "VARCHAR(20)", "pas_ward", "ward_name", "Trim."));
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("flagged");
        assertThat(layer.columns().get(1).reason()).contains("does not union");
    }

    @Test
    void shouldReadAKindDefinedBeforeAColonAndLeftOutAfterIt() throws Exception {
        GeneratedLayers.Layer layer = WARDS.compile(Specs.spec()
                .row("dim_ward", "ward_code", "VARCHAR(5)", "pas_ward", "ward_cd", "Trim, upper.", null, null, true, null, null)
                .row("dim_ward", "ward_name", "VARCHAR(20)", "pas_ward", "ward_name", "Trim.")
                .note("General Rules", "3 | Ward codes beginning with 'ZZ' (any case) are test / UAT records: they are not loaded to "
                        + "dim_ward."));
        assertThat(WARDS.run(layer, "ward_code")).containsExactly("W1", "W1", "W2");
    }
}
