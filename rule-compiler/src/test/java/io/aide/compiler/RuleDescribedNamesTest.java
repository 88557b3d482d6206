package io.aide.compiler;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wording around a rule that names rather than computes: words describing a column ("Annual salary", "the email
 * address", "weight in pounds", "seconds" for call_secs), a name for the value before '=' or ':' ("Line total = ..."),
 * a label without its colon ("Source order_no as is"), the rule itself in a parenthesis after a description, what a
 * missing operand counts as, "else if", a branch that leaves its column out, the places to round to said alone, a
 * floor said as "never below zero", many keys to one value and "others unchanged". Each phrase runs in DuckDB.
 */
class RuleDescribedNamesTest {
    private static final RuleTable TABLE = new RuleTable("staff", "id", new String[]{"id", "salary", "bonus", "email",
            "weight_lb", "call_secs", "claim_amt", "paid_amt", "carrier", "middle_nm", "last_nm", "first_nm", "roaming_ind",
            "order_no", "qty", "unit_price"},
            new String[]{"1", "60000", "1200", "Ada@Example.com", "10", "150", "120000", "20000", "ups", "Jane", "Doe", "John",
                    "1", "A-1", "2", "5.5"},
            new String[]{"2", "36000", null, "b@x.org", "2.5", "59", "500", "700", "FedEx", null, "Roe", "Rich", "0", "B-2",
                    "3", "2"},
            new String[]{"3", null, "10", null, null, null, "15000", "0", "DHL", "", null, null, null, null, null, null});

    @Test
    void shouldReadWordsThatDescribeAColumn() throws Exception {
        TABLE.expect("DECIMAL(12,2)", "salary", List.of("Annual salary divided by 12 rounded to 2 decimals"),
                "5000", "3000", null);
        TABLE.expect("VARCHAR", "email", List.of("Lowercase the email address"), "ada@example.com", "b@x.org", null);
        TABLE.expect("VARCHAR", "order_no", List.of("Source order_no as is"), "A-1", "B-2", null);
        TABLE.expect("DECIMAL(10,2)", "weight_lb", List.of("weight in pounds * 0.4536, rounded to 2 dp"), "4.54", "1.13", null);
        TABLE.expect("DECIMAL(10,2)", "call_secs", List.of("Call duration in minutes (seconds / 60), 2 decimal places"),
                "2.5", "0.98", null);
        TABLE.expect("VARCHAR", "last_nm, first_nm", List.of("Concatenate last name, a comma and a space, then first name"),
                "Doe, John", "Roe, Rich", null);
        // a word that changes the value is never read as a description of the column
        assertThat(TABLE.flagged("DECIMAL(12,2)", "salary", "Net salary divided by 12")).isNotBlank();
        // "pounds to kilograms" stays a conversion, not weight_lb named by its unit and then something unread
        TABLE.expect("DECIMAL(10,2)", "weight_lb", List.of("pounds to kilograms"), "4.54", "1.13", null);
    }

    @Test
    void shouldReadANameForTheValueBeforeItsRule() throws Exception {
        TABLE.expect("DECIMAL(12,2)", "qty, unit_price", List.of("Line total = qty * unit_price"), "11", "6", null);
        TABLE.expect("DECIMAL(12,2)", "claim_amt, paid_amt", List.of("Outstanding amount = claim_amt minus paid_amt, never below zero",
                "claim_amt minus paid_amt, not less than zero", "claim_amt - paid_amt, minimum 0"), "100000", "0", "15000");
        TABLE.expect("DECIMAL(12,2)", "salary, bonus", List.of("Total compensation: salary plus bonus (treat missing bonus as 0)",
                "salary plus bonus, missing bonus as 0"), "61200", "36000", null);
    }

    @Test
    void shouldReadBranchesWrittenTheWayAnalystsDo() throws Exception {
        TABLE.expect("VARCHAR", "claim_amt", List.of(
                "If claim amount > 100000 then 'LARGE' else if claim amount > 10000 then 'MEDIUM' else 'SMALL'"),
                "LARGE", "SMALL", "MEDIUM");
        TABLE.expect("VARCHAR", "roaming_ind", List.of("'Yes' if roaming_ind = 1, 'No' if 0"), "Yes", "No", null);
        TABLE.expect("VARCHAR", "middle_nm", List.of("First letter of middle name, blank if no middle name"), "J", "", "");
    }

    @Test
    void shouldMapManyKeysToOneValueAndKeepTheOthers() throws Exception {
        TABLE.expect("VARCHAR", "carrier", List.of(
                "Standardise carrier: 'UPS', 'ups', 'U.P.S.' all become 'UPS'; 'FedEx', 'FEDEX' become 'FEDEX'; others unchanged"),
                "UPS", "FEDEX", "DHL");
        // "else unchanged" keeps the value; it is no text 'unchanged'
        TABLE.expect("VARCHAR", "carrier", List.of("'ups' -> 'UPS', else unchanged", "'ups' -> 'UPS', else as is"),
                "UPS", "FedEx", "DHL");
    }

    private static final RuleTable VISITS = new RuleTable("visits", "id", new String[]{"id", "session_secs", "txn_desc",
            "txn_ts", "txn_amt", "fee_amt", "branch_cd", "referrer", "deceased_dt"},
            new String[]{"1", "150", "Coffee beans", "2024-03-01 10:11:12", "-5", "1", null, "news", "2024-01-02"},
            new String[]{"2", "59", "Tea", "2024-12-31 23:59:59", "7", "2", "NY", "", null},
            new String[]{"3", null, null, null, null, null, "LA", null, null});

    @Test
    void shouldReadAQuantityByWhatItsUnitMeasures() throws Exception {
        VISITS.expect("INTEGER", "session_secs", List.of("Session length in whole minutes"), "2", "0", null);
        VISITS.expect("DECIMAL(8,2)", "session_secs", List.of("Session length in minutes"), "2.5", "0.98", null);
    }

    @Test
    void shouldReadAColumnByTheWordItsLastPartStandsFor() throws Exception {
        VISITS.expect("VARCHAR", "txn_desc", List.of("Description truncated to 3 characters"), "Cof", "Tea", null);
        VISITS.expect("DATE", "txn_ts", List.of("Transaction date taken from the timestamp"), "2024-03-01", "2024-12-31", null);
        // two amounts: "the amount" names neither
        assertThat(VISITS.flagged("VARCHAR", "txn_amt, fee_amt", "'DEBIT' when the amount is negative, 'CREDIT' otherwise"))
                .isNotBlank();
        VISITS.expect("VARCHAR", "txn_amt", List.of("'DEBIT' when the amount is negative, 'CREDIT' otherwise"),
                "DEBIT", "CREDIT", "CREDIT");
    }

    @Test
    void shouldReplaceANamedColumnsMissingValueAndFallBackAfterOr() throws Exception {
        VISITS.expect("VARCHAR", "branch_cd", List.of("Replace null branch code with 'HQ'"), "HQ", "NY", "LA");
        VISITS.expect("VARCHAR", "referrer", List.of("Referrer, or 'direct' when empty", "referrer or 'direct' when empty"),
                "news", "direct", "direct");
        VISITS.expect("VARCHAR", "deceased_dt", List.of("'Y' if there is a deceased date, else 'N'",
                "'Y' if the visit has a deceased date, else 'N'"), "Y", "N", "N");
    }

    @Test
    void shouldDigestWithSha256() throws Exception {
        // hex text of the UTF-8 bytes, computed here independently of the engine
        VISITS.expect("VARCHAR", "branch_cd", List.of("SHA-256 hash of branch code", "sha256 of branch_cd"), null,
                sha256("NY"), sha256("LA"));
    }

    private static String sha256(String text) throws Exception {
        byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(d);
    }

    private static final RuleTable CUSTOMERS = new RuleTable("cust", "id", new String[]{"id", "email", "phone", "dob",
            "sale_dt", "opt_in_flg", "work_email"},
            new String[]{"1", "a@b.com", "(555) 12-34", "02/29/2024", "2024-03-05", null, "w@b.com"},
            new String[]{"2", "nobody", "555 9", "13/45/2024", "2023-12-31", "Y", null},
            new String[]{"3", null, null, null, null, "N", null});

    @Test
    void shouldNeverReadADescribedNameAsAnotherColumnOfThatKind() throws Exception {
        // "personal email" is no work_email: after a describing word only a column's whole name counts
        RuleTable staff = new RuleTable("staff", "id", new String[]{"id", "work_email"}, new String[]{"1", "w@b.com"});
        assertThat(staff.flagged("VARCHAR", "work_email", "Use work email; if empty use personal email")).isNotBlank();
        CUSTOMERS.expect("VARCHAR", "work_email", List.of("Lowercase the work email address"), "w@b.com", null, null);
    }

    @Test
    void shouldGiveTruthValuesForTruthCodesInATrueFalseColumn() throws Exception {
        // 'Y' cast to BOOLEAN fails on BigQuery: the codes are read as the truth values
        assertThat(CUSTOMERS.compile("BOOLEAN", "email", "Y if email contains '@' else N").sql().get("bigquery"))
                .contains("THEN TRUE").doesNotContain("'Y'");
        CUSTOMERS.expect("BOOLEAN", "email", List.of("Y if email contains '@' else N", "'Yes' if email contains '@', 'No' otherwise"),
                "true", "false", "false");
    }

    @Test
    void shouldReadEverydayWordsForCharactersMissingValuesAndPatterns() throws Exception {
        CUSTOMERS.expect("VARCHAR", "phone", List.of("Remove dashes, spaces and parentheses from phone"), "5551234", "5559", null);
        CUSTOMERS.expect("VARCHAR", "opt_in_flg", List.of("Default 'N' if not provided"), "N", "Y", "N");
        CUSTOMERS.expect("DATE", "dob", List.of("Convert dob from MM/DD/YYYY to date; invalid dates to null"),
                "2024-02-29", null, null);
        CUSTOMERS.expect("VARCHAR", "sale_dt", List.of("YYYYMM of sale date"), "202403", "202312", null);
        // a name's examples in capitals ask for capitals
        CUSTOMERS.expect("VARCHAR", "sale_dt", List.of("Three letter month abbreviation of sale date (JAN, FEB, ...)"),
                "MAR", "DEC", null);
        CUSTOMERS.expect("VARCHAR", "sale_dt", List.of("Abbreviated month name of sale_dt"), "Mar", "Dec", null);
        CUSTOMERS.expect("TIMESTAMP", "sale_dt", List.of("Sale date parsed from ISO 8601 text", "Parse sale_dt as timestamp"),
                "2024-03-05 00:00:00.0", "2023-12-31 00:00:00.0", null);
    }

    private static final RuleTable LOANS = new RuleTable("loans", "id", new String[]{"id", "loan_status", "sku", "dept_nm",
            "next_due_dt", "fico", "on_hand_qty", "reorder_pt"},
            new String[]{"1", "D30", "SKU-12", "N/A", java.time.LocalDate.now().plusDays(10).toString(), "812", "3", "5"},
            new String[]{"2", "W", "12", "Sales", java.time.LocalDate.now().minusDays(2).toString(), "745", "9", "5"},
            new String[]{"3", "C", null, "TBD", null, "600", "5", "5"});

    @Test
    void shouldReadUnquotedValuesThatStartWithANumber() throws Exception {
        LOANS.expect("VARCHAR", "loan_status", List.of("C -> CURRENT; D30 -> 30 DPD; W -> WRITTEN OFF"),
                "30 DPD", "WRITTEN OFF", "CURRENT");
        LOANS.expect("VARCHAR", "fico", List.of("FICO score band: 800+ Excellent, 740-799 Very Good, below 740 Poor"),
                "Excellent", "Very Good", "Poor");
    }

    @Test
    void shouldReadRemovalsNullsDaysToGoAndNamedTruths() throws Exception {
        LOANS.expect("VARCHAR", "sku", List.of("Remove the leading 'SKU-' prefix from sku", "SKU without the leading 'SKU-' prefix"),
                "12", "12", null);
        LOANS.expect("VARCHAR", "dept_nm", List.of("dept_nm, null if 'N/A' or 'TBD'", "Department name, null if 'N/A' or 'TBD'"),
                null, "Sales", null);
        LOANS.expect("INTEGER", "next_due_dt", List.of("Days until next due date"), "10", "-2", null);
        LOANS.expect("BOOLEAN", "on_hand_qty, reorder_pt", List.of(
                "Reorder needed when on hand quantity is at or below the reorder point"), "true", "false", "true");
    }

    @Test
    void shouldLeaveOutWhereAValueComesFromAndPadTheColumnAfterAText() throws Exception {
        RuleTable items = new RuleTable("inv", "id", new String[]{"id", "loan_amt", "supplier_id", "list_price"},
                new String[]{"1", "100.5", "42", "200"}, new String[]{"2", null, "1234567", null});
        items.expect("DECIMAL(14,2)", "loan_amt", List.of("Loan amount as provided by origination system",
                "loan_amt as received from the source system"), "100.5", null);
        // the padding is the id's, not the concatenation's
        items.expect("VARCHAR", "supplier_id", List.of("'SUP' followed by the supplier id padded to 6 digits with leading zeros"),
                "SUP000042", "SUP1234567");
        items.expect("DECIMAL(12,2)", "list_price", List.of("List price less 15% discount"), "170", null);
    }
}
