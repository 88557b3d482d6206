package io.aide.validation.compare;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which expected row each row of the view is compared with. Rows are aligned on the mapping's key when its columns
 * are computed (not flagged) and unique on both sides; otherwise on another set of columns (up to three) whose values
 * matched and that is unique on both sides; otherwise not at all, and each column is compared as a multiset. A flagged
 * or duplicated key therefore never turns a correct column into a mismatch.
 */
final class RowAlignment {
    private static final int MAX_SET_SIZE = 3;
    private static final int MAX_CANDIDATES = 12;

    final String kind;
    final List<String> columns;
    final String note;
    final Map<Integer, Integer> actualRowFor = new HashMap<>();
    final List<String> keyValues = new ArrayList<>();
    int extraActual;

    private RowAlignment(String kind, List<String> columns, String note) {
        this.kind = kind;
        this.columns = List.copyOf(columns);
        this.note = note;
    }

    boolean keyed() {
        return !TargetComparison.MULTISET.equals(kind);
    }

    String describe(int expectedRow) {
        return keyValues.get(expectedRow);
    }

    /**
     * @param matched compiled columns present on both sides whose values match as multisets, in the mapping's order
     */
    static RowAlignment choose(List<String> keyColumns, List<DefinedColumn> defined, List<String> matched,
                               ResultTable actual, ResultTable expected) {
        String why = null;
        if (!keyColumns.isEmpty()) {
            List<String> flagged = keyColumns.stream().filter(k -> defined.stream()
                    .anyMatch(d -> d.flagged() && d.name().equalsIgnoreCase(k))).toList();
            List<String> absent = keyColumns.stream().filter(k -> actual.indexOf(k) < 0 || expected.indexOf(k) < 0).toList();
            String key = String.join(", ", keyColumns);
            if (!flagged.isEmpty()) {
                why = "the key " + key + " is flagged";
            } else if (!absent.isEmpty()) {
                why = "the key column " + String.join(", ", absent) + " is missing from the view or the expected rows";
            } else if (!unique(keyColumns, expected)) {
                why = "the key " + key + " is not unique (or NULL) in the expected rows";
            } else if (!unique(keyColumns, actual)) {
                why = "the key " + key + " is not unique (or NULL) in the view";
            } else {
                return keyed(TargetComparison.KEY, keyColumns, null, actual, expected);
            }
        }
        List<String> candidates = matched.stream().limit(MAX_CANDIDATES).toList();
        for (int size = 1; size <= Math.min(MAX_SET_SIZE, candidates.size()); size++) {
            for (List<String> set : combinations(candidates, size)) {
                if (unique(set, expected) && unique(set, actual)) {
                    String note = (why == null ? "the mapping names no key" : why) + ": rows aligned on "
                            + String.join(", ", set) + ", unique on both sides";
                    return keyed(TargetComparison.UNIQUE_COLUMNS, set, note, actual, expected);
                }
            }
        }
        return new RowAlignment(TargetComparison.MULTISET, List.of(), (why == null ? "the mapping names no key" : why)
                + " and no matching columns are unique on both sides: each column's values are compared as a multiset");
    }

    private static RowAlignment keyed(String kind, List<String> key, String note, ResultTable actual, ResultTable expected) {
        RowAlignment al = new RowAlignment(kind, key, note);
        Map<String, Integer> expectedKeys = new LinkedHashMap<>();
        for (int r = 0; r < expected.rows().size(); r++) {
            expectedKeys.put(keyOf(key, expected, r), r);
        }
        Map<String, Integer> actualKeys = new HashMap<>();
        for (int r = 0; r < actual.rows().size(); r++) {
            actualKeys.put(keyOf(key, actual, r), r);
        }
        for (Map.Entry<String, Integer> e : expectedKeys.entrySet()) {
            al.keyValues.add(String.join(",", key) + "=" + e.getKey().replace('\u0001', ','));
            Integer a = actualKeys.get(e.getKey());
            if (a != null) {
                al.actualRowFor.put(e.getValue(), a);
            }
        }
        al.extraActual = (int) actualKeys.keySet().stream().filter(k -> !expectedKeys.containsKey(k)).count();
        return al;
    }

    private static boolean unique(List<String> key, ResultTable t) {
        Set<String> seen = new HashSet<>();
        for (int r = 0; r < t.rows().size(); r++) {
            String k = keyOf(key, t, r);
            if (k == null || !seen.add(k)) {
                return false;
            }
        }
        return true;
    }

    private static List<List<String>> combinations(List<String> items, int size) {
        List<List<String>> out = new ArrayList<>();
        combine(items, size, 0, new ArrayList<>(), out);
        return out;
    }

    private static void combine(List<String> items, int size, int from, List<String> current, List<List<String>> out) {
        if (current.size() == size) {
            out.add(List.copyOf(current));
            return;
        }
        for (int i = from; i < items.size(); i++) {
            current.add(items.get(i));
            combine(items, size, i + 1, current, out);
            current.remove(current.size() - 1);
        }
    }

    private static String keyOf(List<String> key, ResultTable t, int row) {
        List<String> parts = new ArrayList<>();
        for (String k : key) {
            String v = ValueNormalizer.clean(t.value(row, t.indexOf(k)));
            if (v == null) {
                return null;
            }
            parts.add(canonical(v));
        }
        return String.join("\u0001", parts);
    }

    /** Keys compare like values: 1, 1.0 and 1.00 are one key, so are a date and its midnight timestamp. */
    static String canonical(String v) {
        if (v == null) {
            return "\u0000";
        }
        BigDecimal n = ValueNormalizer.number(v);
        if (n != null) {
            return n.stripTrailingZeros().toPlainString();
        }
        LocalDateTime d = ValueNormalizer.dateTime(v);
        return d != null ? d.toString() : v;
    }
}
