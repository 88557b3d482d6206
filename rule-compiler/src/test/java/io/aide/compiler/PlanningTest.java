package io.aide.compiler;

import io.aide.events.spec.GeneratedLayers;
import io.aide.events.spec.MappingSpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlanningTest {
    private final SemanticLayerCompiler compiler = new SemanticLayerCompiler();

    @Test
    void shouldFollowAProseChainThroughRegisteredForeignKeys() throws Exception {
        // Given "InvoiceLine -> Invoice -> Customer" and a schema that knows the keys
        SchemaCatalog catalog = new SchemaCatalog(List.of(
                new SchemaCatalog.Table(null, "InvoiceLine", cols("InvoiceLineId", "InvoiceId", "UnitPrice"), List.of("InvoiceLineId"),
                        List.of(new SchemaCatalog.ForeignKey(List.of("InvoiceId"), "Invoice", List.of("InvoiceId")))),
                new SchemaCatalog.Table(null, "Invoice", cols("InvoiceId", "CustomerId"), List.of("InvoiceId"),
                        List.of(new SchemaCatalog.ForeignKey(List.of("CustomerId"), "Customer", List.of("CustomerId")))),
                new SchemaCatalog.Table(null, "Customer", cols("CustomerId", "Country"), List.of("CustomerId"), List.of())));
        MappingSpec spec = Specs.spec()
                .row("sales", "line_id", "INTEGER", "InvoiceLine", "InvoiceLineId", "Direct move", null, null, true, false, null)
                .row("sales", "country", "VARCHAR", "Customer", "Country", "Direct move", "InvoiceLine -> Invoice -> Customer",
                        null, false, true, null)
                .build();

        // When
        GeneratedLayers.Layer layer = compiler.compile(spec, new CompileOptions(List.of("duckdb"), List.of(), catalog), null).layers().get(0);

        // Then
        String sql = layer.sql().get("duckdb");
        assertThat(sql).contains("JOIN \"Invoice\"").contains("JOIN \"Customer\"");
        try (DuckDb db = new DuckDb()) {
            db.table("InvoiceLine", new String[]{"InvoiceLineId", "InvoiceId", "UnitPrice"}, new String[]{"1", "10", "0.99"});
            db.table("Invoice", new String[]{"InvoiceId", "CustomerId"}, new String[]{"10", "7"});
            db.table("Customer", new String[]{"CustomerId", "Country"}, new String[]{"7", "Norway"});
            assertThat(db.query("SELECT * FROM (\n" + sql + "\n) v")).containsExactly(Map.of("line_id", 1, "country", "Norway"));
        }
    }

    @Test
    void shouldJoinThroughASchemaQualifiedForeignKeyOfAnIntrospectedDatabase() throws Exception {
        // Given tables in schema sales whose foreign key names its target as sales.invoice, and no join in the mapping
        SchemaCatalog catalog = new SchemaCatalog(List.of(
                new SchemaCatalog.Table("sales", "invoice_line", typed("invoice_line_id", "int4", "invoice_id", "int4",
                        "unit_price_cents", "int4"), List.of("invoice_line_id"),
                        List.of(new SchemaCatalog.ForeignKey(List.of("invoice_id"), "sales.invoice", List.of("invoice_id")))),
                new SchemaCatalog.Table("sales", "invoice", typed("invoice_id", "int4", "country", "text"),
                        List.of("invoice_id"), List.of())));
        MappingSpec spec = Specs.spec()
                .row("sales_lines", "line_id", "INTEGER", "invoice_line", "invoice_line_id", "Direct move", null, null, true, false, null)
                .row("sales_lines", "country", "VARCHAR(2)", "invoice", "country", "Upper case")
                .build();

        // When
        GeneratedLayers.Layer layer = compiler.compile(spec, new CompileOptions(List.of("duckdb"), List.of(), catalog), null)
                .layers().get(0);

        // Then
        assertThat(layer.sql().get("duckdb")).contains("JOIN \"sales\".\"invoice\"");
        assertThat(layer.columns()).extracting(GeneratedLayers.Column::status).containsOnly("compiled");
        try (DuckDb db = new DuckDb()) {
            db.exec("CREATE SCHEMA sales");
            db.exec("CREATE TABLE sales.invoice_line AS SELECT 1 AS invoice_line_id, 10 AS invoice_id, 1999 AS unit_price_cents");
            db.exec("CREATE TABLE sales.invoice AS SELECT 10 AS invoice_id, 'de' AS country");
            assertThat(db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v"))
                    .containsExactly(Map.of("line_id", 1, "country", "DE"));
        }
    }

    @Test
    void shouldDivideIntegersAsNumbersInEveryDialectRatherThanTruncating() {
        // Given an integer column of a registered database divided by an integer
        SchemaCatalog catalog = new SchemaCatalog(List.of(new SchemaCatalog.Table(null, "invoice_line",
                typed("id", "int4", "unit_price_cents", "int4"), List.of("id"), List.of())));
        MappingSpec spec = Specs.spec()
                .row("lines", "id", "INTEGER", "invoice_line", "id", "Direct move", null, null, true, false, null)
                .row("lines", "amount", "DECIMAL(12,2)", "invoice_line", "unit_price_cents", "unit_price_cents / 100")
                .build();

        // When
        GeneratedLayers.Layer layer = compiler.compile(spec, new CompileOptions(List.of("postgres", "ansi"), List.of(),
                catalog), null).layers().get(0);

        // Then: 1999 / 100 is 19.99, not PostgreSQL's integer 19
        assertThat(layer.sql().get("postgres")).containsPattern("CAST\\(\\s*\"invoice_line\".\"unit_price_cents\" AS DOUBLE PRECISION\\s*\\) / 100");
        assertThat(layer.sql().get("ansi")).contains("AS DOUBLE PRECISION");
    }

    @Test
    void shouldJoinALookupAgainstAnotherSourceTableKeepingRowsWithoutAMatch() throws Exception {
        // Given an order whose customer is unknown
        MappingSpec spec = Specs.spec()
                .row("orders", "order_id", "INTEGER", "orders", "id", "Direct move", null, null, true, false, null)
                .row("orders", "customer_name", "VARCHAR", "customers", "name", "Look up the customer's name",
                        "orders.customer_id = customers.id", null, false, true, null)
                .build();
        SchemaCatalog catalog = new SchemaCatalog(List.of(Specs.table("orders", "id", "customer_id"), Specs.table("customers", "id", "name")));

        // When
        GeneratedLayers.Layer layer = compiler.compile(spec, new CompileOptions(List.of("duckdb"), List.of(), catalog), null).layers().get(0);

        // Then
        assertThat(layer.sql().get("duckdb")).contains("LEFT JOIN \"customers\"");
        try (DuckDb db = new DuckDb()) {
            db.table("orders", new String[]{"id", "customer_id"}, new String[]{"1", "7"}, new String[]{"2", "8"});
            db.table("customers", new String[]{"id", "name"}, new String[]{"7", "Ann"});
            List<Map<String, Object>> rows = db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY order_id");
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0)).containsEntry("customer_name", "Ann");
            assertThat(rows.get(1)).containsEntry("customer_name", null);
        }
    }

    @Test
    void shouldGroupByTheTargetGrainWhenAggregatesReadTheBaseTable() throws Exception {
        // Given one row per customer computed from the orders table itself
        MappingSpec spec = Specs.spec()
                .row("customer_orders", "customer_id", "INTEGER", "raw_orders", "user_id", "Direct move", null, null, true, false, null)
                .row("customer_orders", "orders", "BIGINT", "raw_orders", "id", "Count of orders", null, null, false, false, null)
                .build();

        // When
        GeneratedLayers.Layer layer = compiler.compile(spec, new CompileOptions(List.of("duckdb"), List.of(), Specs.jaffleCatalog()), null).layers().get(0);

        // Then
        assertThat(layer.blocks()).extracting(GeneratedLayers.Block::name).contains("group_by");
        try (DuckDb db = new DuckDb()) {
            db.table("raw_orders", new String[]{"id", "user_id", "order_date", "status"}, new String[]{"1", "5", "2018-01-01", "a"},
                    new String[]{"2", "5", "2018-01-02", "a"}, new String[]{"3", "6", "2018-01-03", "a"});
            assertThat(db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY customer_id"))
                    .containsExactly(Map.of("customer_id", 5, "orders", 2L), Map.of("customer_id", 6, "orders", 1L));
        }
    }

    @Test
    void shouldApplyFiltersInTheWhereBlock() throws Exception {
        // Given
        MappingSpec spec = Specs.spec()
                .row("active", "id", "INTEGER", "src", "id", "Direct move", null, "status = 'A'", true, false, null)
                .build();

        // When
        GeneratedLayers.Layer layer = compiler.compile(spec, new CompileOptions(List.of("duckdb"), List.of(),
                new SchemaCatalog(List.of(Specs.table("src", "id", "status")))), null).layers().get(0);

        // Then
        GeneratedLayers.Block where = layer.blocks().stream().filter(b -> b.name().equals("where_clause")).findFirst().orElseThrow();
        assertThat(where.sql().get("duckdb")).contains("WHERE").contains("\"src\".\"status\" = 'A'");
        assertThat(where.mappingRefs()).containsExactly("@mapping[Mappings:2]");
        try (DuckDb db = new DuckDb()) {
            db.table("src", new String[]{"id", "status"}, new String[]{"1", "A"}, new String[]{"2", "B"});
            assertThat(db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v")).containsExactly(Map.of("id", 1));
        }
    }

    @Test
    void shouldExcludeWhatAnExclusionFilterNamesAndKeepRowsItCannotJudge() throws Exception {
        // Given "Exclude test accounts (...)"; the account without an email is not a test account
        MappingSpec spec = Specs.spec()
                .row("accounts", "id", "INTEGER", "src", "id", "Direct move", null,
                        "Exclude test accounts (email like '%@test.com')", true, false, null)
                .build();

        // When
        GeneratedLayers.Layer layer = compiler.compile(spec, new CompileOptions(List.of("duckdb", "postgres", "spark",
                "snowflake", "bigquery", "ansi"), List.of(), new SchemaCatalog(List.of(Specs.table("src", "id", "email")))),
                null).layers().get(0);

        // Then
        try (DuckDb db = new DuckDb()) {
            db.table("src", new String[]{"id", "email"}, new String[]{"1", "ann@test.com"}, new String[]{"2", "bob@shop.com"},
                    new String[]{"3", null});
            assertThat(db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY id"))
                    .containsExactly(Map.of("id", 2), Map.of("id", 3));
        }
        assertThat(layer.sql()).allSatisfy((dialect, sql) -> assertThat(sql).as(dialect).contains("NOT (COALESCE("));
    }

    @Test
    void shouldReadKeepOnlyAndFilterOutPhrasingsAroundAFilterCondition() throws Exception {
        // Given
        MappingSpec keep = Specs.spec().row("t", "id", "INTEGER", "src", "id", "Direct move", null,
                "Keep only rows where status = 'A'", true, false, null).build();
        MappingSpec out = Specs.spec().row("t", "id", "INTEGER", "src", "id", "Direct move", null,
                "Filter out records where status is null", true, false, null).build();
        SchemaCatalog catalog = new SchemaCatalog(List.of(Specs.table("src", "id", "status")));

        // When
        String keepSql = compiler.compile(keep, new CompileOptions(List.of("duckdb"), List.of(), catalog), null).layers().get(0).sql().get("duckdb");
        String outSql = compiler.compile(out, new CompileOptions(List.of("duckdb"), List.of(), catalog), null).layers().get(0).sql().get("duckdb");

        // Then
        try (DuckDb db = new DuckDb()) {
            db.table("src", new String[]{"id", "status"}, new String[]{"1", "A"}, new String[]{"2", "B"}, new String[]{"3", null});
            assertThat(db.query("SELECT * FROM (\n" + keepSql + "\n) v ORDER BY id")).containsExactly(Map.of("id", 1));
            assertThat(db.query("SELECT * FROM (\n" + outSql + "\n) v ORDER BY id")).containsExactly(Map.of("id", 1), Map.of("id", 2));
        }
    }

    @Test
    void shouldFilterOnTheSourceColumnWhenATargetColumnOfTheSameNameTransformsIt() throws Exception {
        // Given a filter on status, which the mapping also upper-cases into the target's status, and no schema
        MappingSpec spec = Specs.spec()
                .row("order_facts", "order_id", "INTEGER", "orders", "id", "Direct move", null, "status <> 'deleted'", true, false, null)
                .row("order_facts", "status", "VARCHAR", "orders", "status", "Upper case")
                .build();

        // When
        GeneratedLayers.Layer layer = compiler.compile(spec, new CompileOptions(List.of("duckdb"), List.of(), null), null)
                .layers().get(0);

        // Then: lower-case 'deleted' rows are dropped, not compared in upper case
        try (DuckDb db = new DuckDb()) {
            db.table("orders", new String[]{"id", "status"}, new String[]{"1", "shipped"}, new String[]{"2", "deleted"});
            assertThat(db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v"))
                    .containsExactly(Map.of("order_id", 1, "status", "SHIPPED"));
        }
    }

    @Test
    void shouldUnionTargetsFedBySeveralSourceSystems() throws Exception {
        // Given one target fed by a CRM and an ERP
        MappingSpec spec = Specs.spec()
                .row("customer", "customer_id", "INTEGER", "crm", "contacts", "contact_id", "Direct move", null, null, true, false, null, Map.of())
                .row("customer", "name", "VARCHAR", "crm", "contacts", "full_name", "Trim", null, null, false, true, null, Map.of())
                .row("customer", "customer_id", "INTEGER", "erp", "kunden", "kunnr", "Direct move", null, null, true, false, null, Map.of())
                .row("customer", "name", "VARCHAR", "erp", "kunden", "name1", "Upper case", null, null, false, true, null, Map.of())
                .build();
        SchemaCatalog catalog = new SchemaCatalog(List.of(
                new SchemaCatalog.Table("crm", "contacts", cols("contact_id", "full_name"), List.of(), List.of()),
                new SchemaCatalog.Table("erp", "kunden", cols("kunnr", "name1"), List.of(), List.of())));

        // When
        GeneratedLayers.Layer layer = compiler.compile(spec, new CompileOptions(List.of("duckdb"), List.of(), catalog), null).layers().get(0);

        // Then
        assertThat(layer.blocks()).extracting(GeneratedLayers.Block::name).contains("union");
        try (DuckDb db = new DuckDb()) {
            db.exec("CREATE SCHEMA crm").exec("CREATE SCHEMA erp")
                    .exec("CREATE TABLE crm.contacts AS SELECT '1' AS contact_id, ' Ann ' AS full_name")
                    .exec("CREATE TABLE erp.kunden AS SELECT '2' AS kunnr, 'bob' AS name1");
            assertThat(db.query("SELECT * FROM (\n" + layer.sql().get("duckdb") + "\n) v ORDER BY customer_id"))
                    .containsExactly(Map.of("customer_id", 1, "name", "Ann"), Map.of("customer_id", 2, "name", "BOB"));
        }
    }

    @Test
    void shouldStreamBlocksAndRealProgressCounts() {
        // Given
        List<String> blocks = new ArrayList<>();
        List<int[]> progress = new ArrayList<>();
        CompileListener listener = new CompileListener() {
            @Override
            public void onBlock(String target, GeneratedLayers.Block block) {
                blocks.add(target + ":" + block.name());
            }

            @Override
            public void onProgress(int rowsCompiled, int totalRows, int columnsFlagged, String currentTarget) {
                progress.add(new int[]{rowsCompiled, totalRows, columnsFlagged});
            }
        };

        // When
        compiler.compile(Specs.jaffle(), new CompileOptions(List.of("duckdb"), List.of(), Specs.jaffleCatalog()), listener);

        // Then
        assertThat(blocks).startsWith("stg_payments:select_clause", "stg_payments:joins", "stg_payments:where_clause")
                .contains("orders:ctes", "customers:ctes");
        assertThat(progress).extracting(p -> p[0]).containsExactly(4, 11, 17);
        assertThat(progress).allMatch(p -> p[1] == 17 && p[2] == 0);
    }

    private static List<SchemaCatalog.Column> typed(String... namesAndTypes) {
        List<SchemaCatalog.Column> out = new ArrayList<>();
        for (int i = 0; i + 1 < namesAndTypes.length; i += 2) {
            out.add(new SchemaCatalog.Column(namesAndTypes[i], namesAndTypes[i + 1]));
        }
        return out;
    }

    private static List<SchemaCatalog.Column> cols(String... names) {
        return java.util.Arrays.stream(names).map(n -> new SchemaCatalog.Column(n, "VARCHAR")).toList();
    }
}
