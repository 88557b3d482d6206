package io.aide.cli.eval;

import io.aide.validation.compare.ColumnStatus;
import io.aide.validation.compare.TargetComparison;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one evaluation case.
 *
 * @param error why the case could not run (unreadable mapping, ...), or null
 */
public record CaseReport(String name, String mappingFile, List<TargetComparison> targets, List<String> notes, String error) {
    public CaseReport {
        targets = List.copyOf(targets);
        notes = List.copyOf(notes);
    }

    public Map<ColumnStatus, Integer> counts() {
        Map<ColumnStatus, Integer> counts = new EnumMap<>(ColumnStatus.class);
        for (ColumnStatus s : ColumnStatus.values()) {
            counts.put(s, 0);
        }
        targets.forEach(t -> t.counts().forEach((s, n) -> counts.merge(s, n, Integer::sum)));
        return counts;
    }

    public int scored() {
        return targets.stream().mapToInt(TargetComparison::scoredColumns).sum();
    }

    public double score() {
        int scored = scored();
        return scored == 0 ? 0 : (double) counts().get(ColumnStatus.MATCH) / scored;
    }

    public double silentErrorRate() {
        int scored = scored();
        return scored == 0 ? 0 : (double) counts().get(ColumnStatus.MISMATCH) / scored;
    }

    public boolean clean() {
        Map<ColumnStatus, Integer> c = counts();
        return error == null && c.get(ColumnStatus.MISMATCH) == 0 && c.get(ColumnStatus.ERROR) == 0;
    }
}
