package io.aide.compiler;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Forms met on a fresh probe of insurance rules written in British English: numbers as words in arithmetic and date
 * shifts ("multiplied by twelve", "One year after the start date"), a plural name part said in the singular ("claim
 * count" for claims_cnt), a date named after the row's table ("age at policy start"), "or zero if not recorded", and
 * bands said as sentences ("up to 100k is 'LOW'"), which no value map may read (flagged), and pairs written value first
 * with plain-word keys ("'ONLINE' for web or app"). Each phrase runs in DuckDB.
 */
class RuleWordNumbersAndPluralsTest {
    private static final RuleTable POLICY = new RuleTable("policy", "id",
            new String[]{"id", "premium_amt", "start_dt", "claims_cnt", "holder_dob", "excess_amt", "sum_insured"},
            new String[]{"1", "10.5", "2024-02-29", "2", "1990-03-01", "250", "90000"},
            new String[]{"2", "20", "2023-12-31", "0", "1991-01-01", null, "600000"},
            new String[]{"3", null, null, null, null, null, null});

    @Test
    void shouldReadNumbersWrittenAsWords() throws Exception {
        POLICY.expect("DECIMAL(12,2)", "premium_amt", List.of("Monthly premium multiplied by twelve"), "126", "240", null);
        POLICY.expect("DATE", "start_dt", List.of("One year after the start date"), "2025-02-28", "2024-12-31", null);
    }

    @Test
    void shouldReadAPluralNamePartSaidInTheSingular() throws Exception {
        POLICY.expect("BOOLEAN", "claims_cnt", List.of("True where the claim count is greater than zero"),
                "true", "false", "false");
    }

    @Test
    void shouldReadADateNamedAfterTheRowsTableAndAFallbackOfZero() throws Exception {
        POLICY.expect("INTEGER", "holder_dob, start_dt", List.of("Policyholder age at policy start"), "33", "32", null);
        POLICY.expect("DECIMAL(10,2)", "excess_amt", List.of("Excess, or zero if not recorded"), "250", "0", "0");
    }

    @Test
    void shouldNotReadBandsSaidAsSentencesAsAValueMap() {
        assertThat(POLICY.flagged("VARCHAR(10)", "sum_insured",
                "Band the sum insured: up to 100k is 'LOW', up to 500k is 'MID', above that 'HIGH'")).isNotBlank();
    }

    @Test
    void shouldReadPairsWrittenValueFirstWithPlainWordKeys() throws Exception {
        RuleTable channels = new RuleTable("policy", "id", new String[]{"id", "channel"},
                new String[]{"1", "web"}, new String[]{"2", "broker"}, new String[]{"3", "app"}, new String[]{"4", "phone"});
        channels.expect("VARCHAR(10)", "channel", List.of("'ONLINE' for web or app, 'BROKER' for broker, else 'OTHER'"),
                "ONLINE", "BROKER", "ONLINE", "OTHER");
    }
}
