package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Table-level shapes: static rows, one branch per source system, distinct values over the union. */
class TargetShapesTest {
    private final SemanticLayerCompiler compiler = new SemanticLayerCompiler();

    private GeneratedLayers.Layer layer(Specs spec, SchemaCatalog catalog) {
        return compiler.compile(spec.build(), new CompileOptions(List.of("duckdb"), List.of(), catalog), null).layers().get(0);
    }

    private static Specs systemRow(Specs spec, String target, String column, String type, String system, String table,
                                   String source, String rule, String notes) {
        return spec.row(target, column, type, system, table, source, rule, null, null, false, null, notes, Map.of());
    }

    private static SchemaCatalog twoSystems() {
        return new SchemaCatalog(List.of(
                new SchemaCatalog.Table("shop", "sales", List.of(new SchemaCatalog.Column("txn_date", "VARCHAR"),
                        new SchemaCatalog.Column("amount", "VARCHAR")), List.of(), List.of()),
                new SchemaCatalog.Table("web", "orders", List.of(new SchemaCatalog.Column("ordered_on", "VARCHAR"),
                        new SchemaCatalog.Column("total", "VARCHAR")), List.of(), List.of())));
    }

    private static DuckDb twoSystemsData() throws Exception {
        return new DuckDb()
                .exec("CREATE SCHEMA shop").exec("CREATE SCHEMA web")
                .exec("CREATE TABLE shop.sales AS SELECT * FROM (VALUES ('2024-01-01', '5'), ('2024-01-01', '7'),"
                        + " ('2024-01-02', '1')) t(txn_date, amount)")
                .exec("CREATE TABLE web.orders AS SELECT * FROM (VALUES ('2024-01-02', '3'), ('2024-01-03', '4')) t(ordered_on, total)");
    }

    @Test
    void shouldPlanATargetWithoutSourceTableAsOneStaticRow() throws Exception {
        // Given constants only, no source table anywhere
        Specs spec = Specs.spec()
                .row("dim_currency", "currency_code", "VARCHAR(3)", null, null, "Hard-coded 'USD'")
                .row("dim_currency", "decimals", "INTEGER", null, null, "Set to 2");

        // When
        GeneratedLayers.Layer layer = layer(spec, null);

        // Then
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        assertThat(layer.sql().get("duckdb")).doesNotContain("FROM \"source\"");
        assertThat(layer.sourceTables()).isEmpty();
        try (DuckDb db = new DuckDb()) {
            List<Map<String, Object>> rows = db.query(layer.sql().get("duckdb"));
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0)).containsEntry("currency_code", "USD").containsEntry("decimals", 2);
        }
    }

    @Test
    void shouldPlanOneStaticRowPerSourceSystem() throws Exception {
        // Given a source-system dimension written as constants per system
        Specs spec = Specs.spec();
        systemRow(spec, "dim_system", "system_code", "VARCHAR(4)", "shop", null, null, "Hard-coded 'SHOP'", null);
        systemRow(spec, "dim_system", "system_name", "VARCHAR(20)", "shop", null, null, "Hard-coded 'Retail shop'", null);
        systemRow(spec, "dim_system", "system_code", "VARCHAR(4)", "web", null, null, "Hard-coded 'WEB'", null);
        systemRow(spec, "dim_system", "system_name", "VARCHAR(20)", "web", null, null, "Hard-coded 'Web store'", null);

        // When
        GeneratedLayers.Layer layer = layer(spec, null);

        // Then
        assertThat(layer.sql().get("duckdb")).contains("UNION ALL");
        try (DuckDb db = new DuckDb()) {
            List<Map<String, Object>> rows = db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY system_code");
            assertThat(rows).extracting(r -> r.get("system_code") + "|" + r.get("system_name"))
                    .containsExactly("SHOP|Retail shop", "WEB|Web store");
        }
    }

    @Test
    void shouldKeepATargetFedBySeveralSystemsAUnionOfAllTheirRows() throws Exception {
        // Given
        Specs spec = Specs.spec();
        systemRow(spec, "sales", "sold_on", "DATE", "shop", "sales", "txn_date", "Direct move", null);
        systemRow(spec, "sales", "sold_on", "DATE", "web", "orders", "ordered_on", "Direct move", null);

        // When
        GeneratedLayers.Layer layer = layer(spec, twoSystems());

        // Then
        try (DuckDb db = twoSystemsData()) {
            assertThat(db.query(layer.sql().get("duckdb"))).hasSize(5);
        }
    }

    @Test
    void shouldTakeTheDistinctValuesOverTheUnionWhenTheRuleAsksForThem() throws Exception {
        // Given a date dimension fed by the transaction dates of two systems
        Specs spec = Specs.spec();
        systemRow(spec, "dim_date", "date_key", "DATE", "shop", "sales", "txn_date", "Distinct transaction dates", null);
        systemRow(spec, "dim_date", "date_key", "DATE", "web", "orders", "ordered_on", "Distinct transaction dates", null);

        // When
        GeneratedLayers.Layer layer = layer(spec, twoSystems());

        // Then
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        assertThat(layer.sql().get("duckdb")).contains("SELECT DISTINCT").contains("UNION").doesNotContain("UNION ALL");
        try (DuckDb db = twoSystemsData()) {
            List<Map<String, Object>> rows = db.query("SELECT CAST(date_key AS VARCHAR) AS d FROM (\n" + layer.sql().get("duckdb")
                    + "\n) v ORDER BY d");
            assertThat(rows).extracting(r -> r.get("d")).containsExactly("2024-01-01", "2024-01-02", "2024-01-03");
        }
        assertThat(layer.pyspark()).contains(".distinct()");
        List<io.aide.events.spec.MappingRow> rows = spec.build().rows();
        assertThat(LayerPlanner.planTarget(spec.build(), twoSystems(), "dim_date", rows, new java.util.ArrayList<>())
                .columns().get(0).rule()).as("the rule as written stays the column's rule").isEqualTo("Distinct transaction dates");
    }

    @Test
    void shouldTakeDistinctRowsWhenANoteAsksForThemButNotForACountOfDistinctValues() throws Exception {
        // Given
        Specs distinctNote = Specs.spec();
        systemRow(distinctNote, "days", "day", "DATE", null, "sales", "txn_date", "Direct move", "One row per distinct date");
        Specs countNote = Specs.spec();
        systemRow(countNote, "days", "day", "DATE", null, "sales", "txn_date", "Direct move", "count distinct dates for QA");

        // When
        GeneratedLayers.Layer distinct = layer(distinctNote, null);
        GeneratedLayers.Layer plain = layer(countNote, null);

        // Then
        assertThat(distinct.sql().get("duckdb")).contains("SELECT DISTINCT");
        assertThat(plain.sql().get("duckdb")).doesNotContain("DISTINCT");
        try (DuckDb db = new DuckDb().table("sales", new String[]{"txn_date"}, new String[]{"2024-01-01"},
                new String[]{"2024-01-01"}, new String[]{"2024-01-02"})) {
            assertThat(db.query(distinct.sql().get("duckdb"))).hasSize(2);
            assertThat(db.query(plain.sql().get("duckdb"))).hasSize(3);
        }
    }

    private static DuckDb orders() throws Exception {
        return new DuckDb().table("raw_orders", new String[]{"id", "user_id", "region", "amount"},
                new String[]{"1", "7", "north", "10"}, new String[]{"2", "7", "south", "5"}, new String[]{"3", "8", "north", "1"});
    }

    @Test
    void shouldGroupByTheGrainARuleStates() throws Exception {
        // Given the grain written after the aggregate
        Specs spec = Specs.spec()
                .row("customer_totals", "customer_id", "INTEGER", "raw_orders", "user_id", "Direct move")
                .row("customer_totals", "total", "INTEGER", "raw_orders", "amount", "Sum of amount group by user_id");

        // When
        GeneratedLayers.Layer layer = layer(spec, null);

        // Then
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        try (DuckDb db = orders()) {
            List<Map<String, Object>> rows = db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY customer_id");
            assertThat(rows).extracting(r -> r.get("customer_id") + "=" + ((Number) r.get("total")).intValue())
                    .containsExactly("7=15", "8=1");
        }
    }

    @Test
    void shouldFlagAColumnThatWouldSplitTheGrainANoteStates() throws Exception {
        // Given one row per customer_id, and a region that is neither the grain nor aggregated
        Specs spec = Specs.spec()
                .row("customer_totals", "customer_id", "INTEGER", "raw_orders", "user_id", "Direct move", null, null, false,
                        null, "Grain: customer_id")
                .row("customer_totals", "region", "VARCHAR", "raw_orders", "region", "Direct move")
                .row("customer_totals", "total", "INTEGER", "raw_orders", "amount", "Sum of amount");

        // When
        GeneratedLayers.Layer layer = layer(spec, null);

        // Then
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsExactly("compiled", "flagged", "compiled");
        assertThat(layer.columns().get(1).reason()).contains("grain customer_id");
        try (DuckDb db = orders()) {
            assertThat(db.query(layer.sql().get("duckdb"))).hasSize(2);
        }
    }
}
