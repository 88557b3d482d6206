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
    static List<MappingRow> added(MappingSpec spec, String target, List<MappingRow> rows) {
        List<String> said = about(spec, target);
        if (said.isEmpty() || rows.isEmpty()) {
            return rows;
        }
        MappingRow host = rows.stream().filter(MappingRow::key).findFirst().orElse(rows.get(0));
        List<MappingRow> out = new ArrayList<>(rows.size());
        for (MappingRow r : rows) {
            if (r != host) {
                out.add(r);
                continue;
            }
            StringBuilder notes = new StringBuilder(r.description() == null ? "" : r.description().strip());
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

    /** The texts of the lines whose label (their first cell) names the target as a word. */
    static List<String> about(MappingSpec spec, String target) {
        List<String> out = new ArrayList<>();
        Pattern named = Pattern.compile("(?i)(?<![\\w.])" + Pattern.quote(target.strip()) + "(?![\\w])");
        for (DocumentNote n : spec.notes()) {
            int bar = n.text().indexOf(" | ");
            String text = null;
            if (bar > 0 && named.matcher(n.text().substring(0, bar)).find()) {
                text = n.text().substring(bar + 3).replace(" | ", ". ").strip();
            } else if (bar > 0) {
                // "Row filter | FACT_APPLICATION: leave out applications ...": the text names the target before its colon
                java.util.regex.Matcher lead = Pattern.compile("(?i)^\\s*" + Pattern.quote(target.strip()) + "\\s*(?::|[–—]|\\s-)\\s*(\\S.*)$")
                        .matcher(n.text().substring(bar + 3).replace(" | ", ". "));
                // the rest is a sentence of its own: it starts with a capital, as a sentence after others does
                text = lead.matches() ? Character.toUpperCase(lead.group(1).strip().charAt(0)) + lead.group(1).strip().substring(1) : null;
            }
            if (text != null && !text.isEmpty() && !out.contains(text)) {
                out.add(text);
            }
        }
        return out;
    }
}
