package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Duplicates and test rows as notes describe them: "Carrier master may hold the same carrier twice, load once", "the
 * copies are identical, load it once", "...; these are loaded once", a target numbered by a generated key whose
 * duplicates still go (ROW_NUMBER() kept every copy apart under DISTINCT), "carrier codes beginning with ZZ are UAT test
 * carriers - exclude" on a notes line of a target whose first row is that key, "Where the extract has more than one
 * record for an employee take the one with ...", and a remark "Code may come lower case". Run in DuckDB.
 */
class DuplicatesAndTestRowsTest {
    private static final SampleRows CARRIERS = new SampleRows("tms_carrier",
            new String[]{"carrier_cd", "carrier_nm", "carrier_type", "last_upd_ts"},
            new String[]{"CMDU", "CMA CGM", "o", "2024-01-01 00:00:00"},
            new String[]{"CMDU", "CMA CGM", "o", "2024-01-01 00:00:00"},
            new String[]{"zzdummy", "Dummy", "T", "2024-01-01 00:00:00"},
            new String[]{"MAEU", "Maersk", "O", "2024-01-01 00:00:00"},
            new String[]{"DHL", "DHL Air old", "A", "2023-01-01 00:00:00"},
            new String[]{"DHL", "DHL Air", "a", "2024-06-01 00:00:00"});

    private static Specs carriers(String remark) {
        return Specs.spec()
                .row("dim_carrier", "carrier_sk", "INTEGER", null, null, "System generated")
                .row("dim_carrier", "carrier_code", "VARCHAR(10)", "tms_carrier", "carrier_cd", "Trim, upper case")
                .rowWithCells("dim_carrier", "carrier_type", "VARCHAR(15)", "tms_carrier", "carrier_type",
                        "O = Ocean, A = Air, T = Road Haulier; anything else Other", null, remark)
                .row("dim_carrier", "carrier_name", "VARCHAR(20)", "tms_carrier", "carrier_nm", "As is");
    }

    @Test
    void shouldLoadRepeatedRowsOnceAndNumberThemAfter() throws Exception {
        for (String note : new String[]{"4. dim_carrier: carrier codes beginning with ZZ are UAT test carriers - exclude. Carrier "
                + "master may hold the same carrier twice, load once.", "4. dim_carrier: carrier codes beginning with ZZ are UAT test "
                + "carriers - exclude. The master sometimes re-sends a carrier; the copies are identical, load it once."}) {
            GeneratedLayers.Layer layer = CARRIERS.compile(carriers("Code may come lower case").note("Notes", note));
            assertThat(CARRIERS.run(layer, "carrier_code", "carrier_type", "carrier_name")).as(note).containsExactlyInAnyOrder(
                    "CMDU|Ocean|CMA CGM", "MAEU|Ocean|Maersk", "DHL|Air|DHL Air old", "DHL|Air|DHL Air");
            assertThat(CARRIERS.run(layer, "carrier_sk")).as(note).doesNotHaveDuplicates();
        }
    }

    @Test
    void shouldLeaveOutRowsThatMustNeverReachTheTarget() throws Exception {
        GeneratedLayers.Layer layer = CARRIERS.compile(Specs.spec()
                .row("dim_carrier", "carrier_sk", "INTEGER", null, null, "System generated", null, null, true, null, null)
                .row("dim_carrier", "carrier_code", "VARCHAR(10)", "tms_carrier", "carrier_cd", "Trim, upper case")
                .note("Rules", "6 | Carrier codes starting 'ZZ' are UAT set-ups and must never reach the mart (exclude from dim_carrier)."));
        assertThat(CARRIERS.run(layer, "carrier_code")).containsExactlyInAnyOrder("CMDU", "CMDU", "MAEU", "DHL", "DHL");
    }

    @Test
    void shouldKeepTheRowTheExtractRepeatsPerTheThingItNames() throws Exception {
        GeneratedLayers.Layer layer = CARRIERS.compile(Specs.spec()
                .rowWithCells("dim_carrier", "carrier_code", "VARCHAR(10)", "tms_carrier", "carrier_cd", "Trim, upper case", null,
                        "Where the extract has more than one record for a carrier take the one with the most recent LAST_UPD_TS.")
                .row("dim_carrier", "carrier_name", "VARCHAR(20)", "tms_carrier", "carrier_nm", "As is"));
        assertThat(CARRIERS.run(layer, "carrier_code", "carrier_name")).containsExactly(
                "CMDU|CMA CGM", "DHL|DHL Air", "MAEU|Maersk", "ZZDUMMY|Dummy");
    }
}
