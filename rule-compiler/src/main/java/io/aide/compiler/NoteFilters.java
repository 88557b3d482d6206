package io.aide.compiler;

import io.aide.events.spec.MappingRow;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Row filters written in a notes or remarks cell, where a mapping has no filter column or the analyst put them beside
 * the rule: "Filter: drop reads whose read_val is negative", "keep only the row with the highest last_upd per
 * premise_id", "Only readings that have a consumption". Each such sentence moves to the row's filter, where it is
 * applied like any filter cell, or, when it cannot be read, marks the target's rows as not the ones asked for.
 * Ignoring it would give more rows than the document asks for without a word.
 * <pre>
 * filter-sentence := [words ":"] ("filter" [":"] | EXCLUDE-verb | "keep only" | "only keep" | "keep the" row-word
 *                  | "only" plural-noun (that | which | whose | with | where)) ...
 * </pre>
 * Sentences that describe the grain ("one row per ..."), explain, or give examples stay notes.
 */
final class NoteFilters {
    private static final Pattern SENTENCES = Pattern.compile("(?<=[.;!?])\\s+(?=[A-Z(])|\\n+");
    /** What a sentence is about, before a colon: "The premise extract re-sends a premise when any field changes: ". */
    private static final Pattern TOPIC = Pattern.compile("^[^:()=<>']{1,120}:\\s+");
    private static final Pattern FILTER_SENTENCE = Pattern.compile("(?i)^(?:filter(?:ed)?\\s*(?::|-|\\bout\\b)"
            + "|(?:exclude|drop|remove|ignore|skip|discard|filter\\s+out)\\s+(?!the\\s+(?:column|field|prefix|suffix)\\b)\\S"
            + "|keep\\s+only\\b|only\\s+keep\\b|keep\\s+the\\s+(?:row|record|latest|last|first|most|newest|oldest|highest|lowest)\\b"
            + "|only\\s+(?:rows|records|[a-z]+s)\\s+(?:that|which|whose|with|where)\\b)");
    private static final Pattern FILTER_LABEL = Pattern.compile("(?i)^filter(?:ed)?\\s*[:-]\\s*");

    private NoteFilters() {
    }

    static List<MappingRow> expand(List<MappingRow> rows) {
        if (rows.stream().allMatch(r -> r.description() == null || r.description().isBlank())) {
            return rows;
        }
        return rows.stream().map(NoteFilters::expand).toList();
    }

    private static MappingRow expand(MappingRow r) {
        if (r.description() == null || r.description().isBlank()) {
            return r;
        }
        List<String> filters = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String sentence : SENTENCES.split(r.description().trim())) {
            String said = sentence.trim();
            String topicless = TOPIC.matcher(said).replaceFirst("");
            if (FILTER_SENTENCE.matcher(said).find()) {
                filters.add(FILTER_LABEL.matcher(said).replaceFirst(""));
            } else if (!topicless.equals(said) && FILTER_SENTENCE.matcher(topicless).find()) {
                filters.add(FILTER_LABEL.matcher(topicless).replaceFirst(""));
            } else {
                notes.add(said);
            }
        }
        if (filters.isEmpty()) {
            return r;
        }
        String filter = r.filter() == null || r.filter().isBlank() ? "" : r.filter().trim() + ". ";
        filter += String.join(" ", filters);
        return new MappingRow(r.ref(), r.sheet(), r.rowNumber(), r.targetTable(), r.targetColumn(), r.targetType(),
                r.sourceSystem(), r.sourceTable(), r.sourceColumns(), r.rawSource(), r.transformation(), r.join(),
                filter, r.key(), r.nullable(), r.defaultValue(), r.nullHandling(),
                notes.isEmpty() ? null : String.join(" ", notes), r.attributes());
    }
}
