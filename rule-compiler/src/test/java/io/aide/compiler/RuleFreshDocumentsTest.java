package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Silent wrong answers found by two fresh whole documents (telecom billing, HR payroll): a date pattern in parentheses
 * after a column describes how it is stored ("year part of hire_dt (DD/MM/YYYY)" wrote the year with that pattern,
 * NULL on every row), "sequence by" is an order (it was a partition: every key 1), a key list holding "other" is the
 * else branch ("blank/other = Other" matched the text 'other'), a truth value for a missing source is the value's
 * ("Y/N to true/false; blank = false" put FALSE into the text it tests), a join cell that keeps rows whose partner is
 * missing is a left join. Each runs in DuckDB.
 */
class RuleFreshDocumentsTest {
    private static final RuleTable EMPLOYEES = new RuleTable("emp", "id",
            new String[]{"id", "emp_id", "hire_dt", "bill_period", "pay_method", "port_in"},
            new String[]{"1", "30", "15/03/2019", "2024-07", "CC", "Y"},
            new String[]{"2", "10", "01/12/2021", "2023-11", "cc", " "},
            new String[]{"3", "20", null, null, null, "N"});

    @Test
    void shouldReadADatePatternAfterAColumnAsHowItIsStored() throws Exception {
        EMPLOYEES.expect("INTEGER", "hire_dt", List.of("year part of hire_dt (DD/MM/YYYY)"), "2019", "2021", null);
        // a text operation leaves the stored pattern a remark
        EMPLOYEES.expect("INTEGER", "bill_period", List.of("first four characters of bill_period (YYYY-MM), as integer"),
                "2024", "2023", null);
    }

    @Test
    void shouldNumberInTheSequenceSaid() throws Exception {
        EMPLOYEES.expect("INTEGER", "emp_id", List.of("System generated surrogate key (sequence by emp_id)"), "3", "1", "2");
    }

    @Test
    void shouldReadAKeyListHoldingOtherAsTheElse() throws Exception {
        EMPLOYEES.expect("VARCHAR(20)", "pay_method", List.of("CC = Credit Card, DD = Direct Debit, CHQ = Cheque, blank/other = Other"),
                "Credit Card", "Other", "Other");
    }

    @Test
    void shouldGiveTheTruthValueSaidForAMissingSource() throws Exception {
        EMPLOYEES.expect("BOOLEAN", "port_in", List.of("Y/N to true/false; blank = false"), "true", "false", "false");
    }

    @Test
    void shouldKeepRowsWhoseJoinPartnerIsMissingWhenTheJoinCellSaysSo() {
        GeneratedLayers.Layer layer = new SemanticLayerCompiler().compile(Specs.spec()
                .row("fact_payroll", "payroll_id", "INTEGER", "payroll", "pay_id", "Direct move", null, null, true, false, null)
                .row("fact_payroll", "department", "VARCHAR", "employees", "dept_cd",
                        "Direct move", "payroll.emp_id = employees.emp_id (keep payments whose employee is missing)",
                        null, false, true, null)
                .build(), new CompileOptions(List.of("duckdb"), List.of(), null), null).layers().get(0);
        assertThat(layer.sql().get("duckdb")).contains("LEFT JOIN \"employees\"");
    }

    @Test
    void shouldReadTheWayAValueIsTakenAfterItAnAmpersandAndAnExampleAfterAComma() throws Exception {
        RuleTable people = new RuleTable("emp", "id", new String[]{"id", "emp_id", "email", "bill_period", "sub_id"},
                new String[]{"1", "7", " Ann@X.COM ", "2024-07", "1001"}, new String[]{"2", "8", "  ", "2024-08", "1002"});
        people.expect("INTEGER", "emp_id", List.of("emp_id, straight move"), "7", "8");
        people.expect("VARCHAR(100)", "email", List.of("lower case & trim; NULL when blank"), "ann@x.com", null);
        people.expect("VARCHAR(20)", "bill_period, sub_id", List.of("Bill period + '/' + sub id, e.g. 2024-07/1001"),
                "2024-07/1001", "2024-08/1002");
    }

    @Test
    void shouldWriteTextsOneAfterTheOtherAndApplyWhatFollowsTheCommaToTheWhole() throws Exception {
        RuleTable people = new RuleTable("emp", "id", new String[]{"id", "first_name", "last_name"},
                new String[]{"1", "ann", "lee"}, new String[]{"2", "Bo", null}, new String[]{"3", " james", "okafor"});
        // a letter is never the space before it
        people.expect("VARCHAR(2)", "first_name, last_name", List.of(
                "First letter of first name followed by first letter of last name, upper case"), "AL", null, "JO");
    }

    @Test
    void shouldReadAStateByTheTestItsBracketsDefine() throws Exception {
        RuleTable claims = new RuleTable("claims", "id", new String[]{"id", "cat_event_cd"}, new String[]{"1", "CAT22"},
                new String[]{"2", null});
        claims.expect("BOOLEAN", "cat_event_cd", List.of(
                "true when claim is tagged to CAT event ( cat_event_cd populated ) , false otherwise"), "true", "false");
        RuleTable lines = new RuleTable("subscriptions", "id", new String[]{"id", "activation_ts", "deactivation_dt"},
                new String[]{"1", "2024-01-01 10:00:00", "2024-01-31"}, new String[]{"2", "2024-02-01 09:00:00", null});
        lines.expect("INTEGER", "activation_ts, deactivation_dt", List.of("Number of days between activation and deactivation. "
                + "Null if the line is still active (no deactivation date)"), "30", null);
        // a word that is a column is part of a test, not a name for one: not read as a bracket's label
        claims.flagged("BOOLEAN", "cat_event_cd", "true when cat_event_cd tagged (a CAT flag), false otherwise");
    }

    @Test
    void shouldCountAndSumOnlyTheRowsOfACodeNamedBeforeTheirNoun() throws Exception {
        RuleTable events = new RuleTable("usage_events", "id", new String[]{"id", "event_type", "duration_sec"},
                new String[]{"1", "VOICE", "120"}, new String[]{"2", "SMS", "0"});
        events.expect("INTEGER", "event_type", List.of("Number of VOICE events", "Count of 'VOICE' events",
                "number of events with event_type = 'VOICE'"), "1", "0");
        events.expect("INTEGER", "duration_sec, event_type", List.of("Sum of duration_sec for VOICE events"), "120", null);
    }

    @Test
    void shouldReadAConditionalCountOfTheRowsTheTablesLastNounNames() throws Exception {
        // once "SELECT lk."Count" FROM events ...": a column no table has, read as a lookup; "events" names usage_events
        RuleTable events = new RuleTable("usage_events", "id", new String[]{"id", "event_type"},
                new String[]{"1", "VOICE"}, new String[]{"2", "SMS"});
        events.expect("INTEGER", "event_type", List.of("Count of events where event_type = 'VOICE'"), "1", "0");
        assertThat(events.compile("INTEGER", "event_type", "Count of events where event_type = 'VOICE'").sql().get("duckdb"))
                .doesNotContain("lk.");
    }
}
