package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Targets whose rows are aggregates at a grain of columns from more than one table, or whose grain is said in words:
 * run in DuckDB, one row per value of the grain, never the source rows' grain nor the join key's.
 */
class AggregateTargetsTest {
    private final SemanticLayerCompiler compiler = new SemanticLayerCompiler();

    private GeneratedLayers.Layer layer(Specs spec, SchemaCatalog catalog) {
        return compiler.compile(spec.build(), new CompileOptions(List.of("duckdb"), List.of(), catalog), null).layers().get(0);
    }

    private static DuckDb payroll() throws Exception {
        return new DuckDb()
                .table("employees", new String[]{"emp_id", "dept_cd"},
                        new String[]{"1", "fin"}, new String[]{"2", "ENG"}, new String[]{"3", "eng"})
                .table("payroll", new String[]{"pay_id", "emp_id", "period_end", "base_pay", "pay_status"},
                        new String[]{"10", "1", "2024-07-31", "100", "PAID"}, new String[]{"11", "2", "2024-07-31", "200", "PAID"},
                        new String[]{"12", "3", "2024-07-31", "50", "PAID"}, new String[]{"13", "2", "2024-08-31", "7", "PAID"},
                        new String[]{"14", "1", "2024-08-31", "999", "REV"}, new String[]{"15", "9", "2024-08-31", "5", "PAID"});
    }

    @Test
    void shouldGroupPaymentsByTheDepartmentOfTheEmployeeAndTheMonthOfThePayment() throws Exception {
        // Given a grain of one column from each table (department of the employee, month of the payment) and a sum of
        // the payments: once the payments were summed per employee first, and the month split nothing
        String join = "payroll.emp_id = employees.emp_id (inner join: payments of unknown employees are left out)";
        Specs spec = Specs.spec()
                .row("agg", "dept_code", "VARCHAR(5)", "employees", "dept_cd", "Department of the employee (upper-case)", join,
                        "pay_status <> 'REV'", true, null, null)
                .row("agg", "pay_month", "INTEGER", "payroll", "period_end", "YYYYMM of period_end", null, null, true, null, null)
                .row("agg", "total_base_pay", "DECIMAL(12,2)", "payroll", "base_pay", "SUM(base_pay)");

        // When
        GeneratedLayers.Layer layer = layer(spec, new SchemaCatalog(List.of(Specs.table("employees", "emp_id", "dept_cd"),
                Specs.table("payroll", "pay_id", "emp_id", "period_end", "base_pay", "pay_status"))));

        // Then: "left out" drops the unknown employee's payment; REV is filtered before the sum
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        assertThat(layer.sql().get("duckdb")).doesNotContain("LEFT JOIN");
        try (DuckDb db = payroll()) {
            List<Map<String, Object>> rows = db.query("SELECT * FROM (\n" + layer.sql().get("duckdb")
                    + "\n) v ORDER BY dept_code, pay_month");
            assertThat(rows).extracting(r -> r.get("dept_code") + "/" + r.get("pay_month") + "="
                    + RuleTable.number(r.get("total_base_pay"))).containsExactly("ENG/202407=250", "ENG/202408=7", "FIN/202407=100");
        }
    }

    @Test
    void shouldKeepTheGrainANoteInBracketsStatesWhenTheMeasuresAreFlagged() throws Exception {
        // Given a grain said in words inside a key column's rule, over two declared key columns, and a measure the
        // compiler cannot read
        Specs spec = Specs.spec()
                .row("usage", "subscription_id", "INTEGER", "usage_events", "sub_id",
                        "Subscription of the event (grain: one row per subscription per calendar month)", null, null, true, null, null)
                .row("usage", "usage_month", "INTEGER", "usage_events", "event_ts", "YYYYMM of the event timestamp",
                        null, null, true, null, null)
                .row("usage", "odd_measure", "INTEGER", "usage_events", "data_kb", "Number of events on the busiest weekday");

        // When
        GeneratedLayers.Layer layer = layer(spec, null);

        // Then: the measure stays flagged, and the view has one row per subscription and month all the same
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsExactly("compiled", "compiled", "flagged");
        try (DuckDb db = new DuckDb().table("usage_events", new String[]{"sub_id", "event_ts", "data_kb"},
                new String[]{"1", "2024-08-01 10:00:00", "5"}, new String[]{"1", "2024-08-09 10:00:00", "6"},
                new String[]{"1", "2024-09-01 10:00:00", "7"}, new String[]{"2", "2024-08-01 10:00:00", "8"})) {
            List<Map<String, Object>> rows = db.query("SELECT * FROM (\n" + layer.sql().get("duckdb")
                    + "\n) v ORDER BY subscription_id, usage_month");
            assertThat(rows).extracting(r -> r.get("subscription_id") + "/" + r.get("usage_month"))
                    .containsExactly("1/202408", "1/202409", "2/202408");
        }
    }

    @Test
    void shouldLeaveTheRowsAloneWhenOnlyAMeasureIsFlaggedAndOtherColumnsWouldSplitTheGrain() throws Exception {
        // Given one row per customer said in a note, a name that is not part of the grain, a measure not understood
        Specs spec = Specs.spec()
                .row("customers", "customer_id", "INTEGER", "raw_customers", "id", "Direct move", null, null, true, null,
                        "Grain: one row per customer")
                .row("customers", "customer_name", "VARCHAR", "raw_customers", "name", "Direct move")
                .row("customers", "odd_measure", "INTEGER", "raw_customers", "id", "Number of orders on the busiest weekday");

        // When
        GeneratedLayers.Layer layer = layer(spec, null);

        // Then: nothing is grouped (grouping would have to flag the name), the measure is flagged
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsExactly("compiled", "compiled", "flagged");
        assertThat(layer.sql().get("duckdb")).doesNotContain("GROUP BY");
    }
}
