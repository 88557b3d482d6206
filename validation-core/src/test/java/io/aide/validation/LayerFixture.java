package io.aide.validation;

import io.aide.events.spec.GeneratedLayers;
import io.aide.events.spec.MappingSpec;
import io.aide.events.spec.ReferenceTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds a customer dimension layer the way sqlgen hands it over, with one knob per test. */
final class LayerFixture {
    String customerId = "c.id";
    String customerIdType = "INTEGER";
    String name = "c.name";
    String nameType = "VARCHAR(10)";
    String status = "CASE c.status WHEN 'A' THEN 'Active' WHEN 'I' THEN 'Inactive' END";
    String from = "FROM customers c";
    String where = null;
    List<String> dialects = List.of("duckdb");

    static GeneratedLayers.Column column(String name, String type, int row, String source, boolean key, Boolean nullable,
                                         List<String> accepted, String lookup) {
        return new GeneratedLayers.Column(name, type, "@mapping[Map:" + row + "]", "compiled", null,
                List.of(source), key, nullable, accepted, lookup);
    }

    String select() {
        return "SELECT\n  " + customerId + " AS customer_id,\n  " + name + " AS customer_name,\n  " + status
                + " AS status_desc,\n  c.country_code AS country_code";
    }

    String sql() {
        return select() + "\n" + from + (where == null ? "" : "\nWHERE " + where);
    }

    GeneratedLayers.Layer layer() {
        List<GeneratedLayers.Block> blocks = new ArrayList<>();
        blocks.add(new GeneratedLayers.Block("select_clause", 1, 1, sqlFor(select()),
                List.of("@mapping[Map:2]", "@mapping[Map:3]", "@mapping[Map:4]", "@mapping[Map:5]")));
        blocks.add(new GeneratedLayers.Block("joins", 2, 1, sqlFor(from), List.of("@mapping[Map:6]")));
        if (where != null) {
            blocks.add(new GeneratedLayers.Block("where_clause", 3, 1, sqlFor("WHERE " + where), List.of("@mapping[Map:7]")));
        }
        List<GeneratedLayers.Column> columns = List.of(
                column("customer_id", customerIdType, 2, "customers.id", true, false, null, null),
                column("customer_name", nameType, 3, "customers.name", false, false, null, null),
                column("status_desc", "VARCHAR(20)", 4, "customers.status", false, true, List.of("Active", "Inactive"), null),
                column("country_code", "VARCHAR(2)", 5, "customers.country_code", false, true, null, "countries"));
        return new GeneratedLayers.Layer("dim_customer", sqlFor(sql()), null, blocks, columns, List.of("customers"),
                List.of("customer_id"));
    }

    private Map<String, String> sqlFor(String sql) {
        java.util.LinkedHashMap<String, String> m = new java.util.LinkedHashMap<>();
        for (String d : dialects) {
            m.put(d, sql);
        }
        return m;
    }

    GeneratedLayers layers() {
        return new GeneratedLayers("gen_1", "doc_1", 1, 1, List.of(layer()));
    }

    static MappingSpec spec() {
        return new MappingSpec("doc_1", "acme", 1, "mapping.xlsx", "xlsx", null, null, null,
                List.of(new ReferenceTable("countries", List.of("code", "name"),
                        List.of(List.of("DE", "Germany"), List.of("FR", "France")), "@mapping[Lookups:1]")), null);
    }
}
