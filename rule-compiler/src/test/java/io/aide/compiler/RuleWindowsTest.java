package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Window functions written as SQL or in prose, on wording written for these tests: each compiles to the values it
 * says, run in DuckDB (rows in id order), or is flagged.
 */
class RuleWindowsTest {
    private static final RuleTable TABLE = new RuleTable("src", "id", new String[]{"id", "customer", "created_at", "amount", "status"},
            new String[]{"1", "c1", "2024-01-02", "10", "new"},
            new String[]{"2", "c1", "2024-01-01", "30", "open"},
            new String[]{"3", "c1", "2024-01-03", "20", "closed"},
            new String[]{"4", "c2", "2024-02-01", "5", "new"},
            new String[]{"5", "c2", null, "7", "lost"});

    private GeneratedLayers.Layer compile(String type, String source, String rule) {
        return TABLE.compile(type, source, rule);
    }

    private List<Object> values(String type, String rule) throws Exception {
        return TABLE.run(type, null, rule, "out", RuleTable::text);
    }

    private void expect(String type, List<String> rules, Object... expected) throws Exception {
        for (String rule : rules) {
            assertThat(values(type, rule)).as(rule).containsExactly(expected);
        }
    }

    @Test
    void shouldReadWindowFunctionsWrittenAsSql() throws Exception {
        expect("BIGINT", List.of("row_number() over (partition by customer order by created_at)",
                "ROW_NUMBER() OVER (PARTITION BY customer ORDER BY created_at ASC)."), "2", "1", "3", "1", "2");
        expect("VARCHAR", List.of("lag(status) over (partition by customer order by created_at)"),
                "open", null, "new", null, "new");
        expect("BIGINT", List.of("count(*) over (partition by customer)"), "3", "3", "3", "2", "2");
        expect("BIGINT", List.of("dense_rank() over (order by customer desc)"), "2", "2", "2", "1", "1");
    }

    @Test
    void shouldPickTheLatestOrEarliestValueOfEachPartition() throws Exception {
        expect("VARCHAR", List.of("Latest status per customer by created_at", "most recent status for each customer "
                + "ordered by created_at", "the last status within customer sorted by created_at"),
                "closed", "closed", "closed", "new", "new");
        expect("VARCHAR", List.of("earliest status per customer ordered by created_at",
                "first status for each customer by created_at ascending"), "open", "open", "open", "new", "new");
        expect("VARCHAR", List.of("first status per customer ordered by created_at descending"),
                "closed", "closed", "closed", "new", "new");
    }

    @Test
    void shouldReadTheNeighbouringRowAndRankAndRunningTotals() throws Exception {
        expect("VARCHAR", List.of("previous status per customer ordered by created_at",
                "prior status for each customer sorted by created_at"), "open", null, "new", null, "new");
        expect("VARCHAR", List.of("next status per customer ordered by created_at"), "closed", "new", null, "lost", null);
        expect("BIGINT", List.of("rank per customer by created_at", "Ranking within customer ordered by created_at"),
                "2", "1", "3", "1", "2");
        expect("BIGINT", List.of("dense rank by customer descending"), "2", "2", "2", "1", "1");
        expect("INTEGER", List.of("running total of amount per customer ordered by created_at",
                "cumulative sum of amount for each customer sorted by created_at"), "40", "30", "60", "5", "12");
    }

    @Test
    void shouldNumberRowsOrValuesFromAnOffset() throws Exception {
        expect("BIGINT", List.of("Incremental integer. Unique value per each row t + 1000 (offset)",
                "Incremental integer. Unique value per each row in t + 1000 (offset)."), "1001", "1002", "1003", "1004", "1005");
        expect("BIGINT", List.of("Incremental integer.<br> Unique value per `customer` + 100 (offset)."),
                "101", "101", "101", "102", "102");
        GeneratedLayers.Column other = compile("BIGINT", null, "Incremental integer. Unique value per each row other_table").columns().get(1);
        assertThat(other.status()).isEqualTo("flagged");
    }

    @Test
    void shouldFlagAWindowWithoutTheOrderItNeeds() {
        // Given picks and neighbours whose order the rule does not say / When / Then
        for (String rule : List.of("latest status per customer", "previous amount per customer", "rank per customer",
                "latest status per customer by the documented date")) {
            GeneratedLayers.Column out = compile("VARCHAR", null, rule).columns().get(1);
            assertThat(out.status()).as(rule).isEqualTo("flagged");
            assertThat(out.reason()).as(rule).isNotBlank();
        }
    }

    @Test
    void shouldRenderNullsLastInEveryDialect() {
        // When
        Map<String, String> sql = compile("VARCHAR", null, "previous status per customer ordered by created_at").sql();

        // Then
        assertThat(sql).hasSize(6).allSatisfy((d, s) -> assertThat(s.replaceAll("\\s+", " "))
                .contains("LAG(").contains("NULLS LAST"));
    }
}
