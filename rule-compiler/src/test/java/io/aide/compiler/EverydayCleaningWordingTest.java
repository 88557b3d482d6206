package io.aide.compiler;

import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * Everyday wording of cleaning and names in hand-off documents that no development case used: a name joined from
 * cleaned parts ("Trimmed first name, a single space, trimmed last name", "First name and last name, each trimmed,
 * joined with a single space", "Last name trimmed and in upper case, then a comma and a single space, then the first
 * name trimmed") with a fallback when a part is missing ("use the trimmed last name on its own"), "Remove surrounding
 * spaces", "put in upper case", "Integer cast.", "a decimal number with 2 decimal places", "If nothing is left (blank or
 * only spaces) load NULL", "Y or y", a label with its code in brackets ("Active (code A)"), a standard's name before the
 * cleaning ("ISO 3166 alpha-2, trimmed ...") and a remark after a fallback's value. Before, each was flagged. DuckDB.
 */
class EverydayCleaningWordingTest {
    // first: ' ann', null, '  ', 'Bo'; last: 'lee ', 'Smith', ' Acme Ltd', null
    private static final RuleTable PEOPLE = new RuleTable("people", "id", new String[]{"id", "first_name", "last_name", "code", "qty"},
            new String[]{"1", " ann", "lee ", " y", "5"}, new String[]{"2", null, "Smith", "A ", "x"},
            new String[]{"3", "  ", " Acme Ltd", "   ", "7"}, new String[]{"4", "Bo", null, "Y", null});

    @Test
    void shouldJoinCleanedPartsOfANameAndFallBackWhenTheFirstIsMissing() throws Exception {
        PEOPLE.expect("VARCHAR(60)", "first_name,last_name", List.of(
                        "Trimmed first name, a single space, trimmed last name. If the first name is empty or NULL use the"
                                + " trimmed last name on its own. Keep the case as received.",
                        "Trimmed first name, one space, trimmed last name. If the first name is blank, use the trimmed last"
                                + " name alone."),
                "ann lee", "Smith", "Acme Ltd", null);
        PEOPLE.expect("VARCHAR(60)", "first_name,last_name", List.of(
                        "First name and last name, each trimmed, joined with a single space."),
                "ann lee", null, " Acme Ltd", null);
        PEOPLE.expect("VARCHAR(60)", "first_name,last_name", List.of(
                        "Last name trimmed and in upper case, then a comma and a single space, then the first name trimmed."),
                "LEE, ann", null, "ACME LTD, ", null);
    }

    @Test
    void shouldReadCleaningVerbsAndTypesWrittenAsNouns() throws Exception {
        PEOPLE.expect("VARCHAR(20)", "last_name", List.of("Remove surrounding spaces and convert to upper case.",
                        "Remove leading/trailing spaces and put in upper case."),
                "LEE", "SMITH", "ACME LTD", null);
        PEOPLE.expect("INTEGER", "qty", List.of("Integer cast."), "5", null, "7", null);
        PEOPLE.expect("DECIMAL(10,2)", "qty", List.of("Cast to a decimal number with 2 decimal places."), "5", null, "7", null);
    }

    @Test
    void shouldTestWhatIsLeftAfterTheCleaning() throws Exception {
        PEOPLE.expect("VARCHAR(20)", "first_name", List.of("Trim and lower-case. If nothing is left (blank or only spaces) load NULL."),
                "ann", null, null, "bo");
        PEOPLE.expect("VARCHAR(20)", "code", List.of("Trimmed and upper case. If blank or NULL, default to 'OVERHEAD' (time not"
                + " booked to a project)."), "Y", "A", "OVERHEAD", "Y");
        PEOPLE.expect("CHAR(2)", "code", List.of("ISO 3166 alpha-2, trimmed and upper-cased."), "Y", "A", "", "Y");
    }

    @Test
    void shouldReadACodeListedInBothCasesAndACodeGivenInBrackets() throws Exception {
        PEOPLE.expect("BOOLEAN", "code", List.of("true when code (trimmed) is Y or y, otherwise false."), "true", "false", "false", "true");
        PEOPLE.expect("BOOLEAN", "code", List.of("True if the code is Accepted (code A), else false."), "false", "false", "false", "false");
        PEOPLE.expect("BOOLEAN", "code", List.of("True if the trimmed code is Accepted (code A), else false."), "false", "true", "false",
                "false");
    }

    @Test
    void shouldReadSignsByNameAndADefaultWithoutACommaBeforeIt() throws Exception {
        RuleTable rates = new RuleTable("loans", "id", new String[]{"id", "rate", "branch"}, new String[]{"1", " 4.25 %", " nw"},
                new String[]{"2", "1,000", ""}, new String[]{"3", null, null});
        rates.expect("DECIMAL(8,3)", "rate", List.of("Strip any % sign and spaces, then cast to decimal(8,3)."), "4.25", null, null);
        rates.expect("DECIMAL(8,2)", "rate", List.of("Remove the thousands separator commas and cast to decimal(8,2)."), null, "1000",
                null);
        rates.expect("VARCHAR(10)", "branch", List.of("Trim and upper case. If blank or null default to 'UNASSIGNED'."), "NW",
                "UNASSIGNED", "UNASSIGNED");
    }
}
