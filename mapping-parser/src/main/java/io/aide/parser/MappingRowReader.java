package io.aide.parser;

import io.aide.events.spec.Diagnostic;
import io.aide.events.spec.MappingField;
import io.aide.events.spec.MappingRow;
import io.aide.events.spec.SourceRef;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static io.aide.parser.CellValues.trim;

/**
 * Reads the data rows below a sheet's mapping header into mapping rows, with the diagnostics a row earns (no target
 * column, no target table, a target column mapped twice, an unknown type, an empty rule, a source the registered
 * schema does not have, formula text).
 */
final class MappingRowReader {
    /** Target cells that say the row maps nothing. */
    private static final Pattern NOT_MAPPED = Pattern.compile("(?i)\\(?\\s*(not modell?ed|not mapped|not used|n/?a|none"
            + "|not submitted|out of scope|tbd|-+|–)\\s*\\)?");

    private final String sheet;
    private final String quotedSheet;
    private final ParseContext ctx;
    private final String[] headers;
    private final HeaderMatcher.Match match;
    private final boolean nullableInverted;
    private final boolean[] mappedColumns;
    private String lastTable;
    /** The target a title row above the block names ("Target: DIM_METER"), where the header has no target table column. */
    private String section;
    private boolean sectionsSeen;
    private int mappingRows;
    private int notSubmittedRows;

    /** @param quotedSheet the sheet name as a cell reference writes it */
    MappingRowReader(String sheet, String quotedSheet, ParseContext ctx, String[] headers, HeaderMatcher.Match match) {
        this.sheet = sheet;
        this.quotedSheet = quotedSheet;
        this.ctx = ctx;
        this.headers = headers;
        this.match = match;
        this.mappedColumns = new boolean[headers.length];
        for (int c : match.columns().values()) {
            if (c < mappedColumns.length) {
                mappedColumns[c] = true;
            }
        }
        Integer nullableCol = match.columns().get(MappingField.NULLABLE);
        this.nullableInverted = nullableCol != null && HeaderMatcher.isInvertedNullable(headers[nullableCol]);
    }

    /** Mapping rows read so far. */
    int mappingRows() {
        return mappingRows;
    }

    /** Rows left out because they have other cells but no target column. */
    int notSubmittedRows() {
        return notSubmittedRows;
    }

    /**
     * A block's title, alone on its row: "Target: DIM_METER", "Table name - FACT_BILL", "Entity: dim_customer (SCD1)".
     * The table name is a word: a title that is a sentence names no table.
     */
    private static final Pattern SECTION = Pattern.compile("(?i)^\\s*(?:target|tgt|destination)?\\s*(?:table|entity|object|dataset"
            + "|view)?\\s*(?:name)?\\s*(?<=\\w)\\s*[:=\u2013\u2014-]\\s*([A-Za-z_][\\w.$#]*)\\s*(?:\\([^()]*\\))?\\s*$");

    /**
     * A title row that names the target of the rows below it, where the header has no target table column: its table,
     * else null. Rows above the header count too (the first block's title stands above the header).
     */
    boolean title(String[] cells) {
        if (match.has(MappingField.TARGET_TABLE)) {
            return false;
        }
        String only = null;
        for (String c : cells) {
            if (trim(c) != null) {
                if (only != null) {
                    return false;
                }
                only = c.strip();
            }
        }
        java.util.regex.Matcher m = only == null ? null : SECTION.matcher(only);
        if (m == null || !m.matches() || !only.matches("(?is)^\\s*(?:target|tgt|destination|table|entity|object|dataset|view)\\b.*")) {
            return false;
        }
        section = m.group(1);
        sectionsSeen = true;
        return true;
    }

    /** Target tables were taken from block titles, not from the sheet's name. */
    boolean sectionsSeen() {
        return sectionsSeen;
    }

    /** One data row below the header: a mapping row, or a diagnostic saying why it is none. */
    void read(int rowNumber, String[] cells) {
        if (repeatsHeader(cells) || title(cells)) {
            return;
        }
        String ref = MappingRow.ref(sheet, rowNumber);
        String targetTable = value(MappingField.TARGET_TABLE, cells);
        String targetColumn = value(MappingField.TARGET_COLUMN, cells);
        if (targetTable != null) {
            lastTable = targetTable;
        }
        if (targetColumn != null && NOT_MAPPED.matcher(targetColumn).matches()) {
            targetColumn = null;
        }
        if (targetColumn == null) {
            boolean other = false;
            for (int c = 0; c < cells.length; c++) {
                Integer tt = match.columns().get(MappingField.TARGET_TABLE);
                if ((tt == null || tt != c) && trim(cells[c]) != null) {
                    other = true;
                    break;
                }
            }
            if (other) {
                notSubmittedRows++;
                boolean markedUnmapped = false;
                for (String c : cells) {
                    String v = c == null ? "" : c.toLowerCase(Locale.ROOT);
                    if (v.contains("not submitted") || v.equals("notsubmitted") || v.contains("not mapped")
                            || v.contains("not modeled") || v.contains("not modelled")
                            || v.equals("n/a") || v.contains("not used") || v.contains("out of scope")) {
                        markedUnmapped = true;
                        break;
                    }
                }
                ctx.diagnostic(Diagnostic.INFO, "row_without_target_column", "Row " + rowNumber + " of sheet '"
                        + sheet + "' has no target column" + (markedUnmapped ? " (it is marked as not mapped)" : "")
                        + ", so it maps nothing and was left out. Fill in " + headerOf(MappingField.TARGET_COLUMN)
                        + " if it should produce a column.", cell(MappingField.TARGET_COLUMN, rowNumber), ref);
            }
            return;
        }
        if (targetTable == null) {
            if (match.has(MappingField.TARGET_TABLE)) {
                targetTable = lastTable;
            }
            if (targetTable == null) {
                int dot = targetColumn.lastIndexOf('.');
                if (dot > 0 && dot < targetColumn.length() - 1 && !targetColumn.contains(" ")) {
                    targetTable = targetColumn.substring(0, dot);
                    targetColumn = targetColumn.substring(dot + 1);
                } else if (!match.has(MappingField.TARGET_TABLE)) {
                    targetTable = section != null ? section : sheet;
                }
            }
        }
        // repeated texts (tables, types, "Direct move", join conditions) share one instance across rows
        String sourceTable = ctx.intern(value(MappingField.SOURCE_TABLE, cells));
        String sourceSystem = ctx.intern(value(MappingField.SOURCE_SYSTEM, cells));
        String rawSource = ctx.intern(value(MappingField.SOURCE_COLUMN, cells));
        List<SourceRef> sources = CellValues.parseSources(rawSource, sourceTable, sourceSystem);
        if (sourceTable == null && !sources.isEmpty() && sources.get(0).table() != null
                && sources.stream().allMatch(s -> sources.get(0).table().equalsIgnoreCase(s.table()))) {
            // "CIS_BILL.ACCT_NO" in a Source column, no source table column: the row reads that table
            sourceTable = ctx.intern(sources.get(0).table());
        }
        String targetType = ctx.intern(value(MappingField.TARGET_TYPE, cells));
        String transformation = ctx.intern(value(MappingField.TRANSFORMATION, cells));
        String join = ctx.intern(value(MappingField.JOIN, cells));
        String filter = ctx.intern(value(MappingField.FILTER, cells));
        boolean key = CellValues.parseKey(value(MappingField.KEY, cells));
        Boolean nullable = CellValues.parseNullable(value(MappingField.NULLABLE, cells), nullableInverted);
        String defaultValue = ctx.intern(value(MappingField.DEFAULT_VALUE, cells));
        String nullHandling = ctx.intern(value(MappingField.NULL_HANDLING, cells));
        if (nullable == null && CellValues.saysNotNull(nullHandling)) {
            // "Not null", "Never null", "Mandatory" where the null handling goes: the column's nullability, checked on data
            nullable = false;
        }
        String description = value(MappingField.DESCRIPTION, cells);
        String comments = value(MappingField.COMMENTS, cells);
        // a notes or annotation column says what the rule means ("PK. Grain = one row per pay run per employee"): kept
        // beside the description, never dropped for it
        description = ctx.intern(description == null ? comments : comments == null ? description
                : description.strip().replaceAll("[.;:]+$", "") + ". " + comments.strip());
        targetColumn = ctx.intern(targetColumn);
        Map<String, String> attributes = attributes(cells);

        if (targetTable == null) {
            ctx.diagnostic(Diagnostic.ERROR, "target_column_without_table", "Target column '" + targetColumn
                    + "' in row " + rowNumber + " of sheet '" + sheet + "' has no target table (none in this row or "
                    + "above). Fill in " + headerOf(MappingField.TARGET_TABLE) + ".",
                    cell(MappingField.TARGET_TABLE, rowNumber), ref);
        } else {
            ParseContext.TargetKey k = new ParseContext.TargetKey(targetTable.toLowerCase(Locale.ROOT),
                    targetColumn.toLowerCase(Locale.ROOT));
            Integer firstIndex = ctx.firstRowByTarget.putIfAbsent(k, ctx.rows.size());
            if (firstIndex != null) {
                MappingRow firstRow = ctx.rows.get(firstIndex);
                String[] first = {firstRow.ref(), firstRow.sourceSystem()};
                boolean union = sourceSystem != null && first[1] != null && !sourceSystem.equalsIgnoreCase(first[1]);
                if (union) {
                    ctx.diagnostic(Diagnostic.INFO, "target_column_union", targetTable + "." + targetColumn
                            + " is mapped from source system '" + first[1] + "' (" + first[0] + ") and '"
                            + sourceSystem + "' here; both rows are kept and read as a union.",
                            cell(MappingField.TARGET_COLUMN, rowNumber), ref);
                } else {
                    ctx.diagnostic(Diagnostic.WARNING, "duplicate_target_column", targetTable + "." + targetColumn
                            + " is mapped again in row " + rowNumber + " (first in " + first[0] + "). Both rows are "
                            + "kept; remove one, or give each its source system if they are a union.",
                            cell(MappingField.TARGET_COLUMN, rowNumber), ref);
                }
            }
        }
        if (targetType != null && !ctx.isRecognizedType(targetType)) {
            ctx.diagnostic(Diagnostic.WARNING, "type_not_recognized", "Data type '" + targetType + "' of "
                    + targetColumn + " is not a type AIDE knows (e.g. VARCHAR(50), INTEGER, DECIMAL(18,2), DATE); "
                    + "the column is generated without a cast.", cell(MappingField.TARGET_TYPE, rowNumber), ref);
        }
        if (transformation == null && sources.isEmpty() && defaultValue == null
                && (match.has(MappingField.TRANSFORMATION) || match.has(MappingField.SOURCE_COLUMN))) {
            ctx.diagnostic(Diagnostic.WARNING, "empty_rule", "Target column " + targetColumn + " in row " + rowNumber
                    + " has no source column, no rule and no default, so nothing says how to fill it. Write a rule"
                    + " in " + (match.has(MappingField.TRANSFORMATION) ? headerOf(MappingField.TRANSFORMATION)
                    : headerOf(MappingField.SOURCE_COLUMN)) + ".", cell(match.has(MappingField.TRANSFORMATION)
                    ? MappingField.TRANSFORMATION : MappingField.SOURCE_COLUMN, rowNumber), ref);
        }
        if (ctx.hasSchema()) {
            checkSchema(rowNumber, ref, sourceTable, sources);
        }
        for (int c = 0; c < cells.length; c++) {
            if (CellValues.looksLikeFormula(cells[c])) {
                ctx.diagnostic(Diagnostic.WARNING, "formula_text_in_cell", "Cell " + quotedSheet + "!"
                        + XmlTagScanner.columnLetters(c) + rowNumber + " starts with '" + cells[c].charAt(0)
                        + "'; it is kept as text, never evaluated, and escaped in exports.",
                        quotedSheet + "!" + XmlTagScanner.columnLetters(c) + rowNumber, ref);
            }
        }
        MappingRow row = new MappingRow(ref, sheet, rowNumber, ctx.intern(targetTable), targetColumn,
                targetType, sourceSystem, sourceTable, sources, rawSource,
                transformation, join, filter, key, nullable, defaultValue, nullHandling, description, attributes);
        ctx.rows.add(row);
        mappingRows++;
    }

    private void checkSchema(int rowNumber, String ref, String sourceTable, List<SourceRef> sources) {
        Set<String> tables = new LinkedHashSet<>();
        if (sourceTable != null) {
            tables.add(sourceTable);
        }
        for (SourceRef s : sources) {
            if (s.table() != null) {
                tables.add(s.table());
            }
        }
        for (String t : tables) {
            if (ctx.schemaColumns(t) == null) {
                ctx.diagnostic(Diagnostic.WARNING, "source_table_unknown", "Source table '" + t + "' in row "
                        + rowNumber + " is not in the registered schema. Check its spelling or register the data "
                        + "source that holds it.", cell(match.has(MappingField.SOURCE_TABLE)
                        ? MappingField.SOURCE_TABLE : MappingField.SOURCE_COLUMN, rowNumber), ref);
            }
        }
        for (SourceRef s : sources) {
            Set<String> cols = ctx.schemaColumns(s.table());
            if (cols != null && !cols.isEmpty() && !cols.contains(s.column().toLowerCase(Locale.ROOT))) {
                ctx.diagnostic(Diagnostic.WARNING, "source_column_unknown", "Source column '" + s.qualified()
                        + "' in row " + rowNumber + " is not a column of " + s.table() + " in the registered schema.",
                        cell(MappingField.SOURCE_COLUMN, rowNumber), ref);
            }
        }
    }

    private Map<String, String> attributes(String[] cells) {
        Map<String, String> out = null;
        for (int c = 0; c < cells.length; c++) {
            String v = trim(cells[c]);
            if (v == null || (c < mappedColumns.length && mappedColumns[c])) {
                continue;
            }
            String h = c < headers.length && trim(headers[c]) != null ? headers[c].strip()
                    : "Column " + XmlTagScanner.columnLetters(c);
            if (out == null) {
                out = new LinkedHashMap<>();
            }
            out.put(ctx.intern(h), v);
        }
        return out == null ? Map.of() : out;
    }

    private boolean repeatsHeader(String[] cells) {
        int same = 0;
        for (Integer c : match.columns().values()) {
            if (c < cells.length && cells[c] != null && c < headers.length && headers[c] != null
                    && cells[c].strip().equalsIgnoreCase(headers[c].strip())) {
                same++;
            }
        }
        return same >= 2 && same * 2 >= match.columns().size();
    }

    private String headerOf(MappingField f) {
        Integer c = match.columns().get(f);
        return c == null ? "a " + f.key().replace('_', ' ') + " column" : "'" + headers[c].strip() + "'";
    }

    private String value(MappingField f, String[] cells) {
        Integer c = match.columns().get(f);
        if (c == null || c >= cells.length) {
            return null;
        }
        return trim(cells[c]);
    }

    private String cell(MappingField f, int rowNumber) {
        Integer c = match.columns().get(f);
        return quotedSheet + "!" + (c == null ? "A" : XmlTagScanner.columnLetters(c)) + rowNumber;
    }
}
