package io.aide.parser;

import java.util.List;

/**
 * What a sheet says about its layout before its cells are read.
 *
 * @param rows          rows with at least one filled cell (xlsx) or last row number (xls)
 * @param maxColumns    widest row, in cells
 * @param hiddenRows    1-based rows hidden in the workbook
 * @param hiddenColumns 0-based columns hidden in the workbook
 * @param merged        merged regions (1-based rows, 0-based columns)
 */
record SheetMeta(int rows, int maxColumns, List<Integer> hiddenRows, List<Integer> hiddenColumns,
                 List<Region> merged) {

    static final SheetMeta NONE = new SheetMeta(0, 0, List.of(), List.of(), List.of());

    /** A merged range: rows 1-based inclusive, columns 0-based inclusive. */
    record Region(int firstRow, int lastRow, int firstCol, int lastCol) {
        static Region parse(String ref) {
            if (ref == null) {
                return null;
            }
            String[] parts = ref.replace("$", "").split(":");
            if (parts.length != 2) {
                return null;
            }
            int fr = XmlTagScanner.rowIndex(parts[0]);
            int lr = XmlTagScanner.rowIndex(parts[1]);
            int fc = XmlTagScanner.columnIndex(parts[0]);
            int lc = XmlTagScanner.columnIndex(parts[1]);
            if (fr < 1 || lr < fr || fc < 0 || lc < fc) {
                return null;
            }
            return new Region(fr, lr, fc, lc);
        }
    }
}
