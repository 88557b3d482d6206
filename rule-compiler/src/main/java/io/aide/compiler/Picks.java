package io.aide.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sentences of a filter cell that keep one row per key, the first in an order: the usual way an extract that re-sends
 * changed records is cleaned.
 * <pre>
 * pick := KEEP [only] [the] (row | record | version) with the EXTREME order-value (per | for each | by) key-value
 *       | KEEP [only] [the] EXTREME (row | record | version) (per | for each | of each) key-value
 *             (by | based on | according to | using | ordered by) order-value
 * EXTREME := highest | latest | most recent | newest | max | last | lowest | earliest | oldest | min | first
 * </pre>
 * The values are read with the rule language ("per trimmed, upper-cased supp_id"); a bracket without a comparison
 * after a value is a remark ("last_upd (YYYYMMDD number)"). Sentences that only say why rows repeat ("The extract
 * re-sends a supplier each time it changes") go with the pick.
 */
final class Picks {
    private static final String KEEP = "(?:keep|retain|take|select|use|load)\\s+(?:only\\s+)?(?:the\\s+)?";
    private static final String ROW = "(?:row|record|version|entry|line|copy|one)";
    /** The row named with its table or kind first: "the latest ils_patron row", "the latest pets record". */
    private static final String NAMED_ROW = "(?:[\\w-]+\\s+){0,2}?" + ROW;
    private static final String EXTREME = "(highest|largest|greatest|biggest|latest|most\\s+recent|newest|max(?:imum)?|last"
            + "|lowest|smallest|earliest|oldest|min(?:imum)?|first)";
    private static final String PER = "(?:per|for\\s+each|for\\s+every|of\\s+each|within\\s+each|by)";
    private static final Pattern WITH_THE = Pattern.compile("(?i)^" + KEEP + "(?:one\\s+|single\\s+)?" + ROW + "\\s+with\\s+"
            + "(?:the\\s+)?" + EXTREME + "\\s+(.+?)\\s+" + PER + "\\s+(.+?)\\s*[.;]?$");
    private static final Pattern EXTREME_ROW = Pattern.compile("(?i)^" + KEEP + EXTREME + "\\s+" + NAMED_ROW + "\\s+" + PER
            + "\\s+(.+?)\\s+(?:by|based\\s+on|according\\s+to|using|ordered\\s+by|on)\\s+(.+?)\\s*[.;]?$");
    /** "Keep only the most recent row (LAST_MODIFIED) per member number": the order in brackets after the row's word. */
    private static final Pattern EXTREME_ROW_ORDERED = Pattern.compile("(?i)^" + KEEP + "(?:one\\s+|single\\s+)?" + EXTREME + "\\s+"
            + NAMED_ROW + "\\s*\\(\\s*(?:(?:by|on)\\s+(?:the\\s+)?)?([A-Za-z_][\\w.]*)\\s*\\)\\s+" + PER + "\\s+(.+?)\\s*[.;]?$");
    /** "Keep only the latest version per cleaned maker_id, latest = highest last_updated": what the extreme means, said after */
    private static final Pattern EXTREME_DEFINED = Pattern.compile("(?i)^" + KEEP + "(?:one\\s+|single\\s+)?" + EXTREME + "\\s+" + ROW
            + "\\s+" + PER + "\\s+(.+?)\\s*[,;:–—]\\s*(?:i\\.e\\.?\\s+|(?:latest|newest|most\\s+recent|last|earliest|oldest|first)\\s*"
            + "(?:=|means|meaning|being|is)\\s*)(?:the\\s+|by\\s+)?" + EXTREME + "?\\s*(.+?)\\s*[.;]?$");
    /** "last_updated, which is text in DD/MM/YYYY HH:MM (24 hour)": how the order column is written, said after it */
    private static final Pattern WHICH_IS = Pattern.compile("(?i)^(.+?)\\s*,\\s*(?:which|that)\\s+(?:is|are)\\s+(.+)$");
    /** "keep only the row with the latest last_updated": the key is the target's stated grain or key */
    private static final Pattern WITH_THE_ALONE = Pattern.compile("(?i)^" + KEEP + "(?:one\\s+|single\\s+)?" + ROW + "\\s+with\\s+"
            + "(?:the\\s+)?" + EXTREME + "\\s+([^()]+?(?:\\s*\\([^()]*\\))?)\\s*[.;]?$");
    /** "One row per PROP_CD - latest LAST_UPD wins": the key, then the row that wins. */
    private static final Pattern ONE_PER_WINS = Pattern.compile("(?i)^(?:" + KEEP + ")?(?:one|a\\s+single|1)\\s+(?:" + ROW
            + "|[a-z][\\w-]*)\\s+" + PER + "\\s+(.+?)\\s*(?:[–—:;,]|\\s-)\\s*(?:the\\s+)?" + EXTREME + "\\s+([A-Za-z_][\\w.]*?)\\s+"
            + "(?:wins|is\\s+kept|survives|prevails)\\s*(?:\\([^()]*\\))?\\s*[.;]?$");
    /** "Same for HR_DEPARTMENT on dept_code, keeping the latest last_modified": the pick said of another table, as before. */
    private static final Pattern SAME_FOR = Pattern.compile("(?i)^(?:the\\s+)?same\\s+(?:for|with|applies\\s+to|goes\\s+for)\\s+"
            + "[A-Za-z_][\\w.]*\\s+(?:on|per|by|for\\s+each)\\s+([A-Za-z_][\\w.]*)\\s*,?\\s*(?:keeping|keep|taking|take|retaining)\\s+"
            + "(?:only\\s+)?(?:the\\s+(?:row|record|one)\\s+with\\s+)?(?:the\\s+)?" + EXTREME + "\\s+([A-Za-z_][\\w.]*)\\s*[.;]?$");
    /** "keep only the latest version of each item – the row with the most recent UPD_TS" */
    private static final Pattern EXTREME_OF_EACH = Pattern.compile("(?i)^" + KEEP + "(latest|newest|most\\s+recent|current|last|earliest"
            + "|oldest|first)\\s+(?:copy|" + ROW + ")\\s+(?:of|per|for)\\s+(?:each|every|the\\s+same|a|an)\\s+([\\w\\s-]{1,40}?)\\s*"
            + "(?:[–—:;,]|\\s-)\\s*(?:i\\.e\\.?\\s+)?the\\s+(?:one|copy|" + ROW + ")\\s+with\\s+(?:the\\s+)?" + EXTREME
            + "\\s+([^()]+?(?:\\s*\\([^()]*\\))?)\\s*[.;]?$");
    /** "Keep only the latest copy by RECEIVED_AT": the extreme row by an order, the key left to the grain or the SQL beside it */
    private static final Pattern EXTREME_BY = Pattern.compile("(?i)^" + KEEP + EXTREME + "(?:\\s+(?:copy|" + ROW + "))?\\s+(?:by|on|according\\s+to"
            + "|based\\s+on|using)\\s+([^()\\s,]+?(?:\\s*\\([^()]*\\))?)\\s*[.;]?$");
    /** "keep the latest LAST_MODIFIED version only": the order column named before the row's word, the key said elsewhere. */
    private static final Pattern EXTREME_NAMED_ROW = Pattern.compile("(?i)^" + KEEP + EXTREME
            + "\\s+((?-i:[A-Z][A-Z0-9]*_[A-Z0-9_]+|[a-z][a-z0-9]*_[a-z0-9_]+))\\s+" + ROW + "s?(?:\\s+only)?\\s*[.;]?$");
    /** "Keep only the highest REVISION_NO per BILL_NO", "keep the latest LAST_UPD_TS per cleaned HBL_NO": the order column named itself. */
    private static final Pattern EXTREME_COLUMN = Pattern.compile("(?i)^" + KEEP + EXTREME + "\\s+((?-i:[A-Z][A-Z0-9]*_[A-Z0-9_]+|[a-z][a-z0-9]*_[a-z0-9_]+))"
            + "(?:\\s*\\([^()]*\\))?\\s+" + PER + "\\s+(.+?)\\s*[.;]?$");
    /** "Keep the copy that was received first (lowest RECEIVED_TS) and drop the others": when it came, then the order in brackets */
    private static final Pattern CAME_FIRST = Pattern.compile("(?i)^" + KEEP + "(?:one\\s+|single\\s+)?" + ROW + "\\s+(?:that|which)\\s+"
            + "(?:was|were|is|are|got|has\\s+been)\\s+(?:received|loaded|sent|created|updated|modified|changed|extracted|inserted"
            + "|delivered|written|recorded)\\s+(first|last|latest|earliest|most\\s+recently)\\s*\\(\\s*(?:the\\s+)?" + EXTREME
            + "\\s+([A-Za-z_][\\w.]*)\\s*\\)\\s*(?:,?\\s*and\\s+(?:drop|discard|ignore|remove|skip)\\s+(?:the\\s+|all\\s+)?"
            + "(?:others|rest|other\\s+\\w+))?\\s*[.;]?$");
    /** "<pick>, comparing ACCOUNT_ID after trim and upper case": the pick, the key's column, how it is compared. */
    private static final Pattern KEY_COMPARED = Pattern.compile("(?i)^(.+?)\\s*,\\s*(?:comparing|compared\\s+on|matching|matched\\s+on)\\s+"
            + "(?:the\\s+)?((?-i:[A-Z][A-Z0-9]*_[A-Z0-9_]+|[a-z][a-z0-9]*_[a-z0-9_]+))\\s+(?:after|once|when)\\s+([a-z ,/&-]{3,60}?)\\s*[.;]?$");
    /** "..., i.e.", "... – that is": a sentence that ends by announcing the same said again */
    private static final Pattern ANNOUNCING = Pattern.compile("(?i)\\s*[,;:–—-]?\\s*(?:i\\.?\\s*e\\.?|e\\.?\\s*g\\.?|that\\s+is|namely|in\\s+sql)\\s*[:,]?\\s*$");
    /** "keep one row per cleaned member number – the one with the most recent LAST_UPD_TS" */
    private static final Pattern ONE_PER = Pattern.compile("(?i)^" + KEEP + "(?:one|a\\s+single|a|single)\\s+(?:" + ROW + "|[a-z][\\w-]*)\\s+"
            + PER + "\\s+(.+?)\\s*(?:[–—:;,]|\\s-)\\s*(?:namely\\s+|i\\.e\\.?\\s+)?the\\s+(?:one|" + ROW + ")\\s+with\\s+(?:the\\s+)?"
            + EXTREME + "\\s+(.+?)\\s*[.;]?$");
    /** "keep only the most recently updated row per customer number (latest UPDATED_AT, text ...)": the order in brackets */
    private static final Pattern ORDER_IN_BRACKETS = Pattern.compile("(?i)^" + KEEP + "(?:one\\s+|single\\s+)?(?:most\\s+recently"
            + "\\s+(?:updated|modified|changed|loaded|received)|" + EXTREME.substring(1, EXTREME.length() - 1) + ")\\s+" + NAMED_ROW + "\\s+"
            + PER + "\\s+([^()]+?)\\s*\\(\\s*((?:by|on)\\s+(?:the\\s+)?)?" + EXTREME + "?\\s*([A-Za-z_][\\w.]*)\\s*(?:[,;][^()]*)?\\)"
            + "\\s*[.;]?$");
    /** "for each RX_NBR + FILL_NBR keep only the row with the latest LAST_UPD_TS" */
    private static final Pattern KEY_FIRST = Pattern.compile("(?i)^(?:.*?\\b)?(?:for\\s+each|for\\s+every|per|within\\s+each)\\s+([^:;]+?)"
            + "\\s*,?\\s+" + KEEP + "(?:one\\s+|single\\s+)?" + ROW + "\\s+with\\s+(?:the\\s+)?" + EXTREME + "\\s+(.+?)\\s*[.;]?$");
    /**
     * "where the same cleaned unit number appears more than once, keep only the record with the most recent rec_upd_ts
     * and discard the older ones", "when a trip_id is received more than once keep only the version with the latest ..."
     */
    private static final Pattern REPEATED_KEY = Pattern.compile("(?i)^(?:.*\\b)?(?:where|when|if)\\s+(?:the\\s+same\\s+|a\\s+|an\\s+)?"
            + "(.+?)\\s+(?:(?:appears|is\\s+received|is\\s+sent|occurs|is\\s+listed|repeats|comes(?:\\s+(?:through|in|across))?|arrives"
            + "|shows\\s+up|turns\\s+up|is\\s+repeated)\\s+(?:more\\s+than\\s+once|twice|again|several\\s+times|multiple\\s+times)"
            + "|repeats|is\\s+repeated|is\\s+duplicated)(?:\\s+(?:in|within|from)\\s+(?:the\\s+)?[\\w.]+)?\\s*,?\\s*" + KEEP + "(?:one\\s+|single\\s+)?" + ROW
            + "\\s+with\\s+(?:the\\s+)?" + EXTREME + "\\s+(.+?)(?:\\s*,?\\s+and\\s+(?:discard|drop|ignore|remove|skip)\\s+the\\s+"
            + "(?:older|others?|rest|earlier)(?:\\s+ones?|\\s+rows|\\s+versions)?)?\\s*[.;]?$");
    /** "QUALIFY ROW_NUMBER() OVER (PARTITION BY TRIM(read_id) ORDER BY read_ts DESC) = 1": the pick written in SQL. */
    private static final Pattern QUALIFY = Pattern.compile("(?i)^(?:.*?[:\\s])?(?:qualify\\s+|where\\s+)?row_number\\s*\\(\\s*\\)\\s+over\\s*\\("
            + "\\s*partition\\s+by\\s+(.+?)\\s+order\\s+by\\s+(.+?)(?:\\s+(desc|asc))?(?:\\s+nulls\\s+(?:first|last))?\\s*\\)\\s*=\\s*1"
            + "(?:\\s*\\([^()]*\\))?\\s*[.;]?$");
    /** Where the pick starts in a sentence that first says why rows repeat. */
    private static final Pattern KEEP_VERB = Pattern.compile("(?i)\\b(?:keep|retain|take|pick|choose|select|use)\\s+(?:only\\s+)?(?:the|one|a\\s+single|a)\\s+");
    /**
     * "so a meter can appear more than once", "where DISP_ID repeats": the thing whose rows repeat, said before the pick
     * that keeps one of them.
     */
    private static final Pattern REPEATED = Pattern.compile("(?i)\\b(?:an?|the\\s+same|each|one)\\s+([a-z][\\w-]*(?:\\s+(?!(?:can|may|might|could|will|does|do|sometimes|often|occasionally)\\b)[a-z][\\w-]*)?)"
            // "the same TECH_ID (after trim/upper) can appear more than once": how the thing is compared, in brackets
            + "(?:\\s*\\([^()]*\\))?\\s+"
            + "(?:(?:can|may|might|could|will|does|do|sometimes|often|occasionally)\\s+)*(?:appears?|comes?|arrives?|occurs?|repeats?"
            + "|shows?\\s+up|turns?\\s+up|be\\s+sent|is\\s+sent|be\\s+repeated|is\\s+repeated)\\s+(?:through\\s+|in\\s+)?"
            + "(?:more\\s+than\\s+once|twice|several\\s+times|multiple\\s+times|again)\\b");
    /** One or two words that name a thing, the second no verb of a pick. */
    private static final String THING_WORDS = "[a-z][\\w-]*(?:\\s+(?!(?:take|keep|use|pick|choose|select|retain|and)\\b)[a-z][\\w-]*)?";
    /** "has more than one record for an employee", "several rows for the same ACCT_NO": the thing whose rows repeat. */
    private static final Pattern SEVERAL_FOR = Pattern.compile("(?i)\\b(?:more\\s+than\\s+one|several|multiple|two\\s+or\\s+more|many)\\s+"
            + "(?:rows?|records?|versions?|copies|entries|lines)\\s+(?:for|per|of)\\s+(?:(?:an?|the\\s+same|each|one)\\s+"
            // "for the same cinema + screen": a key of several parts
            + "(" + THING_WORDS + "(?:\\s*[+&]\\s*" + THING_WORDS + "|\\s+and\\s+(?!(?:take|keep|use|pick|choose|select|retain|only|the|then)\\b)"
            + THING_WORDS + ")*)|([A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+))\\b");
    /** "CIS sends the same customer more than once": the thing sent again. */
    private static final Pattern SAME_AGAIN = Pattern.compile("(?i)\\bthe\\s+same\\s+([a-z][\\w-]*(?:\\s+[a-z][\\w-]*)?)\\s+"
            + "(?:more\\s+than\\s+once|twice|several\\s+times|multiple\\s+times|again)\\b");
    /**
     * The thing whose rows repeat, said in a reason ("a meter can appear more than once", "more than one record for an
     * employee"); null when the text says none.
     */
    /** "One row per account: ...": the thing a pick after it keeps one row of, said first ("X holds one row per ..." is no key). */
    static final Pattern ONE_ROW_PER = Pattern.compile("(?i)^\\s*one\\s+(?:row|record|line|entry|version)\\s+(?:per|for\\s+each|for\\s+every)\\s+"
            + "([a-z][\\w-]*(?:\\s+(?!(?:keep|take|use|is|are|and)\\b)[a-z][\\w-]*)?)\\s*(?=[:;,–—-]|$)");

    private static String repeatedThing(String text) {
        Matcher repeated = REPEATED.matcher(text);
        if (repeated.find()) {
            return repeated.group(1);
        }
        Matcher again = SAME_AGAIN.matcher(text);
        if (again.find()) {
            return again.group(1);
        }
        Matcher onePer = ONE_ROW_PER.matcher(text);
        if (onePer.find()) {
            return onePer.group(1);
        }
        Matcher several = SEVERAL_FOR.matcher(text);
        // "more than one record per MEMBER_NO": the column's name, without an article
        return several.find() ? several.group(1) != null ? several.group(1) : several.group(2) : null;
    }

    /** "keep the row where IS_ACTIVE = 'Y'": among repeated rows, the one a condition holds for. */
    private static final Pattern PREFERRED = Pattern.compile("(?i)^(?:keep|retain|take|pick|choose|select|use)\\s+(?:only\\s+)?the\\s+"
            + "(?:row|record|version|entry|copy|one)\\s+(?:where|with|whose|that\\s+has|having)\\s+(.*[=<>].*?)\\s*[.;]?$");

    /** The pick of a row a condition holds for, as a key (none yet), an extreme and an order; null when it is none. */
    private static String[] preferred(String pick) {
        Matcher m = PREFERRED.matcher(pick.strip());
        return m.matches() ? new String[]{"", "highest", "CASE WHEN " + m.group(1) + " THEN 1 ELSE 0 END"} : null;
    }

    /** A reason before a pick that names its order or the thing that repeats: the pick needs it, so it stays with it. */
    static boolean leadsPick(String lead) {
        return COMPARED_ON.matcher(lead).find() || repeatedThing(lead) != null;
    }

    /** "... before doing anything else": the pick said to come first, as it does (before the target's other filters). */
    private static final Pattern FIRST = Pattern.compile("(?i)\\s*,?\\s*(?:before|ahead\\s+of)\\s+(?:doing\\s+)?(?:anything|everything)"
            + "\\s+else\\s*(?=[.;]?\\s*$)");
    /**
     * "..., then apply the exclusions below", "..., and only then apply the FILL_STATUS filter - a fill whose latest
     * version is reversed drops out": the pick said to come before the filters, as it does.
     */
    private static final Pattern THEN_FILTERS = Pattern.compile("(?i)(?:\\s*,?\\s+(?:and\\s+)?(?:only\\s+)?then|\\s+and)\\s+(?:apply|run|do)\\s+"
            + "(?:the\\s+)?(?:[\\w-]+\\s+){0,3}?(?:exclusions?|filters?|conditions?|rules?)(?:\\s+(?:below|above|that\\s+follow))?"
            // "... then apply the cancellation filter to that latest revision": the row the pick kept
            + "(?:\\s+(?:to|on)\\s+(?:that|the|this)\\s+(?:[\\w-]+\\s+){0,2}?(?:revision|version|row|record|one)s?)?"
            + "(?:\\s*[-–—]\\s+[^.;]*)?(?=[.;]?\\s*$)");
    /** "CARD_TXN - highest BATCH_SEQ per TXN_ID", "ACCT_MASTER: latest EXTRACT_DT per trimmed ACCT_NO": a table's pick, named first. */
    private static final Pattern TABLE_EXTREME = Pattern.compile("(?i)^(?:[\\w -]{1,40}:\\s*(?=[A-Za-z_][\\w.]*\\s*(?:[-–—]|\\s-)))?"
            + "[A-Za-z_][\\w.]*\\s*(?:[-–—:]|\\s-)\\s*(?:the\\s+)?"
            + EXTREME + "\\s+([A-Za-z_][\\w.]*)\\s+(?:per|for\\s+each|for\\s+every)\\s+(.+?)(?:\\s+(?:wins|is\\s+kept|survives|prevails))?\\s*[.;]?$");


    /** "... CHECKIN_TIME and use that row for every column": what the kept row is for, said after the order. */
    private static final Pattern ROW_USED = Pattern.compile("(?i)\\s*,?\\s+and\\s+(?:use|take)\\s+(?:that|this|the|it|its|their)\\s*"
            + "(?:row|record|version|one|values?)?\\b.*$");
    /** "LAST_UPD_DT (compare as a real date, not as text)": the order compares dates, written as another row says. */
    private static final Pattern DATED = Pattern.compile("(?i)\\(\\s*(?:compared?\\s+|sorted?\\s+|ordered\\s+|read\\s+)?as\\s+(?:an?\\s+)?"
            + "(?:real\\s+|actual\\s+|true\\s+|proper\\s+)?(?:dates?|timestamps?|date-?times?)\\b[^()]*\\)|\\bchronologically\\b");
    /** "FEED_SEQ (numeric)": the order compares numbers, whatever the column holds. */
    private static final Pattern NUMERIC = Pattern.compile("(?i)\\(\\s*numeric(?:al|ally)?\\b[^()]*\\)|\\bas\\s+a\\s+number\\b");
    /** "A row with no LAST_UPD_TS loses to any row that has one": what the order does with a missing value (last). */
    private static final Pattern MISSING_LOSES = Pattern.compile("(?i).*\\b(?:no|without|missing|blank|null|empty)\\b.*"
            + "\\b(?:loses?|never\\s+wins?|comes?\\s+last|sorts?\\s+last|ranks?\\s+last|goes\\s+last)\\b.*");
    private static final Pattern WHY = Pattern.compile("(?i).*\\b(?:twice|duplicates?|duplicated|more\\s+than\\s+once"
            + "|(?:several|multiple|many)\\s+(?:versions|copies|rows|records)|more\\s+than\\s+one\\s+(?:version|copy|row|record)"
            + "|re-?sends?|re-?sent|sent\\s+again|re-?extracted|re-?delivered|re-?issued|re-?registrations?|re-?submissions?"
            + "|re-?transmissions?|(?:history|historical|historic)\\s+(?:rows|records|versions|copies)|repeats|(?:can|may|might)\\s+repeat"
            // "Older versions are dropped and none of their values are used": the other rows, said after the pick
            + "|(?:older|other|earlier|previous)\\s+(?:versions|copies|rows|records)\\s+(?:are|get)\\s+(?:dropped|discarded|ignored|removed|skipped)"
            // "each time it changes", "every time a ticket is touched", "whenever the record is edited"
            + "|(?:each|every)\\s+time\\s+(?:it|they|an?\\s+\\w+|the\\s+\\w+)\\s+(?:is\\s+|are\\s+)?(?:changes|changed|touched|edited"
            + "|updated|modified|amended|corrected)|writes\\s+a\\s+new\\s+(?:row|record|version)"
            // "All other columns come from the kept record": the pick's consequence
            // "every other attribute comes from that row"
            // "all customer attributes come from that row"
            + "|(?:all|every|each)\\s+(?:the\\s+)?(?:other\\s+)?(?:[\\w.]+\\s+)?(?:columns?|fields?|attributes?|values?)(?:\\s+(?:of|in)\\s+(?:this\\s+|the\\s+|that\\s+)?[\\w.]+)?"
            + "\\s+(?:comes?|are\\s+taken|is\\s+taken|are\\s+read|is\\s+read)\\s+from\\s+(?:(?:the|that|this)\\s+"
            + "(?:(?:kept|surviving|latest|chosen|selected|same|current)\\s+){1,2}(?:row|record|version)?|(?:that|this|the\\s+same)\\s+(?:row|record|version)))\\b.*");
    /**
     * "keep only the latest version of each profile (see Cover)": a pick that names no order, said beside the pick that
     * does; it goes with that pick when their directions agree.
     */
    private static final Pattern ORDERLESS = Pattern.compile("(?i)^" + KEEP + "(latest|newest|most\\s+recent|current|last|earliest"
            + "|oldest|first)\\s+(?:version|row|record|copy|entry)\\s+(?:of|per|for)\\s+(?:each|every|the\\s+same|a)\\s+[\\w\\s-]{1,40}?"
            + "(?:\\s*\\([^()=<>]*\\))?\\s*[.;]?$");
    /**
     * "if the latest version of a read is rejected the read is dropped": a sentence of its own saying the pick comes before
     * the filter, which asks for nothing more.
     */
    private static final Pattern PICK_FIRST = Pattern.compile("(?i)^\\s*(?:if|when|where)\\s+the\\s+(?:latest|newest|last|current)\\s+"
            + "(?:version|copy|row|record)\\b[^;,'\"=<>()]*?\\b(?:is|are)\\s+(?:dropped|not\\s+loaded|excluded)\\s*(?:at\\s+all)?\\s*[.]?\\s*$");
    /** "and drop the rest", "and discard the older ones": the other rows, said after the pick. */
    private static final Pattern REST_DROPPED = Pattern.compile("(?i)\\s*,?\\s+and\\s+(?:drop|discard|ignore|remove|skip|delete)\\s+(?:all\\s+)?(?:the\\s+)?"
            + "(?:rest|others?|older\\s+(?:ones?|versions?|rows?|copies)|remaining\\s+\\w+|other\\s+\\w+)\\s*[.]?\\s*$");
    /** Sentences: after a full stop or a semicolon, never inside a bracket ("(highest UPD_TS; text, YYYY-MM-DD)"). */
    /** "... versions of the same guest": the thing a pick keeps one row of, said before it. */
    static final Pattern SAME_THING = Pattern.compile("(?i)\\b(?:versions|copies|rows|records|entries|lines)\\s+(?:of|for)\\s+"
            + "(?:the\\s+)?same\\s+([a-z][a-z_]*)\\b");
    /** "Match versions on the cleaned guest number": the key the versions share, said again beside the pick. */
    private static final Pattern MATCH_ON = Pattern.compile("(?i)^(?:match|compare|identify|group)\\s+(?:the\\s+)?(?:versions|copies"
            + "|rows|records|duplicates|repeats)\\s+(?:on|by)\\s+(.+?)\\s*[.;]?$");
    /** "last_updated is text YYYY-MM-DD HH:MM:SS": how the order column is written. */
    private static final Pattern ORDER_TEXT = Pattern.compile("(?i)^([A-Za-z_][\\w]*)\\s+is\\s+(?:held\\s+as\\s+|stored\\s+as\\s+|sent\\s+as\\s+)?"
            + "(?:a\\s+)?text(?:\\s+in)?(?:\\s+format)?\\s*[:,]?\\s*(.+?)\\s*[.;]?$");
    private static final Pattern SENTENCES = Pattern.compile("(?<=[.;])(?<!\\b[ie]\\.[eg]\\.)\\s+(?=\\S)(?![^()]*\\))");
    private static final Pattern REMARK = Pattern.compile("\\s*\\(([^()=<>]*)\\)\\s*");
    /** Words of a key that say it is compared cleaned ("(after trim + upper)", "cleaned", "(trimmed, any case)"). */
    private static final Pattern CLEANING = Pattern.compile("(?i)\\b(?:trim\\w*|upper\\w*|lower\\w*|clean\\w*|any\\s+case"
            + "|case-?insensitive\\w*|ignor\\w+\\s+case)\\b");

    /**
     * A pick read from a filter cell: the key and order as written, the order's direction, and what else the cell says
     * (its other sentences, "" when none).
     */
    record Read(String key, String order, boolean descending, String rest, boolean numericOrder, String orderPattern, boolean sql,
                boolean datedOrder, String tieOrder, boolean tieDescending) {
        Read(String key, String order, boolean descending, String rest, boolean numericOrder, String orderPattern, boolean sql,
             boolean datedOrder) {
            this(key, order, descending, rest, numericOrder, orderPattern, sql, datedOrder, null, false);
        }

        Read(String key, String order, boolean descending, String rest, boolean numericOrder, String orderPattern, boolean sql) {
            this(key, order, descending, rest, numericOrder, orderPattern, sql, false);
        }

        /** The pick with what decides between rows of the same order, said in a sentence of its rest. */
        Read withTie(String order, boolean descending, String rest) {
            return new Read(key, this.order, this.descending, rest, numericOrder, orderPattern, sql, datedOrder, order, descending);
        }

        Read(String key, String order, boolean descending, String rest, boolean numericOrder, String orderPattern) {
            this(key, order, descending, rest, numericOrder, orderPattern, false);
        }

        Read(String key, String order, boolean descending, String rest, boolean numericOrder) {
            this(key, order, descending, rest, numericOrder, null);
        }
    }

    /** A date pattern in the order's remark ("(text, DD/MM/YYYY HH24:MI:SS - must be parsed ...)"). */
    private static final Pattern ORDER_PATTERN = Pattern.compile("(?i)\\b(?:dd|mm|yyyy|yy)[-/.](?:dd|mm|mon|yyyy)[-/.](?:dd|mm|yyyy|yy)"
            + "(?:[ T]hh(?:24)?(?::(?:mi|mm))?(?::ss)?)?|\\byyyymmdd(?:hh(?:24)?(?:mi|mm)(?:ss)?)?\\b");

    /** The strftime of a date pattern the order's remark gives, or null. */
    private static String orderPattern(String order) {
        Matcher remark = REMARK.matcher(order);
        while (remark.find()) {
            Matcher m = ORDER_PATTERN.matcher(remark.group(1));
            if (m.find()) {
                // year, month, day in that order (ISO) sort as text already: only another order needs the parse
                String strftime = io.aide.compiler.plan.DatePatterns.fromExcel(m.group());
                return strftime == null || strftime.matches("%Y[-/.]?%m[-/.]?%d.*") ? null : strftime;
            }
        }
        return null;
    }

    private Picks() {
    }

    /** "Only the current version (latest LAST_UPD_TS) goes to DIM_CARD_ACCOUNT": the version kept, its order in brackets. */
    private static final Pattern ONLY_EXTREME = Pattern.compile("(?i)^only\\s+(?:the\\s+)?(current|latest|newest|most\\s+recent|last"
            + "|earliest|oldest|first)\\s+(?:version|row|record|copy|entry)\\s*\\(\\s*(?:(?:by|on)\\s+)?(?:the\\s+)?" + EXTREME
            + "?\\s*([A-Za-z_][\\w.]*)\\s*\\)\\s*(?:(?:goes|go|is|are|gets|get|will\\s+be|must\\s+be)\\b.*)?[.;]?$");

    /**
     * "A lease whose older copy is a draft but whose latest copy is active is kept": which rows the pick then the filter
     * leave, said of the copies, in a sentence that itself chooses no rows ("drop the surviving row if ... – a fill whose
     * latest version is a reversal is not loaded" does).
     */
    private static final Pattern COPIES_SAID = Pattern.compile("(?i).*\\b(?:older|earlier|previous|latest|newest|current|last)\\s+"
            + "(?:copy|copies|version|versions)\\b[^.;]*\\b(?:is|are)\\s+(?:not\\s+)?(?:kept|loaded|dropped)\\b.*");

    /** The sentence only says why rows repeat or what keeping one of them means ("All other columns come from the kept record"). */
    static boolean explains(String sentence) {
        return WHY.matcher(sentence.trim()).matches() || COPIES_SAID.matcher(sentence.trim()).matches() && !INSTRUCTS.matcher(sentence).find() || MISSING_LOSES.matcher(sentence.trim()).matches()
                || ORDER_TEXT.matcher(sentence.trim()).matches() && ORDER_PATTERN.matcher(sentence).find()
                || MATCH_ON.matcher(sentence.trim()).matches()
                || PICK_FIRST.matcher(sentence.trim()).matches()
                || OTHERS_DROPPED.matcher(sentence.trim()).matches()
                || COLUMNS_FROM_KEPT.matcher(sentence.trim()).matches();
    }

    /** "every other column of dim_patient comes from that record": what a pick means for the columns. */
    private static final Pattern COLUMNS_FROM_KEPT = Pattern.compile("(?i)^(?:and\\s+)?(?:every|all|each)\\s+(?:other\\s+)?"
            + "(?:columns?|fields?|attributes?|values?)\\b[^.;]*?\\b(?:comes?|are\\s+taken|is\\s+taken|taken|is\\s+read|are\\s+read)"
            + "\\s+from\\s+(?:that|this|the\\s+(?:kept|chosen|latest|winning|selected|same))\\s+(?:record|row|version)(?:\\s+alone)?\\s*[.;]?$");

    /** "Ignore the older copies.", "Drop the other versions": the rows a pick leaves, said to be left. */
    private static final Pattern OTHERS_DROPPED = Pattern.compile("(?i)^(?:and\\s+|then\\s+)?(?:ignore|drop|discard|remove|exclude"
            + "|skip)\\s+(?:the\\s+|all\\s+|any\\s+)?(?:older|other|earlier|previous|remaining|superseded|non-latest|outdated)"
            + "\\s+(?:copies|copy|versions?|rows?|records?|duplicates?|ones|entries)\\s*[.;]?$");

    /** Verbs that choose rows, as an instruction says them: a sentence holding one is never only an explanation. */
    private static final String CHOOSING = "drop|exclude|remove|skip|filter|discard|reject|keep\\s+only|load\\s+only|only\\s+load";
    private static final Pattern INSTRUCTS = Pattern.compile("(?i)\\b(?:" + CHOOSING + ")\\b");
    /** The same, and the rows said to be left out ("... are not loaded"), which an explanation of a pick may also say. */
    private static final Pattern CHOOSES = Pattern.compile("(?i)\\b(?:" + CHOOSING + "|ignore|omit"
            + "|(?:is|are)\\s+(?:not\\s+loaded|excluded|dropped|removed|filtered\\s+out|skipped|rejected|discarded))\\b");

    /** The sentence holds a verb that chooses rows, or ("... are not loaded") says rows are left out. */
    private static boolean choosesRows(String sentence) {
        return CHOOSES.matcher(sentence).find();
    }

    /** What is left of a cell once its picks are read, without the sentences that only explain them. */
    static String withoutExplanations(String rest) {
        List<String> kept = FilterSentences.sentences(rest).stream().filter(x -> !explains(x) || choosesRows(x)).toList();
        return kept.size() == FilterSentences.sentences(rest).size() ? rest : String.join(" ", kept);
    }

    /**
     * "Re-issued bills come through again with a higher BILL_VERSION": the order of the copies, said as a comparative in
     * the reason for a pick that names none ("keep only the highest version of each bill").
     */
    private static final Pattern COMPARED_ON = Pattern.compile("(?i)\\b(?:with|carrying|having|under|at|and)\\s+(?:a|an)\\s+(higher|later|newer"
            + "|greater|larger|bigger|more\\s+recent|lower|earlier|smaller|older)\\s+([A-Za-z_][\\w.]*)\\b");
    /** "keep only the highest version of each bill": a pick that names its extreme and its key, no order. */
    private static final Pattern EXTREME_OF = Pattern.compile("(?i)^" + KEEP + EXTREME + "\\s+(?:version|row|record|copy|entry|one)"
            + "\\s+(?:of|per|for)\\s+(?:each|every|the\\s+same|a|an)\\s+([\\w\\s-]{1,40}?)\\s*[.;]?$");

    /** The pick after its reason, its order the comparative the reason names; null when they do not agree. */
    private static String[] orderInReason(String reason, String pick) {
        Matcher of = EXTREME_OF.matcher(pick.trim());
        Matcher on = COMPARED_ON.matcher(reason);
        if (!of.matches() || !on.find()) {
            return null;
        }
        boolean up = on.group(1).toLowerCase(Locale.ROOT).matches("higher|later|newer|greater|larger|bigger|more\\s+recent");
        return up == descending(of.group(1)) ? new String[]{of.group(2), of.group(1), on.group(2)} : null;
    }

    /** The cell's pick, or null when no sentence of it keeps one row per key in an order. */
    /** "If two have the same time keep the higher RESULT_ID": what decides between rows the order does not. */
    private static final Pattern TIE = Pattern.compile("(?i)^(?:if|when|where)\\s+(?:two|both|several|more\\s+than\\s+one)"
            + "(?:\\s+(?:rows|records|results|entries|lines|versions))?\\s+(?:have|share|carry|are\\s+at)\\s+the\\s+same\\s+"
            + "[a-z][\\w\\s]{0,30}?\\s*,?\\s*(?:then\\s+)?(?:keep|take|use|pick|choose)\\s+(?:the\\s+(?:one|row|record)\\s+with\\s+)?"
            + "(?:the\\s+)?(higher|highest|larger|largest|greater|greatest|bigger|lower|lowest|smaller|smallest|later|latest|earlier"
            + "|earliest)\\s+([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)?)\\s*[.;]?$");

    /** The cell's first pick, with a tie-break said after it. */
    static Read read(String cell) {
        Read first = readFirst(cell);
        if (first == null) {
            return null;
        }
        String[] tie = null;
        for (String sentence : SENTENCES.split(cell.trim())) {
            Matcher m = TIE.matcher(sentence.trim());
            if (m.matches()) {
                tie = new String[]{m.group(2), m.group(1)};
                break;
            }
        }
        if (tie == null) {
            return first;
        }
        List<String> rest = new ArrayList<>();
        for (String sentence : SENTENCES.split(first.rest() == null ? "" : first.rest().trim())) {
            if (!sentence.isBlank() && !TIE.matcher(sentence.trim()).matches()) {
                rest.add(sentence.trim());
            }
        }
        boolean higher = tie[1].toLowerCase(Locale.ROOT).matches("high\\w*|larg\\w*|great\\w*|big\\w*|later|latest");
        return first.withTie(tie[0], higher, String.join(" ", rest));
    }

    private static Read readFirst(String cell) {
        List<String> sentences = java.util.Arrays.stream(SENTENCES.split(cell.trim()))
                .map(x -> THEN_FILTERS.matcher(FIRST.matcher(x).replaceFirst("")).replaceFirst("")).toList();
        for (int i = 0; i < sentences.size(); i++) {
            String[] sql = forms(sentences.get(i).trim());
            if (sql != null && sql.length > 3 && !cleanedInProse(sentences, i, sql)) {
                // the pick written in SQL names its key and order exactly: it is the reading, the prose says it again
                Read read = readAt(sentences, i, sql);
                if (read != null) {
                    return read;
                }
            }
        }
        for (int i = 0; i < sentences.size(); i++) {
            // "Step 1 (dedupe): ...", "1) ...": a label or a step's number before the sentence (unless the sentence reads
            // whole: "Keep one row per Student ID (after trim): the one with ..." is no label and its pick)
            String sentence = sentences.get(i).trim();
            String[] found = forms(sentence);
            if (found == null) {
                sentence = FilterSentences.withoutStep(sentence);
                found = forms(sentence);
            }
            Matcher keep = KEEP_VERB.matcher(sentence);
            if (found == null && keep.find() && keep.start() > 0) {
                // "LIS re-sends a result each time it is corrected, so RESULT_ID can repeat: keep only the row with ...":
                // what explains the pick, then the pick
                found = forms(sentence.substring(keep.start()));
                if (found == null) {
                    found = orderInReason(sentence.substring(0, keep.start()), sentence.substring(keep.start()));
                }
                if (found == null && repeatedThing(sentence.substring(0, keep.start())) != null) {
                    // "If a code appears more than once keep the row where IS_ACTIVE = 'Y'": the row the condition holds
                    // for comes first
                    found = preferred(sentence.substring(keep.start()));
                }
                String repeated = found != null && found[0].isBlank() ? repeatedThing(sentence.substring(0, keep.start())) : null;
                if (repeated != null) {
                    // "CIS_METER keeps history, so a meter can appear more than once - take the row with the latest
                    // LAST_UPD_TS": per meter
                    found = new String[]{repeated, found[1], found[2]};
                }
                Matcher same = found != null && found[0].isBlank() ? SAME_THING.matcher(sentence.substring(0, keep.start())) : null;
                if (same != null && same.find()) {
                    // "... several versions of the same guest – keep only the version with the most recent X": per guest,
                    // or per the key a sentence beside it names ("Match versions on the cleaned guest number")
                    String key = same.group(1);
                    for (String other : sentences) {
                        Matcher on = MATCH_ON.matcher(other.trim());
                        key = on.matches() ? on.group(1) : key;
                    }
                    found = new String[]{key, found[1], found[2]};
                }
            }
            if (found == null) {
                continue;
            }
            if (found[0].isBlank() && found.length == 3) {
                // "CARD_ACCT ... can hold several rows for the same ACCT_NO. Only the current version (...) goes to ...":
                // per the thing another sentence of the cell says repeats
                for (String other : sentences) {
                    Matcher same = SAME_THING.matcher(other);
                    String key = same.find() ? same.group(1) : repeatedThing(other);
                    if (key != null) {
                        found = new String[]{key, found[1], found[2]};
                        break;
                    }
                }
            }
            return readAt(sentences, i, found);
        }
        return null;
    }

    /**
     * "Keep one row per supporter_ref (after trim + upper): ... i.e. ROW_NUMBER() OVER (PARTITION BY supporter_ref ...)":
     * the prose beside the SQL says its key is compared cleaned, which the bare column in the SQL leaves unsaid; the
     * prose is the reading then.
     */
    private static boolean cleanedInProse(List<String> sentences, int sqlAt, String[] sql) {
        for (int j = 0; j < sentences.size(); j++) {
            String[] prose = j == sqlAt ? null : forms(sentences.get(j).trim());
            if (prose != null && prose.length == 3 && CLEANING.matcher(prose[0]).find() && sameName(prose[0], sql[0])
                    && sameName(prose[2], sql[2])) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Keep only the latest copy by RECEIVED_AT, i.e. ROW_NUMBER() OVER (PARTITION BY EVENT_ID ORDER BY RECEIVED_AT DESC)
     * = 1": a sentence that keeps the same row as the pick found, by the same order in the same direction, for the same
     * key or none said.
     */
    private static boolean restates(String sentence, String[] found) {
        String said = ANNOUNCING.matcher(sentence.trim().replaceAll("[.;]+$", "")).replaceFirst("");
        String[] other = forms(said);
        Matcher keep = KEEP_VERB.matcher(said);
        if (other == null && keep.find() && keep.start() > 0) {
            // "The export writes a new row ..., so keep only the latest version of each item – ...": after what explains it
            other = forms(said.substring(keep.start()));
        }
        // the key may be named loosely in words ("each item") where the SQL names its column
        return other != null && descending(other[1]) == descending(found[1]) && sameName(other[2], found[2])
                && (other[0].isBlank() || sameName(other[0], found[0]) || found.length > 3 && !other[0].contains("_"));
    }

    private static boolean sameName(String a, String b) {
        return REMARK.matcher(a).replaceAll(" ").trim().equalsIgnoreCase(REMARK.matcher(b).replaceAll(" ").trim());
    }

    /** The pick of sentence i read as found, with the cell's other sentences that say more (those that explain it left out). */
    private static Read readAt(List<String> sentences, int i, String[] found) {
        List<String> rest = new ArrayList<>();
        for (int j = 0; j < sentences.size(); j++) {
            Matcher orderless = ORDERLESS.matcher(sentences.get(j).trim());
            boolean sameChoice = orderless.matches() && descending(orderless.group(1).replace("current", "latest"))
                    == descending(found[1]);
            if (j != i && !sameChoice && !explains(sentences.get(j)) && !restates(sentences.get(j), found)) {
                rest.add(sentences.get(j).trim());
            }
        }
        String order = found[2];
        Matcher which = WHICH_IS.matcher(order);
        if (found.length == 3 && which.matches()) {
            order = which.group(1) + " (" + which.group(2).replaceAll("\\([^()]*\\)", " ").trim() + ")";
        }
        if (found.length > 3) {
            // written in SQL: its brackets are calls ("TRIM(read_id)"), no remarks; "last_updated is text YYYY-MM-DD
            // HH:MM:SS" said of its order column, the text compared as the time it says
            String pattern = null;
            for (int j = 0; j < sentences.size(); j++) {
                Matcher said = ORDER_TEXT.matcher(sentences.get(j).trim());
                if (j != i && said.matches() && said.group(1).equalsIgnoreCase(order.trim())) {
                    if (!ORDER_PATTERN.matcher(said.group(2)).find()) {
                        return null;
                    }
                    pattern = orderPattern("(" + said.group(2) + ")");
                    rest.remove(sentences.get(j).trim());
                }
            }
            return new Read(found[0].trim(), order.trim(), descending(found[1]), String.join(" ", rest), false, pattern, true);
        }
        // "... per permit number and drop the rest": what becomes of the other rows, said after the key
        String key = REST_DROPPED.matcher(found[0]).replaceFirst("");
        PickKeyWords.Key read = PickKeyWords.read(key);
        order = ROW_USED.matcher(order).replaceFirst("");
        return new Read(read.cleaned() ? read.text() : REMARK.matcher(read.text()).replaceAll(" ").trim().replaceFirst("\\s*[–—-]+$", ""),
                REMARK.matcher(REST_DROPPED.matcher(order).replaceFirst("")).replaceAll(" ").trim(),
                descending(found[1]), String.join(" ", rest), NUMERIC.matcher(order).find(), orderPattern(order), false,
                DATED.matcher(order).find());
    }

    /** {key, extreme, order} of a sentence that keeps one row per key in one of the forms; null otherwise. */
    private static String[] forms(String sentence) {
        Matcher compared = KEY_COMPARED.matcher(sentence);
        if (compared.matches()) {
            // "... of each account (highest LAST_MODIFIED_TS), comparing ACCOUNT_ID after trim and upper case": the key said
            // again by its column, and how it is compared
            String[] read = forms(compared.group(1));
            if (read != null && read.length == 3 && !read[0].isBlank()) {
                String how = compared.group(3);
                String cleaned = (how.matches("(?is).*\\btrim\\w*.*") ? "trimmed " : "")
                        + (how.matches("(?is).*\\b(?:upper\\w*|any\\s+case|case[- ]insensitive\\w*|ignor\\w*\\s+case)\\b.*") ? "upper-cased " : "");
                return new String[]{cleaned + compared.group(2), read[1], read[2]};
            }
        }
        String[] once = LoadedOnce.form(sentence);
        if (once != null) {
            return once;
        }
        Matcher qualify = QUALIFY.matcher(sentence);
        if (qualify.matches()) {
            return new String[]{qualify.group(1), "desc".equalsIgnoreCase(qualify.group(3)) ? "highest" : "lowest", qualify.group(2),
                    "sql"};
        }
        Matcher repeated = REPEATED_KEY.matcher(sentence);
        if (repeated.matches()) {
            return new String[]{repeated.group(1), repeated.group(2), repeated.group(3)};
        }
        Matcher onePer = ONE_PER.matcher(sentence);
        if (onePer.matches()) {
            return new String[]{onePer.group(1), onePer.group(2), onePer.group(3)};
        }
        Matcher keyFirst = KEY_FIRST.matcher(sentence);
        if (keyFirst.matches()) {
            return new String[]{keyFirst.group(1), keyFirst.group(2), keyFirst.group(3)};
        }
        Matcher with = WITH_THE.matcher(sentence);
        if (with.matches()) {
            return new String[]{with.group(3), with.group(1), with.group(2)};
        }
        Matcher defined = EXTREME_DEFINED.matcher(sentence);
        if (defined.matches()) {
            return new String[]{defined.group(2), defined.group(3) != null ? defined.group(3) : defined.group(1), defined.group(4)};
        }
        Matcher wins = ONE_PER_WINS.matcher(sentence);
        if (wins.matches()) {
            return new String[]{wins.group(1), wins.group(2), wins.group(3)};
        }
        Matcher sameFor = SAME_FOR.matcher(sentence);
        if (sameFor.matches()) {
            return new String[]{sameFor.group(1), sameFor.group(2), sameFor.group(3)};
        }
        Matcher alone = WITH_THE_ALONE.matcher(sentence);
        if (alone.matches()) {
            return new String[]{"", alone.group(1), alone.group(2)};
        }
        Matcher ofEach = EXTREME_OF_EACH.matcher(sentence);
        if (ofEach.matches()) {
            return new String[]{ofEach.group(2), ofEach.group(3), ofEach.group(4)};
        }
        Matcher came = CAME_FIRST.matcher(sentence);
        if (came.matches() && descending(came.group(2)) == came.group(1).toLowerCase(Locale.ROOT).matches("last|latest|most\\s+recently")) {
            // the word for when it came and the bracket's agree on the direction
            return new String[]{"", came.group(2), came.group(3)};
        }
        Matcher by = EXTREME_BY.matcher(sentence);
        if (by.matches()) {
            return new String[]{"", by.group(1), by.group(2)};
        }
        Matcher named = EXTREME_NAMED_ROW.matcher(sentence);
        if (named.matches()) {
            return new String[]{"", named.group(1), named.group(2)};
        }
        Matcher only = ONLY_EXTREME.matcher(sentence);
        if (only.matches() && (only.group(2) == null || descending(only.group(2)) == descending(only.group(1).replace("current", "latest")))) {
            // "Only the current version (latest LAST_UPD_TS) goes to DIM_CARD_ACCOUNT": per the key the cell says repeats
            return new String[]{"", only.group(1).replace("current", "latest"), only.group(3)};
        }
        Matcher bracketed = ORDER_IN_BRACKETS.matcher(sentence);
        if (bracketed.matches() && (bracketed.group(2) != null || bracketed.group(3) != null)
                && (bracketed.group(3) == null || descending(bracketed.group(3)) == leadsDescending(sentence))) {
            // the row's word and the bracket's agree on the direction ("most recently updated ... (latest UPDATED_AT)")
            return new String[]{bracketed.group(1), leadsDescending(sentence) ? "latest" : "earliest", bracketed.group(4)};
        }
        Matcher table = TABLE_EXTREME.matcher(sentence);
        if (table.matches()) {
            return new String[]{table.group(3), table.group(1), table.group(2)};
        }
        Matcher row = EXTREME_ROW.matcher(sentence);
        if (row.matches()) {
            return new String[]{row.group(2), row.group(1), row.group(3)};
        }
        Matcher ordered = EXTREME_ROW_ORDERED.matcher(sentence);
        if (ordered.matches()) {
            return new String[]{ordered.group(3), ordered.group(1), ordered.group(2)};
        }
        Matcher column = EXTREME_COLUMN.matcher(sentence);
        if (column.matches()) {
            return new String[]{column.group(3), column.group(1), column.group(2)};
        }
        return null;
    }

    /** The extreme before the row's word asks for the highest ("most recently updated", "latest"). */
    private static boolean leadsDescending(String sentence) {
        Matcher m = Pattern.compile("(?i)^" + KEEP + "(?:one\\s+|single\\s+)?(most\\s+recently|" + EXTREME.substring(1,
                EXTREME.length() - 1) + ")").matcher(sentence);
        return m.lookingAt() && (m.group(1).toLowerCase(Locale.ROOT).startsWith("most recently") || descending(m.group(1)));
    }

    private static boolean descending(String extreme) {
        String e = extreme.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return List.of("highest", "largest", "greatest", "biggest", "latest", "most recent", "newest", "max", "maximum", "last")
                .contains(e);
    }
}
