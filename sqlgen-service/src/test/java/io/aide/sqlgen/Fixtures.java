package io.aide.sqlgen;

import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;
import io.aide.events.spec.SourceRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Small mapping specs as document-service would parse them. */
public final class Fixtures {

    /** order_facts from orders (+ customers by a left join), filtered, with a cast, a trim and arithmetic. */
    public static List<MappingRow> orderFacts() {
        return List.of(
                row(4, "order_facts", "order_id", "INTEGER", "orders", "id", "Direct move", null, "orders.status <> 'deleted'", true),
                row(5, "order_facts", "customer_id", "INTEGER", "orders", "customer_id", "Direct move", null, null, false),
                row(6, "order_facts", "customer_name", "VARCHAR", "customers", "name", "Trim",
                        "LEFT JOIN customers ON customers.id = orders.customer_id", null, false),
                row(7, "order_facts", "order_date", "DATE", "orders", "order_date", "Cast to date", null, null, false),
                row(8, "order_facts", "status", "VARCHAR", "orders", "status", "Upper case", null, null, false),
                row(9, "order_facts", "amount_usd", "DECIMAL(12,2)", "orders", "amount_cents", "amount_cents / 100",
                        null, null, false));
    }

    /** customer_dim from customers. */
    public static List<MappingRow> customerDim(String nameRule) {
        return List.of(
                row(10, "customer_dim", "customer_id", "INTEGER", "customers", "id", "Direct move", null, null, true),
                row(11, "customer_dim", "customer_name", "VARCHAR", "customers", "name", nameRule, null, null, false));
    }

    public static MappingSpec spec(String tenant, String documentId, int version, List<MappingRow> rows) {
        return new MappingSpec(documentId, tenant, version, "orders_mapping.csv", "csv", Map.of(), List.of(), rows,
                List.of(), List.of());
    }

    public static MappingSpec ordersAndCustomers(String tenant, String documentId, int version, String nameRule) {
        List<MappingRow> rows = new ArrayList<>(orderFacts());
        rows.addAll(customerDim(nameRule));
        return spec(tenant, documentId, version, rows);
    }

    public static MappingRow row(int number, String target, String column, String type, String table, String source,
                                 String rule, String join, String filter, boolean key) {
        return new MappingRow(null, "Mapping", number, target, column, type, null, table,
                List.of(new SourceRef(null, table, source)), table + "." + source, rule, join, filter, key, null, null,
                null, null, Map.of());
    }

    public static String id(String prefix) {
        return prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private Fixtures() {
    }
}
