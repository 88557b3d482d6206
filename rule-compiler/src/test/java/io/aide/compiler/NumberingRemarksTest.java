package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Surrogate keys with the remarks analysts write beside their numbering: when it happens ("after test customers are
 * removed and duplicates collapsed", "(after trimming/upper-casing, test exclusion and de-duplication)", "Draft courses
 * are removed before numbering (G5)"), which rows it numbers ("over the policies that survive the exclusions"), the
 * key named again ("(PK)", "(see MRN below)", "(RETURN_TS, oldest first)") and how ties go ("ties broken by RMA_ID",
 * "claims with the same loss date are ordered by CLAIM_REFERENCE"). A window over the view's rows numbers them after its
 * filters, so the timing asks for nothing more. Run in DuckDB.
 */
class NumberingRemarksTest {
    private static final SampleRows RETURNS = new SampleRows("rtn_request",
            new String[]{"rma_id", "return_ts"},
            new String[]{"R3", "2024-01-02 10:00:00"},
            new String[]{"R1", "2024-01-03 09:00:00"},
            new String[]{"R2", "2024-01-02 10:00:00"});

    private static String keys(String rule) throws Exception {
        GeneratedLayers.Layer layer = RETURNS.compile(Specs.spec()
                .row("fact_return", "rma", "VARCHAR(5)", "rtn_request", "rma_id", "Direct")
                .row("fact_return", "return_sk", "INTEGER", "rtn_request", "return_ts, rma_id", rule));
        return String.join(",", RETURNS.run(layer, "rma", "return_sk"));
    }

    @Test
    void shouldNumberInTheOrderSaidWhateverIsSaidOfWhenAndWhichRows() throws Exception {
        for (String rule : new String[]{
                "Surrogate key (PK). Numbered 1, 2, 3 ... in ascending order of return_ts, then rma_id, after test returns are "
                        + "removed and duplicates collapsed.",
                "Running number starting at 1, assigned in order of the return timestamp (return_ts, oldest first); ties "
                        + "broken by rma_id. Numbered after all exclusions.",
                "Numbered 1..n in order of return_ts (oldest first); returns with the same return time are ordered by rma_id.",
                "Sequence starting at 1, assigned in ascending order of return_ts and rma_id (after trimming/upper-casing, test "
                        + "exclusion and de-duplication).",
                "Sequence 1..n ordered by return_ts and then rma_id, over the returns that survive the exclusions (voids, test).",
                "Sequence number starting at 1 ordered by return_ts, rma_id. Voided returns are removed before numbering (G5)."}) {
            assertThat(keys(rule)).as(rule).isEqualTo("R1|3,R2|1,R3|2");
        }
    }
}
