package io.aide.parser;

import io.aide.events.spec.Diagnostic;
import io.aide.events.spec.MappingField;
import io.aide.events.spec.MappingRow;
import io.aide.events.spec.ReferenceTable;
import io.aide.events.spec.SheetInfo;
import io.aide.events.spec.SourceRef;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the rows of one sheet into mapping rows, a reference table, or a skip reason. Rows are pushed in
 * order; only the first rows are buffered (to find the header), the rest are handled as they arrive.
 */
final class SheetParser {

    /** Non-empty rows examined to find the header. */
    static final int HEADER_SCAN_ROWS = 30;
    private static final int MAX_REFERENCE_ROWS = 20_000;
    private static final Pattern SKIP_SHEET = Pattern.compile(
            "(?i).*\\b(cover|title|change ?log|changes|change history|history|revisions?|revision history|versions?"
                    + "|version history|release notes|instructions?|read ?me|how ?to|guide|guidance|about|toc"
                    + "|contents|table of contents|legend|sign ?off|approvals?|document control)\\b.*");
    private static final Pattern REFERENCE_SHEET = Pattern.compile(
            "(?i).*(lookup|lkp|lov|reference|\\bref\\b|codes?\\b|code ?list|param|config|setting|values|domain|map\\b"
                    + "|xref|crosswalk|dictionary|glossary|list|enum|sources?|systems?|tables?).*");
    /** Target cells that say the row maps nothing. */
    private static final Pattern NOT_MAPPED = Pattern.compile("(?i)\\(?\\s*(not modell?ed|not mapped|not used|n/?a|none"
            + "|not submitted|out of scope|tbd|-+|–)\\s*\\)?");
    private static final Set<String> CHANGELOG_WORDS = Set.of("version", "date", "author", "change", "changes",
            "changed", "modified", "revision", "description of change", "changed by", "modified by", "reviewer",
            "approved by", "ver", "rev");

    private record RawRow(int number, String[] cells) {
    }

    private final String sheet;
    private final String quotedSheet;
    private final ParseContext ctx;
    private final SheetMeta meta;
    private final boolean hiddenSheet;
    private final List<RawRow> buffer = new ArrayList<>();
    private final List<SheetMeta.Region> activeMerges = new ArrayList<>();
    private final Map<SheetMeta.Region, String> mergeValues = new LinkedHashMap<>();
    private Iterator<SheetMeta.Region> pendingMerges;
    private SheetMeta.Region nextMerge;

    private boolean decided;
    private String role;
    private String reason;
    private int headerRow;
    private String[] headers;
    private HeaderMatcher.Match match;
    private boolean nullableInverted;
    private boolean[] mappedColumns = new boolean[0];
    private String lastTable;
    private int rowsRead;
    private int mappingRows;
    private boolean tableFromSheetName;
    private List<String> referenceColumns;
    private final List<List<String>> referenceRows = new ArrayList<>();
    private int referenceRowsDropped;
    private int notSubmittedRows;

    SheetParser(String sheet, SheetMeta meta, boolean hiddenSheet, ParseContext ctx) {
        this.sheet = sheet;
        this.quotedSheet = sheet.matches("[A-Za-z_][A-Za-z0-9_.]*") ? sheet : "'" + sheet.replace("'", "''") + "'";
        this.meta = meta;
        this.hiddenSheet = hiddenSheet;
        this.ctx = ctx;
        List<SheetMeta.Region> sorted = new ArrayList<>(meta.merged());
        sorted.sort((a, b) -> Integer.compare(a.firstRow(), b.firstRow()));
        this.pendingMerges = sorted.iterator();
        this.nextMerge = pendingMerges.hasNext() ? pendingMerges.next() : null;
    }

    /** One row as the user sees it: 1-based row number, cell texts by 0-based column (null or "" when empty). */
    void accept(int rowNumber, String[] cells) throws MappingFileException {
        if (cells.length == 0) {
            return;
        }
        rowsRead++;
        if (rowsRead > ctx.limits.maxRows()) {
            throw new MappingFileException(MappingFileException.TOO_MANY_ROWS, ctx.fileName, ctx.fileName
                    + ": sheet '" + sheet + "' has more than " + ctx.limits.maxRows() + " rows. Remove rows "
                    + "that are not mapping rows, or split the document.");
        }
        if (cells.length > ctx.limits.maxColumns()) {
            throw new MappingFileException(MappingFileException.TOO_MANY_COLUMNS, ctx.fileName, ctx.fileName
                    + ": sheet '" + sheet + "' row " + rowNumber + " has " + cells.length + " columns, more than "
                    + ctx.limits.maxColumns() + ". Delete the unused columns and upload again.");
        }
        cells = applyMerges(rowNumber, cells);
        if (decided) {
            handle(rowNumber, cells);
            return;
        }
        if (isBlank(cells)) {
            return;
        }
        buffer.add(new RawRow(rowNumber, cells));
        if (buffer.size() >= HEADER_SCAN_ROWS) {
            decide();
        }
    }

    /** Closes the sheet; returns the number of mapping rows it produced. */
    int finish() throws MappingFileException {
        if (!decided) {
            decide();
        }
        List<Integer> hiddenRows = meta.hiddenRows().size() > 1000 ? meta.hiddenRows().subList(0, 1000)
                : meta.hiddenRows();
        List<String> hiddenCols = meta.hiddenColumns().stream().limit(1000).map(XmlTagScanner::columnLetters).toList();
        String why = reason;
        if (notSubmittedRows > 0) {
            why = why + "; " + notSubmittedRows + " row(s) without a target column left out";
        }
        if (hiddenSheet) {
            why = why + "; the sheet is hidden in the workbook";
        }
        if ("mapping".equals(role)) {
            if (tableFromSheetName) {
                why = why + "; target table taken from the sheet name";
            }
            if (!hiddenRows.isEmpty() || !hiddenCols.isEmpty()) {
                ctx.diagnostic(Diagnostic.INFO, "hidden_cells", "Sheet '" + sheet + "' has "
                        + (hiddenRows.isEmpty() ? "" : hiddenRows.size() + " hidden row(s) ")
                        + (hiddenCols.isEmpty() ? "" : "hidden column(s) " + hiddenCols + " ")
                        + "; they were read like visible ones. Check that they belong to the mapping.",
                        null, null);
            }
            if (mappingRows == 0) {
                ctx.diagnostic(Diagnostic.WARNING, "no_mapping_rows", "Sheet '" + sheet + "' has a mapping header "
                        + "in row " + headerRow + " but no rows with a target column below it.", quotedSheet + "!A"
                        + headerRow, null);
            }
        }
        if ("reference".equals(role) && referenceColumns != null) {
            if (referenceRowsDropped > 0) {
                why = why + "; only the first " + MAX_REFERENCE_ROWS + " rows kept";
            }
            ctx.referenceTables.add(new ReferenceTable(sheet, referenceColumns, referenceRows,
                    MappingRow.ref(sheet, headerRow)));
        }
        ctx.sheets.add(new SheetInfo(sheet, role, why, headerRow, rowsRead, mappingRows, hiddenRows, hiddenCols,
                headerColumns(), fieldColumns()));
        return mappingRows;
    }

    private String[] applyMerges(int rowNumber, String[] cells) {
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

    private void decide() throws MappingFileException {
        decided = true;
        HeaderMatcher.Match best = null;
        int bestIndex = -1;
        String[] bestHeaders = null;
        for (int i = 0; i < buffer.size(); i++) {
            String[] single = buffer.get(i).cells;
            HeaderMatcher.Match m = HeaderMatcher.match(single, ctx.overridesFor(sheet));
            if (better(m, best)) {
                best = m;
                bestIndex = i;
                bestHeaders = single;
            }
            if (i > 0 && buffer.get(i - 1).number == buffer.get(i).number - 1) {
                String[] combined = combine(buffer.get(i - 1).cells, single);
                if (combined != null) {
                    HeaderMatcher.Match m2 = HeaderMatcher.match(combined, ctx.overridesFor(sheet));
                    if (m2.isMapping() && m2.total() > m.total() + 0.25 && better(m2, best)) {
                        best = m2;
                        bestIndex = i;
                        bestHeaders = combined;
                    }
                }
            }
        }
        List<RawRow> rows = new ArrayList<>(buffer);
        buffer.clear();
        if (best != null && best.isMapping() && !ctx.referenceOnly) {
            role = "mapping";
            headerRow = rows.get(bestIndex).number;
            headers = bestHeaders;
            match = best;
            reason = "mapping header found in row " + headerRow;
            mappedColumns = new boolean[headers.length];
            for (int c : best.columns().values()) {
                if (c < mappedColumns.length) {
                    mappedColumns[c] = true;
                }
            }
            Integer nullableCol = best.columns().get(MappingField.NULLABLE);
            nullableInverted = nullableCol != null && HeaderMatcher.isInvertedNullable(headers[nullableCol]);
            tableFromSheetName = !best.has(MappingField.TARGET_TABLE);
            ctx.headerMapping.put(sheet, HeaderMatcher.describe(best, headers));
            for (int i = bestIndex + 1; i < rows.size(); i++) {
                handle(rows.get(i).number, rows.get(i).cells);
            }
            return;
        }
        if (SKIP_SHEET.matcher(sheet).matches() && !ctx.referenceOnly) {
            role = "skipped";
            reason = "not a mapping sheet (its name says cover, change log or instructions)";
            return;
        }
        int tableIndex = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (nonEmpty(rows.get(i).cells) >= 2 && mostlyText(rows.get(i).cells) && i + 1 < rows.size()) {
                tableIndex = i;
                break;
            }
        }
        if (tableIndex < 0) {
            role = "skipped";
            reason = rows.isEmpty() ? "empty sheet" : "no table header found (cover, notes or instructions)";
            return;
        }
        if (looksLikeChangeLog(rows.get(tableIndex).cells)) {
            role = "skipped";
            reason = "change log (version / date / author columns), not a mapping";
            return;
        }
        role = "reference";
        headerRow = rows.get(tableIndex).number;
        reason = ctx.referenceOnly ? "sheet of an uploaded reference file"
                : REFERENCE_SHEET.matcher(sheet).matches()
                ? "lookup / parameter sheet kept as reference table '" + sheet + "'"
                : "no target column header found; kept as reference table '" + sheet + "'";
        String[] h = rows.get(tableIndex).cells;
        List<String> cols = new ArrayList<>();
        for (int c = 0; c < h.length; c++) {
            cols.add(h[c] == null || h[c].isBlank() ? "Column " + XmlTagScanner.columnLetters(c) : h[c].strip());
        }
        while (!cols.isEmpty() && cols.get(cols.size() - 1).startsWith("Column ")) {
            cols.remove(cols.size() - 1);
        }
        referenceColumns = cols;
        for (int i = tableIndex + 1; i < rows.size(); i++) {
            handle(rows.get(i).number, rows.get(i).cells);
        }
    }

    private static boolean better(HeaderMatcher.Match m, HeaderMatcher.Match best) {
        if (best == null) {
            return true;
        }
        if (m.isMapping() != best.isMapping()) {
            return m.isMapping();
        }
        return m.total() > best.total() + 1e-9;
    }

    /** A two-row header: the upper band ("Source" over three columns) prefixes each lower cell. */
    private static String[] combine(String[] top, String[] bottom) {
        if (nonEmpty(top) < 2 || nonEmpty(bottom) < 2) {
            return null;
        }
        int n = Math.max(top.length, bottom.length);
        String[] out = new String[n];
        String carry = null;
        for (int c = 0; c < n; c++) {
            String t = c < top.length ? trim(top[c]) : null;
            String b = c < bottom.length ? trim(bottom[c]) : null;
            if (t != null) {
                carry = t;
            } else if (b != null && carry != null) {
                t = carry;
            }
            if (t == null) {
                out[c] = b;
            } else if (b == null || b.equalsIgnoreCase(t)) {
                out[c] = t;
            } else {
                out[c] = t + " " + b;
            }
        }
        return out;
    }

    private void handle(int rowNumber, String[] cells) throws MappingFileException {
        if (isBlank(cells)) {
            return;
        }
        long chars = 0;
        for (String c : cells) {
            if (c != null) {
                chars += c.length();
            }
        }
        ctx.retainedChars += chars;
        if (ctx.retainedChars > ctx.maxRetainedChars()) {
            throw new MappingFileException(MappingFileException.TOO_LARGE, ctx.fileName, ctx.fileName + ": sheet '"
                    + sheet + "' up to row " + rowNumber + " already holds more than " + ctx.maxRetainedChars()
                    / (1024 * 1024) + " million characters of text, more than a mapping document may have. Remove "
                    + "data that is not part of the mapping, or split the document.");
        }
        if ("mapping".equals(role)) {
            mappingRow(rowNumber, cells);
        } else if ("reference".equals(role)) {
            if (referenceRows.size() >= MAX_REFERENCE_ROWS) {
                referenceRowsDropped++;
                return;
            }
            List<String> r = new ArrayList<>(referenceColumns.size());
            for (int c = 0; c < referenceColumns.size(); c++) {
                r.add(c < cells.length && cells[c] != null ? cells[c] : "");
            }
            referenceRows.add(r);
        }
    }

    private String value(MappingField f, String[] cells) {
        Integer c = match.columns().get(f);
        if (c == null || c >= cells.length) {
            return null;
        }
        return trim(cells[c]);
    }

    /** Column letter -> header text of the mapping header (blank headers left out). */
    private Map<String, String> headerColumns() {
        Map<String, String> out = new LinkedHashMap<>();
        if (!"mapping".equals(role) || headers == null) {
            return out;
        }
        for (int c = 0; c < headers.length && out.size() < 500; c++) {
            if (headers[c] != null && !headers[c].isBlank()) {
                out.put(XmlTagScanner.columnLetters(c), headers[c].strip());
            }
        }
        return out;
    }

    /** Canonical field key -> the column letter it was read from. */
    private Map<String, String> fieldColumns() {
        Map<String, String> out = new LinkedHashMap<>();
        if (match == null) {
            return out;
        }
        for (MappingField f : MappingField.values()) {
            Integer c = match.columns().get(f);
            if (c != null) {
                out.put(f.key(), XmlTagScanner.columnLetters(c));
            }
        }
        return out;
    }

    private String cell(MappingField f, int rowNumber) {
        Integer c = match.columns().get(f);
        return quotedSheet + "!" + (c == null ? "A" : XmlTagScanner.columnLetters(c)) + rowNumber;
    }

    private void mappingRow(int rowNumber, String[] cells) {
        if (repeatsHeader(cells)) {
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
                    targetTable = sheet;
                }
            }
        }
        // repeated texts (tables, types, "Direct move", join conditions) share one instance across rows
        String sourceTable = ctx.intern(value(MappingField.SOURCE_TABLE, cells));
        String sourceSystem = ctx.intern(value(MappingField.SOURCE_SYSTEM, cells));
        String rawSource = ctx.intern(value(MappingField.SOURCE_COLUMN, cells));
        List<SourceRef> sources = CellValues.parseSources(rawSource, sourceTable, sourceSystem);
        String targetType = ctx.intern(value(MappingField.TARGET_TYPE, cells));
        String transformation = ctx.intern(value(MappingField.TRANSFORMATION, cells));
        String join = ctx.intern(value(MappingField.JOIN, cells));
        String filter = ctx.intern(value(MappingField.FILTER, cells));
        boolean key = CellValues.parseKey(value(MappingField.KEY, cells));
        Boolean nullable = CellValues.parseNullable(value(MappingField.NULLABLE, cells), nullableInverted);
        String defaultValue = ctx.intern(value(MappingField.DEFAULT_VALUE, cells));
        String nullHandling = ctx.intern(value(MappingField.NULL_HANDLING, cells));
        String description = ctx.intern(value(MappingField.DESCRIPTION, cells));
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
        Set<String> tables = new java.util.LinkedHashSet<>();
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

    private static boolean looksLikeChangeLog(String[] header) {
        int hits = 0;
        for (String h : header) {
            if (h != null && CHANGELOG_WORDS.contains(h.strip().toLowerCase(Locale.ROOT))) {
                hits++;
            }
        }
        return hits >= 3;
    }

    private static boolean mostlyText(String[] cells) {
        int text = 0;
        int all = 0;
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                all++;
                if (!c.strip().matches("-?[\\d.,]+")) {
                    text++;
                }
            }
        }
        return all > 0 && text * 2 > all;
    }

    static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static boolean isBlank(String[] cells) {
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static int nonEmpty(String[] cells) {
        int n = 0;
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                n++;
            }
        }
        return n;
    }
}
