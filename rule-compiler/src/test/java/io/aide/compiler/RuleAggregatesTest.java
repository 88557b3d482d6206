package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Aggregates in prose at the grain the rule states ("sum of amount per customer"), run in DuckDB: one row per value
 * of the grain, never the source rows' grain.
 */
class RuleAggregatesTest {
    private static final RuleTable TABLE = new RuleTable("orders", "customer", new String[]{"order_id", "customer", "amount", "sku"},
            new String[]{"1", "c1", "10", "a"},
            new String[]{"2", "c1", "30", "b"},
            new String[]{"3", "c1", "20", "a"},
            new String[]{"4", "c2", "5", "c"},
            new String[]{"5", "c2", null, "c"});

    private GeneratedLayers.Layer compile(String type, String rule) {
        return TABLE.compile(type, null, rule);
    }

    /** customer=value for each customer of the layer (c1, c2), in that order. */
    private List<String> rows(String type, String rule) throws Exception {
        List<Object> values = TABLE.run(type, null, rule, "out", v -> v);
        assertThat(values).as(rule).hasSize(2);
        return List.of("c1=" + values.get(0), "c2=" + values.get(1));
    }

    @Test
    void shouldAggregateAtTheGrainTheRuleStates() throws Exception {
        // Given phrasings of one aggregate at the customer grain / When / Then
        for (String rule : List.of("sum of amount per customer", "Total amount for each customer", "sum(amount) group by customer",
                "the total of `amount` by customer")) {
            assertThat(rows("INTEGER", rule)).as(rule).containsExactly("c1=60", "c2=5");
        }
        assertThat(rows("BIGINT", "number of records per customer")).containsExactly("c1=3", "c2=2");
        assertThat(rows("BIGINT", "count of amount per customer")).containsExactly("c1=3", "c2=1");
        assertThat(rows("BIGINT", "number of distinct sku per customer")).containsExactly("c1=2", "c2=1");
        assertThat(rows("INTEGER", "maximum amount per customer")).containsExactly("c1=30", "c2=5");
        assertThat(rows("INTEGER", "lowest amount for every customer")).containsExactly("c1=10", "c2=5");
        assertThat(rows("DOUBLE", "average amount per customer")).containsExactly("c1=20.0", "c2=5.0");
    }

    @Test
    void shouldLeaveWordsThatAreNotAnAggregateToTheOtherFamilies() {
        // Given a count of something that is not a column / When
        GeneratedLayers.Column out = compile("INTEGER", "number of days from the first dose per customer").columns().get(1);

        // Then
        assertThat(out.status()).isEqualTo("flagged");
    }
    @Test
    void shouldNeverTakeAnOperationForASecondValueOfASumNorDropTheSumBeforeABracketedFormula() throws Exception {
        // "Sum of x, rounded": the rounding is the sum's, never "x + ROUND(x)"
        assertThat(rows("DECIMAL(10,1)", "Sum of amount, rounded to 1 dp per customer")).containsExactly("c1=60.0", "c2=5.0");
        // "Sum of x in tenths (/ 10)": the bracket is no rule of its own, which would drop the sum
        assertThat(compile("DOUBLE", "Sum of amount in tenths (/ 10) per customer").columns().get(1).status()).isEqualTo("flagged");
        // a scaling after the aggregated value scales each value, as the total
        assertThat(rows("DOUBLE", "Sum of amount divided by 10 per customer")).containsExactly("c1=6.0", "c2=0.5");
    }
}
