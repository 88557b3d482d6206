package io.aide.compiler;

import io.aide.events.spec.MappingRow;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Remarks that point to a general rule for the rows a target holds ("Bills starting with 'TEST' are excluded (see General
 * Rules #3)", "turnstile re-scans collapsed first (General Rules 7)"), checked against what the target's view does: a
 * pointer whose rule the target does not read is said, never dropped.
 */
final class RulePointers {

    /** A remark whose pointer is not borne out: the row, the remark and why. */
    record Unborne(MappingRow row, String remark, String why) {
    }

    private RulePointers() {
    }

    /** A general rule pointed to in brackets: "(General Rule 3)", "(see rules 3 and 4)", "(G5)". */
    static final String RULE_REF = "\\((?:see\\s+|per\\s+|as\\s+per\\s+)?(?:the\\s+)?(?:general\\s+|load\\s+|business\\s+)?"
            + "(?:rules?|notes?)\\s*#?\\s*[A-Z]?\\d+(?:\\s*(?:,|and|&)\\s*#?\\s*[A-Z]?\\d+)*\\s*\\)";
    private static final Pattern RULE_POINTER = Pattern.compile("(?i)" + RULE_REF + "|\\(\\s*#\\s*\\d+\\s*\\)"
            // "duplicates removed as per General Rule 5": a pointer without its bracket
            + "|\\b(?:as\\s+per|per|see|according\\s+to|in\\s+line\\s+with)\\s+(?:the\\s+)?(?:general\\s+|load\\s+|business\\s+)?"
            + "(?:rules?|notes?)\\s*#?\\s*[A-Z]?\\d+(?:\\s*(?:,|and|&)\\s*#?\\s*[A-Z]?\\d+)*\\b");

    /**
     * The first sentence of a remark that leaves rows out and points to the general rule that says how ("Bills starting
     * with 'TEST' are excluded (see General Rules #3)"); null when there is none.
     */
    static String pointedChoice(String remark) {
        if (remark == null || remark.isBlank()) {
            return null;
        }
        for (String sentence : NoteFilters.SENTENCES.split(remark.trim())) {
            String plain = withoutRulePointer(sentence);
            if (pointsToRule(sentence) && (ChoiceWords.read(plain) != null || io.aide.compiler.lang.RuleLanguage.leavesRowsOut(plain))) {
                return sentence.strip();
            }
        }
        return null;
    }

    /** Words that say repeated rows become one: "re-scans collapsed", "de-duplicated", "duplicates removed". */
    private static final Pattern COLLAPSED = Pattern.compile("(?i)\\b(?:collapsed|de-?duplicated|deduped|de-?duped"
            + "|de-?duplication"
            + "|duplicates?\\s+(?:are\\s+|is\\s+)?(?:removed|dropped|collapsed|resolved)|one\\s+row\\s+per"
            // "See General Rules #4 for duplicates": where how the repeated rows become one is said
            + "|^for\\s+(?:the\\s+)?(?:duplicates?|de-?dup\\w*|repeated\\s+rows))\\b");

    /** The sentence points to a general rule for how repeated rows become one ("duplicates removed as per General Rule 5"). */
    static boolean pointsToCollapse(String sentence) {
        return pointsToRule(sentence) && COLLAPSED.matcher(withoutRulePointer(sentence)).find();
    }

    /**
     * The first sentence of a remark that points to a general rule for how repeated rows become one ("turnstile re-scans
     * collapsed first (General Rules 7)", "duplicates removed as per General Rule 5"); null when there is none.
     */
    static String pointedCollapse(String remark) {
        if (remark == null || remark.isBlank()) {
            return null;
        }
        for (String sentence : NoteFilters.SENTENCES.split(remark.trim())) {
            if (pointsToCollapse(sentence)) {
                return sentence.strip();
            }
        }
        return null;
    }

    /** The sentence without its pointers to general rules ("tickets of test growers (rule 3)" -> "tickets of test growers"). */
    static String withoutRulePointer(String sentence) {
        return RULE_POINTER.matcher(sentence).replaceAll(" ").replaceAll("\\s+", " ").replaceAll("\\s+([.;,])", "$1").strip();
    }

    /** The sentence points to a general rule ("(General Rules #5)", "(#4)"), where the choice it names is read. */
    static boolean pointsToRule(String sentence) {
        return RULE_POINTER.matcher(sentence).find();
    }

    /**
     * The first remark not borne out, or null.
     *
     * @param filtered whether the target's view leaves rows out
     * @param picked   whether it keeps one of several rows anywhere
     */
    static Unborne check(List<MappingRow> rows, boolean filtered, boolean picked) {
        for (MappingRow r : filtered ? List.<MappingRow>of() : rows) {
            String pointed = pointedChoice(r.description());
            if (pointed != null) {
                return new Unborne(r, pointed, "it points to a general rule for the rows it leaves out, but no rule leaves rows of this "
                        + "target out");
            }
        }
        for (MappingRow r : picked ? List.<MappingRow>of() : rows) {
            String pointed = pointedCollapse(r.description());
            pointed = pointed != null ? pointed : pointedCollapse(r.filter());
            if (pointed != null) {
                return new Unborne(r, pointed, "it points to a general rule that keeps one of several rows, but no rule the target "
                        + "reads says which");
            }
        }
        return null;
    }
}
