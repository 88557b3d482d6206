package io.aide.compiler;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Columns named by a word or two that leave the name's kind out (bonus for bonus_amt, store size for store_size_sqft,
 * received date for rcvd_dt), stand-ins for a missing column, tests of the source after an operation, numbers with
 * their unit, separators by name, labels of a true value and codes that are words of the grammar. Each phrase runs
 * in DuckDB and gives the values it says.
 */
class RuleNamesAndStandInsTest {
    private static final RuleTable TABLE = new RuleTable("claims", "id", new String[]{"id", "base_amt", "ot_amt",
            "bonus_amt", "copay_amt", "allowed_amt", "rcvd_dt", "paid_dt", "stat_cd", "lat_txt", "st", "store_size_sqft",
            "weight_kg", "first_nm", "last_nm", "mbr_age"},
            new String[]{"1", "100", "10", "5", "10", "40", "2024-01-01", "2024-01-11", "open", "12.5", "OR", "60000", "5",
                    "ada", "Lovelace", "9"},
            new String[]{"2", "200", null, null, "5", "0", "2024-02-01", null, "  ", "abc", "NY", "50000", "4", "Alan",
                    "turing", "64"},
            new String[]{"3", null, null, null, "5", null, null, null, null, null, null, null, null, "Grace", null, "65"});

    private void expect(String type, String source, List<String> rules, Object... expected) throws Exception {
        TABLE.expect(type, source, rules, expected);
    }

    @Test
    void shouldReadColumnsNamedByWordsThatLeaveTheirKindOut() throws Exception {
        // Given base_amt, ot_amt, bonus_amt: one word names a measure's column, a listed or contracted short form
        expect("DOUBLE", "base_amt, ot_amt, bonus_amt", List.of("Base + overtime + bonus (treat missing as zero)",
                "base plus overtime plus bonus, treating nulls as 0"), "115", "200", "0");
        expect("DOUBLE", "copay_amt, allowed_amt", List.of("Copay divided by allowed amount; null if allowed amount is zero or missing"),
                "0.25", null, null);
        expect("INTEGER", "rcvd_dt, paid_dt", List.of("Days from received date to paid date"), "10", null, null);
        // a single word never leaves a date's kind out: "Open" and "Closed" stay labels beside a closed date
        assertThat(TABLE.flagged("VARCHAR", "paid_dt", "Paid + 1")).isNotBlank();
    }

    @Test
    void shouldLetAColumnStandInForAMissingOne() throws Exception {
        expect("INTEGER", "rcvd_dt, paid_dt", List.of("paid_dt - rcvd_dt in days; use rcvd_dt when paid_dt is null",
                "Days between rcvd_dt and paid_dt, if paid_dt is missing then use rcvd_dt"), "10", "0", null);
        assertThat(TABLE.compile("INTEGER", "rcvd_dt, paid_dt", "paid_dt - rcvd_dt in days; use today when paid_dt is null")
                .sql().get("duckdb")).contains("COALESCE(TRY_CAST(\"claims\".\"paid_dt\" AS DATE), CURRENT_DATE)");
    }

    @Test
    void shouldTestTheSourceWhenTheSentenceAfterTheRuleLeavesItOut() throws Exception {
        // stat_cd: 'open', '  ', null; the value is upper-cased, the blank test reads the source as it arrives
        expect("VARCHAR", "stat_cd", List.of("Upper case of stat_cd; if blank, 'PENDING'", "Upper case of stat_cd; 'PENDING' if blank"),
                "OPEN", "PENDING", "PENDING");
        expect("DECIMAL(9,6)", "lat_txt", List.of("Cast to decimal; set to null if not numeric",
                "null if lat_txt is not a number"), "12.5", null, null);
    }

    @Test
    void shouldReadNumbersWithTheirUnit() throws Exception {
        expect("BOOLEAN", "store_size_sqft", List.of("true if store_size_sqft >= 50000 sq ft",
                "Flagship if store size is at least 50000 sq ft"), "true", "true", "false");
        // weight_kg 5, 4: 10 lbs is 4.54 kg
        expect("BOOLEAN", "weight_kg", List.of("true if weight_kg is over 10 lbs"), "true", "false", "false");
        assertThat(TABLE.flagged("BOOLEAN", "weight_kg", "true if weight_kg > 10 feet")).contains("measure different things");
    }

    @Test
    void shouldNameSeparatorsAndCodesAsAnalystsWriteThem() throws Exception {
        expect("VARCHAR", "first_nm, last_nm", List.of("Concatenate last name and first name separated by a comma and a space",
                "last name and first name separated by a comma followed by a space"), "Lovelace, ada", "turing, Alan", null);
        expect("VARCHAR", "st", List.of("CA, OR, WA = West; NY, NJ = Northeast; else Other",
                "Map using lookup: CA, OR, WA = West; NY, NJ = Northeast; else Other"), "West", "Northeast", "Other");
        expect("VARCHAR", "mbr_age", List.of("<18 'Child', 18 to 64 'Adult', 65 and over 'Senior'"), "Child", "Adult", "Senior");
    }

    @Test
    void shouldReadInitialsUnitsOfDataAndEnergyAndDatesAgainstToday() throws Exception {
        RuleTable t = new RuleTable("sub", "id", new String[]{"id", "mrr_cents", "dc_cd", "bytes_used", "rdg_wh", "trial_end_dt",
                "delay_min", "dep_dt", "carrier_cd"},
                new String[]{"1", "12345", "EU-1", "1073741824", "2500", "2999-01-01", "15", "2024-03-05", "AB"},
                new String[]{"2", "100", "US", "536870912", "1000", "2000-01-01", "16", null, "CD"});
        // "monthly recurring revenue" for mrr_cents, "data center code" for dc_cd: a part spelled by the words' initials
        t.expect("DOUBLE", "mrr_cents", List.of("Monthly recurring revenue converted from cents to dollars"), "123.45", "1");
        t.expect("VARCHAR", "dc_cd", List.of("Text before the first hyphen in the data center code"), "EU", "US");
        t.expect("DOUBLE", "bytes_used", List.of("Convert bytes_used from bytes to gigabytes"), "1", "0.5");
        t.expect("DOUBLE", "rdg_wh", List.of("Convert watt hours to kilowatt hours"), "2.5", "1");
        t.expect("BOOLEAN", "trial_end_dt", List.of("Trial when trial end date is in the future"), "true", "false");
        t.expect("BOOLEAN", "trial_end_dt", List.of("true if trial_end_dt is in the past"), "false", "true");
        t.expect("VARCHAR", "delay_min", List.of("'Y' if delay is 15 minutes or less else 'N'"), "Y", "N");
        // a date's format after the last item formats that item, never the concatenated text
        t.expect("VARCHAR", "carrier_cd, dep_dt", List.of("carrier_cd || '_' || dep_dt formatted YYYYMMDD"), "AB_20240305", null);
    }

    @Test
    void shouldReadPairsWithoutSeparatorsDashesAndCodesWithoutQuotes() throws Exception {
        expect("VARCHAR", "st", List.of("OR=Oregon NY=New York", "OR - Oregon, NY - New York"), "Oregon", "New York", null);
        expect("VARCHAR", "stat_cd", List.of("open = Semi-annual; else Other"), "Semi-annual", "Other", "Other");
        expect("VARCHAR", "stat_cd", List.of("Initcap of stat_cd, Unknown when null"), "Open", "  ", "Unknown");
        expect("VARCHAR", "stat_cd", List.of("Upper case of stat_cd; 'Unknown' if null or blank"), "OPEN", "Unknown", "Unknown");
    }

    @Test
    void shouldReadCountsHeldByAColumnPartsOfDatesAsSubjectsAndPluralShortForms() throws Exception {
        RuleTable t = new RuleTable("flt", "id", new String[]{"id", "seat_cnt", "pax_cnt", "seat_cap", "evt_ts", "cancel_dt",
                "signup_dt"},
                new String[]{"1", "0", "90", "180", "2024-01-01 09:30:00", "", "2024-01-01"},
                new String[]{"2", "4", "45", "0", "2024-01-01 18:00:00", "2024-03-01", "2024-01-01"});
        // seat_cnt holds the number: no COUNT over rows
        t.expect("INTEGER", "seat_cnt", List.of("Number of seats; 1 if null or zero"), "1", "4");
        t.expect("BOOLEAN", "evt_ts", List.of("True when the hour of evt_ts is between 9 and 17"), "true", "false");
        // "passengers" for pax_cnt: the listed short form of the word's singular
        t.expect("DOUBLE", "pax_cnt, seat_cap", List.of("Passengers / seat capacity * 100"), "50", null);
        // an empty text date is missing too: the stand-in takes its place
        t.expect("INTEGER", "signup_dt, cancel_dt", List.of("Days between signup_dt and cancel_dt; use signup_dt if cancel_dt is empty"),
                "0", "60");
    }

    @Test
    void shouldKeepANumberWithinItsBoundAndNeverDropWhatASentenceAsks() throws Exception {
        // base_amt 100, 200, null: a bound keeps NULL
        expect("DOUBLE", "base_amt", List.of("Round to two decimal places; cap at 150", "capped at 150"), "100", "150", null);
        expect("DOUBLE", "base_amt", List.of("floor at 150"), "150", "200", null);
        // a parenthesis that asks for a case-insensitive comparison is no label to pass over: the comparison is read so
        // (stat_cd 'open', '  ', null)
        expect("BOOLEAN", "stat_cd", List.of("True if stat_cd is 'OPEN' (case insensitive)"), "true", "false", "false");
        assertThat(TABLE.flagged("BOOLEAN", "base_amt", "True if base_amt > 150 (case insensitive)")).contains("case insensitive");
    }

    @Test
    void shouldReadValueMapsWrittenWithVerbsSlashesAndAnOtherKey() throws Exception {
        // st: OR, NY, null
        expect("VARCHAR", "st", List.of("OR stays OR, NY and NJ become NE, anything else XX"), "OR", "NE", "XX");
        expect("VARCHAR", "st", List.of("OR: Oregon / NY: New York / other: XX"), "Oregon", "New York", "XX");
        expect("VARCHAR", "st", List.of("NY -> East, OR/WA -> West, else Other"), "West", "East", "Other");
        // a slash inside a value is no separator between pairs: flagged, never 'G' for 'G/L account'
        assertThat(TABLE.flagged("VARCHAR", "st", "OR - G/L account, NY - Vendor invoice, all others 'Other'")).isNotBlank();
        // lat_txt: 12.5, abc, null
        expect("DOUBLE", "lat_txt", List.of("Convert to double; default 0 if conversion fails"), "12.5", "0", null);
        expect("VARCHAR", "st", List.of("Straight pull"), "OR", "NY", null);
    }
}
