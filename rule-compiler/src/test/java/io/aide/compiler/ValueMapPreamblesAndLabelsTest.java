package io.aide.compiler;

import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * Value maps as documents no development case used write them: labels with small words or a slash ("Return to Vendor",
 * "Arrived at Delivery Location", "Prepayment Key/Card"), pairs written "code – label" after semicolons (once taken for
 * remarks, so only the first pair was read and every other code fell to the else branch), and preambles made of the
 * map's verb, cleaning words and words naming the value ("Code is trimmed/upper-cased and decoded:", "Channel code
 * compared case-insensitively after trimming:", "EDI 214 status code to description: ... Match on the trimmed,
 * upper-cased code.", "Decode ignoring case and surrounding spaces:"). A code before "to" stays a code ("M to Male").
 * DuckDB, every dialect compiled.
 */
class ValueMapPreamblesAndLabelsTest {
    private static final RuleTable CODES = new RuleTable("codes", "id", new String[]{"id", "status_cd", "channel_cd", "gender_cd"},
            new String[]{"1", " x6", "web ", "M"}, new String[]{"2", "SD", "Box", "F"}, new String[]{"3", "rtv", null, "U"},
            new String[]{"4", "ZZ", "kiosk", null});

    @Test
    void shouldReadEveryPairWrittenWithADashAfterASemicolon() throws Exception {
        CODES.expect("VARCHAR(40)", "status_cd", List.of(
                        "EDI 214 status code to description: AF – Picked Up; X6 – En Route; X1 – Arrived at Delivery Location; SD –"
                                + " Shipment Delayed. Any other code → 'Other'. Match on the trimmed, upper-cased code."),
                "En Route", "Shipment Delayed", "Other", "Other");
    }

    @Test
    void shouldReadLabelsWithSmallWordsAndSlashes() throws Exception {
        CODES.expect("VARCHAR(40)", "status_cd", List.of(
                        "Trim and upper-case the code, then decode: RTV = Return to Vendor, SD = Prepayment Key/Card, X1 = Arrived at"
                                + " Delivery Location; any other code = Other."),
                "Other", "Prepayment Key/Card", "Return to Vendor", "Other");
        CODES.expect("VARCHAR(10)", "gender_cd", List.of("Decode gender: M to Male, F to Female, U or blank to Unknown"),
                "Male", "Female", "Unknown", "Unknown");
    }

    @Test
    void shouldReadPreamblesOfVerbsCleaningAndTheValuesName() throws Exception {
        CODES.expect("VARCHAR(20)", "channel_cd", List.of(
                        "Channel code compared case-insensitively after trimming: WEB - Website, BOX - Box Office. Any other code"
                                + " → Unknown.",
                        "Code is trimmed/upper-cased and decoded: WEB - Website; BOX - Box Office. Anything else - Unknown.",
                        "Decode ignoring case and surrounding spaces: WEB -> Website, BOX -> Box Office. Everything else (including"
                                + " blank) -> Unknown."),
                "Website", "Box Office", "Unknown", "Unknown");
    }
}
