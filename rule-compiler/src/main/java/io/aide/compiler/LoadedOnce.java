package io.aide.compiler;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentences that load a repeated row once, naming no order because the copies are the same: "where MEMBER_NO, TIER_CD
 * and EFF_FROM are the same (after trim / upper), load the record once", "If the same CHG_ID appears more than once it
 * is counted once", "The extract occasionally repeats a transaction - load it once", "(extract can repeat an order -
 * take it once)". One row per key, any of the copies (ordered by the key itself, which every copy shares); rows alike
 * in every column ("Exact duplicate rows are loaded once", "Remove duplicates"): one of each.
 * <pre>
 * once := [lead] (where | when | if) key (ARE the same | REPEATS) [(cleaning)] [,] [then] ONCE
 *       | [lead] REPEATS (a | an | the) thing (- | , | ;) ONCE
 *       | (exact | identical) (rows | duplicates) [(remark)] ARE (loaded | counted) once | (remove | drop) [exact] duplicates
 *       | ... (exact | identical) duplicates ... - (load | keep) one row per key
 *       | ... REPEATS (a | an | the) thing (- | : | ;) (load | keep) one row per key
 *       | (repeated | duplicate) key [(cleaning)] ARE (loaded | counted) once
 * ONCE := (load | keep | take | count) (it | them | the record | one row) [only] once | it IS (loaded | counted | kept) once
 * </pre>
 */
final class LoadedOnce {
    private static final String ONCE = "(?:(?:load|keep|take|count|include|use)\\s+(?:only\\s+)?(?:the\\s+(?:record|row|line|entry|copy)|it|them"
            + "|one\\s+(?:record|row|copy))|(?:it|they|the\\s+(?:record|row|line))\\s+(?:is|are)\\s+(?:loaded|counted|kept|taken|included))"
            + "\\s+(?:only\\s+)?once\\s*[.;)]?$";
    private static final String REPEATS = "(?:appears?|occurs?|is\\s+repeated|repeats|is\\s+sent|comes\\s+through|arrives)\\s+"
            + "(?:more\\s+than\\s+once|twice|again|several\\s+times)";
    /** "where MEMBER_NO, TIER_CD and EFF_FROM are the same (after trim / upper), load the record once" */
    private static final Pattern SAME = Pattern.compile("(?i)^(?:.*?[:\\s])?(?:where|when|if)\\s+(?:the\\s+same\\s+|a\\s+|an\\s+|the\\s+)?"
            + "([A-Za-z_][\\w.]*(?:\\s*(?:\\+|,|&|\\band\\b)\\s*[A-Za-z_][\\w.]*)*)\\s+(?:(?:are|is)\\s+(?:all\\s+)?(?:the\\s+same|identical)|"
            + REPEATS + ")\\s*(\\([^()]*\\))?\\s*,?\\s*(?:then\\s+)?" + ONCE);
    /** "(load | keep | take) one row per": the words before a key that one row is kept for. */
    private static final String ONE_ROW_PER = "(?:load|keep|take)s?\\s+(?:only\\s+)?(?:one|a\\s+single|1)\\s+(?:row|record|line|entry|copy)\\s+"
            + "(?:per|for\\s+each|for\\s+every)\\s+";
    /** "The extract occasionally repeats a transaction -": the thing re-sent (group 1), then what is done with it. */
    private static final String RESENT_THING = "(?i)^(?:.*?\\b)?(?:repeats?|re-?sends?|duplicates?|(?:can|may|might)\\s+"
            + "(?:repeat|re-?send|duplicate))\\s+(?:a|an|the)\\s+([a-z][\\w-]*)(?:\\s+(?:more\\s+than\\s+once|twice|again))?\\s*"
            + "(?:[–—,;:]|\\s-)\\s*";
    /** "The extract occasionally repeats a transaction - load it once" */
    private static final Pattern THING = Pattern.compile(RESENT_THING + ONCE);

    /** "The extract sometimes repeats a line: keep one row per INVOICE_NO + LINE_NO": the copies of a re-sent row, by key. */
    private static final Pattern THING_PER_KEY = Pattern.compile(RESENT_THING + ONE_ROW_PER + "(.+?)\\s*[.;]?$");
    /** "Repeated GIFT_IDs (after trimming) are loaded once", "duplicate ORDER_NOs are counted once": the key named. */
    private static final Pattern REPEATED_KEY = Pattern.compile("(?i)^(?:repeated|duplicated?|re-?sent)\\s+([A-Za-z_][\\w.]*)"
            + "(\\s*\\([^()]*\\))?\\s+(?:are|is)\\s+(?:only\\s+)?(?:loaded|counted|kept|taken|included)\\s+(?:only\\s+)?once\\s*[.;]?$"
            // "Remove duplicate RIDE_IDs": the copies of a key dropped, one of them kept
            + "|^(?:remove|drop|eliminate|discard|skip|filter\\s+out)\\s+(?:any\\s+|all\\s+|the\\s+)?(?:duplicated?|repeated)\\s+"
            + "((?-i:[A-Z][A-Z0-9]*_[A-Z0-9_]+|[a-z][a-z0-9]*_[a-z0-9_]+)s?)(\\s*\\([^()]*\\))?\\s*[.;]?$");

    /** The key of a pick that keeps one of each set of rows alike in every column (a DISTINCT of the rows). */
    static final String EVERY_COLUMN = "*";
    /** "Exact duplicate rows (the interface re-sends lines) are loaded once", "identical lines are counted once" */
    private static final Pattern IDENTICAL = Pattern.compile("(?i)^(?:.*?[;:]\\s*)?(?:(?:exact|identical|fully\\s+identical|complete|whole-row)\\s+"
            + "(?:duplicate\\s+)?(?:rows|records|lines|copies|entries|duplicates)|exact\\s+duplicates)(?:\\s*\\([^()]*\\))?\\s+(?:are|is|get)\\s+"
            + "(?:(?:only\\s+)?(?:loaded|counted|kept|taken|included)\\s+(?:only\\s+)?once"
            // "fully identical rows are simply collapsed", "identical lines are merged into one"
            + "|(?:simply\\s+|just\\s+)?(?:collapsed|merged|de-?duplicated)(?:\\s+(?:into|to)\\s+one(?:\\s+(?:row|record|line))?)?)"
            + "(?:\\s*\\([^()]*\\))?\\s*[.;]?$");
    /** "Remove exact duplicates", "Drop duplicate rows": duplicates with no key named are rows alike in every column. */
    private static final Pattern DUPLICATES_REMOVED = Pattern.compile("(?i)^(?:remove|drop|eliminate|discard|skip|de-?duplicate|filter\\s+out)"
            + "\\s+(?:any\\s+|all\\s+|the\\s+)?(?:exact\\s+|identical\\s+|full\\s+)?(?:duplicates?|duplicated)(?:\\s+(?:rows|records|lines|entries))?"
            + "(?:\\s*\\([^()]*\\))?\\s*[.;]?$");

    /** "Extract contains exact duplicate rows - load one row per code": one row per key, the copies said to be alike. */
    private static final Pattern ONE_PER_ALIKE = Pattern.compile("(?i)^.*?\\b(?:exact|identical)\\s+(?:duplicate\\s+)?(?:duplicates|rows|records"
            + "|lines|copies)\\b[^.;]*?(?:[-–—:;,]|\\s-)\\s*" + ONE_ROW_PER + "(.+?)\\s*[.;]?$");

    /** "rows with the same EVENT_ID are identical copies - load once": one row per key, the copies said to be alike. */
    private static final Pattern SAME_KEY_ALIKE = Pattern.compile("(?i)^(?:.*?[;:]\\s*)?(?:the\\s+)?(?:rows|records|lines|entries)\\s+with\\s+"
            + "the\\s+same\\s+([A-Za-z_][\\w.]*(?:\\s*(?:/|\\+|,|&|\\band\\b)\\s*[A-Za-z_][\\w.]*)*)\\s+are\\s+(?:identical|exact)\\s+"
            + "(?:copies|duplicates|repeats)\\s*(?:[-–—:;,]|\\s-)\\s*(?:(?:load|keep|take|count)\\s+(?:it\\s+|them\\s+|one\\s+)?(?:only\\s+)?once"
            + "|(?:they\\s+are\\s+)?(?:loaded|counted|kept)\\s+once)\\s*[.;]?$");

    /** "VISIT_LOG and PAYMENT_TXN keep one row per swipe_id / txn_ref (duplicates are identical re-sends)": alike, said after. */
    private static final Pattern ONE_PER_THEN_ALIKE = Pattern.compile("(?i)^(?:.*?\\s)?" + ONE_ROW_PER
            + "([^()]+?)\\s*\\(\\s*(?:the\\s+)?(?:duplicates|copies|repeats)\\s+"
            + "are\\s+(?:identical|exact)[^()]*\\)\\s*[.;]?$");

    private LoadedOnce() {
    }

    /** {key, extreme, order} of a sentence that loads each repeated row once (the order the key), or null. */
    static String[] form(String sentence) {
        if (IDENTICAL.matcher(sentence.strip()).matches() || DUPLICATES_REMOVED.matcher(sentence.strip()).matches()) {
            return new String[]{EVERY_COLUMN, "first", EVERY_COLUMN};
        }
        Matcher same = SAME.matcher(sentence.strip());
        if (same.matches()) {
            String key = same.group(1) + (same.group(2) == null ? "" : " " + same.group(2));
            return new String[]{key, "first", first(same.group(1))};
        }
        Matcher sameKey = SAME_KEY_ALIKE.matcher(sentence.strip());
        if (sameKey.matches()) {
            return new String[]{sameKey.group(1), "first", sameKey.group(1)};
        }
        Matcher then = ONE_PER_THEN_ALIKE.matcher(sentence.strip());
        if (then.matches()) {
            return new String[]{then.group(1).strip(), "first", then.group(1).strip()};
        }
        Matcher alike = ONE_PER_ALIKE.matcher(sentence.strip());
        if (alike.matches()) {
            return new String[]{alike.group(1), "first", first(alike.group(1))};
        }
        Matcher perKey = THING_PER_KEY.matcher(sentence.strip());
        if (perKey.matches()) {
            return new String[]{perKey.group(2), "first", first(perKey.group(2))};
        }
        Matcher repeated = REPEATED_KEY.matcher(sentence.strip());
        if (repeated.matches()) {
            String written = repeated.group(1) != null ? repeated.group(1) : repeated.group(3);
            String how = repeated.group(1) != null ? repeated.group(2) : repeated.group(4);
            // "GIFT_IDs": the column's name in the plural
            String key = written.matches("[A-Z0-9_]+s") ? written.substring(0, written.length() - 1) : written;
            String cleaned = key + (how == null ? "" : " " + how.strip());
            return new String[]{cleaned, "first", key};
        }
        Matcher thing = THING.matcher(sentence.strip());
        if (thing.matches()) {
            return new String[]{thing.group(1), "first", thing.group(1)};
        }
        return null;
    }

    private static String first(String columns) {
        return columns.split("\\s*(?:\\+|,|&|\\band\\b)\\s*")[0].strip();
    }
}
