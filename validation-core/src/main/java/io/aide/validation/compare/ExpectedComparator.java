package io.aide.validation.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares the rows a generated layer produced with the rows it is expected to hold, column by column. Rows are
 * aligned as {@link RowAlignment} chooses (the mapping's key, else other matching columns unique on both sides, else
 * each column compared as a multiset), so a mismatch always means SQL was produced and its values differ.
 */
public final class ExpectedComparator {
    public static final double DEFAULT_TOLERANCE = 1e-6;

    private final ValueNormalizer values;
    private final ValueMultiset multisets;

    public ExpectedComparator() {
        this(DEFAULT_TOLERANCE);
    }

    public ExpectedComparator(double tolerance) {
        this.values = new ValueNormalizer(tolerance);
        this.multisets = new ValueMultiset(values);
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
        return new TargetComparison(target, expected.rows().size(), 0, List.of(), out, error, TargetComparison.NONE);
    }

    public TargetComparison compare(String target, List<String> keyColumns, List<DefinedColumn> defined,
                                    ResultTable actual, ResultTable expected) {
        Map<String, ValueMultiset.Difference> asMultisets = new LinkedHashMap<>();
        for (DefinedColumn c : defined) {
            int e = expected.indexOf(c.name());
            int a = actual.indexOf(c.name());
            if (e >= 0 && a >= 0 && !c.flagged()) {
                asMultisets.put(c.name(), multisets.compare(expected, e, actual, a));
            }
        }
        List<String> matched = asMultisets.entrySet().stream().filter(x -> x.getValue().none()).map(Map.Entry::getKey).toList();
        RowAlignment alignment = RowAlignment.choose(keyColumns, defined, matched, actual, expected);
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
            out.add(alignment.keyed() ? rowByRow(c, e, a, alignment, actual, expected) : asMultiset(c, asMultisets.get(c.name())));
        }
        addNotInSpec(defined, expected, out);
        return new TargetComparison(target, expected.rows().size(), actual.rows().size(), alignment.columns, out,
                alignment.note, alignment.kind);
    }

    private ColumnResult rowByRow(DefinedColumn c, int e, int a, RowAlignment alignment, ResultTable actual, ResultTable expected) {
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
        if (differing == 0 && alignment.columns.stream().anyMatch(k -> k.equalsIgnoreCase(c.name())) && alignment.extraActual > 0) {
            differing = alignment.extraActual;
            first = alignment.extraActual + " rows of the view have a key the expected rows do not have";
        }
        return new ColumnResult(c.name(), differing == 0 ? ColumnStatus.MATCH : ColumnStatus.MISMATCH, c.mappingRef(),
                differing == 0 ? null : first + (differing > 1 ? " (" + differing + " rows differ)" : ""), differing);
    }

    private static ColumnResult asMultiset(DefinedColumn c, ValueMultiset.Difference d) {
        if (d.none()) {
            return new ColumnResult(c.name(), ColumnStatus.MATCH, c.mappingRef(), null, 0);
        }
        String detail = "the values differ as a multiset: " + (d.onlyExpected().isEmpty() ? ""
                : d.onlyExpected().size() + " expected values the view lacks (e.g. " + show(d.onlyExpected().get(0)) + ")")
                + (d.onlyExpected().isEmpty() || d.onlyActual().isEmpty() ? "" : ", ")
                + (d.onlyActual().isEmpty() ? "" : d.onlyActual().size() + " values of the view not expected (e.g. "
                + show(d.onlyActual().get(0)) + ")");
        return new ColumnResult(c.name(), ColumnStatus.MISMATCH, c.mappingRef(), detail, d.size());
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
}
