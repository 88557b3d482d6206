package io.aide.cli.rules;

import io.aide.events.spec.MappingRow;
import io.aide.events.spec.SourceRef;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One row of a phrasebook CSV (doc, sheet_or_section, row, target_table, target_column, target_type, source_system,
 * source_table, source_columns, rule, join_or_lookup, notes), turned into the mapping row it describes.
 */
record PhrasebookRow(String doc, String section, String row, String targetTable, String targetColumn,
                     String targetType, String sourceSystem, String sourceTable, String sourceColumns, String rule,
                     String joinOrLookup, String notes) {

    static final List<String> HEADER = List.of("doc", "sheet_or_section", "row", "target_table", "target_column",
            "target_type", "source_system", "source_table", "source_columns", "rule", "join_or_lookup", "notes");

    static PhrasebookRow of(Map<String, String> cells) {
        return new PhrasebookRow(cells.get("doc"), cells.get("sheet_or_section"), cells.get("row"),
                name(cells.get("target_table")), name(cells.get("target_column")), cells.get("target_type"),
                cells.get("source_system"), name(cells.get("source_table")), name(cells.get("source_columns")),
                cells.get("rule"), cells.get("join_or_lookup"), cells.get("notes"));
    }

    /** A cell of names copied from a Markdown table: an escaped underscore ({@code payer\_plan\_id}) is markup. */
    private static String name(String cell) {
        return cell == null ? null : cell.replace("\\_", "_");
    }

    /** The target table, or a stand-in when the document names none (a method sheet). */
    String target() {
        return blank(targetTable) ? "target" : targetTable.trim();
    }

    /** The source columns as references: {@code a, b} or {@code T.a}; backticks are markup. */
    List<SourceRef> sources() {
        List<SourceRef> out = new ArrayList<>();
        if (blank(sourceColumns)) {
            return out;
        }
        for (String part : sourceColumns.replace("`", "").split("[,;\\n]|<br>")) {
            String p = part.trim();
            if (!p.matches("[\\p{L}_][\\p{L}\\p{N}_]*(\\.[\\p{L}_][\\p{L}\\p{N}_]*)?")) {
                continue;
            }
            int dot = p.indexOf('.');
            out.add(dot < 0 ? new SourceRef(nullIfBlank(sourceSystem), nullIfBlank(sourceTable), p)
                    : new SourceRef(nullIfBlank(sourceSystem), p.substring(0, dot), p.substring(dot + 1)));
        }
        return out;
    }

    MappingRow mappingRow(String sheet, int number) {
        return new MappingRow(null, sheet, number, target(), blank(targetColumn) ? "value" : targetColumn.trim(),
                nullIfBlank(targetType), nullIfBlank(sourceSystem), nullIfBlank(sourceTable), sources(),
                nullIfBlank(sourceColumns), rule, nullIfBlank(joinOrLookup), null, false, null, null, null,
                nullIfBlank(notes), Map.of());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nullIfBlank(String s) {
        return blank(s) ? null : s.trim();
    }
}
