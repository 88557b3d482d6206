package io.aide.compiler;

import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * Forms met on fresh probes of policy, call, sensor, campaign, student and listing rules: two dates sharing one noun
 * ("between effective and expiry date"), moments named by their last part ("end time"), codes kept and one value for
 * any other, "has at least one claim", a flag named by its verb ("if roaming"), a default for an empty total, words
 * that share a stem with a name's part ("withdrawal" for withdrawn_dt, "enrollment" for enroll_dt), "Date of the
 * reading", a scale said after the one wanted, a name that is a unit ("square feet" for sqft) and listed short forms
 * ("firmware version" for fw_version). Each phrase runs in DuckDB.
 */
class RuleCountsFlagsAndStemsTest {
    private static final RuleTable TABLE = new RuleTable("t", "id", new String[]{"id", "eff_dt", "exp_dt", "call_start",
            "call_end", "gender", "claims_cnt", "roam_flag", "withdrawn_dt", "enroll_dt", "reading_ts", "temp_f", "price", "sqft",
            "fw_version"},
            new String[]{"1", "2024-01-15", "2024-07-15", "2024-03-01 10:00:00", "2024-03-01 10:01:30", "M", "2", "Y", null,
                    "2021-09-01", "2024-05-06 23:59:00", "212", "300000", "1500", "4.2.1"},
            new String[]{"2", "2024-01-31", "2025-01-30", "2024-03-01 23:59:30", "2024-03-02 00:00:10", "x", "0", "n", "2023-02-01",
                    "2019-01-15", "2024-12-31 00:00:00", "32", "99999", "0", "10"},
            new String[]{"3", null, null, null, null, null, null, null, null, null, null, null, null, null, null});

    @Test
    void shouldReadTwoDatesSharingOneNoun() throws Exception {
        TABLE.expect("INTEGER", "eff_dt, exp_dt", List.of("Term length in months between effective and expiry date"),
                "6", "11", null);
        TABLE.expect("INTEGER", "call_start, call_end", List.of("Call duration in seconds (end time minus start time)"),
                "90", "40", null);
    }

    @Test
    void shouldKeepListedCodesAndGiveOneValueForAnyOther() throws Exception {
        TABLE.expect("VARCHAR", "gender", List.of("M/F; anything else U", "M, F kept; anything else U"), "M", "U", "U");
    }

    @Test
    void shouldTestACountAndAFlagNamedByItsVerb() throws Exception {
        TABLE.expect("BOOLEAN", "claims_cnt", List.of("True when the policy has at least one claim",
                "True if the policy has one or more claims"), "true", "false", "false");
        TABLE.expect("VARCHAR", "roam_flag", List.of("'Y' if roaming, otherwise 'N'"), "Y", "N", "N");
    }

    @Test
    void shouldMatchWordsSharingAStemWithAName() throws Exception {
        TABLE.expect("BOOLEAN", "withdrawn_dt", List.of("True when withdrawal date is present"), "false", "true", "false");
        TABLE.expect("INTEGER", "enroll_dt", List.of("Enrollment year", "year of enrollment"), "2021", "2019", null);
        // a part then a format asks for the date formatted, never the part formatted as a date
        TABLE.expect("VARCHAR", "enroll_dt", List.of("Enrollment month formatted as YYYYMM"), "202109", "201901", null);
    }

    @Test
    void shouldReadTheDateOfAnEvent() throws Exception {
        TABLE.expect("DATE", "reading_ts", List.of("Date of the reading"), "2024-05-06", "2024-12-31", null);
    }

    @Test
    void shouldReadScalesUnitsAndShortFormsOfNames() throws Exception {
        TABLE.expect("DECIMAL(6,2)", "temp_f", List.of("Temperature in Celsius from Fahrenheit, 2 decimals"), "100", "0", null);
        TABLE.expect("DECIMAL(10,2)", "price, sqft", List.of("Price / square feet, rounded to 2 decimals"), "200", null, null);
        TABLE.expect("VARCHAR", "fw_version", List.of("text before the first dot of the firmware version"), "4", "10", null);
    }
}
