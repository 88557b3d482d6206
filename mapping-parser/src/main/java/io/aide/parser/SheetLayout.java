package io.aide.parser;

import io.aide.events.spec.MappingField;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static io.aide.parser.CellValues.nonEmpty;
import static io.aide.parser.CellValues.trim;

/**
 * What a sheet is, decided from its first non-empty rows: a mapping (the row, or two stacked rows, whose headers
 * best match the mapping fields), a reference table (a lookup or parameter sheet), or skipped (cover, change log,
 * instructions, empty).
 *
 * @param role             mapping, reference or skipped
 * @param reason           why, as the sheet list shows it
 * @param headerIndex      index in the examined rows of the header row; the rows after it are data; -1 when skipped
 * @param headerRow        1-based row number of the header (0 when skipped)
 * @param headers          the mapping header's cells (two rows combined for a two-row header); null otherwise
 * @param match            which column holds which mapping field; null unless a mapping
 * @param referenceColumns the reference table's column names; null unless a reference table
 */
record SheetLayout(String role, String reason, int headerIndex, int headerRow, String[] headers,
                   HeaderMatcher.Match match, List<String> referenceColumns) {

    /** A sheet that holds the document's history or sign-off: its lines say what changed, never what to do. */
    private static final Pattern HISTORY_SHEET = Pattern.compile("(?i).*\\b(change ?log|changes|change history|history"
            + "|revisions?|revision history|versions?|version history|release notes|sign ?off|approvals?|document control)\\b.*");
    private static final String CHANGE_LOG = "change log (version / date / author columns), not a mapping";
    private static final String NOTES_THEN_LOG = "notes above a change log: the lines above the log are read as notes "
            + "on the targets and tables they name, the log is not";
    /** A line that heads a change log: "Change log", "Revision history", "Version history:". */
    private static final Pattern LOG_HEADING = Pattern.compile("(?i)\\s*(?:document\\s+)?(?:change ?log|change history"
            + "|changes|revision history|revisions|version history|versions|history|release notes|amendments?)\\s*:?\\s*");

    private static final Pattern SKIP_SHEET = Pattern.compile(
            "(?i).*\\b(cover|title|change ?log|changes|change history|history|revisions?|revision history|versions?"
                    + "|version history|release notes|instructions?|read ?me|how ?to|guide|guidance|about|toc"
                    + "|contents|table of contents|legend|sign ?off|approvals?|document control)\\b.*");
    private static final Pattern REFERENCE_SHEET = Pattern.compile(
            "(?i).*(lookup|lkp|lov|reference|\\bref\\b|codes?\\b|code ?list|param|config|setting|values|domain|map\\b"
                    + "|xref|crosswalk|dictionary|glossary|list|enum|sources?|systems?|tables?).*");
    private static final Pattern NOTES_SHEET = Pattern.compile(
            "(?i).*\\b(notes?|comments?|remarks?|assumptions?|(business |load |etl )?rules|filters|joins|conventions"
                    + "|general)\\b.*");
    private static final Pattern NOTES_HEADER = Pattern.compile(
            "(?i)(notes?|comments?|remarks?|details?|explanation|rule|business rule|assumptions?|text|note text)");
    private static final Set<String> CHANGELOG_WORDS = Set.of("version", "date", "author", "change", "changes",
            "changed", "modified", "revision", "description of change", "changed by", "modified by", "reviewer",
            "approved by", "ver", "rev");

    /** A non-empty row as read: 1-based row number and cell texts. */
    record Row(int number, String[] cells) {
    }

    static SheetLayout mapping(String reason, int headerIndex, int headerRow, String[] headers,
                               HeaderMatcher.Match match) {
        return new SheetLayout("mapping", reason, headerIndex, headerRow, headers, match, null);
    }

    /**
     * A mapping header with no rule column whose words the matcher knows, beside a column no field claimed that holds
     * sentences ("Mapping Notes", "Analyst Guidance", "How"): that column says how each target column is made, so it is
     * the rule. Without it every row would read as a copy of its source column, which the sentences may well deny.
     */
    private static void proseAsRules(String[] headers, HeaderMatcher.Match match, List<Row> below) {
        if (match.has(MappingField.TRANSFORMATION)) {
            return;
        }
        int bestColumn = -1;
        int bestProse = 0;
        for (int c = 0; c < headers.length; c++) {
            if (headers[c] == null || headers[c].isBlank() || match.columns().containsValue(c)) {
                continue;
            }
            int filled = 0;
            int prose = 0;
            for (Row r : below) {
                String v = c < r.cells().length ? r.cells()[c] : null;
                if (v == null || v.isBlank()) {
                    continue;
                }
                filled++;
                if (v.strip().split("\\s+").length >= 4) {
                    prose++;
                }
            }
            if (prose >= 3 && prose * 2 >= filled && prose > bestProse) {
                bestColumn = c;
                bestProse = prose;
            }
        }
        if (bestColumn >= 0) {
            match.columns().put(MappingField.TRANSFORMATION, bestColumn);
            match.scores().put(MappingField.TRANSFORMATION, 0.5);
        }
    }

    static SheetLayout skipped(String reason) {
        return new SheetLayout("skipped", reason, -1, 0, null, null, null);
    }

    /**
     * @param overrides      header texts the user re-mapped for this sheet
     * @param referenceOnly  the file was uploaded as reference data: never a mapping, never skipped by its name
     */
    static SheetLayout find(String sheet, List<Row> rows, Map<MappingField, String> overrides, boolean referenceOnly) {
        HeaderMatcher.Match best = null;
        int bestIndex = -1;
        String[] bestHeaders = null;
        for (int i = 0; i < rows.size(); i++) {
            String[] single = rows.get(i).cells();
            HeaderMatcher.Match m = HeaderMatcher.match(single, overrides);
            if (better(m, best)) {
                best = m;
                bestIndex = i;
                bestHeaders = single;
            }
            if (i > 0 && rows.get(i - 1).number() == rows.get(i).number() - 1) {
                String[] combined = combine(rows.get(i - 1).cells(), single);
                if (combined != null) {
                    HeaderMatcher.Match m2 = HeaderMatcher.match(combined, overrides);
                    if (m2.isMapping() && m2.total() > m.total() + 0.25 && better(m2, best)) {
                        best = m2;
                        bestIndex = i;
                        bestHeaders = combined;
                    }
                }
            }
        }
        if (best != null && best.isMapping() && !referenceOnly) {
            proseAsRules(bestHeaders, best, rows.subList(bestIndex + 1, rows.size()));
            int headerRow = rows.get(bestIndex).number();
            return mapping("mapping header found in row " + headerRow, bestIndex, headerRow, bestHeaders, best);
        }
        if (SKIP_SHEET.matcher(sheet).matches() && !referenceOnly) {
            return skipped("not a mapping sheet (its name says cover, change log or instructions)");
        }
        int tableIndex = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (nonEmpty(rows.get(i).cells()) >= 2 && mostlyText(rows.get(i).cells()) && i + 1 < rows.size()) {
                tableIndex = i;
                break;
            }
        }
        if (tableIndex < 0) {
            return skipped(rows.isEmpty() ? "empty sheet" : "no table header found (cover, notes or instructions)");
        }
        if (looksLikeChangeLog(rows.get(tableIndex).cells())) {
            // "1 | All text fields are trimmed ..." lines above a "Version | Date | By | Change" table: a notes sheet
            // whose change log comes last
            return prose(rows.subList(0, tableIndex)) ? skipped(NOTES_THEN_LOG) : skipped(CHANGE_LOG);
        }
        if (!referenceOnly && isNotes(sheet, rows.get(tableIndex).cells(), rows.subList(tableIndex + 1, rows.size()))) {
            return new SheetLayout("notes", "notes (a topic and its text per line): read as notes on the targets "
                    + "and tables they name", tableIndex, rows.get(tableIndex).number(), null, null, null);
        }
        String reason = referenceOnly ? "sheet of an uploaded reference file"
                : REFERENCE_SHEET.matcher(sheet).matches()
                ? "lookup / parameter sheet kept as reference table '" + sheet + "'"
                : "no target column header found; kept as reference table '" + sheet + "'";
        String[] h = rows.get(tableIndex).cells();
        List<String> cols = new ArrayList<>();
        for (int c = 0; c < h.length; c++) {
            cols.add(h[c] == null || h[c].isBlank() ? "Column " + XmlTagScanner.columnLetters(c) : h[c].strip());
        }
        while (!cols.isEmpty() && cols.get(cols.size() - 1).startsWith("Column ")) {
            cols.remove(cols.size() - 1);
        }
        return new SheetLayout("reference", reason, tableIndex, rows.get(tableIndex).number(), null, null, cols);
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

    /**
     * A table of notes rather than a lookup: the sheet's name or a header says notes ("Notes", "Topic | Note",
     * "Area | Detail") and most lines carry a sentence (a cell of six words or more), where a lookup holds codes
     * and short labels.
     */
    private static boolean isNotes(String sheet, String[] header, List<Row> lines) {
        boolean named = NOTES_SHEET.matcher(sheet).matches();
        for (String h : header) {
            named |= h != null && NOTES_HEADER.matcher(h.strip()).matches();
        }
        return named && prose(lines);
    }

    /** Whether half the lines or more carry a sentence (a cell of six words or more). */
    private static boolean prose(List<Row> lines) {
        int prose = 0;
        for (Row r : lines) {
            for (String c : r.cells()) {
                if (c != null && c.strip().split("\\s+").length >= 6) {
                    prose++;
                    break;
                }
            }
        }
        return !lines.isEmpty() && prose * 2 >= lines.size();
    }

    /**
     * Whether a line starts the change log of a notes sheet: its heading ("Change log") or its header row ("Version |
     * Date | By | Change"). The lines from there on say what changed, not what to do.
     */
    static boolean startsChangeLog(String[] cells) {
        int filled = 0;
        String only = null;
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                filled++;
                only = c;
            }
        }
        return filled == 1 && LOG_HEADING.matcher(only).matches() || looksLikeChangeLog(cells);
    }

    static boolean looksLikeChangeLog(String[] header) {
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

    /**
     * The lines of a sheet without mapping rows are kept as notes (a cover sheet's conventions, a notes sheet's row
     * choices), except a change log's: "0.7 | 17/11 | S. L. | test students excluded" says what changed, not what to do.
     */
    boolean keepsNotes(String sheet) {
        return "notes".equals(role) || "skipped".equals(role) && !CHANGE_LOG.equals(reason) && !HISTORY_SHEET.matcher(sheet).matches();
    }
}
