package io.aide.aihub.modeler;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A classic sales database as PostgreSQL describes it, with a few sample rows (one order line has no order). */
public final class SalesSchema {
    static SchemaSnapshot.Column col(String name, String type, int position) {
        return new SchemaSnapshot.Column(name, type, position, !name.endsWith("_id"));
    }

    static SchemaSnapshot.ForeignKey fk(String column, String table, String referenced) {
        return new SchemaSnapshot.ForeignKey("fk_" + column, List.of(column), "sales", table, List.of(referenced));
    }

    static SchemaSnapshot.Table table(String name, List<String> pk, List<SchemaSnapshot.ForeignKey> fks, String... cols) {
        List<SchemaSnapshot.Column> columns = new ArrayList<>();
        for (int i = 0; i < cols.length; i++) {
            String[] parts = cols[i].split(" ", 2);
            columns.add(col(parts[0], parts[1], i + 1));
        }
        return new SchemaSnapshot.Table("sales", name, "table", columns, pk, fks, null);
    }

    public static SchemaSnapshot snapshot() {
        return new SchemaSnapshot("ds_sales", "postgresql", "shop", List.of(
                table("customers", List.of("customer_id"), List.of(),
                        "customer_id integer", "full_name varchar(80)", "city varchar(40)", "segment varchar(20)"),
                table("categories", List.of("category_id"), List.of(), "category_id integer", "category_name varchar(40)"),
                table("products", List.of("product_id"), List.of(fk("category_id", "categories", "category_id")),
                        "product_id integer", "product_name varchar(80)", "category_id integer", "list_price numeric(10,2)"),
                table("stores", List.of("store_id"), List.of(), "store_id integer", "store_name varchar(40)",
                        "region varchar(20)"),
                table("orders", List.of("order_id"), List.of(fk("customer_id", "customers", "customer_id"),
                                fk("store_id", "stores", "store_id")),
                        "order_id integer", "customer_id integer", "store_id integer", "order_date date",
                        "status varchar(12)"),
                table("order_items", List.of("order_item_id"), List.of(fk("order_id", "orders", "order_id"),
                                fk("product_id", "products", "product_id")),
                        "order_item_id integer", "order_id integer", "product_id integer", "line_number integer",
                        "quantity integer", "unit_price numeric(10,2)", "discount numeric(4,2)"),
                table("shipments", List.of("shipment_id"), List.of(fk("order_id", "orders", "order_id"),
                                fk("customer_id", "customers", "customer_id")),
                        "shipment_id integer", "order_id integer", "customer_id integer",
                        "shipped_at timestamp without time zone", "freight_cost numeric(10,2)"),
                table("tags", List.of("tag_id"), List.of(), "tag_id integer", "label varchar(30)"),
                table("product_tags", List.of("product_id", "tag_id"), List.of(fk("product_id", "products", "product_id"),
                        fk("tag_id", "tags", "tag_id")), "product_id integer", "tag_id integer")));
    }

    public static SampleRows sample() {
        return new SampleRows(List.of(
                rows("customers", List.of("customer_id", "full_name", "city", "segment"),
                        "1,Ada Byron,London,retail", "2,Alan Turing,Manchester,retail", "3,Grace Hopper,New York,b2b"),
                rows("orders", List.of("order_id", "customer_id", "store_id", "order_date", "status"),
                        "10,1,1,2024-01-03,shipped", "11,2,1,2024-01-04,shipped", "12,,2,2024-01-05,open"),
                rows("order_items", List.of("order_item_id", "order_id", "product_id", "line_number", "quantity",
                                "unit_price", "discount"),
                        "100,10,5,1,2,9.90,0", "101,10,6,2,1,4.50,0.1", "102,11,5,1,3,9.90,0", "103,99,6,1,1,4.50,0")));
    }

    private static SampleRows.Table rows(String table, List<String> columns, String... lines) {
        List<List<String>> data = new ArrayList<>();
        for (String line : lines) {
            data.add(Arrays.asList(line.split(",", -1)));
        }
        return new SampleRows.Table("sales", table, columns.stream().map(c -> new SampleRows.Column(c, "text")).toList(),
                data, false);
    }

    private SalesSchema() {
    }
}
