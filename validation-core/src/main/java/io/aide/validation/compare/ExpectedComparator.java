package io.aide.validation.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Compares the rows a generated layer produced with the rows it is expected to hold, column by column.
 * Rows are aligned on the key columns (the mapping's primary key, else its first column); when that key is not
 * unique in the expected rows they are aligned by position.
 */
public final class ExpectedComparator {
    public static final double DEFAULT_TOLERANCE = 1e-6;

    private final ValueNormalizer values;

    public ExpectedComparator() {
        this(DEFAULT_TOLERANCE);
    }

    public ExpectedComparator(double tolerance) {
        this.values = new ValueNormalizer(tolerance);
    }

    /** The layer's SQL failed: compiled columns are errors, flagged ones stay flagged. */
    public TargetComparison failed(String target, List<DefinedColumn> defined, ResultTable expected, String error) {
        List<ColumnResult> out = new ArrayList<>();
        for (DefinedColumn c : defined) {
            boolean inExpected = expected.indexOf(c.name()) >= 0;
            ColumnStatus s = !inExpected ? ColumnStatus.NOT_IN_EXPECTED : c.flagged() ? ColumnStatus.FLAGGED : ColumnStatus.ERROR;
            out.add(new ColumnResult(c.name(), s, c.mappingRef(), c.flagged() ? c.reason() : error, 0));
        }
        addNotInSpec(defined, expected, out);
        return new TargetComparison(target, expected.rows().size(), 0, List.of(), out, error);
    }

    public TargetComparison compare(String target, List<String> keyColumns, List<DefinedColumn> defined,
                                    ResultTable actual, ResultTable expected) {
        List<String> key = alignmentKey(keyColumns, defined, actual, expected);
        Alignment alignment = align(key, actual, expected);
        List<ColumnResult> out = new ArrayList<>();
        for (DefinedColumn c : defined) {
            int e = expected.indexOf(c.name());
            if (e < 0) {
                out.add(new ColumnResult(c.name(), ColumnStatus.NOT_IN_EXPECTED, c.mappingRef(),
                        "the expected rows have no column " + c.name(), 0));
                continue;
            }
            if (c.flagged()) {
                out.add(new ColumnResult(c.name(), ColumnStatus.FLAGGED, c.mappingRef(), c.reason(), 0));
                continue;
            }
            int a = actual.indexOf(c.name());
            if (a < 0) {
                out.add(new ColumnResult(c.name(), ColumnStatus.ERROR, c.mappingRef(), "the view has no column " + c.name(), 0));
                continue;
            }
            String first = null;
            int differing = 0;
            for (int row = 0; row < expected.rows().size(); row++) {
                Integer ar = alignment.actualRowFor.get(row);
                String ev = expected.value(row, e);
                if (ar == null) {
                    differing++;
                    if (first == null) {
                        first = "row " + alignment.describe(row) + ": expected '" + ev + "', the view has no such row";
                    }
                    continue;
                }
                String av = actual.value(ar, a);
                if (!values.equal(ev, av)) {
                    differing++;
                    if (first == null) {
                        first = "row " + alignment.describe(row) + ": expected " + show(ev) + ", got " + show(av);
                    }
                }
            }
            if (differing == 0 && key.stream().anyMatch(k -> k.equalsIgnoreCase(c.name())) && alignment.extraActual > 0) {
                differing = alignment.extraActual;
                first = alignment.extraActual + " rows of the view have a key the expected rows do not have";
            }
            out.add(new ColumnResult(c.name(), differing == 0 ? ColumnStatus.MATCH : ColumnStatus.MISMATCH, c.mappingRef(),
                    differing == 0 ? null : first + (differing > 1 ? " (" + differing + " rows differ)" : ""), differing));
        }
        addNotInSpec(defined, expected, out);
        return new TargetComparison(target, expected.rows().size(), actual.rows().size(), key, out, alignment.note);
    }

    private static String show(String v) {
        String c = ValueNormalizer.clean(v);
        return c == null ? "NULL" : "'" + c + "'";
    }

    private static void addNotInSpec(List<DefinedColumn> defined, ResultTable expected, List<ColumnResult> out) {
        for (String col : expected.columns()) {
            if (defined.stream().noneMatch(d -> d.name().equalsIgnoreCase(col))) {
                out.add(new ColumnResult(col, ColumnStatus.NOT_IN_SPEC, null, "not defined by the mapping", 0));
            }
        }
    }

    private static List<String> alignmentKey(List<String> keyColumns, List<DefinedColumn> defined, ResultTable actual,
                                             ResultTable expected) {
        List<String> key = keyColumns.stream().filter(k -> actual.indexOf(k) >= 0 && expected.indexOf(k) >= 0).toList();
        if (!key.isEmpty() && key.size() == keyColumns.size()) {
            return key;
        }
        for (DefinedColumn d : defined) {
            if (actual.indexOf(d.name()) >= 0 && expected.indexOf(d.name()) >= 0) {
                return List.of(d.name());
            }
        }
        return List.of();
    }

    private final class Alignment {
        final Map<Integer, Integer> actualRowFor = new HashMap<>();
        final List<String> keyValues = new ArrayList<>();
        int extraActual;
        String note;
        boolean positional;

        String describe(int expectedRow) {
            return positional ? "#" + (expectedRow + 1) : keyValues.get(expectedRow);
        }
    }

    private Alignment align(List<String> key, ResultTable actual, ResultTable expected) {
        Alignment al = new Alignment();
        Map<String, Integer> expectedKeys = new LinkedHashMap<>();
        boolean unique = !key.isEmpty();
        for (int r = 0; r < expected.rows().size() && unique; r++) {
            String k = keyOf(key, expected, r);
            if (k == null || expectedKeys.put(k, r) != null) {
                unique = false;
            }
        }
        if (!unique) {
            al.positional = true;
            al.note = key.isEmpty() ? "no key column in both tables: rows aligned by position"
                    : "key " + String.join(", ", key) + " is not unique in the expected rows: rows aligned by position";
            for (int r = 0; r < expected.rows().size(); r++) {
                if (r < actual.rows().size()) {
                    al.actualRowFor.put(r, r);
                }
            }
            al.extraActual = Math.max(0, actual.rows().size() - expected.rows().size());
            return al;
        }
        Map<String, Integer> actualKeys = new HashMap<>();
        for (int r = 0; r < actual.rows().size(); r++) {
            String k = keyOf(key, actual, r);
            if (k != null) {
                actualKeys.putIfAbsent(k, r);
            }
        }
        for (Map.Entry<String, Integer> e : expectedKeys.entrySet()) {
            al.keyValues.add(key.stream().collect(Collectors.joining(",")) + "=" + e.getKey());
            Integer a = actualKeys.get(e.getKey());
            if (a != null) {
                al.actualRowFor.put(e.getValue(), a);
            }
        }
        al.extraActual = (int) actualKeys.keySet().stream().filter(k -> !expectedKeys.containsKey(k)).count()
                + Math.max(0, actual.rows().size() - actualKeys.size());
        return al;
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

    /** Keys compare like values: 1, 1.0 and 1.00 are one key. */
    private static String canonical(String v) {
        java.math.BigDecimal n = ValueNormalizer.number(v);
        if (n != null) {
            return n.stripTrailingZeros().toPlainString();
        }
        return v.toLowerCase(Locale.ROOT).equals(v) ? v : v;
    }
}
