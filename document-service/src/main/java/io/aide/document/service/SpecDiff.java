package io.aide.document.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aide.events.EventJson;
import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Row-level differences between two versions of a MappingSpec, field by field. Pure; no framework. */
public final class SpecDiff {
    private SpecDiff() {
    }

    public record FieldChange(String field, JsonNode from, JsonNode to) {
    }

    public record RowChange(String ref, String targetTable, String targetColumn, List<FieldChange> fields) {
    }

    public record Result(int from, int to, List<MappingRow> added, List<MappingRow> removed, List<RowChange> changed) {
        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
        }
    }

    public static Result between(MappingSpec from, MappingSpec to) {
        Map<String, MappingRow> before = byRef(from);
        Map<String, MappingRow> after = byRef(to);
        List<MappingRow> added = new ArrayList<>();
        List<MappingRow> removed = new ArrayList<>();
        List<RowChange> changed = new ArrayList<>();
        for (MappingRow row : after.values()) {
            MappingRow old = before.get(row.ref());
            if (old == null) {
                added.add(row);
            } else {
                List<FieldChange> fields = fieldChanges(old, row);
                if (!fields.isEmpty()) {
                    changed.add(new RowChange(row.ref(), row.targetTable(), row.targetColumn(), fields));
                }
            }
        }
        for (MappingRow row : before.values()) {
            if (!after.containsKey(row.ref())) {
                removed.add(row);
            }
        }
        return new Result(from.version(), to.version(), added, removed, changed);
    }

    public static List<FieldChange> fieldChanges(MappingRow before, MappingRow after) {
        Map<String, JsonNode> a = flatten(before);
        Map<String, JsonNode> b = flatten(after);
        Set<String> names = new LinkedHashSet<>(a.keySet());
        names.addAll(b.keySet());
        List<FieldChange> changes = new ArrayList<>();
        for (String name : names) {
            JsonNode x = a.getOrDefault(name, NullNode.getInstance());
            JsonNode y = b.getOrDefault(name, NullNode.getInstance());
            if (!x.equals(y)) {
                changes.add(new FieldChange(name, x, y));
            }
        }
        return changes;
    }

    private static Map<String, JsonNode> flatten(MappingRow row) {
        ObjectNode node = EventJson.mapper().valueToTree(row);
        Map<String, JsonNode> flat = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (e.getKey().equals("attributes") && e.getValue().isObject()) {
                e.getValue().fields().forEachRemaining(a -> flat.put("attributes." + a.getKey(), a.getValue()));
            } else {
                flat.put(e.getKey(), e.getValue());
            }
        });
        return flat;
    }

    private static Map<String, MappingRow> byRef(MappingSpec spec) {
        Map<String, MappingRow> rows = new LinkedHashMap<>();
        for (MappingRow row : spec.rows()) {
            rows.put(row.ref(), row);
        }
        return rows;
    }
}
