package io.aide.validation.compare;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Compares the values of one column as multisets (row order and alignment ignored), with the same type-aware
 * equality as row-by-row comparison: values equal as written pair first, the rest pair by {@link ValueNormalizer}.
 */
final class ValueMultiset {
    /** Values of one side left without a partner on the other. */
    record Difference(List<String> onlyExpected, List<String> onlyActual) {
        boolean none() {
            return onlyExpected.isEmpty() && onlyActual.isEmpty();
        }

        int size() {
            return Math.max(onlyExpected.size(), onlyActual.size());
        }
    }

    private final ValueNormalizer values;

    ValueMultiset(ValueNormalizer values) {
        this.values = values;
    }

    Difference compare(ResultTable expected, int expectedColumn, ResultTable actual, int actualColumn) {
        Map<String, Integer> unpaired = new HashMap<>();
        Map<String, String> spelling = new HashMap<>();
        for (int r = 0; r < actual.rows().size(); r++) {
            String v = actual.value(r, actualColumn);
            String k = RowAlignment.canonical(ValueNormalizer.clean(v));
            unpaired.merge(k, 1, Integer::sum);
            spelling.putIfAbsent(k, v);
        }
        List<String> onlyExpected = new ArrayList<>();
        for (int r = 0; r < expected.rows().size(); r++) {
            String v = expected.value(r, expectedColumn);
            String k = RowAlignment.canonical(ValueNormalizer.clean(v));
            Integer n = unpaired.get(k);
            if (n != null && n > 0) {
                unpaired.put(k, n - 1);
            } else {
                onlyExpected.add(v);
            }
        }
        List<String> onlyActual = new ArrayList<>();
        unpaired.forEach((k, n) -> {
            for (int i = 0; i < n; i++) {
                onlyActual.add(spelling.get(k));
            }
        });
        // values equal only within the tolerance or across spellings (1 / true, a date / its midnight timestamp)
        Iterator<String> it = onlyExpected.iterator();
        while (it.hasNext()) {
            String e = it.next();
            for (int i = 0; i < onlyActual.size(); i++) {
                if (values.equal(e, onlyActual.get(i))) {
                    onlyActual.remove(i);
                    it.remove();
                    break;
                }
            }
        }
        return new Difference(onlyExpected, onlyActual);
    }
}
