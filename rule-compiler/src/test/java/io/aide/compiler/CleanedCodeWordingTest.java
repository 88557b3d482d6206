package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A usage-rating document's wording of codes compared after cleaning: "Map the trimmed, upper-cased code: ...", a
 * bracket after the pairs that asks for the cleaning ("(trim and upper case first)"), "the cleaned status code", a
 * list that mixes text and numbers ("Y or 1 (any case, ignore spaces)"), an else said after its value ("false for every
 * other value, blank or NULL"), "Not Applicable" as one more label, and a filter cell that keeps rows by code, restates
 * the codes it leaves out after a dash and loads each record once. Before, each flagged its column or its table, and
 * "Y or 1" compared a text column with a number. Run in DuckDB.
 */
class CleanedCodeWordingTest {
    // code: ' v', 'S ', 'x', null, '1'
    private static final RuleTable CODES = new RuleTable("cdr", "id", new String[]{"id", "code"},
            new String[]{"1", " v"}, new String[]{"2", "S "}, new String[]{"3", "x"}, new String[]{"4", null},
            new String[]{"5", " 1"});

    @Test
    void shouldReadTheCodeNamedByItsKindAndItsCleaning() throws Exception {
        CODES.expect("VARCHAR(10)", "code", List.of(
                        "Map the trimmed, upper-cased code: V -> Voice, S -> SMS, anything else -> Other.",
                        "Map trimmed and upper-cased code: V -> Voice, S -> SMS, anything else -> Other.",
                        "V -> Voice, S -> SMS (trim and upper case first). Anything else -> Other."),
                "Voice", "SMS", "Other", "Other", "Other");
    }

    @Test
    void shouldReadTheMissingValueNamedBeforeTheElseAndTheCleaningSaidAfterThePairs() throws Exception {
        CODES.expect("VARCHAR(10)", "code", List.of(
                        "V = Voice, S = SMS, blank/anything else = Other. Compare on trimmed, upper-cased code.",
                        "V = Voice, S = SMS, blank or anything else = Other (case-insensitive, trimmed)"),
                "Voice", "SMS", "Other", "Other", "Other");
    }

    @Test
    void shouldReadALabelForNoValueWrittenAsTheOtherLabelsAre() throws Exception {
        CODES.expect("VARCHAR(20)", "code", List.of(
                        "V = Voice, S = SMS (trim and upper case first). Blank or any other value = Not Applicable."),
                "Voice", "SMS", "Not Applicable", "Not Applicable", "Not Applicable");
        CODES.expect("VARCHAR(20)", "code", List.of("TRIM(code): v = Voice, S = SMS, otherwise N/A"),
                "Voice", "SMS", "N/A", "N/A", "N/A");
        // in lower case the words say there is no value; "n/a" never keeps the source value there
        CODES.expect("VARCHAR(20)", "code", List.of("TRIM(code): v = Voice, S = SMS, otherwise not applicable",
                        "TRIM(code): v = Voice, S = SMS, otherwise n/a"),
                "Voice", "SMS", null, null, null);
    }

    @Test
    void shouldCompareAListOfTextAndNumbersAsText() throws Exception {
        CODES.expect("BOOLEAN", "code", List.of(
                        "True if the flag is V or 1 (any case, ignore spaces); otherwise false, including blank.",
                        "True only when the cleaned code is V or 1; false for every other value, blank or NULL."),
                "true", "false", "false", "false", "true");
    }

    @Test
    void shouldTestACleanedValueForBlankToo() throws Exception {
        CODES.expect("INTEGER", "code", List.of("1 if code, trimmed and upper-cased, is 'S' or empty/NULL, else 0"),
                "0", "1", "0", "1", "0");
    }

    private static final SampleRows CDR = new SampleRows("cdr", new String[]{"cdr_id", "rec_status", "dur"}, new String[][]{
            {"a1", "OK", "5"}, {"a1", "OK", "5"}, {"a2", " ok", "7"}, {"a3", "ERR", "9"}, {"a4", null, "1"}, {"a5", "tst", "2"}});

    @Test
    void shouldKeepRowsByCodeRestateTheCodesLeftOutAndLoadEachRecordOnce() throws Exception {
        GeneratedLayers.Layer layer = CDR.compile(Specs.spec()
                .row("fct", "usage_event_id", "VARCHAR(10)", "cdr", "cdr_id", "Trim. Load only records whose REC_STATUS, trimmed"
                        + " and upper-cased, is 'OK' or empty/NULL – records flagged ERR (mediation error) or TST (network test"
                        + " call) are not loaded. Mediation sometimes re-sends a record; the copies are identical, so load each"
                        + " CDR_ID once.")
                .row("fct", "duration_sec", "INTEGER", "cdr", "dur", "Cast to a whole number."));
        assertThat(CDR.run(layer, "usage_event_id", "duration_sec")).containsExactly("a1|5", "a2|7", "a4|1");
    }

    @Test
    void shouldNeverDropAFilterThatLeadsAnotherAfterADash() {
        GeneratedLayers.Layer layer = CDR.compile(Specs.spec()
                .row("fct", "usage_event_id", "VARCHAR(10)", "cdr", "cdr_id", "Trim. Load only records whose REC_STATUS is"
                        + " 'OK' – then drop the records the switch marked as suspicious."));
        // the second part is not read: the target says its filter is not applied, the first part is never lost
        assertThat(layer.columns().get(0).status()).isEqualTo("flagged");
        assertThat(layer.columns().get(0).reason()).contains("Load only records whose REC_STATUS is 'OK'");
    }
}
