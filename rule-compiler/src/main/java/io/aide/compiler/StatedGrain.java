package io.aide.compiler;

import io.aide.events.spec.MappingRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grain a mapping states for a target: "group by customer_id" after a rule ("max(amount) group by customer_id"),
 * or a note "grain: customer_id, order_date", "one row per customer_id", "grouped by region". The grouping words are
 * taken out of the rule (what remains is compiled as the column's rule) and the names become the target's GROUP BY.
 */
final class StatedGrain {
    private static final String NAMES = "([A-Za-z_][\\w.]*(?:\\s*(?:,|\\band\\b)\\s*[A-Za-z_][\\w.]*)*)";
    /** "Sum of amount group by customer_id", "max(amount), grouped by customer_id and day". */
    private static final Pattern IN_RULE = Pattern.compile("(?i)^(.+?)[\\s,;]+(?:group(?:ed)?\\s+by)\\s+" + NAMES + "\\s*[.]?\\s*$");
    /** "Sum of amount per customer_id", "number of orders for each region": only after an aggregate word. */
    private static final Pattern PER_IN_RULE = Pattern.compile("(?i)^(.+?)[\\s,;]+(?:per|for\\s+each|for\\s+every|by)\\s+"
            + NAMES + "\\s*[.]?\\s*$");
    /** "Grain: customer_id", "one row per customer_id", "group by region". */
    private static final Pattern IN_NOTE = Pattern.compile(
            "(?i).*?\\b(?:grain\\s*(?:is|:)?|one\\s+row\\s+(?:per|for\\s+each)|group(?:ed)?\\s+by)\\s+" + NAMES + "\\s*[.]?\\s*$");

    private StatedGrain() {
    }

    /** The names of the grain the rows state (lower case, in order), empty when none is stated. */
    static List<String> of(List<MappingRow> rows) {
        List<String> grain = new ArrayList<>();
        for (MappingRow r : rows) {
            if (!mentions(r.transformation()) && !mentions(r.nullHandling()) && !mentions(r.description())) {
                continue;
            }
            Matcher m = inRule(r.transformation());
            if (m != null) {
                add(grain, m.group(2));
            }
            for (String note : new String[]{r.nullHandling(), r.description()}) {
                Matcher n = note == null ? null : IN_NOTE.matcher(note.trim());
                if (n != null && n.matches()) {
                    add(grain, n.group(1));
                }
            }
        }
        return grain;
    }

    /** The rows with "group by ..." taken out of their rules. */
    static List<MappingRow> withoutGrainWords(List<MappingRow> rows) {
        return rows.stream().map(r -> {
            Matcher m = inRule(r.transformation());
            if (m == null) {
                return r;
            }
            return new MappingRow(r.ref(), r.sheet(), r.rowNumber(), r.targetTable(), r.targetColumn(), r.targetType(),
                    r.sourceSystem(), r.sourceTable(), r.sourceColumns(), r.rawSource(), m.group(1).trim(), r.join(), r.filter(),
                    r.key(), r.nullable(), r.defaultValue(), r.nullHandling(), r.description(), r.attributes());
        }).toList();
    }

    /** "... group by names", or "... per names" after an aggregate word; null when the rule states no grain. */
    private static Matcher inRule(String rule) {
        if (rule == null) {
            return null;
        }
        Matcher m = IN_RULE.matcher(rule.trim());
        if (m.matches()) {
            return m;
        }
        Matcher per = PER_IN_RULE.matcher(rule.trim());
        return per.matches() && io.aide.compiler.lang.Aggregates.leads(per.group(1)) ? per : null;
    }

    /** A cheap test before the patterns: most rows state no grain. */
    private static boolean mentions(String text) {
        if (text == null) {
            return false;
        }
        String t = text.toLowerCase(Locale.ROOT);
        return t.contains("group") || t.contains("grain") || t.contains("row") || t.contains("per") || t.contains("each")
                || t.contains("every") || t.contains("by");
    }

    private static void add(List<String> grain, String names) {
        for (String n : names.split("\\s*(?:,|\\band\\b)\\s*")) {
            String name = n.trim().toLowerCase(Locale.ROOT);
            name = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
            if (!name.isEmpty() && !grain.contains(name)) {
                grain.add(name);
            }
        }
    }
}
