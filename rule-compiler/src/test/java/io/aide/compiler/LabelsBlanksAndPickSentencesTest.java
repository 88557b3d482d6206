package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * From a blood-bank, a field-service and a ski-resort document no development case used: labels with a bracket that
 * belongs to them ("PLT -> Platelets (apheresis)", where "Blank = EUR (home currency)" keeps the code), a default "when
 * blank or missing" that replaces a blank too, "Skip rows whose REC_STATUS is DEL (soft-deleted in eDonor); all other rows
 * load.", a pick in SQL whose order column is said to be text in a pattern ("last_updated is text DD/MM/YYYY HH:MM:SS"),
 * and a pick whose key is the thing said to repeat ("several versions of the same guest – keep only the version with the
 * most recent LAST_MODIFIED"). Before, the labels were cut, blanks kept, and the picks not applied. DuckDB.
 */
class LabelsBlanksAndPickSentencesTest {
    private static final String[] DONATIONS = {"DONATION_NO", "PROC_CD", "SITE_CD", "REC_STATUS", "GUEST_NO", "LAST_UPD"};
    private static final SampleRows SAMPLE = new SampleRows("dn", DONATIONS,
            new String[]{"1", "PLT", " ", "", "g1", "02/01/2025 10:00:00"},
            new String[]{"2", "wb", "ab", "DEL", "G1", "01/02/2025 09:00:00"},
            new String[]{"3", "XX", null, "OK", "g2", "03/01/2025 08:00:00"});

    @Test
    void shouldKeepALabelsBracketAndReplaceABlankWhereTheNullCellSaysSo() throws Exception {
        GeneratedLayers.Layer layer = SAMPLE.compile(Specs.spec()
                .row("f", "donation_no", "INTEGER", "dn", "DONATION_NO", "Cast to integer.")
                .row("f", "donation_type", "VARCHAR(25)", "dn", "PROC_CD", "WB -> Whole Blood; PLT -> Platelets (apheresis); any other "
                        + "code -> Other.")
                .row("f", "site", "VARCHAR(8)", "dn", "SITE_CD", "Upper case, trimmed.", null, null, false, null,
                        "'UNK' when blank or missing.")
                .rowWithCells("f", "rec_status", "VARCHAR(5)", "dn", "REC_STATUS", "Trim.", null,
                        "Skip rows whose REC_STATUS is DEL (soft-deleted in eDonor); all other rows load."));
        assertThat(SAMPLE.run(layer, "donation_no", "donation_type", "site")).containsExactly("1|Platelets (apheresis)|UNK",
                "3|Other|UNK");
    }

    @Test
    void shouldOrderASqlPickByTheTextPatternSaidOfItsOrderColumn() throws Exception {
        GeneratedLayers.Layer layer = SAMPLE.compile(Specs.spec()
                .rowWithCells("d", "guest_no", "VARCHAR(5)", "dn", "GUEST_NO", "Trim and upper-case.", null,
                        "Keep one row per guest: ROW_NUMBER() OVER (PARTITION BY UPPER(TRIM(GUEST_NO)) ORDER BY LAST_UPD DESC) = 1. "
                                + "LAST_UPD is text DD/MM/YYYY HH:MM:SS.")
                .row("d", "donation_no", "INTEGER", "dn", "DONATION_NO", "Cast to integer."));
        // as text '02/01/2025' sorts after '01/02/2025'; as the time it says, 1 February is the later
        assertThat(SAMPLE.run(layer, "guest_no", "donation_no")).containsExactlyInAnyOrder("G1|2", "G2|3");
    }

    @Test
    void shouldKeepOneRowOfTheThingSaidToRepeat() throws Exception {
        GeneratedLayers.Layer layer = SAMPLE.compile(Specs.spec()
                .rowWithCells("d", "guest_id", "VARCHAR(5)", "dn", "GUEST_NO", "Trim and upper-case.", null,
                        "The profile extract can contain several versions of the same guest – keep only the version with the most "
                                + "recent DONATION_NO.")
                .row("d", "donation_no", "INTEGER", "dn", "DONATION_NO", "Cast to integer."));
        assertThat(SAMPLE.run(layer, "guest_id", "donation_no")).containsExactlyInAnyOrder("G1|2", "G2|3");
    }

    @Test
    void shouldKeepOneRowPerTheKeyASentenceBesideThePickNames() throws Exception {
        GeneratedLayers.Layer layer = SAMPLE.compile(Specs.spec()
                .row("d", "guest_id", "VARCHAR(5)", "dn", "GUEST_NO", "Trim and upper-case. The profile extract can contain several "
                        + "versions of the same guest – keep only the version with the most recent DONATION_NO. Match versions on the "
                        + "cleaned guest number.")
                .row("d", "donation_no", "INTEGER", "dn", "DONATION_NO", "Cast to integer."));
        assertThat(SAMPLE.run(layer, "guest_id", "donation_no")).containsExactlyInAnyOrder("G1|2", "G2|3");
    }

    @Test
    void shouldGiveTheOtherPartAloneWhereTheNamedPartOfAJoinedTextIsBlank() throws Exception {
        SampleRows names = new SampleRows("people", new String[]{"id", "owner_last_name", "owner_first_name"},
                new String[]{"1", " Hansen ", "Erik"}, new String[]{"2", "Berg", " "}, new String[]{"3", "Lund", null});
        String rule = "Last name, a comma and one space, then first name, each trimmed.";
        GeneratedLayers.Layer layer = names.compile(Specs.spec()
                .row("d", "id", "INTEGER", "people", "id", "Cast to integer.")
                .row("d", "owner_name", "VARCHAR(60)", "people", "owner_last_name, owner_first_name", rule, null, null, false, null,
                        "If the first name is blank, surname only (no trailing comma).")
                .row("d", "owner_name2", "VARCHAR(60)", "people", "owner_last_name, owner_first_name", rule, null, null, false, null,
                        "First name blank -> last name only (no comma)."));
        assertThat(names.run(layer, "id", "owner_name", "owner_name2"))
                .containsExactly("1|Hansen, Erik|Hansen, Erik", "2|Berg|Berg", "3|Lund|Lund");
        // the other part said in capitals where the joined text does not write it so: in capitals, as said
        GeneratedLayers.Layer capitals = names.compile(Specs.spec()
                .row("d", "id", "INTEGER", "people", "id", "Cast to integer.")
                .row("d", "owner_name", "VARCHAR(60)", "people", "owner_last_name, owner_first_name", rule, null, null, false, null,
                        "If the first name is blank, the upper-cased surname on its own."));
        assertThat(names.run(capitals, "id", "owner_name")).containsExactly("1|Hansen, Erik", "2|BERG", "3|LUND");
    }
}
