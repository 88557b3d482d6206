package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Targets that read other targets of the same mapping: an aggregate whose source table is the fact above it reads that
 * fact's view (defined first in the layer), a flagged column of the fact is nothing to read, and a source cell that
 * names the row's own target reads that target's column. DuckDB.
 */
class TargetsReadingTargetsTest {
    private static final String[][] SALES = {{"sale_id", "sold_on", "amount_cents", "dob"},
            {"1", "2024-03-01", "1050", "1990-05-01"}, {"2", "2024-03-01", "250", "1960-01-01"},
            {"3", "2024-03-02", "-300", null}};

    private static CompilationResult compile(Specs spec, List<String> targets) {
        return new SemanticLayerCompiler().compile(spec.build(), new CompileOptions(List.of("duckdb"), targets,
                new SchemaCatalog(List.of(Specs.table("raw_sales", SALES[0])))), null);
    }

    /** The layer's views defined in its order, as the layer file defines them, then the last target queried. */
    private static List<Map<String, Object>> run(CompilationResult compiled, String target, String order) throws Exception {
        try (DuckDb db = new DuckDb().table("raw_sales", SALES)) {
            for (GeneratedLayers.Layer layer : compiled.layers()) {
                db.exec("CREATE VIEW \"" + layer.target() + "\" AS " + layer.sql().get("duckdb"));
            }
            return db.query("SELECT * FROM \"" + target + "\" ORDER BY " + order);
        }
    }

    private static Specs martWithAggregateFirst() {
        return Specs.spec()
                // the aggregate comes first in the document, the fact it reads after it
                .row("agg_daily_sales", "sale_date", "DATE", "fact_sales", "sale_date", "Group by", null, null, true, false, null)
                .row("agg_daily_sales", "total_amount", "DECIMAL(12,2)", "fact_sales", "amount", "SUM(amount)")
                .row("agg_daily_sales", "sale_count", "INTEGER", "fact_sales", "sale_id", "count of sales")
                .row("fact_sales", "sale_id", "INTEGER", "raw_sales", "sale_id", "straight move", null, null, true, false, null)
                .row("fact_sales", "sale_date", "DATE", "raw_sales", "sold_on", "cast to date")
                .row("fact_sales", "amount", "DECIMAL(12,2)", "raw_sales", "amount_cents", "amount_cents / 100");
    }

    @Test
    void shouldDefineATargetAfterTheTargetItReadsAndReadItsView() throws Exception {
        // When
        CompilationResult compiled = compile(martWithAggregateFirst(), List.of());

        // Then: the fact's view comes first, the aggregate reads it and is no source of sample data or dbt
        assertThat(compiled.layers()).extracting(GeneratedLayers.Layer::target).containsExactly("fact_sales", "agg_daily_sales");
        GeneratedLayers.Layer agg = compiled.layers().get(1);
        assertThat(agg.columns()).extracting(c -> c.name() + ":" + c.status() + ":" + c.reason()).allMatch(s -> s.contains(":compiled:"));
        assertThat(agg.sourceTables()).doesNotContain("fact_sales");
        assertThat(run(compiled, "agg_daily_sales", "sale_date")).extracting(r -> r.get("sale_date") + "|"
                        + RuleTable.text(r.get("total_amount")) + "|" + r.get("sale_count"))
                .containsExactly("2024-03-01|13|2", "2024-03-02|-3|1");
    }

    @Test
    void shouldFlagAColumnThatReadsAFlaggedColumnOfAnotherTarget() {
        // Given the fact's amount is not understood
        Specs spec = Specs.spec()
                .row("fact_sales", "sale_id", "INTEGER", "raw_sales", "sale_id", "straight move", null, null, true, false, null)
                .row("fact_sales", "amount", "DECIMAL(12,2)", "raw_sales", "amount_cents", "the amount as the till printed it")
                .row("agg_sales", "sale_id", "INTEGER", "fact_sales", "sale_id", "straight move", null, null, true, false, null)
                .row("agg_sales", "total_amount", "DECIMAL(12,2)", "fact_sales", "amount", "amount * 2")
                .row("agg_sales", "missing", "DECIMAL(12,2)", "fact_sales", "tax", "straight move");

        // When: only the aggregate is compiled (the fact is planned for what it gives)
        CompilationResult compiled = compile(spec, List.of("agg_sales"));

        // Then
        assertThat(compiled.layers()).extracting(GeneratedLayers.Layer::target).containsExactly("agg_sales");
        List<GeneratedLayers.Column> columns = compiled.layers().get(0).columns();
        assertThat(columns.get(0).status()).isEqualTo("compiled");
        assertThat(columns.get(1).status()).isEqualTo("flagged");
        assertThat(columns.get(1).reason()).contains("fact_sales.amount").contains("not compiled there");
        assertThat(columns.get(2).status()).isEqualTo("flagged");
        assertThat(columns.get(2).reason()).contains("fact_sales has no column tax");
    }

    @Test
    void shouldReadAColumnOfTheRowsOwnTargetNamedAsItsSource() throws Exception {
        // Given age_band's source cell names the target's own age column
        Specs spec = Specs.spec()
                .row("dim_customer", "sale_id", "INTEGER", "raw_sales", "sale_id", "straight move", null, null, true, false, null)
                .row("dim_customer", "age", "INTEGER", "raw_sales", "dob", "age in whole years at 2024-12-31")
                .row("dim_customer", "age_band", "VARCHAR(10)", "dim_customer", "age",
                        "under 40 -> 'young', 40 and over -> 'senior', unknown -> 'n/a'")
                .row("dim_customer", "age_next_year", "INTEGER", "dim_customer", "age", "");

        // When
        CompilationResult compiled = compile(spec, List.of());

        // Then: the view reads raw_sales alone, each band from the age computed beside it
        GeneratedLayers.Layer dim = compiled.layers().get(0);
        assertThat(dim.columns()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        assertThat(dim.sourceTables()).containsExactly("raw_sales");
        assertThat(run(compiled, "dim_customer", "sale_id")).extracting(r -> r.get("age") + "|" + r.get("age_band") + "|"
                + r.get("age_next_year")).containsExactly("34|young|34", "64|senior|64", "null|n/a|null");
    }

    @Test
    void shouldLeaveANameToTheSourceWhereATargetSharesItsSourcesName() {
        // Given no registered schema, a customers target from a customers source, and orders reading that source
        Specs spec = Specs.spec()
                .row("customers", "customer_id", "INTEGER", "customers", "id", "straight move", null, null, true, false, null)
                .row("customers", "email", "VARCHAR(80)", "customers", "email", "lower case")
                .row("customers", "email_domain", "VARCHAR(80)", "customers", "email", "text after the '@'")
                .row("orders", "order_id", "INTEGER", "orders", "id", "straight move", null, null, true, false, null)
                .row("orders", "customer_email", "VARCHAR(80)", "customers", "email", "straight move",
                        "orders.customer_id = customers.id", null, false, true, null);

        // When
        CompilationResult compiled = new SemanticLayerCompiler().compile(spec.build(), new CompileOptions(List.of("duckdb"),
                List.of(), null), null);

        // Then: every name is the source; no view reads another
        assertThat(compiled.layers()).extracting(GeneratedLayers.Layer::target).containsExactly("customers", "orders");
        assertThat(compiled.layers().get(0).columns()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        String sql = compiled.layers().get(0).sql().get("duckdb");
        assertThat(sql).contains("FROM \"customers\"");
        // the domain is taken from the source's email, not from the target's lower-cased one
        String domain = sql.substring(sql.indexOf("AS \"email\""), sql.indexOf("AS \"email_domain\""));
        assertThat(domain).doesNotContain("LOWER");
        assertThat(compiled.layers().get(1).sourceTables()).contains("customers");
        assertThat(compiled.layers().get(1).columns().get(1).status()).isEqualTo("compiled");
    }

    @Test
    void shouldReadNothingAcrossACycleOfTargetsReadingEachOther() {
        // Given two targets, each naming the other as its source: neither view can come first
        Specs spec = Specs.spec()
                .row("t_a", "id", "INTEGER", "t_b", "id", "straight move", null, null, true, false, null)
                .row("t_b", "id", "INTEGER", "t_a", "id", "straight move", null, null, true, false, null);

        // When
        CompilationResult compiled = compile(spec, List.of());

        // Then: the mapping's order, and neither view reads the other (each column is flagged: the name is no
        // registered table)
        assertThat(compiled.layers()).extracting(GeneratedLayers.Layer::target).containsExactly("t_a", "t_b");
        assertThat(compiled.layers().get(0).sql().get("duckdb")).doesNotContain("\"t_b\"");
        assertThat(compiled.layers().get(1).sql().get("duckdb")).doesNotContain("\"t_a\"");
        assertThat(compiled.layers()).allSatisfy(l -> assertThat(l.columns().get(0).status()).isEqualTo("flagged"));
    }
}
