package io.aide.validation.compare;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every column of one target compared with its expected rows.
 *
 * @param alignedOn the columns rows were aligned on (empty when compared as multisets)
 * @param alignment how rows were aligned: {@link #KEY}, {@link #UNIQUE_COLUMNS}, {@link #MULTISET} or {@link #NONE}
 */
public record TargetComparison(String target, int rowsExpected, int rowsActual, List<String> alignedOn,
                               List<ColumnResult> columns, String note, String alignment) {
    /** Rows aligned on the mapping's key: computed and unique on both sides. */
    public static final String KEY = "key";
    /** Rows aligned on other columns that matched and are unique on both sides. */
    public static final String UNIQUE_COLUMNS = "unique_columns";
    /** No column set is unique on both sides: each column's values compared as a multiset. */
    public static final String MULTISET = "multiset";
    /** Nothing was compared (the SQL failed or produced nothing to align). */
    public static final String NONE = "none";

    public TargetComparison {
        alignedOn = List.copyOf(alignedOn);
        columns = List.copyOf(columns);
        alignment = alignment == null ? NONE : alignment;
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

    /** The alignment in words, for text reports: "aligned on key order_id", "compared as multisets of values". */
    public String alignmentDescription() {
        return switch (alignment) {
            case KEY -> "aligned on key " + String.join(", ", alignedOn);
            case UNIQUE_COLUMNS -> "aligned on unique columns " + String.join(", ", alignedOn);
            case MULTISET -> "compared as multisets of values";
            default -> "not compared";
        };
    }
}
