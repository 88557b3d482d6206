package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated keys said as a numbering ("sequential number starting at 1, assigned in ascending claim_id order"), date
 * layouts named by region or after a comma, a map after "then", a test whose subject is the value itself. DuckDB.
 */
class RuleKeysLayoutsAndElisionsTest {
    private static final RuleTable CLAIMS = new RuleTable("claims", "id", new String[]{"id", "claim_id", "loss_dt", "pmt_dt", "amount", "type_cd"},
            new String[]{"1", "70002", "31.12.2023", "3/7/2024", "120.5", " ind"}, new String[]{"2", "70001", "02.01.2024", "12/30/2023", "-40", "EXP"},
            new String[]{"3", "70003", null, null, null, "zz"});

    @Test
    void shouldNumberRowsInTheOrderTheRuleSays() throws Exception {
        CLAIMS.expect("INTEGER", "claim_id", List.of(
                "Generated surrogate key - sequential number starting at 1, assigned in ascending claim_id order",
                "sequential number in claim_id order", "Surrogate key - row_number() ordered by claim_id"), "2", "1", "3");
        CLAIMS.expect("INTEGER", "claim_id", List.of("sequential number starting at 1001 in claim_id order"), "1002", "1001", "1003");
    }

    @Test
    void shouldReadALayoutNamedWithItsRegionOrAfterAComma() throws Exception {
        CLAIMS.expect("DATE", "loss_dt", List.of("loss_dt arrives as text in European format DD.MM.YYYY - cast to date"),
                "2023-12-31", "2024-01-02", null);
        CLAIMS.expect("DATE", "pmt_dt", List.of("text, US format MM/DD/YYYY (zero padding not guaranteed, e.g. 3/7/2024) -> date",
                "text, MM/DD/YYYY -> date"), "2024-03-07", "2023-12-30", null);
    }

    @Test
    void shouldMapWhatTheOperationsBeforeThenGive() throws Exception {
        CLAIMS.expect("VARCHAR(12)", "type_cd", List.of("trim, upper then IND -> Indemnity | EXP -> Expense; else Other"),
                "Indemnity", "Expense", "Other");
    }

    @Test
    void shouldTestTheValueItselfWhereTheConditionLeavesItsSubjectOut() throws Exception {
        CLAIMS.expect("DECIMAL(12,2)", "amount", List.of("amount when >= 0, otherwise 0. 0 if missing."), "120.5", "0", "0");
    }

    @Test
    void shouldNumberDuplicatesAlikeWhereTheTargetKeepsOneRowPerKey() throws Exception {
        // Given a numbering over a target whose filter keeps one row per claim_id
        Specs spec = Specs.spec()
                .row("dim", "claim_sk", "INTEGER", "claims", "claim_id", "sequential number in claim_id order", null,
                        "keep one row per claim_id", true, null, null)
                .row("dim", "claim_id", "INTEGER", "claims", "claim_id", "direct");
        GeneratedLayers.Layer layer = new SemanticLayerCompiler().compile(spec.build(), new CompileOptions(List.of("duckdb"),
                List.of(), null), null).layers().get(0);

        // When / Then: the duplicate claim is one row, and the numbers have no gap
        try (DuckDb db = new DuckDb().table("claims", new String[]{"claim_id"}, new String[]{"7"}, new String[]{"5"},
                new String[]{"7"})) {
            assertThat(db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY claim_sk"))
                    .extracting(r -> r.get("claim_sk") + "=" + r.get("claim_id")).containsExactly("1=5", "2=7");
        }
    }
}
