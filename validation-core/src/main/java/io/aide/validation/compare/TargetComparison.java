package io.aide.validation.compare;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Every column of one target compared with its expected rows. */
public record TargetComparison(String target, int rowsExpected, int rowsActual, List<String> alignedOn,
                               List<ColumnResult> columns, String note) {
    public TargetComparison {
        alignedOn = List.copyOf(alignedOn);
        columns = List.copyOf(columns);
    }

    public Map<ColumnStatus, Integer> counts() {
        Map<ColumnStatus, Integer> counts = new EnumMap<>(ColumnStatus.class);
        for (ColumnStatus s : ColumnStatus.values()) {
            counts.put(s, 0);
        }
        columns.forEach(c -> counts.merge(c.status(), 1, Integer::sum));
        return counts;
    }

    /** Columns that count in the score (defined by the mapping and present in the expected rows). */
    public int scoredColumns() {
        return (int) columns.stream().filter(c -> c.status().scored()).count();
    }
}
