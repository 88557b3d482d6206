package io.aide.parser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills the cells of merged regions with the value of their top-left cell, row by row as the rows stream past:
 * only the regions that cover the current row are held.
 */
final class MergedCells {
    private final List<SheetMeta.Region> activeMerges = new ArrayList<>();
    private final Map<SheetMeta.Region, String> mergeValues = new LinkedHashMap<>();
    private final Iterator<SheetMeta.Region> pendingMerges;
    private SheetMeta.Region nextMerge;

    MergedCells(List<SheetMeta.Region> regions) {
        List<SheetMeta.Region> sorted = new ArrayList<>(regions);
        sorted.sort((a, b) -> Integer.compare(a.firstRow(), b.firstRow()));
        this.pendingMerges = sorted.iterator();
        this.nextMerge = pendingMerges.hasNext() ? pendingMerges.next() : null;
    }

    /** The row with the merged cells it lies in filled; rows must come in ascending order. */
    String[] apply(int rowNumber, String[] cells) {
        if (nextMerge == null && activeMerges.isEmpty()) {
            return cells;
        }
        while (nextMerge != null && nextMerge.firstRow() <= rowNumber) {
            activeMerges.add(nextMerge);
            nextMerge = pendingMerges.hasNext() ? pendingMerges.next() : null;
        }
        String[] out = cells;
        for (Iterator<SheetMeta.Region> it = activeMerges.iterator(); it.hasNext(); ) {
            SheetMeta.Region r = it.next();
            if (r.lastRow() < rowNumber) {
                it.remove();
                mergeValues.remove(r);
                continue;
            }
            if (r.firstRow() == rowNumber) {
                String v = r.firstCol() < cells.length ? cells[r.firstCol()] : null;
                mergeValues.put(r, v);
            }
            String v = mergeValues.get(r);
            if (v == null || v.isEmpty()) {
                continue;
            }
            if (out.length <= r.lastCol()) {
                out = Arrays.copyOf(out, r.lastCol() + 1);
            }
            for (int c = r.firstCol(); c <= r.lastCol(); c++) {
                if (out[c] == null || out[c].isEmpty()) {
                    out[c] = v;
                }
            }
        }
        return out;
    }
}
