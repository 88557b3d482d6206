package io.aide.compiler;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forms met on a fresh probe of insurance, telecom and HR rules: a test of a column that is no flag ("true when
 * termination date is null"), '=' naming the value computed, text read as a truth value, masks that keep the last
 * characters, a date part of the row's one date column, an age "of the insured", a count "as of" a date, a unit
 * conversion followed by rounding, the target's own name for the row's one source, possessives, and text labels that
 * cannot be the target's type. Each phrase runs in DuckDB.
 */
class RuleNamesAndTruthsTest {
    private static final RuleTable TABLE = new RuleTable("pol", "id", new String[]{"id", "term_dt", "salary", "bonus_pct",
            "smoker_ind", "ssn", "call_start", "dur_sec", "insured_dob", "eff_dt", "hire_dt", "msisdn", "mgr_id", "state"},
            new String[]{"1", null, "50000", "10", "Y", "123-45-6789", "2024-03-15 10:42:00", "90", "1980-06-30", "2020-06-29",
                    "2010-01-15", "+1 (555) 010-2233", "7", "ny"},
            new String[]{"2", "2023-05-01", "80000", "5", "n", "987654321", "2024-12-30 23:05:00", "45", "1990-01-01", "2020-01-01",
                    "2019-12-31", "555.010.9999", null, " "},
            new String[]{"3", null, null, null, "maybe", null, null, null, null, null, null, null, null, null});

    @Test
    void shouldReadTrueWhenAColumnIsMissingAsATest() throws Exception {
        TABLE.expect("BOOLEAN", "term_dt", List.of("Active employee flag: true when termination date is null",
                "True when termination date is null"), "true", "false", "true");
        TABLE.expect("BOOLEAN", "term_dt", List.of("false when termination date is null"), "false", "true", "false");
    }

    @Test
    void shouldReadEqualsBeforeAFormulaAsTheValuesName() throws Exception {
        TABLE.expect("DECIMAL(12,2)", "salary, bonus_pct", List.of("Bonus amount = salary * bonus percentage / 100",
                "Bonus = salary * bonus percentage / 100"), "5000", "4000", null);
    }

    @Test
    void shouldReadTextAsATruthValue() throws Exception {
        TABLE.expect("BOOLEAN", "smoker_ind", List.of("Y/N indicator converted to boolean", "convert Y/N to boolean",
                "convert to boolean"), "true", "false", null);
    }

    @Test
    void shouldMaskAllButTheLastCharacters() throws Exception {
        TABLE.expect("VARCHAR", "ssn", List.of("Masked SSN: show only the last four digits, rest as X",
                "mask all but the last 4 characters with X"), "XXXXXXX6789", "XXXXX4321", null);
    }

    @Test
    void shouldTakeADatePartOfTheRowsOneDateColumn() throws Exception {
        TABLE.expect("INTEGER", "call_start", List.of("Hour of day of the call (0-23)", "hour of day", "Hour of the call"),
                "10", "23", null);
        TABLE.expect("INTEGER", "call_start", List.of("year"), "2024", "2024", null);
    }

    @Test
    void shouldReadAnAgeOfAPersonAndYearsAsOfADate() throws Exception {
        TABLE.expect("INTEGER", "insured_dob, eff_dt", List.of("Age of the insured at policy effective date",
                "Age of the insured at the effective date"), "39", "30", null);
        assertThat(TABLE.run("INTEGER", "hire_dt", "years since hire date as of today", "out", RuleTable::text).get(2))
                .isNull();
    }

    @Test
    void shouldRoundAValueConvertedToAnotherUnit() throws Exception {
        TABLE.expect("DECIMAL(10,2)", "dur_sec", List.of("Duration in minutes, two decimals",
                "Duration in minutes, rounded to two decimals"), "1.5", "0.75", null);
    }

    @Test
    void shouldReadTheTargetsOwnNameAsTheRowsOneSource() throws Exception {
        assertThat(TABLE.run("VARCHAR", "msisdn", "Phone number with all non-digit characters removed", "phone_number",
                RuleTable::text)).containsExactly("15550102233", "5550109999", null);
        // a name of another kind than the source's is a lookup, never the source itself
        assertThat(TABLE.compile("VARCHAR", "mgr_id", "Manager name", "manager_name").columns().get(1).status())
                .isEqualTo("flagged");
        TABLE.expect("INTEGER", "mgr_id", List.of("Manager's id"), "7", null, null);
        TABLE.expect("VARCHAR", "state", List.of("State abbreviation in upper case; default 'NA' when blank"), "NY", "NA", "NA");
    }

    @Test
    void shouldFlagTextLabelsThatCannotBeTheTargetsType() throws Exception {
        assertThat(TABLE.flagged("DECIMAL(12,2)", "salary", "Salary band: < 50000 Low, 50000-99999 Mid, >= 100000 High"))
                .contains("'Low'").contains("decimal");
    }
}
