package io.aide.compiler;

import io.aide.events.spec.MappingRow;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Targets whose rows are the distinct values of something: "Distinct transaction dates", "Unique values of
 * customer_id", or a note "one row per distinct date". The words that ask for distinct rows are a property of the
 * target (SELECT DISTINCT, and UNION instead of UNION ALL over several source systems); what remains of the rule is
 * compiled as the column's rule, a bare description of the row's source column being a copy of it. A filter that asks
 * for one row per key ("keep one row per claim_id", "remove duplicates") asks for distinct rows too: exact duplicates
 * go, and the key's uniqueness check on sample rows shows any that differ.
 */
final class DistinctRows {
    /** "Distinct order dates", "all unique values of x", "select distinct x". */
    private static final Pattern RULE = Pattern.compile(
            "(?i)^\\s*(?:(?:take|select|get|list|keep|use)\\s+)?(?:all\\s+|only\\s+)?(?:the\\s+)?(?:distinct|unique)\\s+"
                    + "(?:values?\\s+(?:of|from|in)\\s+|list\\s+of\\s+|set\\s+of\\s+)?(?:the\\s+)?(.+?)\\s*[.]?\\s*$");
    /** A note that speaks of distinct rows or values (not a count of them, not a unique key). */
    private static final Pattern NOTE = Pattern.compile(
            "(?i).*\\b(?:distinct|unique\\s+(?:values?|list|set|rows?|dates?|combinations?))\\b.*");
    private static final Pattern COUNTING = Pattern.compile("(?i).*\\bcount.*");
    /** A description rather than a formula: words only. */
    private static final Pattern WORDS = Pattern.compile("[\\p{L}\\p{N}_ ]+");

    private DistinctRows() {
    }

    /** True when a rule or a note of the target asks for distinct rows. */
    static boolean asked(List<MappingRow> rows) {
        for (MappingRow r : rows) {
            if (!mentions(r.transformation()) && !mentions(r.nullHandling()) && !mentions(r.description())) {
                continue;
            }
            String rule = r.transformation();
            if (rule != null && !COUNTING.matcher(rule).matches() && RULE.matcher(rule).matches()) {
                return true;
            }
            for (String note : new String[]{r.nullHandling(), r.description()}) {
                if (note != null && !COUNTING.matcher(note).matches() && NOTE.matcher(note).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "keep one row per claim_id", "1 row per claim_id", "de-duplicate", "remove duplicates": one sentence of a filter. */
    private static final Pattern DEDUPE = Pattern.compile("(?i)^\\s*(?:(?:keep|retain|take|select|load)\\s+)?(?:only\\s+)?"
            + "(?:one|1|a\\s+single)\\s+(?:row|record)\\s+(?:per|for\\s+each|for\\s+every)\\s+[\\w.]+\\s*$"
            // "the copies are identical, so load each CDR_ID once": one row per key, said with "once"
            + "|^\\s*(?:(?:the\\s+)?(?:repeated\\s+|duplicate\\s+|resent\\s+|re-sent\\s+)?(?:copies|duplicates|repeats|rows|records)\\s+"
            + "(?:are|is)\\s+(?:exactly\\s+)?(?:identical|the\\s+same)(?:\\s+in\\s+(?:every|all)\\s+(?:the\\s+)?(?:columns?|fields?))?"
            + "\\s*,?\\s+(?:so|and)\\s+)?(?:keep|retain|take|load)\\s+(?:each|every)\\s+[\\w.]+\\s+(?:only\\s+)?once\\s*$"
            // "If the extract sends the same line twice with identical values, load it once"
            + "|^\\s*(?:if|when|where)\\s+[^,;]{1,100}?\\b(?:twice|more\\s+than\\s+once|identical|duplicated?)\\b[^,;]{0,60}?,?\\s+"
            + "(?:then\\s+)?(?:load|keep|take)\\s+(?:it|them|each\\s+\\w+|one\\s+copy|a\\s+single\\s+copy)\\s+(?:only\\s+)?once\\s*$"
            + "|^\\s*(?:de-?dup(?:e|licate)?d?|remove\\s+(?:the\\s+)?duplicates?|drop\\s+(?:the\\s+)?duplicates?|duplicates?\\s+"
            + "(?:removed|dropped))(?:\\s+(?:on|by)\\s+[\\w.]+)?\\s*$"
            // "remove rows that are identical in every column", "drop exact duplicates"
            + "|^\\s*(?:remove|drop|delete|discard)\\s+(?:the\\s+)?(?:rows|records|lines)\\s+(?:that\\s+are\\s+)?(?:identical"
            + "|exactly\\s+the\\s+same|the\\s+same)\\s+(?:in|on|across)\\s+(?:every|all)\\s+(?:the\\s+)?(?:columns?|fields?)\\s*$"
            + "|^\\s*(?:remove|drop|delete|discard)\\s+(?:the\\s+)?(?:exact|identical|full)\\s+(?:duplicates?|duplicate\\s+(?:rows|records|lines))\\s*$"
            // "rows that are identical in every column are loaded once": the rows named, then the verb in the passive
            + "|^\\s*(?:the\\s+)?(?:rows|records|lines|copies|duplicates)\\s+(?:that|which)\\s+(?:are|is)\\s+(?:exactly\\s+)?"
            + "(?:identical|the\\s+same)(?:\\s+(?:in|on|across)\\s+(?:every|all)\\s+(?:the\\s+)?(?:columns?|fields?))?\\s+"
            + "(?:are|is)\\s+(?:only\\s+)?(?:loaded|kept|taken)\\s+(?:only\\s+)?once\\s*$");
    /** A sentence that only says why: the extract sends something twice, there are duplicates. */
    private static final Pattern WHY_DUPLICATES = Pattern.compile("(?i).*\\b(?:twice|duplicates?|duplicated|more\\s+than\\s+once"
            + "|re-?sends?|re-?sent|sends?\\s+again|sent\\s+again)\\b.*");
    /** "load it once", "keep them only once": the rows the sentence before says repeat, loaded once. */
    private static final Pattern ONCE = Pattern.compile("(?i)^\\s*(?:(?:the\\s+)?(?:copies|duplicates|repeats|rows|records)\\s+(?:are|is)\\s+"
            + "(?:exactly\\s+)?(?:identical|the\\s+same)\\s*[,;]?\\s*(?:so\\s+|and\\s+)?)?(?:then\\s+)?(?:load|keep|take)\\s+(?:(?:it|them|each\\s+one"
            + "|one\\s+copy|a\\s+single\\s+copy)\\s+)?(?:only\\s+)?once\\s*[.]?\\s*$"
            // "these are loaded once": the rows the sentence before says repeat
            + "|^\\s*(?:these|they|those|such\\s+rows|the\\s+copies|the\\s+duplicates)\\s+(?:are|is|will\\s+be|must\\s+be|should\\s+be)\\s+"
            + "(?:only\\s+)?(?:loaded|kept|taken)\\s+(?:only\\s+)?once\\s*[.]?\\s*$");
    /** "Carrier master may hold the same carrier twice, load once.": why, a comma, then the rows loaded once. */
    private static final Pattern WHY_THEN_ONCE = Pattern.compile("(?i)^(.+?)\\s*,\\s*((?:so\\s+|then\\s+)?(?:load|keep|take)\\s+(?:(?:it|them"
            + "|each\\s+one|one\\s+copy)\\s+)?(?:only\\s+)?once)\\s*[.]?\\s*$");
    /** A pick said after a dash: "– keep the row with the highest rec_seq", "– the one with the latest EXPIRY_DT". */
    private static final Pattern PICK_AFTER = Pattern.compile("(?i)^\\s*(?:keep|take|retain|choose|pick|use|the\\s+one"
            // "- latest LAST_UPD wins"
            + "|(?:the\\s+)?(?:latest|most\\s+recent|newest|highest|last|earliest|oldest|lowest|first)\\s+\\S+\\s+(?:wins|is\\s+kept"
            + "|survives|prevails))\\b");
    private static final Pattern SENTENCES = Pattern.compile("\\s*(?:[.;]\\s+|[.;]$|\\s[-–—]\\s|\\n)\\s*");

    /** True when a filter cell of the target asks for one row per key or for duplicates to go. */
    static boolean dedupes(List<MappingRow> rows) {
        return rows.stream().anyMatch(r -> r.filter() != null && withoutDedupe(r.filter()) != null);
    }

    /** The rows with the sentences that ask for one row per key (and say why) taken out of their filters. */
    static List<MappingRow> withoutDedupeWords(List<MappingRow> rows) {
        return rows.stream().map(r -> {
            String rest = r.filter() == null ? null : withoutDedupe(r.filter());
            if (rest == null) {
                return r;
            }
            return new MappingRow(r.ref(), r.sheet(), r.rowNumber(), r.targetTable(), r.targetColumn(), r.targetType(),
                    r.sourceSystem(), r.sourceTable(), r.sourceColumns(), r.rawSource(), r.transformation(), r.join(),
                    rest.isEmpty() ? null : rest, r.key(), r.nullable(), r.defaultValue(), r.nullHandling(), r.description(),
                    r.attributes());
        }).toList();
    }

    /** The filter without its dedupe sentences ("" when nothing else is left), or null when it has none. */
    private static String withoutDedupe(String filter) {
        String lower = filter.toLowerCase(Locale.ROOT);
        if (!lower.contains("row") && !lower.contains("record") && !lower.contains("dup") && !lower.contains("once")) {
            return null;
        }
        boolean found = false;
        StringBuilder rest = new StringBuilder();
        String text = filter.trim();
        Matcher ends = SENTENCES.matcher(text);
        List<String> sentences = new java.util.ArrayList<>();
        List<String> joins = new java.util.ArrayList<>();
        int from = 0;
        String join = "";
        while (ends.find()) {
            sentences.add(text.substring(from, ends.start()));
            joins.add(join);
            // "Exclude voided lines – line_status V ...": a dash joins the parts of one sentence, which stay together
            join = ends.group().trim().matches("[-–—]") ? " " + ends.group().trim() + " " : ". ";
            from = ends.end();
        }
        if (from < text.length()) {
            sentences.add(text.substring(from));
            joins.add(join);
        }
        for (int k = 0; k < sentences.size(); k++) {
            String sentence = sentences.get(k);
            // "Claims: 1 row per claim_id": the table a sentence is about, before a colon
            // "load each citation once (drop exact duplicates)": a bracket that says it again
            String said = sentence.replaceFirst("^[A-Za-z][\\w ]{0,30}:\\s*", "")
                    .replaceFirst("(?i)\\s*\\([^()]*\\b(?:dup\\w*|once|identical)\\b[^()]*\\)\\s*$", "");
            boolean leadsPick = k + 1 < sentences.size() && joins.get(k + 1).trim().matches("[-–—]")
                    && PICK_AFTER.matcher(sentences.get(k + 1)).find();
            Matcher whyThenOnce = WHY_THEN_ONCE.matcher(said);
            boolean afterWhy = k > 0 && WHY_DUPLICATES.matcher(sentences.get(k - 1)).matches() && ONCE.matcher(said).matches()
                    || whyThenOnce.matches() && WHY_DUPLICATES.matcher(whyThenOnce.group(1)).matches();
            if ((DEDUPE.matcher(said).matches() || afterWhy) && !leadsPick) {
                // ("The extract occasionally sends the same read twice - load it once": "it" is the read sent twice)
                // (never "one row per load_ticket_no – keep the row with the highest rec_seq": the key of the pick after it)
                found = true;
            } else if (!WHY_DUPLICATES.matcher(said).matches() && !said.isBlank()) {
                rest.append(rest.isEmpty() ? "" : joins.get(k)).append(sentence.trim());
            }
        }
        return found ? rest.toString() : null;
    }

    /** The rows with "distinct ..." removed from their rules. */
    static List<MappingRow> withoutDistinctWords(List<MappingRow> rows) {
        return rows.stream().map(DistinctRows::rewrite).toList();
    }

    /** A cheap test before the patterns: most rows say neither word. */
    private static boolean mentions(String text) {
        if (text == null) {
            return false;
        }
        String t = text.toLowerCase(Locale.ROOT);
        return t.contains("distinct") || t.contains("unique");
    }

    private static MappingRow rewrite(MappingRow r) {
        String rule = r.transformation();
        if (!mentions(rule) || COUNTING.matcher(rule).matches()) {
            return r;
        }
        Matcher m = RULE.matcher(rule);
        if (!m.matches()) {
            return r;
        }
        String rest = m.group(1).trim();
        boolean namesSource = r.sourceColumns().stream().anyMatch(s -> s.column() != null
                && rest.toLowerCase(Locale.ROOT).equals(s.column().trim().toLowerCase(Locale.ROOT)));
        String compiled = !namesSource && r.sourceColumns().size() == 1 && WORDS.matcher(rest).matches() ? "Direct move" : rest;
        return new MappingRow(r.ref(), r.sheet(), r.rowNumber(), r.targetTable(), r.targetColumn(), r.targetType(),
                r.sourceSystem(), r.sourceTable(), r.sourceColumns(), r.rawSource(), compiled, r.join(), r.filter(), r.key(),
                r.nullable(), r.defaultValue(), r.nullHandling(), r.description(), r.attributes());
    }
}
