package io.aide.compiler;

import io.aide.events.spec.DocumentNote;
import io.aide.events.spec.MappingRow;
import io.aide.events.spec.MappingSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a cover or notes sheet says of one target, on a line whose label names it: "dim_student grain | Keep one row
 * per Student ID (after trim + upper case): the one with the latest LAST_UPD_TS", "FACT_CLAIM load rules | Voided
 * claims are not loaded". The text joins the notes of the target's key row (its first row without one), where the
 * sentences that choose rows or state the grain are read as in any notes cell.
 */
final class TargetNotes {

    private TargetNotes() {
    }

    /** The rows with the document's notes about their target added to the notes of its key row. */
    static List<MappingRow> added(MappingSpec written, String target, List<MappingRow> rows) {
        if (rows.isEmpty() || written.notes().isEmpty()) {
            return rows;
        }
        // "They are not loaded ...", after a definition: the kind named, wherever the line's clauses go
        MappingSpec spec = KindsNamedBack.withKindsNamed(written);
        MappingRow host = host(rows);
        List<String> said = about(spec, target, host.sourceTable(), new NoteScope(spec, hosts(spec)));
        if (said.isEmpty()) {
            return rows;
        }
        List<MappingRow> out = new ArrayList<>(rows.size());
        for (MappingRow r : rows) {
            if (r != host) {
                out.add(r);
                continue;
            }
            StringBuilder notes = new StringBuilder(withoutPointers(r.description()));
            for (String s : said) {
                if (notes.length() > 0 && !notes.toString().matches("(?s).*[.;!?]$")) {
                    notes.append('.');
                }
                notes.append(notes.length() == 0 ? "" : " ").append(s);
            }
            out.add(new MappingRow(r.ref(), r.sheet(), r.rowNumber(), r.targetTable(), r.targetColumn(), r.targetType(),
                    r.sourceSystem(), r.sourceTable(), r.sourceColumns(), r.rawSource(), r.transformation(), r.join(),
                    r.filter(), r.key(), r.nullable(), r.defaultValue(), r.nullHandling(), notes.toString(), r.attributes()));
        }
        return out;
    }

    /**
     * The texts of the lines that a label names the target in: a cell before the text that names it as a word
     * ("dim_student grain | Keep one row ...", "Filter | fct_call | Only events ..."), or the text opening with the
     * target and a colon ("Row filter | FACT_APPLICATION: leave out ..."). A label naming the table the target's key
     * row reads ("ils_patron | History table: keep only the most recent row per patron") says what rows of that
     * table are read, so it holds for the target too.
     *
     * @param ownTable the source table of the target's key row; null when it has none
     */
    static List<String> about(MappingSpec spec, String target, String ownTable, NoteScope scope) {
        List<String> out = new ArrayList<>();
        Pattern named = Pattern.compile("(?i)(?<![\\w.])" + Pattern.quote(target.strip()) + "(?![\\w])");
        Pattern table = ownTable == null || ownTable.isBlank() || ownTable.strip().equalsIgnoreCase(target.strip()) ? null
                : Pattern.compile("(?i)(?<![\\w.])" + Pattern.quote(ownTable.strip()) + "(?![\\w])");
        // one pattern for every target's name, made once per target's notes (never once per line and target)
        String targets = String.join("|", spec.rows().stream().map(MappingRow::targetTable).filter(t -> t != null && !t.isBlank())
                .map(t -> Pattern.quote(t.strip())).distinct().toList());
        Pattern anyTarget = Pattern.compile(targets.isEmpty() ? "(?!)" : "(?i)(?<![\\w.])(?:" + targets + ")(?![\\w])");
        Pattern lead = Pattern.compile("(?i)^\\s*" + Pattern.quote(target.strip()) + "\\s*(?::|[\u2013\u2014]|\\s-)\\s*(\\S.*)$");
        for (DocumentNote n : spec.notes()) {
            String[] cells = n.text().split(" \\| ");
            String text = null;
            for (int c = 0; c < cells.length - 1 && text == null; c++) {
                // the first cell is the line's label whatever its length; a later one only when it is a label's few words
                if ((c == 0 || isLabel(cells[c])) && (named.matcher(cells[c]).find() || table != null && table.matcher(cells[c]).find())) {
                    text = String.join(". ", java.util.Arrays.asList(cells).subList(c + 1, cells.length)).strip();
                }
            }
            if (text == null && cells.length > 1) {
                // the rest is a sentence of its own: it starts with a capital, as a sentence after others does
                java.util.regex.Matcher m = lead.matcher(String.join(". ", java.util.Arrays.asList(cells).subList(1, cells.length)));
                text = m.matches() ? Character.toUpperCase(m.group(1).strip().charAt(0)) + m.group(1).strip().substring(1) : null;
            }
            if (text == null) {
                text = unlabelled(cells, named, anyTarget, spec, target, scope);
            }
            if (text != null && !text.isEmpty() && !out.contains(text)) {
                out.add(text);
            }
        }
        return out;
    }

    /**
     * The row a target's notes join: its key row that reads a table, else the first that reads one (a surrogate key
     * reads none, and words bind to none there).
     */
    static MappingRow host(List<MappingRow> rows) {
        java.util.function.Predicate<MappingRow> readsATable = r -> r.sourceTable() != null && !r.sourceTable().isBlank();
        return rows.stream().filter(r -> r.key() && readsATable.test(r)).findFirst()
                .orElse(rows.stream().filter(readsATable).findFirst()
                        .orElse(rows.stream().filter(MappingRow::key).findFirst().orElse(rows.get(0))));
    }

    /** Each target's host table (see {@link #host}). */
    private static java.util.Map<String, String> hosts(MappingSpec spec) {
        java.util.Map<String, List<MappingRow>> byTarget = new java.util.LinkedHashMap<>();
        for (MappingRow r : spec.rows()) {
            if (r.targetTable() != null && !r.targetTable().isBlank()) {
                byTarget.computeIfAbsent(r.targetTable().strip(), k -> new ArrayList<>()).add(r);
            }
        }
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        byTarget.forEach((t, rs) -> out.put(t, host(rs).sourceTable()));
        return out;
    }

    /** A line's number or short tag before its text ("2", "1.", "Q1", "(a)"). */
    private static final Pattern TAG = Pattern.compile("^\\s*\\(?[\\w.]{1,4}[).]?\\s*$");
    /** The number a line's text opens with ("1. RETURN_REQUEST grain is ...", "(3) Drop ..."). */
    private static final Pattern NUMBERED = Pattern.compile("^\\s*\\(?\\d{1,2}[).]\\s+");

    /**
     * A line with no label naming the target: its text when it names the target anywhere ("3. Returns raised against
     * test orders are excluded from RETURN_REQUEST and from REFUND_LINE"); when it names no target at all, its sentences
     * that choose rows ("2. RMAs whose status is X are not loaded"), which hold for every target, as the document states
     * no other; null otherwise. A choice that cannot be read in a target marks its rows as not the ones asked for.
     */
    private static String unlabelled(String[] cells, Pattern named, Pattern anyTarget, MappingSpec spec, String target,
                                     NoteScope scope) {
        int first = 0;
        while (first < cells.length - 1 && TAG.matcher(cells[first]).matches()) {
            first++;
        }
        String line = NUMBERED.matcher(String.join(". ", java.util.Arrays.asList(cells).subList(first, cells.length)).strip())
                .replaceFirst("");
        if (line.isEmpty()) {
            return null;
        }
        if (named.matcher(line).find()) {
            // "... not loaded to DIM_GUEST, and reservations made by those guests are not loaded to FACT_RESERVATION"
            return scope.about(line, target);
        }
        if (anyTarget.matcher(line).find()) {
            // "FFP_FLIGHT_ACTIVITY re-sends ... Keep only the latest version ... DIM_MEMBER aggregates use this same
            // set": the sentences about this target's rows, the others left to the target they name
            String chosen = NoteFilters.choosingSentences(scope.about(line, target));
            // (or that names no table of it but says "both fact tables", "every target")
            // (or whose rows it names by what they are: "..., and visits of test donors are not loaded anywhere")
            return chosen.isEmpty() || !scope.readsTable(line, target) && !NoteScope.several(chosen) && !scope.isAbout(chosen, target)
                    ? null : chosen;
        }
        // what each sentence is about before the choosing ones are taken out ("MES_PRODUCT may contain several versions
        // of an item. Keep one row per ITEM_NO ...": the second is about MES_PRODUCT's rows)
        String chosen = NoteFilters.choosingSentences(scope.about(line, target));
        // "... they are excluded from all four targets": every target's, whatever tables its words name
        // (sentence by sentence: "Exclude bags whose PAX_NAME starts with TEST/. Exclude mishandled bag reports with
        // status V" keeps the second for the reports' target though the first names another's column)
        List<String> kept = new ArrayList<>();
        for (String sentence : NoteFilters.SENTENCES.split(chosen.strip())) {
            if (!sentence.isBlank() && (NoteScope.several(sentence) || !namesOnlyOthers(sentence, spec, target))) {
                kept.add(sentence.strip());
            }
        }
        return kept.isEmpty() ? null : String.join(" ", kept);
    }

    /** A table or column written as its name ("LINE_STATUS", "ORDER_HDR.ORDER_TYPE"). */
    private static final Pattern NAME = Pattern.compile("\\b[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+\\b|\\b[A-Za-z]\\w*\\.[A-Za-z]\\w*\\b");

    /**
     * "Cancelled lines (LINE_STATUS = 'CXL') are excluded": the line names, by their names, only tables or columns that
     * other targets read, so it is about those. Words alone ("RMAs whose status is X") name no table: such a line holds
     * for every target, flagging those it cannot be read in.
     */
    private static boolean namesOnlyOthers(String text, MappingSpec spec, String target) {
        java.util.Set<String> readers = new java.util.HashSet<>();
        java.util.regex.Matcher m = NAME.matcher(text);
        while (m.find()) {
            String[] parts = m.group().toLowerCase(java.util.Locale.ROOT).split("\\.");
            for (MappingRow r : spec.rows()) {
                boolean reads = r.sourceTable() != null && java.util.Arrays.asList(parts).contains(r.sourceTable().strip().toLowerCase(java.util.Locale.ROOT))
                        || r.sourceColumns().stream().anyMatch(c -> c.column() != null
                        && parts[parts.length - 1].equals(c.column().strip().toLowerCase(java.util.Locale.ROOT))
                        || c.table() != null && parts[0].equals(c.table().strip().toLowerCase(java.util.Locale.ROOT)));
                if (reads && r.targetTable() != null) {
                    readers.add(r.targetTable().strip().toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return !readers.isEmpty() && !readers.contains(target.strip().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * The notes cell without its sentences that point to the notes sheet ("test accounts are not loaded (see Notes)",
     * "See Notes: duplicates removed, February events excluded"): the lines they point to are added in their place.
     */
    private static String withoutPointers(String description) {
        if (description == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String sentence : description.strip().split("(?<=[.;])\\s+")) {
            if (!POINTER.matcher(sentence).find()) {
                out.append(out.length() == 0 ? "" : " ").append(sentence);
            }
        }
        return out.toString().strip();
    }

    private static final Pattern POINTER = Pattern.compile("(?i)\\bsee\\s+(?:the\\s+)?(?:notes?|comments?|remarks?)\\b");

    /** A label, not a sentence: a few words ("dim_student grain", "DIM_POLICY de-dup", "fct_call"). */
    private static boolean isLabel(String cell) {
        return cell.strip().split("\\s+").length <= 4;
    }
}
