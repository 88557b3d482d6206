package io.aide.compiler;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everyday wording over columns with abbreviated names (first_nm, email_addr, list_prc): names written as words, an
 * operation followed by the column it works on, title case, bands of numbers and open else words. Each phrase runs
 * in DuckDB and gives the values it says.
 */
class RuleEverydayWordingTest {
    private static final RuleTable TABLE = new RuleTable("crm", "id", new String[]{"id", "first_nm", "last_nm",
            "email_addr", "prod_desc", "list_prc", "chnl_cd", "phone_no", "sold_dt", "qty", "ship_dt", "mbr_id", "allowed",
            "billed"},
            new String[]{"1", "ada", "Lovelace", "  Ada@Example.COM ", "red WOOL scarf", "5", "01", "+1 (555) 12-34",
                    "2024-02-10", "4", "2024-02-12", "00042", "7", "9"},
            new String[]{"2", "Alan", "turing", "alan@example.com", "blue  hat", "10", "02", "555.99#", "2024-11-30", "0",
                    "2024-12-01", "7", null, "3"},
            new String[]{"3", "Grace", null, null, "  ", "75", "09", null, null, null, null, "000", null, null});

    private void expect(String type, String source, List<String> rules, Object... expected) throws Exception {
        TABLE.expect(type, source, rules, expected);
    }

    @Test
    void shouldReadColumnNamesWrittenAsTheirWords() throws Exception {
        expect("VARCHAR", "first_nm, last_nm", List.of("Concatenate first name and last name with a space",
                "first name followed by last name separated by a space"), "ada Lovelace", "Alan turing", null);
        // a word that could be two columns' is no name of either
        assertThat(TABLE.flagged("VARCHAR", "first_nm, last_nm", "Upper case of the name")).isNotBlank();
    }

    @Test
    void shouldApplyAnOperationToTheColumnWrittenAfterIt() throws Exception {
        expect("VARCHAR", "email_addr", List.of("Lower-case and trim the email address", "trim and lower case email_addr",
                "Trim the email address, then lower case"), "ada@example.com", "alan@example.com", null);
    }

    @Test
    void shouldWriteEachWordWithACapitalInEveryDialect() throws Exception {
        expect("VARCHAR", "prod_desc", List.of("Proper case of prod_desc", "Title case", "capitalize each word of the prod desc"),
                "Red Wool Scarf", "Blue  Hat", "  ");
        assertThat(TABLE.compile("VARCHAR", "prod_desc", "Proper case").sql()).allSatisfy((dialect, sql) ->
                assertThat(sql).as(dialect).containsAnyOf("INITCAP", "initcap", "LIST_TRANSFORM"));
    }

    @Test
    void shouldMapBandsOfNumbersInOrder() throws Exception {
        expect("VARCHAR", "list_prc", List.of("Under 10 -> 'Low', 10 to 50 -> 'Mid', over 50 -> 'High'",
                "less than 10: Low; between 10 and 50: Mid; 51 or more: High",
                "< 10 = 'Low', 10-50 = 'Mid', > 50 = 'High'"), "Low", "Mid", "High");
        // codes with leading zeros and an open else
        expect("VARCHAR", "chnl_cd", List.of("Map chnl_cd: 01 = Store, 02 = Web; anything else 'Unknown'"),
                "Store", "Web", "Unknown");
    }

    @Test
    void shouldRemoveKindsOfCharacters() throws Exception {
        expect("VARCHAR", "phone_no", List.of("Remove all non-numeric characters from phone_no", "strip non-digits",
                "remove everything but digits"), "15551234", "55599", null);
        expect("VARCHAR", "phone_no", List.of("Remove special characters"), "1 555 1234", "55599", null);
        assertThat(TABLE.compile("VARCHAR", "phone_no", "strip non-digits").sql()).allSatisfy((dialect, sql) ->
                assertThat(sql).as(dialect).containsIgnoringCase("REGEXP_REPLACE").contains("[^0-9]"));
    }

    @Test
    void shouldJoinOperationsOnColumnsWhereTheRuleSaysItJoins() throws Exception {
        expect("VARCHAR", "sold_dt", List.of("'Q' || quarter of sold_dt", "'Q' || quarter from sold_dt"), "Q1", "Q4", null);
    }

    @Test
    void shouldReadAnExceptionAfterTheRule() throws Exception {
        expect("DOUBLE", "list_prc, qty", List.of("list_prc / qty, 0 when qty = 0", "list_prc / qty. If qty = 0 then 0",
                "list_prc / qty; 0 if qty is zero"), "1.25", "0", null);
        expect("VARCHAR", "prod_desc", List.of("Trim prod_desc, replace empty string with NULL",
                "trim, then replace blanks with null"), "red WOOL scarf", "blue  hat", null);
    }

    @Test
    void shouldReadDatesByTheirNamesAndCompareThem() throws Exception {
        // columns without a registered type whose names say they are dates subtract and compare as dates
        expect("INTEGER", "sold_dt, ship_dt", List.of("ship_dt - sold_dt + 1", "ship_dt minus sold_dt plus 1"), "3", "2", null);
        expect("BOOLEAN", "sold_dt, ship_dt", List.of("ship_dt later than sold_dt", "sold_dt is before ship_dt"),
                "true", "true", null);
        expect("VARCHAR", "sold_dt", List.of("Month name of sold_dt", "the month name of the sold dt"),
                "February", "November", null);
        expect("VARCHAR", "sold_dt", List.of("Day name of sold_dt"), "Saturday", "Saturday", null);
    }

    @Test
    void shouldReadSeparatorsSidesAndNounsAnalystsWrite() throws Exception {
        expect("VARCHAR", "first_nm, last_nm", List.of("last name, comma, space, first name"), "Lovelace, ada",
                "turing, Alan", null);
        expect("VARCHAR", "mbr_id", List.of("Left trim zeros", "ltrim zeros".replace("ltrim", "left trim")), "42", "7", "");
        expect("VARCHAR", "phone_no", List.of("Strip spaces, dashes and dots"), "+1(555)1234", "55599#", null);
        expect("VARCHAR", "prod_desc", List.of("Substring of prod_desc from position 5 for 4 characters"),
                "WOOL", "  ha", "");
        expect("INTEGER", "allowed, billed", List.of("Allowed amount; when null use billed amount"), "7", "3", null);
    }

    @Test
    void shouldNotTurnRowLevelWordingIntoAggregatesOrLoseTheClock() throws Exception {
        // the columns of one row added, whatever "sum of" says elsewhere about rows
        expect("INTEGER", "list_prc, allowed, billed", List.of("Sum of list_prc + allowed + billed"), "21", null, null);
        // the hour of a text timestamp is its hour, not the hour of its date (always 0)
        expect("INTEGER", "sold_dt", List.of("Hour of sold_dt"), "0", "0", null);
        TableWithClock.expectHours();
        // "not blank" excludes a text of spaces as well as NULL
        expect("BOOLEAN", "prod_desc", List.of("prod_desc is not blank", "prod_desc is not empty"), "true", "true", "false");
    }

    /** A table whose text holds times of day. */
    private static final class TableWithClock {
        private static final RuleTable CLOCK = new RuleTable("ev", "id", new String[]{"id", "seen_at"},
                new String[]{"1", "2024-03-05 14:30:00"}, new String[]{"2", "2024-03-05 07:05:09"});

        static void expectHours() throws Exception {
            assertThat(CLOCK.run("INTEGER", "seen_at", "Hour of seen_at", "out", RuleTable::text)).containsExactly("14", "7");
            assertThat(CLOCK.run("INTEGER", "seen_at", "minute of seen_at", "out", RuleTable::text)).containsExactly("30", "5");
        }
    }

    @Test
    void shouldReadSqlCaseWithLikeAndShareWordsAndExceptionsInParentheses() throws Exception {
        expect("VARCHAR", "prod_desc", List.of("Case when prod_desc like '%WOOL%' then 'wool' when prod_desc like 'blue%' "
                + "then 'blue' else 'other' end", "CASE WHEN prod_desc LIKE '%WOOL%' THEN 'wool' WHEN prod_desc NOT LIKE "
                + "'%scarf%' AND prod_desc LIKE 'b%' THEN 'blue' ELSE 'other' END"), "wool", "blue", "other");
        expect("DOUBLE", "list_prc", List.of("list_prc less 10 percent", "list_prc minus 10%"), "4.5", "9", "67.5");
        expect("DOUBLE", "list_prc", List.of("list_prc plus 20 pct"), "6", "12", "90");
        expect("DOUBLE", "list_prc, qty", List.of("list_prc / qty (null when qty is 0)", "list_prc / qty (0 if qty = 0)"
                .replace("(0 if", "(null if")), "1.25", null, null);
    }

    @Test
    void shouldReadOperationsWithTheirColumnInTheMiddle() throws Exception {
        expect("VARCHAR", "chnl_cd", List.of("Prefix chnl_cd with 'CH-'", "prefix with 'CH-'"), "CH-01", "CH-02", "CH-09");
        expect("VARCHAR", "phone_no", List.of("Digits only", "keep only digits", "only the digits"), "15551234", "55599", null);
        expect("VARCHAR", "mbr_id", List.of("Left pad to 7 with zeros", "pad mbr_id with zeros to 7"), "0000042", "0000007",
                "0000000");
        expect("DATE", "sold_dt", List.of("Truncate sold_dt to date"), java.sql.Date.valueOf("2024-02-10").toString(),
                "2024-11-30", null);
    }

    @Test
    void shouldReadAnAgeWhateverTheOrderOfItsParts() throws Exception {
        // the reference date is the load: the values move with the calendar, so only their shape is checked here
        for (String rule : List.of("Age in years as of today from sold_dt", "age in years at time of load",
                "Whole years between sold_dt and current date")) {
            assertThat(TABLE.compile("INTEGER", "sold_dt", rule).columns().get(1).status()).as(rule).isEqualTo("compiled");
        }
        expect("INTEGER", "sold_dt, ship_dt", List.of("age of sold_dt at ship_dt", "age at ship_dt from sold_dt"), "0", "0", null);
        assertThat(TABLE.flagged("INTEGER", "sold_dt", "Age in years")).contains("the date the age is reached at");
    }

    @Test
    void shouldReadFunctionsOfOneEngineAsThePortableExpressionTheyMean() throws Exception {
        expect("VARCHAR", "chnl_cd", List.of("DECODE(chnl_cd, '01', 'Store', '02', 'Web', 'Other')",
                "CASE chnl_cd WHEN '01' THEN 'Store' WHEN '02' THEN 'Web' ELSE 'Other' END"), "Store", "Web", "Other");
        expect("VARCHAR", "allowed", List.of("ISNULL(allowed, 'none')", "= NVL(allowed; 'none')"), "7", "none", "none");
        expect("VARCHAR", "sold_dt", List.of("TO_CHAR(sold_dt, 'YYYYMM')"), "202402", "202411", null);
        expect("INTEGER", "sold_dt, ship_dt", List.of("DATEDIFF(day, sold_dt, ship_dt)", "DATEDIFF(dd; sold_dt; ship_dt)"),
                "2", "1", null);
        expect("INTEGER", "sold_dt, ship_dt", List.of("DATEDIFF(month, sold_dt, ship_dt)"), "0", "1", null);
        expect("INTEGER", "sold_dt", List.of("DATEPART(year, sold_dt)", "DATE_PART('month', sold_dt)".replace("month", "year")),
                "2024", "2024", null);
        expect("DATE", "sold_dt", List.of("DATE_TRUNC('month', sold_dt)", "TRUNC(sold_dt, 'MM')"), "2024-02-01",
                "2024-11-01", null);
        expect("VARCHAR", "mbr_id", List.of("RIGHT('0000' || mbr_id, 4)", "Source: RIGHT('0000' || mbr_id; 4)"),
                "0042", "0007", "0000");
        assertThat(TABLE.flagged("DATE", "sold_dt", "DATE_TRUNC('week', sold_dt)")).contains("week");
    }

    @Test
    void shouldReadBranchesWithCallsArithmeticAndTheSubjectLeftOut() throws Exception {
        expect("VARCHAR", "chnl_cd", List.of("If chnl_cd is '01' then 'Store', if '02' then 'Web', otherwise 'Other'",
                "If chnl_cd = '01' then 'Store' if '02' then 'Web' else 'Other'"), "Store", "Web", "Other");
        expect("VARCHAR", "prod_desc", List.of("If prod_desc is blank, 'none', else upper(prod_desc)"), "RED WOOL SCARF",
                "BLUE  HAT", "none");
        expect("INTEGER", "list_prc, chnl_cd", List.of("list_prc * 12 when chnl_cd = '01', list_prc * 4 when chnl_cd = '02', else list_prc"),
                "60", "40", "75");
        // a key written as a word for "no value" is no code
        expect("BOOLEAN", "allowed", List.of("7 = true; 3 or blank = false"), "true", "false", "false");
        expect("DATE", "sold_dt, qty", List.of("sold_dt plus qty days"), "2024-02-14", "2024-11-30", null);
        expect("DOUBLE", "list_prc", List.of("10% of list_prc"), "0.5", "1", "7.5");
        // beside a number, text columns are read as numbers in GREATEST / LEAST (DuckDB skips a NULL argument)
        expect("DOUBLE", "list_prc, qty", List.of("GREATEST(list_prc - qty, 0)"), "1", "10", "0");
    }

    @Test
    void shouldTakeTheTextOnOneSideOfACharacter() throws Exception {
        expect("VARCHAR", "email_addr", List.of("Part of email_addr after the @ sign", "everything after the first '@'",
                "the text following @ in email_addr"), "Example.COM ", "example.com", null);
        expect("VARCHAR", "email_addr", List.of("Part of email_addr before the @ sign", "text before '@'"),
                "  Ada", "alan", null);
        // no such character: nothing follows it, the whole text precedes it
        expect("VARCHAR", "prod_desc", List.of("text after the first dash"), null, null, null);
        expect("VARCHAR", "prod_desc", List.of("text before the first dash"), "red WOOL scarf", "blue  hat", "  ");
        assertThat(TABLE.compile("VARCHAR", "email_addr", "text after '@'").sql()).allSatisfy((dialect, sql) ->
                assertThat(sql).as(dialect).containsAnyOf("POSITION('@' IN ", "STRPOS("));
    }

    @Test
    void shouldGiveTheFirstDayOfTheWeekMonthQuarterOrYear() throws Exception {
        // 2024-02-10 and 2024-11-30 are Saturdays
        expect("DATE", "sold_dt", List.of("Start of week (Monday) of sold_dt", "week start date of sold_dt",
                "truncate sold_dt to the week"), "2024-02-05", "2024-11-25", null);
        expect("DATE", "sold_dt", List.of("Week start (Sunday) of sold_dt", "start of the week starting Sunday for sold_dt"),
                "2024-02-04", "2024-11-24", null);
        expect("DATE", "sold_dt", List.of("First day of the month of sold_dt", "month start of sold_dt"),
                "2024-02-01", "2024-11-01", null);
        expect("DATE", "sold_dt", List.of("beginning of quarter for sold_dt"), "2024-01-01", "2024-10-01", null);
        expect("DATE", "sold_dt", List.of("Beginning of the year of sold_dt"), "2024-01-01", "2024-01-01", null);
        assertThat(TABLE.compile("DATE", "sold_dt", "start of week of sold_dt").sql().get("bigquery")).contains("ISOWEEK");
    }

    @Test
    void shouldReadComparisonsMapsAndAdjustmentsWrittenInWords() throws Exception {
        expect("BOOLEAN", "sold_dt, ship_dt", List.of("ship_dt on or after sold_dt", "sold_dt is on or before ship_dt",
                "sold_dt no later than ship_dt"), "true", "true", null);
        expect("BOOLEAN", "qty", List.of("True if qty greater than zero"), "true", "false", "false");
        expect("VARCHAR", "chnl_cd", List.of("01 -> Store, 02 -> Web; anything else -> Other"), "Store", "Web", "Other");
        expect("VARCHAR", "list_prc", List.of("List prc 5 = Five, 10 = Ten"), "Five", "Ten", null);
        expect("VARCHAR", "prod_desc", List.of("Left 3 of prod_desc", "first 3 of prod_desc"), "red", "blu", "  ");
        expect("DOUBLE", "list_prc", List.of("list_prc - 7; null if negative", "list_prc - 7, set to 0 if negative"
                .replace("set to 0", "null")), null, "3", "68");
    }

    @Test
    void shouldConvertAColumnFromTheUnitItsNameEndsWith() throws Exception {
        RuleTable measures = new RuleTable("m", "id", new String[]{"id", "call_sec", "weight_lbs", "size_m"},
                new String[]{"1", "90", "10", "3"}, new String[]{"2", "30", null, "1"});
        assertThat(measures.run("DOUBLE", "call_sec", "Convert call_sec to minutes rounded to 2 decimals", "out",
                RuleTable::text)).containsExactly("1.5", "0.5");
        assertThat(measures.run("DECIMAL(10,3)", "weight_lbs", "Convert weight_lbs to kg", "out", RuleTable::text))
                .containsExactly("4.536", null);
        // a unit of another kind, or a name of one letter, converts nothing
        assertThat(measures.flagged("DOUBLE", "call_sec", "Convert call_sec to kilograms")).contains("different kinds");
        assertThat(measures.flagged("DOUBLE", "size_m", "Convert size_m to centimeters")).isNotBlank();
    }

    @Test
    void shouldApplyAnOperationOnlyWhereItsConditionHolds() throws Exception {
        // mbr_id: '00042', '7', '000'
        expect("VARCHAR", "mbr_id", List.of("Remove the first character if mbr_id is 5 characters long",
                "If mbr_id has 5 digits, remove the first character", "Remove prefix '0' when length of mbr_id = 5"),
                "0042", "7", "000");
        expect("VARCHAR", "first_nm", List.of("Upper case first_nm when first_nm is longer than 3 characters"),
                "ada", "ALAN", "GRACE");
        expect("VARCHAR", "mbr_id", List.of("drop the last 2 characters of mbr_id"), "000", "", "0");
        // "it" may be the character rather than the value, and arithmetic has no obvious fallback: both flagged
        assertThat(TABLE.flagged("VARCHAR", "mbr_id", "Remove the first character if it is '0'")).isNotBlank();
        assertThat(TABLE.flagged("INTEGER", "qty, chnl_cd", "qty * 2 if chnl_cd = '01'")).isNotBlank();
    }

    @Test
    void shouldReadMissingOperandsJoinsReplacementsAndNamesAsTheySay() throws Exception {
        // allowed: 7, null, null; billed: 9, 3, null
        expect("INTEGER", "allowed, billed", List.of("allowed + billed treating nulls as 0", "allowed + billed (treat nulls as zero)",
                "Sum of allowed + billed, nulls as 0"), "16", "3", "0");
        expect("VARCHAR", "sold_dt", List.of("'Q' + quarter of sold_dt + '/' + year of sold_dt"), "Q1/2024", "Q4/2024", null);
        expect("VARCHAR", "prod_desc", List.of("Take characters 1 through 3 of prod_desc"), "red", "blu", "  ");
        expect("VARCHAR", "prod_desc", List.of("Replace spaces in prod_desc with a dash", "replace ' ' with '-'"),
                "red-WOOL-scarf", "blue--hat", "--");
        expect("VARCHAR", "prod_desc", List.of("Trim spaces; if empty then 'Unnamed'", "trim, if blank then 'Unnamed'"),
                "red WOOL scarf", "blue  hat", "Unnamed");
        // list_prc '5', '10', '75' and qty '4', '0', null are text: compared as numbers by their names
        expect("VARCHAR", "list_prc, qty", List.of("'more' when list_prc > qty, otherwise 'less'"), "more", "more", "less");
        expect("INTEGER", "sold_dt", List.of("YYYYMM of sold_dt as integer"), "202402", "202411", null);
        // bands of numbers over a date measure something else (an age): flagged, not compared with the date
        assertThat(TABLE.flagged("VARCHAR", "sold_dt", "0-17 = Young, 18+ = Adult (based on age in years)")).contains("date");
        assertThat(TABLE.compile("INTEGER", "sold_dt", "Auto-generated surrogate").columns().get(1).status()).isEqualTo("compiled");
    }

    @Test
    void shouldReplaceLineBreaksInEveryDialect() throws Exception {
        RuleTable notes = new RuleTable("n", "id", new String[]{"id", "memo"}, new String[]{"1", "a\r\nb\nc"});
        assertThat(notes.run("VARCHAR", "memo", "Replace line breaks in memo with a space", "out", RuleTable::text))
                .containsExactly("a b c");
    }

    @Test
    void shouldReadASqlCallAsTheValueOperationsFollowAndSubjectsLeftOut() throws Exception {
        expect("VARCHAR", "first_nm", List.of("Upper(first_nm), default 'NONE' when null", "UPPER(TRIM(first_nm)) then default 'NONE'"),
                "ADA", "ALAN", "GRACE");
        // chnl_cd '01', '02', '09': the second and third branches test the first branch's column
        expect("VARCHAR", "chnl_cd", List.of("Store if chnl_cd starts with 0 and ends with 1, Web if ends with 2, else Other",
                "'Store' if chnl_cd = '01', 'Web' if is '02', else 'Other'"), "Store", "Web", "Other");
    }

    @Test
    void shouldReadBandsLabelsAndAffixesAsAnalystsWriteThem() throws Exception {
        // list_prc: 5, 10, 75; the later bands leave their subject out; a value list without else is NULL elsewhere
        expect("VARCHAR", "list_prc", List.of("list_prc >= 50 then 'A'; 8-49 then 'B'; below 8 'C'",
                "list_prc between 50 and 100 = 'A', between 8 and 49 = 'B', else 'C'"), "C", "B", "A");
        // a sentence with a branch is never dropped as a remark
        assertThat(TABLE.compile("VARCHAR", "list_prc", "list_prc >= 50 then 'A'; 8-49 then 'B'").sql().get("duckdb"))
                .contains("'B'");
        expect("INTEGER", "sold_dt", List.of("Date key (YYYYMMDD) of sold_dt"), "20240210", "20241130", null);
        expect("VARCHAR", "mbr_id", List.of("Prefix 'M' to mbr_id", "prefix mbr_id with 'M'"), "M00042", "M7", "M000");
        expect("VARCHAR", "mbr_id", List.of("Trim leading zeros from mbr_id"), "42", "7", "");
        expect("INTEGER", "list_prc, qty", List.of("list_prc x qty"), "20", "0", null);
        expect("DOUBLE", "list_prc", List.of("Cast list_prc to double; invalid values become null"), "5", "10", "75");
        expect("VARCHAR", "email_addr", List.of("Mail host: part of email_addr after the @ sign"), "Example.COM ", "example.com", null);
    }

    @Test
    void shouldReadIsoWeeksWeekendsEngineConditionalsAndArrowBranches() throws Exception {
        // sold_dt 2024-02-10 and 2024-11-30 are Saturdays
        expect("INTEGER", "sold_dt", List.of("ISO week number of sold_dt", "week of the year of sold_dt"), "6", "48", null);
        expect("INTEGER", "sold_dt", List.of("Day of week of sold_dt"), "6", "6", null);
        expect("BOOLEAN", "sold_dt", List.of("True if sold_dt falls on Saturday or Sunday", "True if sold_dt is a weekend"),
                "true", "true", "false");
        expect("BOOLEAN", "sold_dt", List.of("True if sold_dt is a weekday"), "false", "false", "false");
        expect("INTEGER", "first_nm", List.of("IIF(first_nm = 'ada', 1, 0)", "IF(first_nm = 'ada', 1, 0)"), "1", "0", "0");
        expect("VARCHAR", "list_prc", List.of("list_prc >= 50 -> 'High', list_prc >= 8 -> 'Mid', otherwise 'Low'"),
                "Low", "Mid", "High");
        expect("INTEGER", "qty", List.of("COALESCE(qty, 0) + 1", "NVL(qty; 0) + 1"), "5", "1", "1");
    }
}
