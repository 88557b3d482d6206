package io.aide.compiler;

import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;
import io.aide.events.spec.ReferenceTable;
import io.aide.events.spec.SourceRef;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Builds mapping specs by hand, the way the parser would produce them. */
final class Specs {
    private final List<MappingRow> rows = new ArrayList<>();
    private final List<ReferenceTable> references = new ArrayList<>();
    private final List<io.aide.events.spec.DocumentNote> notes = new ArrayList<>();
    private int rowNumber = 2;

    static Specs spec() {
        return new Specs();
    }

    Specs row(String target, String column, String type, String table, String source, String rule) {
        return row(target, column, type, table, source, rule, null, null, false, null, null);
    }

    Specs row(String target, String column, String type, String table, String source, String rule, String join,
              String filter, boolean key, Boolean nullable, String notes) {
        return row(target, column, type, null, table, source, rule, join, filter, key, nullable, notes, Map.of());
    }

    Specs row(String target, String column, String type, String system, String table, String source, String rule,
              String join, String filter, boolean key, Boolean nullable, String notes, Map<String, String> attributes) {
        List<SourceRef> refs = source == null ? List.of() : Arrays.stream(source.split(",\\s*"))
                .map(s -> new SourceRef(system, table, s.trim())).toList();
        rows.add(new MappingRow(null, "Mappings", rowNumber++, target, column, type, system, table, refs, source, rule,
                join, filter, key, nullable, null, notes, null, attributes));
        return this;
    }

    /** A row with a "Default Value" cell and a notes / remarks cell, as sheets with those columns give them. */
    Specs rowWithCells(String target, String column, String type, String table, String source, String rule,
                       String defaultValue, String remarks) {
        List<SourceRef> refs = source == null ? List.of() : Arrays.stream(source.split(",\\s*"))
                .map(s -> new SourceRef(null, table, s.trim())).toList();
        rows.add(new MappingRow(null, "Mappings", rowNumber++, target, column, type, null, table, refs, source, rule,
                null, null, false, null, defaultValue, null, remarks, Map.of()));
        return this;
    }

    /** A row with a "Default Value" cell and a null-handling cell ("Default when blank"). */
    Specs rowWithDefault(String target, String column, String type, String table, String source, String rule,
                         String defaultValue, String nullCell) {
        List<SourceRef> refs = source == null ? List.of() : Arrays.stream(source.split(",\\s*"))
                .map(s -> new SourceRef(null, table, s.trim())).toList();
        rows.add(new MappingRow(null, "Mappings", rowNumber++, target, column, type, null, table, refs, source, rule,
                null, null, false, null, defaultValue, nullCell, null, Map.of()));
        return this;
    }

    Specs reference(String name, List<String> columns, List<List<String>> data) {
        references.add(new ReferenceTable(name, columns, data, name));
        return this;
    }

    /** A line of a sheet without mapping rows (a cover sheet's "label | text"). */
    Specs note(String sheet, String text) {
        notes.add(new io.aide.events.spec.DocumentNote(sheet, notes.size() + 1, text));
        return this;
    }

    MappingSpec build() {
        return new MappingSpec("doc-1", "acme", 1, "mapping.xlsx", "xlsx", Map.of(), List.of(), rows, references, List.of(),
                notes);
    }

    /** The jaffle-shop analytics mapping: staging, pivoted payments per order, customers with fan-out risk. */
    static MappingSpec jaffle() {
        String pay = "raw_payments.order_id = raw_orders.id";
        String cust = "raw_orders.user_id = raw_customers.id (left join)";
        return spec()
                .row("stg_payments", "payment_id", "INTEGER", "raw_payments", "id", "Direct move", null, null, true, false, null)
                .row("stg_payments", "order_id", "INTEGER", "raw_payments", "order_id", "Direct move", null, null, false, false, null)
                .row("stg_payments", "payment_method", "VARCHAR(32)", "raw_payments", "payment_method", "Direct move")
                .row("stg_payments", "amount", "DECIMAL(18,2)", "raw_payments", "amount", "Convert cents to dollars: amount / 100")
                .row("orders", "order_id", "INTEGER", "raw_orders", "id", "Direct move", null, null, true, false, null)
                .row("orders", "customer_id", "INTEGER", "raw_orders", "user_id", "Rename user_id to customer_id")
                .row("orders", "order_date", "DATE", "raw_orders", "order_date", "Direct move")
                .row("orders", "status", "VARCHAR(32)", "raw_orders", "status", "Direct move", null, null, false, false,
                        "One of placed, shipped, completed, return_pending, returned")
                .row("orders", "credit_card_amount", "DECIMAL(18,2)", "raw_payments", "amount",
                        "Sum of payment amount in dollars (amount / 100) where payment_method = 'credit_card'", pay, null, false,
                        false, "0 when the order has no credit card payment")
                .row("orders", "coupon_amount", "DECIMAL(18,2)", "raw_payments", "amount",
                        "Sum of payment amount in dollars (amount / 100) where payment_method = 'coupon'", pay, null, false,
                        false, "0 when the order has no coupon payment")
                .row("orders", "amount", "DECIMAL(18,2)", "raw_payments", "amount",
                        "Total of all payment amounts of the order in dollars (amount / 100)", pay, null, false, true, null)
                .row("customers", "customer_id", "INTEGER", "raw_customers", "id", "Direct move", null, null, true, false,
                        "One row per customer, including customers without orders")
                .row("customers", "first_name", "VARCHAR(64)", "raw_customers", "first_name", "Direct move")
                .row("customers", "first_order", "DATE", "raw_orders", "order_date",
                        "Earliest order_date of the customer's orders (MIN)", cust, null, false, true, "NULL when the customer has no orders")
                .row("customers", "most_recent_order", "DATE", "raw_orders", "order_date",
                        "Latest order_date of the customer's orders (MAX)", cust, null, false, true, null)
                .row("customers", "number_of_orders", "BIGINT", "raw_orders", "id", "Count of the customer's orders", cust,
                        null, false, true, "NULL when the customer has no orders")
                .row("customers", "customer_lifetime_value", "DECIMAL(18,2)", "raw_payments", "amount",
                        "Sum of all payments of all the customer's orders in dollars (amount / 100)",
                        pay + "; " + cust, null, false, true, null)
                .build();
    }

    static SchemaCatalog jaffleCatalog() {
        return new SchemaCatalog(List.of(
                table("raw_customers", "id", "first_name", "last_name"),
                table("raw_orders", "id", "user_id", "order_date", "status"),
                table("raw_payments", "id", "order_id", "payment_method", "amount")));
    }

    static SchemaCatalog.Table table(String name, String... columns) {
        return new SchemaCatalog.Table(null, name, Arrays.stream(columns).map(c -> new SchemaCatalog.Column(c, "VARCHAR")).toList(),
                List.of(), List.of());
    }
}
