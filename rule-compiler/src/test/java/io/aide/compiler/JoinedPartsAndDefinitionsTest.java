package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wording from hand-off documents no development case used: a text joined from parts whose blank parts are left out
 * with their separators ("If only one of them is present, show that one on its own (no comma)", "skipping blank
 * parts", "if either is missing use the other alone"), an operation chain said of every part ("each trimmed and in
 * upper case"), two names sharing their last word ("first and last name"), what the column is said before how it is
 * filled ("Number of tickets on the line, cast to integer."), "the trimmed text" as what is cast, "with 2 places", and
 * "keep the case as sent". Before, each was flagged. A condition before a parenthesis is never taken for a description
 * of a rule after it. DuckDB, every dialect compiled.
 */
class JoinedPartsAndDefinitionsTest {
    private static final RuleTable PLACES = new RuleTable("places", "id",
            new String[]{"id", "city", "state", "zone", "first_name", "last_name", "qty", "price", "flag"},
            new String[]{"1", " memphis", "tn ", "r", "Ann", "Lee", " 12 ", "1,050.50", " y"},
            new String[]{"2", "Austin", "  ", "", null, "Smith", "3", "9.5", "N"},
            new String[]{"3", null, "ga", null, "Bo", "  ", "x", "", null},
            new String[]{"4", "  ", null, "  ", null, null, null, null, "Y"});

    @Test
    void shouldLeaveOutBlankPartsWithTheirSeparators() throws Exception {
        PLACES.expect("VARCHAR(40)", "city,state", List.of(
                        "City and state, each trimmed and in upper case, joined by a comma and a space, e.g. 'MEMPHIS, TN'. If only"
                                + " one of them is present, show that one on its own (no comma).",
                        "City and state, each trimmed and upper-cased, separated by ', '; if either is missing use the other"
                                + " alone."),
                "MEMPHIS, TN", "AUSTIN", "GA", null);
        PLACES.expect("VARCHAR(40)", "city,state", List.of("Concatenate city and state separated by ', ', skipping blank parts."),
                " memphis, tn ", "Austin", "ga", null);
        PLACES.expect("VARCHAR(40)", "city,state,zone", List.of(
                        "City, state and zone, each trimmed, joined with a hyphen; blank parts are left out."),
                "memphis-tn-r", "Austin", "ga", null);
        PLACES.expect("VARCHAR(40)", "first_name,last_name", List.of(
                        "First and last name separated by a space; if either is missing use the other alone.",
                        "Concatenate first and last name with a space, skipping blank parts."),
                "Ann Lee", "Smith", "Bo", null);
    }

    @Test
    void shouldJoinPartsAsWrittenWhenNothingSaysBlankPartsAreLeftOut() throws Exception {
        PLACES.expect("VARCHAR(40)", "city,state", List.of("City and state, each trimmed and upper-cased, joined by ', '."),
                "MEMPHIS, TN", "AUSTIN, ", null, null);
    }

    @Test
    void shouldReadWhatTheColumnIsBeforeHowItIsFilled() throws Exception {
        PLACES.expect("INTEGER", "qty", List.of("Number of tickets on the line, cast to integer.",
                "Cast the trimmed text to a whole number."), "12", "3", null, null);
        PLACES.expect("DECIMAL(10,2)", "price", List.of(
                        "Face value per ticket. Remove any thousands separator (comma), then cast to decimal(10,2).",
                        "Remove the commas and cast to decimal with 2 places."),
                "1050.5", "9.5", null, null);
        PLACES.expect("VARCHAR(20)", "city", List.of("Trim leading/trailing spaces, keep the case as sent."),
                "memphis", "Austin", null, "");
    }

    @Test
    void shouldNeverTakeAConditionBeforeAParenthesisForADescription() throws Exception {
        // "True when the indicator is Y (any case); false for N" once lost its first branch: only "false for N" was read,
        // and every row was false or NULL
        PLACES.expect("BOOLEAN", "flag", List.of("True when the indicator is Y (any case, ignoring spaces); false for N."),
                "true", "false", "false", "true");
    }
}
