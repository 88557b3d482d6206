package io.aide.parser;

import io.aide.events.spec.Diagnostic;
import io.aide.events.spec.MappingField;
import io.aide.events.spec.MappingRow;
import io.aide.events.spec.ReferenceTable;
import io.aide.events.spec.SheetInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.aide.parser.CellValues.isBlank;

/**
 * Turns the rows of one sheet into mapping rows, a reference table, or a skip reason. Rows are pushed in
 * order; only the first rows are buffered (to find the header, {@link SheetLayout}), the rest are handled as they
 * arrive ({@link MappingRowReader} for a mapping sheet).
 */
final class SheetParser {

    /** Non-empty rows examined to find the header. */
    static final int HEADER_SCAN_ROWS = 30;
    private static final int MAX_REFERENCE_ROWS = 20_000;

    private final String sheet;
    private final String quotedSheet;
    private final ParseContext ctx;
    private final SheetMeta meta;
    private final boolean hiddenSheet;
    private final MergedCells merges;
    private final List<SheetLayout.Row> buffer = new ArrayList<>();

    /** Null until the header scan decided what the sheet is. */
    private SheetLayout layout;
    /** Null unless the sheet is a mapping. */
    private MappingRowReader rows;
    private int rowsRead;
    private boolean tableFromSheetName;
    private final List<List<String>> referenceRows = new ArrayList<>();
    private int referenceRowsDropped;
    /** The notes read have reached the sheet's change log. */
    private boolean inChangeLog;

    SheetParser(String sheet, SheetMeta meta, boolean hiddenSheet, ParseContext ctx) {
        this.sheet = sheet;
        this.quotedSheet = sheet.matches("[A-Za-z_][A-Za-z0-9_.]*") ? sheet : "'" + sheet.replace("'", "''") + "'";
        this.meta = meta;
        this.hiddenSheet = hiddenSheet;
        this.ctx = ctx;
        this.merges = new MergedCells(meta.merged());
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
        cells = merges.apply(rowNumber, cells);
        if (layout != null) {
            handle(rowNumber, cells);
            return;
        }
        if (isBlank(cells)) {
            return;
        }
        buffer.add(new SheetLayout.Row(rowNumber, cells));
        if (buffer.size() >= HEADER_SCAN_ROWS) {
            decide();
        }
    }

    /** Closes the sheet; returns the number of mapping rows it produced. */
    int finish() throws MappingFileException {
        if (layout == null) {
            decide();
        }
        List<Integer> hiddenRows = meta.hiddenRows().size() > 1000 ? meta.hiddenRows().subList(0, 1000)
                : meta.hiddenRows();
        List<String> hiddenCols = meta.hiddenColumns().stream().limit(1000).map(XmlTagScanner::columnLetters).toList();
        String why = layout.reason();
        int notSubmittedRows = rows == null ? 0 : rows.notSubmittedRows();
        int mappingRows = rows == null ? 0 : rows.mappingRows();
        if (notSubmittedRows > 0) {
            why = why + "; " + notSubmittedRows + " row(s) without a target column left out";
        }
        if (hiddenSheet) {
            why = why + "; the sheet is hidden in the workbook";
        }
        if ("mapping".equals(layout.role())) {
            if (rows != null && rows.sectionsSeen()) {
                why = why + "; target tables taken from the title above each block";
            } else if (tableFromSheetName) {
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
                        + "in row " + layout.headerRow() + " but no rows with a target column below it.",
                        quotedSheet + "!A" + layout.headerRow(), null);
            }
        }
        if ("reference".equals(layout.role()) && layout.referenceColumns() != null) {
            if (referenceRowsDropped > 0) {
                why = why + "; only the first " + MAX_REFERENCE_ROWS + " rows kept";
            }
            ctx.referenceTables.add(new ReferenceTable(sheet, layout.referenceColumns(), referenceRows,
                    MappingRow.ref(sheet, layout.headerRow())));
        }
        ctx.sheets.add(new SheetInfo(sheet, layout.role(), why, layout.headerRow(), rowsRead, mappingRows, hiddenRows,
                hiddenCols, headerColumns(), fieldColumns()));
        return mappingRows;
    }

    /**
     * A mapping header with no source table or column, beside headers it did not recognise ("Provenance Table"): every
     * rule would read nothing, so the document says which headers it left unread and what to call them.
     */
    private void noSourceHeader() {
        HeaderMatcher.Match match = layout.match();
        if (match.has(MappingField.SOURCE_TABLE) || match.has(MappingField.SOURCE_COLUMN)) {
            return;
        }
        java.util.Set<Integer> mapped = new java.util.HashSet<>(match.columns().values());
        List<String> unread = new ArrayList<>();
        String[] headers = layout.headers();
        for (int c = 0; c < headers.length; c++) {
            if (!mapped.contains(c) && headers[c] != null && !headers[c].isBlank()) {
                unread.add("'" + headers[c].strip() + "'");
            }
        }
        if (!unread.isEmpty()) {
            ctx.diagnostic(Diagnostic.WARNING, "no_source_header", "Sheet " + quotedSheet + ": the header row in row "
                    + layout.headerRow() + " names no source table or source column, and " + String.join(", ", unread)
                    + (unread.size() == 1 ? " was" : " were") + " not recognised (kept as attributes of each row). If one of them "
                    + "holds the source, name it 'Source Table' or 'Source Column', or map it with a header override.",
                    quotedSheet + "!A" + layout.headerRow(), null);
        }
    }

    private void decide() throws MappingFileException {
        List<SheetLayout.Row> scanned = new ArrayList<>(buffer);
        buffer.clear();
        layout = SheetLayout.find(sheet, scanned, ctx.overridesFor(sheet), ctx.referenceOnly);
        if ("mapping".equals(layout.role())) {
            rows = new MappingRowReader(sheet, quotedSheet, ctx, layout.headers(), layout.match());
            tableFromSheetName = !layout.match().has(MappingField.TARGET_TABLE);
            ctx.headerMapping.put(sheet, HeaderMatcher.describe(layout.match(), layout.headers()));
            noSourceHeader();
        }
        if (layout.headerIndex() < 0 || "notes".equals(layout.role())) {
            // a notes sheet's lines are all notes, above its first line that looks like a header too ("1 | Sources are
            // ..."), but for a header of short labels ("Topic | Applies to | Note")
            if ("skipped".equals(layout.role()) || "notes".equals(layout.role())) {
                for (int i = 0; i < scanned.size(); i++) {
                    if (i != layout.headerIndex() || !labelsOnly(scanned.get(i).cells())) {
                        handle(scanned.get(i).number(), scanned.get(i).cells());
                    }
                }
            }
            return;
        }
        if (rows != null) {
            // "Target: DIM_METER" above the first block's header names the target of the rows below it
            for (int i = 0; i < layout.headerIndex(); i++) {
                rows.title(scanned.get(i).cells());
            }
        }
        for (int i = layout.headerIndex() + 1; i < scanned.size(); i++) {
            handle(scanned.get(i).number(), scanned.get(i).cells());
        }
    }

    /** A header's cells: a few words each, no sentence. */
    private static boolean labelsOnly(String[] cells) {
        for (String c : cells) {
            if (c != null && c.strip().split("\\s+").length > 3) {
                return false;
            }
        }
        return true;
    }

    /** Notes kept from sheets without mapping rows, per document, and the length of each. */
    private static final int MAX_NOTES = 500;
    private static final int MAX_NOTE_CHARS = 2000;

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
        if ("mapping".equals(layout.role())) {
            rows.read(rowNumber, cells);
        } else if ("reference".equals(layout.role())) {
            if (referenceRows.size() >= MAX_REFERENCE_ROWS) {
                referenceRowsDropped++;
                return;
            }
            List<String> columns = layout.referenceColumns();
            List<String> r = new ArrayList<>(columns.size());
            for (int c = 0; c < columns.size(); c++) {
                r.add(c < cells.length && cells[c] != null ? cells[c] : "");
            }
            referenceRows.add(r);
        } else if (layout.keepsNotes(sheet)) {
            // the change log at the foot of a notes sheet says what changed, not what to do
            inChangeLog |= SheetLayout.startsChangeLog(cells);
            if (!inChangeLog) {
                note(rowNumber, cells);
            }
        }
    }

    /** A line of a sheet without mapping rows, kept as a note (a cover sheet's conventions, a target's grain). */
    private void note(int rowNumber, String[] cells) {
        if (ctx.notes.size() >= MAX_NOTES) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                text.append(text.length() == 0 ? "" : " | ").append(c.strip());
            }
        }
        String t = text.length() > MAX_NOTE_CHARS ? text.substring(0, MAX_NOTE_CHARS) : text.toString();
        ctx.notes.add(new io.aide.events.spec.DocumentNote(sheet, rowNumber, t));
    }

    /** Column letter -> header text of the mapping header (blank headers left out). */
    private Map<String, String> headerColumns() {
        Map<String, String> out = new LinkedHashMap<>();
        String[] headers = layout.headers();
        if (!"mapping".equals(layout.role()) || headers == null) {
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
        HeaderMatcher.Match match = layout.match();
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
}
