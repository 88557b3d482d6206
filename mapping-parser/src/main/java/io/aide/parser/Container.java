package io.aide.parser;

import java.util.List;
import java.util.Map;

/** The outcome of inspecting an upload: its format and, for workbooks, the sheets with their layout. */
record Container(FileInspection inspection, List<SheetEntry> sheets, Map<String, SheetMeta> metaByPart) {

    record SheetEntry(String name, String part, boolean hidden) {
    }

    String format() {
        return inspection.format();
    }

    SheetMeta meta(String sheetName) {
        for (SheetEntry e : sheets) {
            if (e.name.equals(sheetName)) {
                SheetMeta m = metaByPart.get(e.part);
                return m == null ? SheetMeta.NONE : m;
            }
        }
        return SheetMeta.NONE;
    }

    boolean hidden(String sheetName) {
        return sheets.stream().anyMatch(e -> e.name.equals(sheetName) && e.hidden);
    }
}
