package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JoinPlanningTest {
    private final SemanticLayerCompiler compiler = new SemanticLayerCompiler();

    private static DuckDb shop() throws Exception {
        return new DuckDb()
                .table("raw_customers", new String[]{"id", "first_name", "last_name"},
                        new String[]{"1", "Ann", "A."}, new String[]{"2", "Bob", "B."}, new String[]{"3", "Cid", "C."})
                .table("raw_orders", new String[]{"id", "user_id", "order_date", "status"},
                        new String[]{"10", "1", "2018-01-01", "placed"}, new String[]{"11", "1", "2018-02-01", "shipped"},
                        new String[]{"12", "2", "2018-03-01", "placed"})
                .table("raw_payments", new String[]{"id", "order_id", "payment_method", "amount"},
                        new String[]{"100", "10", "credit_card", "1000"}, new String[]{"101", "10", "coupon", "250"},
                        new String[]{"102", "11", "credit_card", "500"}, new String[]{"103", "12", "coupon", "100"});
    }

    @Test
    void shouldAggregateChildRowsInTheirOwnCteSoSumsDoNotFanOut() throws Exception {
        // Given a customer with two orders and three payments, counted and summed in one target
        CompileOptions options = new CompileOptions(List.of("duckdb"), List.of("customers"), Specs.jaffleCatalog());

        // When
        GeneratedLayers.Layer layer = compiler.compile(Specs.jaffle(), options, null).layers().get(0);

        // Then order counts and payment sums are per customer, not multiplied by the join
        try (DuckDb db = shop()) {
            List<Map<String, Object>> rows = db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY customer_id");
            assertThat(rows.get(0)).containsEntry("number_of_orders", 2L)
                    .containsEntry("customer_lifetime_value", new BigDecimal("17.50"));
            assertThat(rows.get(1)).containsEntry("number_of_orders", 1L);
        }
        assertThat(layer.sql().get("duckdb")).contains("GROUP BY").contains("LEFT JOIN");
    }

    private GeneratedLayers.Layer orderFacts(String joinText, SchemaCatalog catalog) {
        return compiler.compile(Specs.spec()
                        .row("order_facts", "order_id", "INTEGER", "raw_orders", "id", "Direct move", null, null, true, false, null)
                        .row("order_facts", "first_name", "VARCHAR", "raw_customers", "first_name", "Direct move", joinText,
                                null, false, true, null)
                        .build(), new CompileOptions(List.of("duckdb"), List.of(), catalog), null).layers().get(0);
    }

    @Test
    void shouldReadAJoinWrittenAsSqlWithAliasesTheTextDeclaresOrAbbreviates() throws Exception {
        // Given "rc" is declared, "ro" only abbreviates raw_orders
        GeneratedLayers.Layer layer = orderFacts("LEFT OUTER JOIN raw_customers rc ON rc.id = ro.user_id", null);

        // Then
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        try (DuckDb db = shop()) {
            List<Map<String, Object>> rows = db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY order_id");
            assertThat(rows).extracting(r -> r.get("first_name")).containsExactly("Ann", "Ann", "Bob");
        }
        assertThat(layer.sql().get("duckdb")).contains("LEFT JOIN \"raw_customers\"");
    }

    @Test
    void shouldJoinOnAColumnBothTablesShareWhenTheTextNamesOnlyThatColumn() {
        // Given "Join ... on id": with a schema both tables must have the column, or nothing is guessed
        SchemaCatalog both = new SchemaCatalog(List.of(Specs.table("raw_orders", "id", "user_id"),
                Specs.table("raw_customers", "id", "first_name")));
        SchemaCatalog onlyOne = new SchemaCatalog(List.of(Specs.table("raw_orders", "id", "user_id"),
                Specs.table("raw_customers", "customer_key", "first_name")));

        // When
        GeneratedLayers.Layer joined = orderFacts("Join raw_customers on id", both);
        GeneratedLayers.Layer refused = orderFacts("Join raw_customers on id", onlyOne);

        // Then
        assertThat(joined.sql().get("duckdb")).contains("JOIN \"raw_customers\" ON \"raw_customers\".\"id\" = \"raw_orders\".\"id\"");
        assertThat(refused.columns().get(1).status()).isEqualTo("flagged");
    }

    @Test
    void shouldKeepParentsWithoutChildrenWhenTheTextSaysLeftJoin() throws Exception {
        // Given customer 3 has no orders and the join says "(left join)"
        CompileOptions options = new CompileOptions(List.of("duckdb"), List.of("customers"), Specs.jaffleCatalog());

        // When
        GeneratedLayers.Layer layer = compiler.compile(Specs.jaffle(), options, null).layers().get(0);

        // Then the customer is kept with NULL aggregates, as the notes say
        try (DuckDb db = shop()) {
            List<Map<String, Object>> rows = db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v WHERE customer_id = 3");
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0)).containsEntry("first_order", null).containsEntry("number_of_orders", null);
        }
    }

    @Test
    void shouldPivotConditionalSumsWithTheDefaultFromTheNotes() throws Exception {
        // Given orders with a conditional sum per payment method and "0 when the order has no ... payment"
        CompileOptions options = new CompileOptions(List.of("duckdb"), List.of("orders"), Specs.jaffleCatalog());

        // When
        GeneratedLayers.Layer layer = compiler.compile(Specs.jaffle(), options, null).layers().get(0);

        // Then
        try (DuckDb db = shop()) {
            List<Map<String, Object>> rows = db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY order_id");
            assertThat(rows.get(0)).containsEntry("credit_card_amount", new BigDecimal("10.00"))
                    .containsEntry("coupon_amount", new BigDecimal("2.50")).containsEntry("amount", new BigDecimal("12.50"));
            assertThat(rows.get(1)).containsEntry("coupon_amount", new BigDecimal("0.00"));
        }
    }

    @Test
    void shouldCompileWithoutARegisteredSchema() throws Exception {
        // Given no schema catalog (the document only)
        CompileOptions options = new CompileOptions(List.of("duckdb"), List.of(), null);

        // When
        CompilationResult result = compiler.compile(Specs.jaffle(), options, null);

        // Then the same rows come out
        assertThat(result.flaggedColumns()).isZero();
        try (DuckDb db = shop()) {
            List<Map<String, Object>> rows = db.query("SELECT * FROM (\n" + result.layer("orders").sql().get("duckdb")
                    + "\n) v ORDER BY order_id");
            assertThat(rows.get(0)).containsEntry("credit_card_amount", new BigDecimal("10.00"))
                    .containsEntry("coupon_amount", new BigDecimal("2.50"));
            List<Map<String, Object>> customers = db.query("SELECT * FROM (\n" + result.layer("customers").sql().get("duckdb")
                    + "\n) v ORDER BY customer_id");
            assertThat(customers.get(0)).containsEntry("number_of_orders", 2L);
        }
    }

    @Test
    void shouldCompileATargetAloneExactlyAsWithTheOthers() {
        // Given
        CompileOptions all = new CompileOptions(List.of("duckdb", "postgres"), List.of(), Specs.jaffleCatalog());
        CompileOptions one = all.withTargets(List.of("orders"));

        // When
        GeneratedLayers.Layer fromAll = compiler.compile(Specs.jaffle(), all, null).layer("orders");
        GeneratedLayers.Layer alone = compiler.compile(Specs.jaffle(), one, null).layer("orders");

        // Then
        assertThat(alone).isEqualTo(fromAll);
    }
}
