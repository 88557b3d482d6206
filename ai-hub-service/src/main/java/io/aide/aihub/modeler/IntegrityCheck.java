package io.aide.aihub.modeler;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Integrity of a schema measured on its sample: tables without a declared key, keys that repeat or are missing,
 * references that are not declared, and references whose value is missing or points at no row (orphans).
 */
public final class IntegrityCheck {
    /** @param count rows concerned on the sample, or -1 when it is a property of the schema, not of rows */
    public record Finding(String kind, String table, String column, long count, String message) {
    }

    private IntegrityCheck() {
    }

    public static List<Finding> check(SchemaGraph graph) {
        List<Finding> out = new ArrayList<>();
        for (TableProfile t : graph.tables()) {
            keys(t, out);
        }
        for (Relationship r : graph.relationships()) {
            references(graph, r, out);
        }
        for (TableProfile t : graph.tables()) {
            if (graph.tables().size() > 1 && graph.outgoing(t.name()).isEmpty() && graph.incoming(t.name()).isEmpty()) {
                out.add(new Finding("isolated_table", t.name(), null, -1, t.name() + " has no relationship with another"
                        + " table: no declared foreign key, and no column whose name or values match another table's key."));
            }
        }
        return out;
    }

    private static void keys(TableProfile t, List<Finding> out) {
        if (!t.keyDeclared()) {
            out.add(new Finding("missing_primary_key", t.name(), t.singleKey(), -1, t.key().isEmpty()
                    ? t.name() + " has no primary key, and no identifier column is unique on the sample: rows cannot be"
                    + " told apart, so a dimension built from it needs a surrogate key and deduplication."
                    : t.hasSample() ? t.name() + " declares no primary key; " + String.join(", ", t.key())
                    + " is unique and never missing on the " + t.sampledRows() + " sample rows, so it is the key to"
                    + " declare."
                    : t.name() + " declares no primary key; " + String.join(", ", t.key()) + " is its identifier by"
                    + " name (not measured: no sample rows were read), so it is the key to declare once checked."));
        }
        if (!t.hasSample() || t.key().size() != 1) {
            return;
        }
        String key = t.key().get(0);
        List<String> values = t.sample().values(key);
        long missing = values.stream().filter(ColumnProfile::isNull).count();
        Map<String, Integer> counts = new HashMap<>();
        values.stream().filter(v -> !ColumnProfile.isNull(v)).forEach(v -> counts.merge(v.strip(), 1, Integer::sum));
        long duplicated = counts.values().stream().filter(n -> n > 1).mapToLong(n -> n).sum();
        if (missing > 0) {
            out.add(new Finding("missing_key_value", t.name(), key, missing, missing + " of " + values.size()
                    + " sample rows of " + t.name() + " have no " + key + "."));
        }
        if (duplicated > 0) {
            out.add(new Finding("duplicate_key", t.name(), key, duplicated, duplicated + " of " + values.size()
                    + " sample rows of " + t.name() + " share a " + key + " value with another row."));
        }
    }

    private static void references(SchemaGraph graph, Relationship r, List<Finding> out) {
        TableProfile from = graph.table(r.fromTable());
        TableProfile to = graph.table(r.toTable());
        String column = String.join(", ", r.fromColumns());
        if (r.origin() != Relationship.Origin.DECLARED) {
            out.add(new Finding("undeclared_reference", r.fromTable(), column, -1, r.fromTable() + "." + column
                    + " references " + r.toTable() + "." + String.join(", ", r.toColumns()) + " ("
                    + r.origin().label() + ") but no foreign key says so."));
        }
        if (to == null) {
            out.add(new Finding("dangling_reference", r.fromTable(), column, -1, r.fromTable() + "." + column
                    + " references " + r.toTable() + ", which is not in the schema."));
            return;
        }
        if (from == null || !from.hasSample() || !to.hasSample() || r.fromColumns().size() != 1
                || r.toColumns().size() != 1) {
            return;
        }
        List<String> values = from.sample().values(r.fromColumns().get(0));
        Set<String> keys = SchemaGraph.presentValues(to.sample().values(r.toColumns().get(0)));
        long missing = values.stream().filter(ColumnProfile::isNull).count();
        long orphans = values.stream().filter(v -> !ColumnProfile.isNull(v) && !keys.contains(v.strip())).count();
        if (missing > 0) {
            out.add(new Finding("missing_reference", r.fromTable(), column, missing, missing + " of " + values.size()
                    + " sample rows of " + r.fromTable() + " have no " + column + ": they belong to no "
                    + to.entity() + " (an 'unknown' member of the dimension keeps them in the facts)."));
        }
        if (orphans > 0) {
            out.add(new Finding("orphan_reference", r.fromTable(), column, orphans, orphans + " of " + values.size()
                    + " sample rows of " + r.fromTable() + " have a " + column + " found in none of the "
                    + to.sampledRows() + " sampled rows of " + r.toTable()
                    + (to.sample().truncated() ? " (that sample is truncated, so some may exist beyond it)" : "")
                    + "."));
        }
    }
}
