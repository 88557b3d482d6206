package io.aide.compiler;

import io.aide.events.spec.MappingRow;

import java.util.regex.Pattern;

/**
 * Choices of rows written in a row's null-handling (or Exceptions, Rejection) cell: "Blank unit_no → reject the row
 * (do not load)", "Rows with no MRN are dropped" (the rows without the row's value, as a filter), and a cell whose every
 * sentence chooses rows ("keep only the highest AMEND_NO per reference. After that, drop reports whose MBR_STATUS is V"),
 * read as the row's notes are.
 */
final class NullCellChoices {
    private NullCellChoices() {
    }

    /**
     * "Blank unit_no → reject the row (do not load)", "unit_no missing: skip the record": a null-handling cell that
     * drops the rows without a value, as a filter.
     */
    private static final Pattern REJECTED = Pattern.compile("(?i)^\\s*(?:(?:blank|empty|missing|null)\\s+([\\w.]+)|([\\w.]+)\\s+"
            + "(?:is\\s+)?(?:blank|empty|missing|null)|(blank|empty|missing|null))\\s*(?:->|→|=>|:|-|–|,)\\s*(?:reject|skip|drop|exclude"
            + "|discard|ignore|do\\s+not\\s+load|don't\\s+load)\\b(?:\\s+(?:the|this|that|such)?\\s*(?:row|record|line)s?)?"
            + "\\s*(?:\\((?:do\\s+not|don't|not)\\s+load(?:ed)?\\)|[-–,;]?\\s*(?:do\\s+not|don't)\\s+load(?:\\s+it)?)?\\s*[.]?\\s*$");

    /**
     * "Rows with a blank carrier code are not loaded", "Events with a blank or null shipment number are rejected (not
     * loaded)": the rows without the row's own value left out, said of the rows.
     */
    private static final Pattern ROWS_REJECTED = Pattern.compile("(?i)^\\s*(?:the\\s+|any\\s+|all\\s+)?[a-z]+s\\s+(?:(?:with|having|where|whose)"
            + "\\s+(?:an?\\s+|the\\s+)?(blank|empty|missing|null)(?:\\s*(?:,|or|/)\\s*(?:blank|empty|missing|'null'|null))*|(?:with|having)\\s+no)"
            // ("Rows with no MRN are dropped": the row's value missing)
            + "\\s+[\\w\\s-]{1,40}?"
            + "\\s+(?:are|is|will\\s+be|get)\\s+(?:not\\s+loaded|rejected|skipped|dropped|excluded|discarded|filtered\\s+out|left\\s+out)"
            + "(?:\\s*\\((?:not\\s+loaded|do\\s+not\\s+load)\\))?"
            // "... and written to the reject log": where the rows go instead, a remark
            + "(?:\\s*,?\\s+and\\s+(?:are\\s+)?(?:written|logged|sent|reported|moved|routed)\\s+to\\s+[\\w\\s-]{1,40}?)?\\s*[.]?\\s*$");

    /**
     * "A report is re-sent on every amendment: keep only the highest AMEND_NO per reference. After that, drop reports
     * whose MBR_STATUS is V (voided)." in an Exceptions (null-handling) cell: a cell whose every sentence chooses rows is
     * read as the row's notes are, never as what a missing value gives.
     */
    static MappingRow choices(MappingRow r) {
        String cell = r.nullHandling();
        if (cell == null || cell.isBlank()) {
            return r;
        }
        String chosen = NoteFilters.choosingSentences(cell);
        if (chosen.isEmpty() || NoteFilters.SENTENCES.split(chosen.strip()).length < NoteFilters.SENTENCES.split(cell.strip()).length) {
            return r;
        }
        String notes = r.description() == null || r.description().isBlank() ? cell.strip()
                : r.description().strip().replaceAll("[.;\\s]+$", "") + ". " + cell.strip();
        return new MappingRow(r.ref(), r.sheet(), r.rowNumber(), r.targetTable(), r.targetColumn(), r.targetType(),
                r.sourceSystem(), r.sourceTable(), r.sourceColumns(), r.rawSource(), r.transformation(), r.join(),
                r.filter(), r.key(), r.nullable(), r.defaultValue(), null, notes, r.attributes());
    }

    /**
     * "Blank unit_no → reject the row", "Rows with no MRN are dropped": the rows without the row's value left out, as a
     * filter.
     */
    static MappingRow rejected(MappingRow r) {
        java.util.regex.Matcher m = r.nullHandling() == null ? null : REJECTED.matcher(r.nullHandling());
        if (m == null || !m.matches()) {
            java.util.regex.Matcher rows = r.nullHandling() == null ? null : ROWS_REJECTED.matcher(r.nullHandling());
            if (rows == null || !rows.matches() || r.sourceColumns().size() != 1) {
                return r;
            }
            // the cell is the row's own: the value it says is missing is the row's one source column
            m = rows;
        }
        String column = m.pattern() == ROWS_REJECTED ? r.sourceColumns().get(0).column() : m.group(1) != null ? m.group(1)
                : m.group(2) != null ? m.group(2) : r.sourceColumns().size() == 1 ? r.sourceColumns().get(0).column() : null;
        if (column == null || column.isBlank()) {
            return r;
        }
        // "blank or null": a blank test covers NULL too; "null" alone asks only for NULL
        String said = m.group(0).toLowerCase(java.util.Locale.ROOT);
        String missing = said.contains("null") && !said.matches("(?s).*\\b(?:blank|empty|missing)\\b.*") ? "null" : "blank";
        String filter = NoteFilters.before(r.filter()) + "Exclude rows where " + column.trim() + " is " + missing + ".";
        return new MappingRow(r.ref(), r.sheet(), r.rowNumber(), r.targetTable(), r.targetColumn(), r.targetType(),
                r.sourceSystem(), r.sourceTable(), r.sourceColumns(), r.rawSource(), r.transformation(), r.join(),
                filter, r.key(), r.nullable(), r.defaultValue(), null, r.description(), r.attributes());
    }
}
