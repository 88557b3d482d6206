package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Names bound the way a person reads a mapping: case, missing qualifiers, arrow paths, spaces, the other cells. */
class BindingTest {
    private final SemanticLayerCompiler compiler = new SemanticLayerCompiler();

    private GeneratedLayers.Layer layer(Specs spec, SchemaCatalog catalog) {
        return compiler.compile(spec.build(), new CompileOptions(List.of("duckdb"), List.of(), catalog), null).layers().get(0);
    }

    private static DuckDb shop() throws Exception {
        return new DuckDb()
                .table("raw_customers", new String[]{"id", "first_name", "last_name"},
                        new String[]{"1", "Ann", "A."}, new String[]{"2", "Bob", "B."})
                .table("raw_orders", new String[]{"id", "user_id", "order_date"},
                        new String[]{"10", "1", "2018-01-01"}, new String[]{"11", "1", "2019-02-01"},
                        new String[]{"12", "2", "2020-03-01"}, new String[]{"13", "9", "2021-04-01"});
    }

    private static SchemaCatalog shopCatalog() {
        return new SchemaCatalog(List.of(Specs.table("raw_customers", "id", "first_name", "last_name"),
                new SchemaCatalog.Table(null, "raw_orders", List.of(new SchemaCatalog.Column("id", "VARCHAR"),
                        new SchemaCatalog.Column("user_id", "VARCHAR"), new SchemaCatalog.Column("order_date", "VARCHAR")),
                        List.of("id"), List.of(new SchemaCatalog.ForeignKey(List.of("user_id"), "raw_customers", List.of("id"))))));
    }

    private static List<Map<String, Object>> run(DuckDb db, GeneratedLayers.Layer layer, String orderBy) throws Exception {
        return db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY " + orderBy);
    }

    @Test
    void shouldBindLowerCaseMappingNamesToUpperCaseHeadersKeepingTheDataSpelling() throws Exception {
        // Given headers in upper case, the mapping in lower case
        SchemaCatalog catalog = new SchemaCatalog(List.of(Specs.table("ORDERS", "ORDER_ID", "AMOUNT")));
        Specs spec = Specs.spec()
                .row("facts", "order_id", "INTEGER", "orders", "order_id", "Direct move", null, null, true, false, null)
                .row("facts", "amount_x2", "INTEGER", "orders", "amount", "amount * 2");

        // When
        GeneratedLayers.Layer layer = layer(spec, catalog);

        // Then
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        assertThat(layer.sql().get("duckdb")).contains("\"ORDERS\".\"ORDER_ID\"").contains("\"AMOUNT\"")
                .doesNotContain("\"order_id\" AS").doesNotContain("\"orders\"");
        try (DuckDb db = new DuckDb().table("ORDERS", new String[]{"ORDER_ID", "AMOUNT"}, new String[]{"1", "21"})) {
            assertThat(run(db, layer, "order_id")).extracting(r -> r.get("amount_x2")).containsExactly(42);
        }
    }

    @Test
    void shouldBindUpperCaseMappingNamesToLowerCaseHeaders() {
        // Given
        Specs spec = Specs.spec().row("FACTS", "ORDER_ID", "INTEGER", "RAW_ORDERS", "USER_ID", "Direct move");

        // When
        GeneratedLayers.Layer layer = layer(spec, shopCatalog());

        // Then
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        assertThat(layer.sql().get("duckdb")).contains("FROM \"raw_orders\"").contains("\"raw_orders\".\"user_id\"");
    }

    @Test
    void shouldBindAnUnqualifiedSourceColumnToTheOneRegisteredTableThatHasIt() throws Exception {
        // Given rows that name no source table
        Specs spec = Specs.spec()
                .row("people", "given_name", "VARCHAR", null, "first_name", "Direct move")
                .row("people", "family_name", "VARCHAR", null, "last_name", "Direct move");

        // When
        GeneratedLayers.Layer layer = layer(spec, shopCatalog());

        // Then
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        try (DuckDb db = shop()) {
            assertThat(run(db, layer, "given_name")).extracting(r -> r.get("family_name")).containsExactly("A.", "B.");
        }
    }

    @Test
    void shouldFlagAnUnqualifiedSourceColumnThatSeveralTablesHaveNamingThem() {
        // Given "id" is a column of both registered tables, the row names no table and the target reads both
        Specs spec = Specs.spec()
                .row("people", "person_id", "INTEGER", null, "id", "Direct move")
                .row("people", "given_name", "VARCHAR", "raw_customers", "first_name", "Direct move")
                .row("people", "ordered_on", "DATE", "raw_orders", "order_date", "Direct move",
                        "raw_orders.user_id = raw_customers.id", null, false, true, null);

        // When
        GeneratedLayers.Layer layer = layer(spec, shopCatalog());

        // Then
        GeneratedLayers.Column id = layer.columns().get(0);
        assertThat(id.status()).isEqualTo("flagged");
        assertThat(id.reason()).contains("id").contains("raw_customers").contains("raw_orders").contains("source table");
        assertThat(layer.columns().get(1).status()).isEqualTo("compiled");
    }

    @Test
    void shouldPreferTheTableTheTargetAlreadyReadsForAnUnqualifiedColumn() throws Exception {
        // Given "id" is in both tables, but the target reads raw_orders by name
        Specs spec = Specs.spec()
                .row("order_facts", "ordered_on", "DATE", "raw_orders", "order_date", "Direct move")
                .row("order_facts", "order_id", "INTEGER", null, "id", "Direct move", null, null, true, false, null);

        // When
        GeneratedLayers.Layer layer = layer(spec, shopCatalog());

        // Then
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        try (DuckDb db = shop()) {
            assertThat(run(db, layer, "order_id")).extracting(r -> r.get("order_id")).containsExactly(10, 11, 12, 13);
        }
    }

    @Test
    void shouldReadAnArrowPathInTheSourceColumnAsAJoinChain() throws Exception {
        // Given the path from the order to its customer's name
        Specs spec = Specs.spec()
                .row("order_facts", "order_id", "INTEGER", "raw_orders", "id", "Direct move", null, null, true, false, null)
                .row("order_facts", "customer_name", "VARCHAR", "raw_orders",
                        "raw_orders.user_id -> raw_customers.id -> raw_customers.first_name", "Direct move");

        // When
        GeneratedLayers.Layer layer = layer(spec, shopCatalog());

        // Then
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        try (DuckDb db = shop()) {
            // the order whose customer is missing is kept with no name (a join enriches the target's rows)
            assertThat(run(db, layer, "order_id")).extracting(r -> r.get("customer_name")).containsExactly("Ann", "Ann", "Bob", null);
        }
    }

    @Test
    void shouldReadAnArrowPathInTheSourceTableCellThroughTheRegisteredKeys() throws Exception {
        // Given the table cell names the path, the column cell the column of its last table
        Specs spec = Specs.spec()
                .row("order_facts", "order_id", "INTEGER", "raw_orders", "id", "Direct move", null, null, true, false, null)
                .row("order_facts", "customer_name", "VARCHAR", "raw_orders -> raw_customers", "first_name", "Direct move",
                        null, null, false, true, "if unmatched, use NULL");

        // When
        GeneratedLayers.Layer layer = layer(spec, shopCatalog());

        // Then
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        try (DuckDb db = shop()) {
            assertThat(run(db, layer, "order_id")).extracting(r -> r.get("customer_name"))
                    .containsExactly("Ann", "Ann", "Bob", null);
        }
    }

    @Test
    void shouldTreatIfUnmatchedUseNullAsAnOuterJoin() throws Exception {
        // Given the null handling cell of the joined column keeps orders without a customer
        Specs spec = Specs.spec()
                .row("order_facts", "order_id", "INTEGER", "raw_orders", "id", "Direct move", null, null, true, false, null)
                .row("order_facts", "customer_name", "VARCHAR", "raw_customers", "first_name", "Direct move",
                        "raw_orders.user_id = raw_customers.id", null, false, true, "If unmatched, use NULL");

        // When
        GeneratedLayers.Layer layer = layer(spec, shopCatalog());

        // Then
        assertThat(layer.sql().get("duckdb")).contains("LEFT JOIN");
        try (DuckDb db = shop()) {
            assertThat(run(db, layer, "order_id")).extracting(r -> r.get("customer_name"))
                    .containsExactly("Ann", "Ann", "Bob", null);
        }
    }

    @Test
    void shouldQuoteATableAndColumnsWhoseNamesHaveSpaces() throws Exception {
        // Given
        SchemaCatalog catalog = new SchemaCatalog(List.of(Specs.table("Sales Lines", "Line Id", "Qty")));
        Specs spec = Specs.spec()
                .row("lines", "line_id", "INTEGER", "Sales Lines", "Line Id", "Direct move", null, null, true, false, null)
                .row("lines", "qty_doubled", "INTEGER", "Sales Lines", "Qty", "Qty * 2");

        // When
        GeneratedLayers.Layer layer = layer(spec, catalog);

        // Then
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        try (DuckDb db = new DuckDb().table("Sales Lines", new String[]{"Line Id", "Qty"}, new String[]{"1", "3"},
                new String[]{"2", "5"})) {
            assertThat(run(db, layer, "line_id")).extracting(r -> r.get("qty_doubled")).containsExactly(6, 10);
        }
    }

    @Test
    void shouldReadAnotherTargetColumnOfTheSameTargetAsItsExpression() throws Exception {
        // Given order_year derives from the target column ordered_on, which is not a source column
        Specs spec = Specs.spec()
                .row("order_facts", "order_id", "INTEGER", "raw_orders", "id", "Direct move", null, null, true, false, null)
                .row("order_facts", "ordered_on", "DATE", "raw_orders", "order_date", "Direct move")
                .row("order_facts", "order_year", "INTEGER", "raw_orders", null, "Year of ordered_on");

        // When
        GeneratedLayers.Layer layer = layer(spec, shopCatalog());

        // Then
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        try (DuckDb db = shop()) {
            assertThat(run(db, layer, "order_id")).extracting(r -> ((Number) r.get("order_year")).intValue())
                    .containsExactly(2018, 2019, 2020, 2021);
        }
    }

    @Test
    void shouldNameTheTablesWhenARuleUsesAColumnSeveralJoinedTablesHave() {
        // Given "id" in the rule is a column of both tables the target reads
        Specs spec = Specs.spec()
                .row("order_facts", "order_id", "INTEGER", "raw_orders", "user_id", "Direct move", null, null, true, false, null)
                .row("order_facts", "customer_name", "VARCHAR", "raw_customers", "first_name", "Direct move",
                        "raw_orders.user_id = raw_customers.id", null, false, true, null)
                .row("order_facts", "doubled", "INTEGER", null, null, "id * 2");

        // When
        GeneratedLayers.Layer layer = layer(spec, shopCatalog());

        // Then
        GeneratedLayers.Column doubled = layer.columns().get(2);
        assertThat(doubled.status()).isEqualTo("flagged");
        assertThat(doubled.reason()).contains("'id' is a column of").contains("raw_orders").contains("raw_customers");
    }
}
