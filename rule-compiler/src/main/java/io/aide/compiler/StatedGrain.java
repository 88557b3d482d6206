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
    private static final String NAMES = "([A-Za-z_][\\w.]*(?:\\s*(?:,|\\band\\b|\\bper\\b)\\s*[A-Za-z_][\\w.]*)*)";
    /** Names or short phrases ("calendar month"): a note says "one row per subscription per calendar month". */
    private static final String PHRASES = "([A-Za-z_][\\w.]*(?:\\s+[A-Za-z_][\\w.]*){0,2}"
            + "(?:\\s*(?:,|\\band\\b|\\bper\\b)\\s*[A-Za-z_][\\w.]*(?:\\s+[A-Za-z_][\\w.]*){0,2})*)";
    /** "Sum of amount group by customer_id", "max(amount), grouped by customer_id and day". */
    private static final Pattern IN_RULE = Pattern.compile("(?i)^(.+?)[\\s,;]+(?:group(?:ed)?\\s+by)\\s+" + NAMES + "\\s*[.]?\\s*$");
    /** "Sum of amount per customer_id", "number of orders for each region": only after an aggregate word. */
    private static final Pattern PER_IN_RULE = Pattern.compile("(?i)^(.+?)[\\s,;]+(?:per|for\\s+each|for\\s+every|by)\\s+"
            + NAMES + "\\s*[.]?\\s*$");
    /** "Grain: customer_id", "one row per customer_id", "group by region". */
    private static final Pattern IN_NOTE = Pattern.compile(
            "(?i)(?!.*\\b(?:extract|feed|file|log|history|source|export|interface|system)\\b[^.]*\\bone\\s+row\\s+per\\b)"
            + ".*?\\b(?:grain\\s*(?:is|:|=|-)?(?:\\s*one\\s+row\\s+(?:per|for\\s+each))?|one\\s+row\\s+(?:per|for\\s+each)"
            + "|group(?:ed)?\\s+by)\\s+" + PHRASES + "\\s*[.]?\\s*$");
    /** A sentence of a rule that only states the grain: "Direct. Grain = one row per reservation." */
    private static final Pattern GRAIN_SENTENCE = Pattern.compile("(?i)^(?:(?:the\\s+)?(?:table|target)\\s+)?grain\\s*(?:is|:|=|-)\\s*"
            + "(?:one\\s+row\\s+(?:per|for\\s+each)\\s+)?" + PHRASES + "\\s*[.]?\\s*$");
    /**
     * "One row for every sailing in DIM_SAILING, including sailings with no bookings" as the whole rule of a column read
     * from that table: the target's rows are that table's, and the column is its source column as it is.
     */
    private static final Pattern ROWS_OF_TABLE = Pattern.compile("(?i)^\\s*one\\s+(?:row|record)\\s+(?:per|for\\s+each|for\\s+every)\\s+"
            + "[a-z][\\w-]*\\s+(?:in|of|from)\\s+(?:the\\s+)?([A-Za-z_][\\w.]*)\\s*(?:,\\s*including\\s+[^.()]*|\\(\\s*incl(?:uding|ude)?\\s+"
            + "[^()]*\\))?\\s*[.]?\\s*$");
    /** A note in brackets inside a rule: "Subscription of the event (grain: one row per subscription per month)". */
    private static final Pattern BRACKETED = Pattern.compile("\\(([^()]*)\\)");

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
            Note b = bracketed(r.transformation());
            if (b != null) {
                add(grain, b.names());
            }
            for (String sentence : sentences(r.transformation())) {
                Matcher g = GRAIN_SENTENCE.matcher(sentence);
                if (g.matches()) {
                    add(grain, g.group(1));
                }
            }
            for (String note : new String[]{r.nullHandling(), r.description()}) {
                // the note's sentence that states it: "Natural key. Table grain: one row per patron_id. Rows whose ...",
                // "Grain: one row per invoice; the source has one row per invoice line"
                for (String sentence : note == null ? new String[0] : note.trim().split("(?<=\\.)\\s+(?=[A-Z])|;\\s*")) {
                    Matcher n = IN_NOTE.matcher(sentence.trim());
                    if (n.matches()) {
                        add(grain, n.group(1));
                        break;
                    }
                }
            }
        }
        return grain;
    }

    /** The rows whose whole rule says the target has a row for each row of their source table, as direct copies. */
    static List<MappingRow> withoutRowsOfTable(List<MappingRow> rows) {
        return rows.stream().map(r -> {
            Matcher table = r.transformation() == null ? null : ROWS_OF_TABLE.matcher(r.transformation());
            if (table == null || !table.matches() || r.sourceColumns().size() != 1 || r.sourceTable() == null
                    || !table.group(1).equalsIgnoreCase(r.sourceTable().trim())) {
                return r;
            }
            return new MappingRow(r.ref(), r.sheet(), r.rowNumber(), r.targetTable(), r.targetColumn(), r.targetType(),
                    r.sourceSystem(), r.sourceTable(), r.sourceColumns(), r.rawSource(), "", r.join(), r.filter(),
                    r.key(), r.nullable(), r.defaultValue(), r.nullHandling(), r.description(), r.attributes());
        }).toList();
    }

    /** The rows with "group by ..." and bracketed grain notes taken out of their rules. */
    static List<MappingRow> withoutGrainWords(List<MappingRow> rows) {
        return rows.stream().map(r -> {
            String rule = r.transformation();
            Note b = bracketed(rule);
            if (b != null) {
                rule = (rule.substring(0, b.start()) + " " + rule.substring(b.end())).replaceAll("\\s+", " ").trim();
            }
            if (rule != null && !GRAIN_SENTENCE.matcher(rule).matches()) {
                List<String> kept = new ArrayList<>();
                for (String sentence : sentences(rule)) {
                    if (!GRAIN_SENTENCE.matcher(sentence).matches()) {
                        kept.add(sentence);
                    }
                }
                // "Direct. Grain = one row per reservation.": the grain is the target's, the rest is the rule
                rule = kept.isEmpty() ? rule : String.join(" ", kept);
            }
            Matcher m = inRule(rule);
            if (m != null) {
                rule = m.group(1).trim();
            }
            if (rule == null || rule.equals(r.transformation())) {
                return r;
            }
            return new MappingRow(r.ref(), r.sheet(), r.rowNumber(), r.targetTable(), r.targetColumn(), r.targetType(),
                    r.sourceSystem(), r.sourceTable(), r.sourceColumns(), r.rawSource(), rule, r.join(), r.filter(),
                    r.key(), r.nullable(), r.defaultValue(), r.nullHandling(), r.description(), r.attributes());
        }).toList();
    }

    private static List<String> sentences(String text) {
        return text == null ? List.of() : List.of(text.trim().split("(?<=\\.)\\s+(?=[A-Z])"));
    }

    /** A bracketed grain note in a rule: where it stands and the names it states. */
    private record Note(int start, int end, String names) {
    }

    /** The bracketed grain note of a rule; null when the rule has none. */
    private static Note bracketed(String rule) {
        if (rule == null || !rule.contains("(")) {
            return null;
        }
        Matcher b = BRACKETED.matcher(rule);
        while (b.find()) {
            Matcher n = IN_NOTE.matcher(b.group(1).trim());
            if (n.matches()) {
                return new Note(b.start(), b.end(), n.group(1));
            }
        }
        return null;
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
        for (String n : names.split("\\s*(?:,|\\band\\b|\\bper\\b)\\s*")) {
            // "one row per patron_id.": the sentence's full stop is no qualifier
            String name = n.trim().toLowerCase(Locale.ROOT).replaceAll("\\.+$", "");
            name = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
            if (!name.isEmpty() && !grain.contains(name)) {
                grain.add(name);
            }
        }
    }
}
