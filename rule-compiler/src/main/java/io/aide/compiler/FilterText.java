package io.aide.compiler;

import io.aide.compiler.plan.Expr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The readings of a filter cell, in the order they are tried: the condition it states and whether the rows it holds
 * for are kept or excluded.
 * <pre>
 * filter := EXCLUDE [rows] (where | when | if | whose) condition | EXCLUDE ... "(" condition ")"
 *         | EXCLUDE [rows | records] [with | where] condition          -- "ignore void_ind = 'Y'"
 *         | words (out | excluded | removed | ...) "(" condition ")"   -- "Voided payments out (void_ind = 'Y')"
 *         | [(include | keep | select) [only] [rows] (where | when | with) | where | filter: | only [rows] [where]] condition
 * </pre>
 * Each reading is tried again without a remark in brackets at its end ("... AND ol.qty > 0 (zero-qty lines are
 * placeholders)"): brackets that hold no comparison say why, not which rows.
 */
final class FilterText {
    /** The verbs that leave rows out, as a sentence starts with them. */
    static final String LEAVE_OUT = "(?:exclude|filter\\s+out|leave\\s+out|omit|remove|drop|skip|ignore|discard|reject"
            + "|do\\s+not\\s+load|don't\\s+load|never\\s+load)";
    /** "Exclude test accounts (email like '%@test.com')", "Filter out records where status is null". */
    private static final Pattern EXCLUDING = Pattern.compile(
            "(?i)^" + LEAVE_OUT + "\\b"
            // the words before the condition hold no sentence end and no comparison of their own
            + "(?:\\b(?:i\\.e|e\\.g)\\.|[^().;=<>']|\\.(?!\\s))*?(?:\\b(?:where|when|if|whose)\\b\\s*(.+?)|\\((.+)\\))\\s*[.]?$");
    /** "Exclude rows with a blank BIN_NO and test bins (": rows tested on a column by name, then a kind of rows. */
    private static final Pattern TESTED_THEN_CLASS = Pattern.compile("(?i)^" + LEAVE_OUT + "\\s+(?:(?:the|any|all)\\s+)?"
            + "(?:rows|records|lines|entries)\\s+(?:with|where|whose|having)\\s+(.*?\\b(?-i:[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+|[A-Z]{2,}[A-Z0-9]*)\\b.*?)"
            + "\\s*(?:,|\\band\\b|\\bor\\b)\\s+(?:[\\w-]+\\s*){1,3}$");
    /** "ignore void_ind = 'Y'", "exclude rows with status = 'X'". */
    private static final Pattern EXCLUDING_BARE = Pattern.compile(
            "(?i)^" + LEAVE_OUT + "\\s+"
            // "skip tenant rows with a blank tenant_id": rows named by their table's noun
            + "(?:(?:the\\s+|any\\s+|all\\s+)?(?:[\\w-]+\\s+){0,2}?(?:(?:rows|records|lines)\\s+(?:with\\s+|where\\s+)?"
            // "exclude stops with status code D": rows named by any plural noun, their test after "with"
            + "|[\\w-]+s\\s+(?:with|where|whose|having)\\s+))?(?:with\\s+|where\\s+)?(.+?)\\s*[.]?$");
    /** "exclude payroll test accounts – emp_id starting with 'TST' (any case, after trimming)": the rows, a dash, their test. */
    private static final Pattern EXCLUDING_DASH = Pattern.compile("(?i)^" + LEAVE_OUT + "\\s+[^–—:()=<>']{1,80}?(?:\\s*[–—:]|\\s+-)\\s+(.+?)\\s*[.;]?$");
    /** "Exclude internal test accounts: any ACCT_NO that, once trimmed, starts with TST (any case)". */
    private static final Pattern EXCLUDING_THAT = Pattern.compile("(?i)^" + LEAVE_OUT + "\\b[^.;=<>'()]*?\\b(?:any|every|all|each)\\s+([A-Za-z_][\\w.]*)\\s+(?:that|which)"
            + "\\s*,?\\s*(?:once|when|after(?:\\s+being)?)?\\s*(.+?)\\s*[.]?$");
    /** "Voided payments out (void_ind = 'Y')", "test orders excluded (is_test = 1)". */
    private static final Pattern EXCLUDED_AFTER = Pattern.compile(
            "(?i)^[^()]*?\\b(?:out|excluded|removed|dropped|ignored|skipped|left out|filtered out)\\s*\\((.+)\\)\\s*[.]?$");
    /** Rows named by a plural noun, then what they have: "Orders whose", "Lines with", "test records that have". */
    private static final String ROWS_WITH = "(?i)^(?:[\\w-]+\\s+){0,3}?(?:rows|records|lines|[\\w-]+s)\\s+"
            + "(?:with|where|whose|that\\s+have|having)\\s+";
    /** Rows said not to reach the target: "not (be) loaded", "not flow into any mart table", "never go to refund". */
    private static final String NOT_CARRIED = "(?:not|never)\\s+(?:to\\s+)?(?:be\\s+)?(?:loaded|included|imported)|(?:not|never)\\s+(?:be\\s+)?(?:flow|go|pass|get"
            + "|sent|passed|carried|moved|copied)\\s+(?:in)?to\\b|(?:not|never)\\s+reach\\b";
    /** What becomes of such rows: "not loaded", "excluded", "filtered out". */
    private static final String ROWS_LEFT_OUT = "(?:" + NOT_CARRIED + "|excluded|dropped|filtered\\s+out|skipped|discarded|removed"
            + "|rejected|left\\s+out)";
    /** "Lines with qty = 0 are voided in billing and must not be loaded", "Orders whose status is 'T' are excluded". */
    // (never "Only rows with TXN_STATUS = POSTED are loaded (PENDING and DISHONOURED are dropped)": a bracket speaks of others)
    private static final Pattern EXCLUDED_SUBJECT = Pattern.compile(ROWS_WITH + "(.+?)\\s+(?:are|is|must|should|will|shall|get)\\b[^()]*?\\b"
            + ROWS_LEFT_OUT + "\\b[^=<>]*[.]?$");
    /** "Rows whose account_type is TEST are not loaded": the test up to the verb that leaves the rows out. */
    private static final Pattern EXCLUDED_SUBJECT_WHOLE = Pattern.compile(ROWS_WITH + "(.+)\\s+(?:are|is)\\s+" + ROWS_LEFT_OUT
            + "\\s*[.]?$");
    /** "Rows whose last_name, trimmed, is 'TEST' in any case are front-desk test accounts – exclude them". */
    private static final Pattern SUBJECT_THEN_EXCLUDE = Pattern.compile("(?i)^(?:[\\w-]+\\s+){0,2}?(?:rows|records|lines|[\\w-]+s)\\s+"
            + "(?:with|where|whose|that\\s+have|having)\\s+(.+)\\s+(?:are|is)\\s+[^=<>()']*?\\s*[-–—:;,]\\s*"
            + LEAVE_OUT + "\\s+(?:them|these|those|it)\\s*[.]?$");
    /**
     * "... - do not load them into DIM_FILM and do not load their sessions into FACT_SCREENING": the targets the rows are
     * kept out of, and the rows of another target that belong to them (which the same test, read on that target's
     * table, leaves out there).
     */
    private static final String INTO_TARGETS = "(?:\\s+(?:into|in|from|to)\\s+(?:the\\s+)?[A-Za-z][\\w.]*)?(?:\\s*,?\\s+(?:and|or)\\s+"
            + "(?:do\\s+not|don't|never)\\s+(?:load|include)\\s+(?:their|its)\\s+[\\w-]+(?:\\s+(?:into|in|from|to)\\s+(?:the\\s+)?"
            + "[A-Za-z][\\w.]*)?)*";
    /** "carrier codes beginning with ZZ are UAT test carriers - exclude": the rows and their test, what they are, the verb. */
    private static final Pattern CLASS_THEN_EXCLUDE = Pattern.compile("(?i)^(.+?)\\s+(?:are|is)\\s+[^=<>()']{1,60}?\\s*[-–—:;,]\\s*"
            + LEAVE_OUT + "(?:\\s+(?:them|these|those|it))?" + INTO_TARGETS + "\\s*[.]?$");
    /** "Agent codes starting 'TST' are UAT set-ups and must never reach the mart (exclude from DIM_AGENT)". */
    private static final Pattern CLASS_NOT_CARRIED = Pattern.compile("(?i)^(.+?)\\s+(?:are|is)\\s+[^=<>()']{1,60}?\\s+and\\s+(?:must|should"
            + "|will|shall|do|does)\\s+(?:not|never)\\s+(?:be\\s+loaded|reach|flow|go|get|make\\s+it)\\b[^=<>]*?[.]?$");
    /** "Voided transactions (void_flag = 'Y', any case) are not loaded". */
    private static final Pattern BRACKET_THEN_EXCLUDED = Pattern.compile("(?i)^[^()]*?\\((.+)\\)\\s+(?:[^()=<>]*?\\s)?"
            // "Test records (...) must not be loaded", "Voided claims (...) were entered in error and must not be loaded"
            + "(?:are|is|must|should|will|shall|do|does)\\s+(?:" + NOT_CARRIED + "|(?:be\\s+)?(?:excluded|dropped|filtered\\s+out|skipped"
            + "|removed|ignored|left\\s+out))\\b[^=<>()]*[.]?$");
    /** "only SEG_STATUS HK or TK is loaded": the values of a column that are kept. */
    private static final Pattern ONLY_LOADED = Pattern.compile("(?i)^only\\s+(\\S+)\\s+(?!is\\b|are\\b|=|in\\b)"
            // the values: codes, quoted texts or numbers ("HK or TK"), never words ("settled transactions")
            + "((?-i:'[^']*'|[A-Z0-9][A-Z0-9_-]*)(?:\\s*(?:,|/|\\bor\\b|\\band\\b)\\s*(?-i:'[^']*'|[A-Z0-9][A-Z0-9_-]*))*)"
            + "\\s+(?:is|are)\\s+(?:loaded|kept|included)\\b[^=<>]*?[.]?$");
    /** "Only settled transactions are loaded - txn_status S (trimmed, any case)": the rows kept, a dash, their test. */
    private static final Pattern ONLY_DASH = Pattern.compile("(?i)^only\\s+[^–—:()=<>']{1,60}?\\s+(?:are|is)\\s+(?:loaded|kept|included)"
            + "(?:\\s*[–—:]|\\s+-)\\s+(.+?)\\s*[.;]?$");
    /** "Load accepted taps only (txn_status A)": the rows kept, their test in brackets. */
    private static final Pattern ONLY_BRACKET = Pattern.compile("(?i)^(?:load|keep|include|select|take)\\s+[^()=<>'.;]{1,60}?\\s+only\\s*"
            + "\\((.+)\\)\\s*[.]?$");
    /** "; every other status is loaded": the rest of the rows said to be kept, which the exclusion already says. */
    private static final Pattern COMPLEMENT = Pattern.compile("(?i)\\s*[;,]\\s*(?:and\\s+)?(?:every|all|any)\\s+other\\b[^.;=<>()]*\\b"
            + "(?:is|are)\\s+(?:loaded|kept|included)\\s*[.]?\\s*$"
            // "; all other rows are excluded before numbering": the rows the condition does not keep, said again
            + "|\\s*[;,]\\s*(?:and\\s+)?(?:every|all|any)\\s+other\\s+(?:rows|records|lines)\\s+(?:are|is)\\s+(?:excluded|dropped|not\\s+loaded"
            + "|filtered\\s+out|skipped)\\b[^.;=<>()]*[.]?\\s*$"
            // "; blank or 'N' void_flag is a normal loan": the rows kept, said in words
            + "|\\s*[;.]\\s*[^;.=<>()]{0,60}\\b(?:is|are)\\s+(?:a\\s+)?(?:normal|regular|valid|ordinary)\\b[^;.=<>()]{0,30}[.]?\\s*$");
    private static final Pattern OTHERS_EXCLUDED = Pattern.compile("(?i)^(?:(?:rows|records|lines|anything)\\s+)?(?:with|having)?"
            + "\\s*(?:any|all|every)\\s+other\\s+[\\w ]{1,30}?\\s+(?:are|is|will\\s+be|must\\s+be|should\\s+be|get)\\s+"
            + "(?:filtered\\s+out|excluded|dropped|not\\s+loaded|removed|skipped|discarded)\\b[^=<>()'\"]*[.]?$");
    /** "Only delayed (AHL) and damaged (DPR) files are loaded - filter on FILE_TYPE ...": kinds with their codes, then the column. */
    private static final Pattern ONLY_CODED = Pattern.compile("(?i)^only\\s+(.+?)\\s+(?:are|is)\\s+(?:loaded|kept|included)\\s*(?:[-–—:;,]\\s*|\\s)"
            + "\\s*(?:filter(?:ed)?\\s+on|based\\s+on|using|by|from|according\\s+to|per)\\s+([A-Za-z_][\\w.]*)\\b(.*?)\\s*[.]?$");
    /** "once trimmed" wherever it stands, said where the condition language reads it: "after trimming", at the test's end. */
    private static final Pattern ONCE_TRIMMED = Pattern.compile("(?i)\\s*,?\\s*\\bonce\\s+trimmed\\b\\s*,?");

    private static String onceTrimmed(String text) {
        Matcher once = ONCE_TRIMMED.matcher(text);
        if (!once.find() || text.matches("(?is).*\\bafter\\s+trimming\\b.*")) {
            return text;
        }
        String without = (text.substring(0, once.start()) + " " + text.substring(once.end())).trim().replaceAll("\\s{2,}", " ");
        Matcher bracket = Pattern.compile("\\s*\\([^()]*\\)\\s*[.]?$").matcher(without);
        return bracket.find() ? without.substring(0, bracket.start()) + " after trimming" + without.substring(bracket.start())
                : without.replaceFirst("\\s*[.]?$", "") + " after trimming";
    }

    /**
     * "Only delayed (AHL) and damaged (DPR) files are loaded - filter on FILE_TYPE after trim/upper": the codes in brackets
     * are the values of the column named after, compared as said; null when the sentence is not so.
     */
    private static Reading coded(String text) {
        Matcher coded = ONLY_CODED.matcher(text);
        if (!coded.matches()) {
            return null;
        }
        List<String> codes = new ArrayList<>();
        Matcher code = BRACKETED_CODE.matcher(coded.group(1));
        while (code.find()) {
            codes.add("'" + code.group(1) + "'");
        }
        // "after trim/upper": how the column is compared, in the words the condition language reads
        String how = coded.group(3).toLowerCase(java.util.Locale.ROOT);
        boolean trimmed = how.contains("trim");
        boolean anyCase = how.matches(".*\\b(?:upper\\w*|lower\\w*|case\\w*|any\\s+case)\\b.*");
        String cleaning = trimmed && anyCase ? " (trimmed, any case)" : trimmed ? " (trimmed)" : anyCase ? " (any case)" : "";
        return codes.isEmpty() || !how.isBlank() && cleaning.isEmpty() ? null
                : new Reading(coded.group(2) + " in (" + String.join(", ", codes) + ")" + cleaning, false);
    }

    /** "that latest version has ...", "the kept row has ...": the row a test is about, before what it holds. */
    private static final Pattern ROW_SUBJECT = Pattern.compile("(?i)^\\s*(?:(?:that|the|this|its)\\s+(?:(?:latest|kept|surviving|chosen"
            + "|current|newest|remaining|last)\\s+)?(?:version|row|record|copy|line|entry)\\s+(?:has|holds|carries|shows)"
            // "any row whose claim_no, trimmed, starts with 'TEST'": the rows, then the test of their column
            + "|(?:any|every|all|each)\\s+(?:rows?|records?|lines?|entries|entry)\\s+(?:whose|where|with))\\s+");
    private static final Pattern IE = Pattern.compile("(?i)^(.*?)[,;]?\\s+(?:i\\.\\s?e\\.?|that\\s+is|namely)\\s*,?\\s+(.+?)\\s*[.]?$");
    private static final Pattern KEEPING = Pattern.compile("(?i)^(?:(?:only\\s+)?(?:include|keep|select|load)\\s+(?:only\\s+)?(?:(?:the\\s+)?(?:rows|records|lines"
            + "|[a-z][\\w-]*s)\\s+)?(?:where|when|with|whose)|where|filter:?|only(?:\\s+(?:rows|records))?(?:\\s+where)?)\\s+");
    /** A clause that starts with a verb choosing rows, perhaps after "then": an instruction, not a reason. */
    private static final Pattern INSTRUCTION = Pattern.compile("(?i)^\\s*(?:(?:then|also|and|next)\\s+)*(?:exclude|drop|skip"
            + "|remove|discard|filter|ignore|reject|keep|load|only|do\\s+not|leave\\s+out|omit)\\b");
    /** A bracket at the end that compares nothing: a remark. */
    private static final Pattern REMARK = Pattern.compile("^(.*\\S)\\s*\\(([^()]*)\\)\\s*[.]?$");
    private static final Pattern COMPARES = Pattern.compile("(?i)[=<>]|\\b(?:in|like|between)\\s*\\(|\\bis\\s+(?:not\\s+)?null\\b|\\bbetween\\b.*\\band\\b");
    /** A bracket that only says how values compare ("(any case)", "(trimmed, ignore case)"): no test of its own. */
    private static final Pattern ONLY_HOW = Pattern.compile("(?i)^(?:\\s*(?:any|ignor\\w*|in|case|letter|trim\\w*|spaces?|leading|trailing"
            + "|and|or|upper\\w*|lower\\w*|insensitive|sensitive|not|whitespace|padding|after|before|of|the|[,/&-])\\s*)+$");
    /** A bracket that says how the value is compared ("(ignore case and leading spaces)"): never a remark to drop. */
    private static final Pattern CLEANS = Pattern.compile("(?i)\\b(?:case|trim\\w*|spaces?|spacing|padding|padded|whitespace"
            + "|upper\\w*|lower\\w*)\\b");
    /** "None", "N/A", "All accounts, closed ones included", "no filter": every row is kept. */
    private static final Pattern KEEPS_ALL = Pattern.compile("(?i)^\\s*(?:none|n/?a|-+|no\\s+filter(?:ing)?|no\\s+restrictions?|"
            + "no\\s+exclusions?|include\\s+all(?:\\s+(?:rows|records))?|all(?:\\s+(?:rows|records))?|"
            + "all\\s+[a-z_]+(?:\\s*,\\s*[^=<>()]*\\b(?:included|too|as\\s+well|also)\\b[^=<>()]*)?)\\s*[.]?\\s*$");

    /** Values said to be kept: blanks, quoted codes or short codes, then "are [words] kept|loaded|retained". */
    private static final Pattern KEPT_SAID = Pattern.compile("(?i)^(?:(?:blanks?|empty|nulls?|missing|'[^']*'|(?-i:[A-Z0-9]{1,4}))"
            + "(?:\\s*(?:,|\\bor\\b|\\band\\b)\\s*)?)+\\s+(?:rows\\s+|values\\s+)?(?:are|is)\\s+(?:[\\w\\s]{0,30}?\\s+)?"
            + "(?:kept|loaded|retained)\\s*[.]?$");

    /**
     * "A blank status counts as posted", "blank/null is_test counts as live", "A blank or missing REC_STATUS counts as a live
     * record and is loaded": rows without the value are kept, which an exclusion (that keeps what it cannot judge) does.
     */
    private static final Pattern BLANK_KEPT = Pattern.compile("(?i)^\\s*(?:a|an|any)?\\s*(?:blank|null|empty|missing)(?:\\s*(?:/|,|or)\\s*"
            + "(?:blank|null|empty|missing))*\\s+[\\w\\s.]{0,40}?\\b(?:(?:counts?|is\\s+treated|are\\s+treated|is\\s+taken|is\\s+read)\\s+as"
            + "\\s+[^.;=<>']{1,40}?(?:\\s+and\\s+(?:is|are)\\s+(?:loaded|kept))?|(?:is|are)\\s+(?:still\\s+)?(?:loaded|kept)"
            // "blank TRAINING_MODE is a live check": what such a row is, one that is kept
            + "|(?:is|are)\\s+(?:an?\\s+)?(?:live|active|valid|real|normal|posted|current|open|regular)\\b[^.;=<>']{0,30})\\s*[.;]?\\s*$");

    /** "all other rows load", "everything else is loaded": the rows no exclusion names are kept. */
    private static final Pattern REST_KEPT = Pattern.compile("(?i)^\\s*(?:(?:all\\s+)?(?:the\\s+)?(?:other|remaining)\\s+[a-z]+s"
            + "|everything\\s+else|anything\\s+else|the\\s+rest)\\s+(?:is\\s+|are\\s+)?(?:load(?:s|ed)?|kept|stays?(?:\\s+in)?)\\s*[.;]?\\s*$");

    /** "all other rows are excluded before numbering": the rows no condition keeps are left out, which keeping says. */
    private static final Pattern REST_DROPPED = Pattern.compile("(?i)^\\s*(?:(?:all\\s+)?(?:the\\s+)?(?:other|remaining)\\s+(?:[a-z]+\\s+){0,2}[a-z]+s"
            // "Other event types (AD, PAUSE, ...) are out of scope": examples of the rest in a bracket
            + "(?:\\s*\\([^()]*\\))?"
            + "|everything\\s+else|anything\\s+else|the\\s+rest)\\s+(?:is\\s+|are\\s+)?(?:excluded|dropped|skipped|removed|rejected|ignored"
            + "|discarded|filtered\\s+out|not\\s+loaded|left\\s+out|out\\s+of\\s+scope|not\\s+in\\s+scope)(?:\\s+(?:before|after)\\s+[a-z]+)?\\s*(?:\\([^()]*\\)\\s*)?[.;]?\\s*$");

    /** The sentence says the rows no condition keeps are left out (said beside a condition that keeps rows). */
    static boolean restDropped(String sentence) {
        return REST_DROPPED.matcher(sentence).matches();
    }

    /** The sentence says rows without a value are kept (see {@link #BLANK_KEPT}), or all rows no exclusion names. */
    static boolean blankKept(String sentence) {
        // "Blank or 'N' are real loans and are kept": the values the exclusion beside it leaves, said to stay
        return BLANK_KEPT.matcher(sentence).matches() || REST_KEPT.matcher(sentence).matches() || KEPT_SAID.matcher(sentence).matches();
    }

    /** "X, Y and Z": one item, then more after a comma, "and", "or" or "&" (the whole list is group 1). */
    private static String listOf(String item) {
        return "((?:" + item + "\\s*(?:,|\\band\\b|\\bor\\b|&)\\s*)*" + item + ")";
    }

    /** "... are not loaded", "... is excluded": what a list of codes is said to be, to the end of the sentence. */
    private static final String LEFT_OUT = "(?:(?:are|is)\\s+(?:not\\s+(?:be\\s+)?loaded|excluded|dropped|filtered\\s+out|skipped"
            + "|left\\s+out|out\\s+of\\s+scope|not\\s+in\\s+scope)|excluded|dropped|filtered\\s+out|skipped|left\\s+out)\\b[^=<>]*$";

    private static final Pattern CODE_LIST = Pattern.compile("^(?:(?i:(?:the\\s+|any\\s+|all\\s+)?(?:rows|records|lines|entries)"
            + "\\s+(?:flagged|marked|coded|with\\s+(?:a\\s+)?(?:status|code|flag))\\s+(?:as\\s+)?|(?:status|code|type|flag)\\s+))?"
            + listOf("[A-Z0-9]{1,4}(?:\\s*\\([^()]*\\))?") + "\\s+[\\w\\s-]{0,30}?\\b" + LEFT_OUT);

    /**
     * "Integration, Admin and Sales Ops users are not loaded": values written as words, two or more, before the rows'
     * noun; said beside a condition that keeps another value, they are the values it leaves out.
     */
    private static final Pattern WORD_VALUE_LIST = Pattern.compile("^" + listOf("[A-Z][a-z][\\w-]*(?:\\s+[A-Z][\\w-]*){0,2}")
            + "\\s+(?i:[a-z]+s)\\s+" + LEFT_OUT);
    /** Words that name a kind of rows rather than a value ("Test and Demo users"): no value list. */
    private static final Pattern KIND_WORD = Pattern.compile("(?i)\\b(?:test|dummy|demo|sample|qa|qc|internal|fake|training|sandbox"
            + "|placeholder|synthetic|duplicate|void|voided|cancell?ed|invalid|old|inactive|deleted)\\b");

    /**
     * "Failed gifts (STATUS = F) and zero-value gifts (AMOUNT_PENCE = 0) are not loaded": the rows of each class, each
     * class told by the test in its bracket; the text between the first bracket's opening and the last one's closing
     * is given, a single bracket's text as it is.
     */
    private static String eachBracket(String inside) {
        Matcher classes = Pattern.compile("^(.+?)\\)\\s*(?:,|\\band\\b|\\bor\\b)\\s*(?:[\\w-]+\\s+){0,4}\\((.+)$").matcher(inside);
        if (!classes.matches() || !COMPARES.matcher(classes.group(1)).find()) {
            return inside;
        }
        return "(" + classes.group(1) + ") OR (" + eachBracket(classes.group(2)) + ")";
    }

    /** "Reversals (REV) and adjustments (ADJ) are not loaded": what each code means, then the code in brackets. */
    private static final Pattern LABELLED_LIST = Pattern.compile("^" + listOf("(?:[A-Za-z][\\w-]*\\s*\\([A-Z0-9]{1,6}\\)"
            // "declined (D), reversed (X) and blank statuses are dropped": rows without a code named beside them
            + "|(?i:blank|empty|null|missing)(?:\\s+[a-z]+)?)") + "\\s+" + LEFT_OUT);

    /** "R = rejected and Q = queried are not loaded": each code, '=' and what it means. */
    private static final Pattern EQUATED_LIST = Pattern.compile("^" + listOf("[A-Z0-9]{1,4}\\s*=\\s*[A-Za-z][\\w-]*") + "\\s+" + LEFT_OUT);

    private static final Pattern EQUATED_CODE = Pattern.compile("\\b([A-Z0-9]{1,4})\\s*=");
    private static final Pattern BRACKETED_CODE = Pattern.compile("\\(([A-Z0-9]{1,6})\\)");

    /** Each code the pattern's first group finds in the list. */
    private static List<String> codesIn(String list, Pattern code) {
        List<String> codes = new ArrayList<>();
        Matcher m = code.matcher(list);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    /**
     * "T (test), V (voided) and O (open) trips are not loaded", "records flagged ERR (mediation error) or TST (test call)
     * are not loaded", "Reversals (REV) and adjustments (ADJ) are not loaded": the codes named; null when the sentence is
     * no such list.
     */
    static List<String> excludedCodes(String sentence) {
        // "(X rows are filtered out before this point.)": a remark in brackets, said again
        String s = sentence.trim().replaceFirst("^\\((.*)\\)\\s*[.]?$", "$1").trim();
        Matcher equated = EQUATED_LIST.matcher(s);
        if (equated.matches()) {
            return codesIn(equated.group(1), EQUATED_CODE);
        }
        Matcher labelled = LABELLED_LIST.matcher(s);
        if (labelled.matches()) {
            return codesIn(labelled.group(1), BRACKETED_CODE);
        }
        Matcher m = CODE_LIST.matcher(s);
        Matcher bracket = BRACKET.matcher(s);
        if (!m.matches() && bracket.find() && bracket.end() >= s.replaceFirst("[.;]\\s*$", "").length()
                && !EXCLUSION.matcher(s.substring(0, bracket.start())).matches() && !s.substring(0, bracket.start()).matches("(?is).*\\b(?:"
                + "are|is|exclude\\w*|drop\\w*|skip\\w*|remove\\w*|only)\\b.*")) {
            // "Values PAID, REFUNDED, PENDING (VOID rows excluded)": a remark on a column's values that says again which
            // codes the target leaves out
            return excludedCodes(bracket.group(1));
        }
        if (!m.matches()) {
            Matcher words = WORD_VALUE_LIST.matcher(s);
            if (words.matches() && words.group(1).split("\\s*(?:,|\\band\\b|\\bor\\b|&)\\s*").length >= 2
                    && !KIND_WORD.matcher(words.group(1)).find()) {
                return List.of(words.group(1).split("\\s*(?:,|\\band\\b|\\bor\\b|&)\\s*")).stream().map(String::trim)
                        .filter(c -> !c.isEmpty()).toList();
            }
            return null;
        }
        return List.of(m.group(1).replaceAll("\\([^()]*\\)", " ").split("\\s*(?:,|\\band\\b|\\bor\\b|&)\\s*")).stream()
                .map(String::trim).filter(c -> !c.isEmpty()).toList();
    }

    private static final Pattern BRACKET = Pattern.compile("\\(([^()]+)\\)");

    /** A sentence that leaves rows out by its verb: "drop rows for the test hotel TST99 (compare HOTEL_CD ...)". */
    private static final Pattern EXCLUSION = Pattern.compile("(?i)^\\s*(?:exclude|drop|skip|remove|ignore|discard|reject|filter\\s+out|leave\\s+out|omit"
            + "|do\\s+not\\s+load|don't\\s+load|never\\s+load)\\b.*");
    /** A code in a sentence: quoted, or a word of capitals and digits with at least one digit ("TST99"). */
    private static final Pattern CODE = Pattern.compile("'([^']+)'|\\b([A-Z][A-Z]*\\d[A-Z0-9]*)\\b");
    /** A column's name in a sentence: a word with an underscore. */
    private static final Pattern COLUMN_NAME = Pattern.compile("\\b([A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+)\\b");

    /**
     * The codes and column names of a sentence that leaves rows out by its verb ("drop rows for the test hotel TST99
     * (compare HOTEL_CD after trim/upper)"), which another sentence may say exactly; null when it is no such sentence
     * or names no code.
     */
    static Restated restated(String sentence) {
        if (!EXCLUSION.matcher(sentence).matches()) {
            return null;
        }
        Set<String> codes = new HashSet<>();
        Matcher m = CODE.matcher(sentence);
        while (m.find()) {
            codes.add((m.group(1) != null ? m.group(1) : m.group(2)).trim().toUpperCase(Locale.ROOT));
        }
        Set<String> columns = new HashSet<>();
        Matcher c = COLUMN_NAME.matcher(sentence);
        while (c.find()) {
            columns.add(c.group(1).toLowerCase(Locale.ROOT));
        }
        return codes.isEmpty() ? null : new Restated(codes, columns);
    }

    /** "Only energised meter points are loaded": which rows, in words, before the condition that says it exactly. */
    private static final Pattern SUMMARY = Pattern.compile("(?i)^only\\s+([a-z][\\w-]*)\\s+(?:[a-z][\\w-]*\\s+){0,3}?(?:are|is)\\s+"
            + "(?:loaded|kept|included)\\s*[.]?$");

    /** "They are not loaded at all.", "Such rows are never loaded": the rows just left out, said to be left out again. */
    private static final Pattern THEY_LEFT_OUT = Pattern.compile("(?i)^(?:they|these|those|such\\s+(?:rows|records|lines)|these\\s+(?:rows"
            + "|records|lines))\\s+(?:are|is|will\\s+be|must\\s+be|should\\s+be)\\s+(?:not|never)\\s+(?:be\\s+)?(?:loaded|kept|included"
            + "|processed)(?:\\s+at\\s+all|\\s+anywhere)?\\s*[.]?$");

    /** The sentence says again that the rows an exclusion before it names are left out. */
    static boolean theyLeftOut(String sentence) {
        return THEY_LEFT_OUT.matcher(sentence.trim()).matches();
    }

    /** The word that says which rows a summary sentence keeps ("energised"), or null when the sentence is none. */
    static String summaryWord(String sentence) {
        Matcher m = SUMMARY.matcher(sentence.trim());
        return m.matches() ? m.group(1) : null;
    }

    /** States a row is left out for, said as a participle ("Load only calls that were not cancelled"). */
    private static final String LEFT_OUT_STATE = "(cancell?ed|voided|void|deleted|rejected|reversed|withdrawn|closed|expired"
            + "|suspended|blocked|inactive|refunded|abandoned)";
    /**
     * "Load only calls that were not cancelled", "Do not load cancelled work orders": the rows left out, in a word, beside
     * the sentence that says which exactly.
     */
    private static final Pattern LEFT_OUT_SUMMARY = Pattern.compile("(?i)^(?:(?:load|keep|include|take)\\s+only\\s+(?:the\\s+)?"
            + "(?:[a-z][\\w-]*\\s+){1,3}?(?:that|which|who)\\s+(?:were|are|have\\s+been|has\\s+been|is|was)\\s+not\\s+"
            + LEFT_OUT_STATE + "|(?:do\\s+not|don't|never)\\s+load\\s+(?:any\\s+)?" + LEFT_OUT_STATE
            + "(?:\\s+[a-z][\\w-]*){1,3})\\s*[.]?$");

    /** The state a summary sentence says rows are left out for ("cancelled"), or null when the sentence is none. */
    static String leftOutSummary(String sentence) {
        Matcher m = LEFT_OUT_SUMMARY.matcher(sentence.trim());
        return !m.matches() ? null : m.group(1) != null ? m.group(1) : m.group(2);
    }

    /** What an exclusion sentence names: its codes (upper case) and its columns (lower case). */
    record Restated(Set<String> codes, Set<String> columns) {
    }

    /** The text codes the conditions keep: "x = 'C'", "x IN ('HK', 'TK')" (not negated). */
    static Set<String> keptCodes(List<Expr> conditions) {
        Set<String> out = new HashSet<>();
        for (io.aide.compiler.plan.Expr c : conditions) {
            if (c instanceof Expr.Bin or && or.op().equals("OR")) {
                // "is 'OK' or empty": the codes of either side
                out.addAll(keptCodes(List.of(or.left(), or.right())));
            } else if (c instanceof Expr.Bin b && b.op().equals("=") && b.right() instanceof Expr.Lit l
                    && l.value() instanceof String v) {
                out.add(v.trim().toUpperCase(Locale.ROOT));
            } else if (c instanceof Expr.InList in && !in.negated()) {
                in.items().forEach(i -> {
                    if (i instanceof Expr.Lit l && l.value() instanceof String v) {
                        out.add(v.trim().toUpperCase(Locale.ROOT));
                    }
                });
            }
        }
        return out;
    }

    /** The text codes the conditions exclude: "NOT (x = 'X')", "NOT COALESCE(x IN ('T', 'V'), FALSE)". */
    static Set<String> excludedCodes(List<Expr> conditions) {
        Set<String> out = new HashSet<>();
        for (Expr c : conditions) {
            if (c instanceof Expr.Bin and && and.op().equals("AND")) {
                out.addAll(excludedCodes(List.of(and.left(), and.right())));
            } else if (c instanceof Expr.Not not) {
                Expr inner = not.expr() instanceof Expr.Fn f && f.name().equalsIgnoreCase("COALESCE") ? f.args().get(0) : not.expr();
                out.addAll(keptCodes(List.of(inner)));
            }
        }
        return out;
    }

    /** "Rows with any other status are filtered out": rows whose value the map beside it does not list are dropped. */
    static boolean othersExcluded(String cell) {
        return OTHERS_EXCLUDED.matcher(cell.trim()).matches();
    }

    /** One reading: the condition, and whether the rows it holds for are excluded. */
    record Reading(String condition, boolean excluding) {
    }

    private FilterText() {
    }

    /** "(Voided rows are already filtered out - see claim_number.)": rows said to be left out by a filter stated elsewhere. */
    private static final Pattern ELSEWHERE = Pattern.compile("(?i)^\\s*\\(?[^=<>']{0,80}?\\b(?:are|were|is|was|have\\s+been|has\\s+been)"
            + "\\s+already\\s+(?:been\\s+)?(?:filtered\\s+out|excluded|removed|dropped|left\\s+out)\\b[^=<>']{0,60}\\)?\\s*[.]?\\s*\\)?\\s*$");

    /** The cell only says a filter stated elsewhere already leaves the rows out. */
    static boolean refersElsewhere(String cell) {
        return ELSEWHERE.matcher(cell).matches();
    }

    /** "... before anything else, including de-duplication", "... before the dedupe": a choice said to come first. */
    private static final Pattern BEFORE_ALL = Pattern.compile("(?i)\\bbefore\\s+(?:(?:anything|everything)\\s+else|(?:the\\s+|any\\s+)?"
            + "(?:de-?dup\\w*|dedupe|deduplication|pick))\\b");

    /** The cell says its choice of rows comes before anything else, the picks of one row per key too. */
    static boolean beforeAll(String cell) {
        return BEFORE_ALL.matcher(cell).find();
    }

    /** The cell says every row is kept: no filter at all. */
    static boolean keepsAll(String cell) {
        return KEEPS_ALL.matcher(cell).matches();
    }

    /** "Training checks are not loaded – skip rows where TRAINING_MODE = Y": rows said to be left out, then how. */
    private static final Pattern LEFT_OUT_THEN_HOW = Pattern.compile("(?i)^[^–—:;=<>'()]{1,100}?\\b(?:are|is)\\s+(?:not\\s+loaded"
            + "|excluded|dropped|skipped|left\\s+out)\\s*[-–—:]\\s*(" + LEAVE_OUT + "\\b.+)$");

    static List<Reading> readings(String cell) {
        Matcher how = LEFT_OUT_THEN_HOW.matcher(cell.trim());
        if (how.matches()) {
            // the rows named, then the instruction that says which: the instruction is the reading
            return readings(how.group(1));
        }
        // "Payments: ignore void_ind = 'Y'": what the sentence is about, before a colon
        // "(2) then drop ...": a numbered step
        String text = COMPLEMENT.matcher(FilterSentences.withoutTopic(cell.trim())
                .replaceFirst("^\\(?\\d{1,2}[).]\\s+(?:then\\s+|and\\s+)?", "")
                // "Apply this first, then drop leases whose ...": the order of the steps, said before the step
                .replaceFirst("(?i)^(?:(?:apply|do|run)\\s+(?:this|that|it|the\\s+\\w+)\\s+first\\s*[,;]?\\s*)?(?:and\\s+)?"
                        + "(?:then|after\\s+that|afterwards|next)\\s*,?\\s+(?=\\S)", "")
                // "AFTER the dedupe, drop reads ...": when the step comes, which the pick before it already says
                .replaceFirst("(?i)^after\\s+(?:the\\s+)?(?:dedupe|de-?dup\\w*|deduplication|pick)\\s*,\\s*", "")
                // "... (cancelled, any case) - a read cancelled later must not fall back to its copy": why, after a dash
                .replaceFirst("(?i)\\s+[-–—]\\s+(?!(?:(?:then|also|and|next)\\s+)*(?:exclude|drop|skip|remove|discard|filter|ignore|reject|keep|load|only|do\\s+not|leave\\s+out|omit)\\b)"
                        // (a why names no column: "– line_status V after trimming" is the test)
                        + "[^=<>'\"()\\d_]{10,}[.]?\\s*$", "")
                // "..., e.g. TESTCAMP01, test_sms": examples of the rows, which say nothing the test does not
                .replaceFirst("(?i)\\s*[,;]?\\s*\\(?\\s*\\b(?:e\\.\\s?g\\.?|eg|for\\s+example)\\s*[:,]?\\s+[^=<>()]*\\)?\\s*[.]?\\s*$", "")
                // "..., same as DIM_EMPLOYEE": where else the same rows are left out
                .replaceFirst("(?i)\\s*,\\s*(?:the\\s+)?(?:same\\s+as|as\\s+for|as\\s+in|as\\s+on|like)\\s+(?:for\\s+|in\\s+)?[\\w.]+\\s*[.]?\\s*$", "")).replaceFirst("");
        text = onceTrimmed(text);
        List<Reading> out = new ArrayList<>();
        Matcher subject = EXCLUDED_SUBJECT.matcher(text);
        if (subject.matches()) {
            out.add(new Reading(subject.group(1), true));
        }
        Matcher whole = EXCLUDED_SUBJECT_WHOLE.matcher(text);
        if (whole.matches() && !(subject.matches() && subject.group(1).equals(whole.group(1)))) {
            out.add(new Reading(whole.group(1), true));
        }
        Matcher them = SUBJECT_THEN_EXCLUDE.matcher(text);
        if (them.matches()) {
            out.add(new Reading(them.group(1), true));
        }
        Matcher bracket = BRACKET_THEN_EXCLUDED.matcher(text);
        if (bracket.matches() && !ONLY_HOW.matcher(bracket.group(1)).matches()) {
            // (never "VOID_IND = 'Y' (any case) lines are excluded": a bracket that says how to compare holds no test)
            out.add(new Reading(eachBracket(bracket.group(1)), true));
        }
        Matcher classed = them.matches() ? null : CLASS_THEN_EXCLUDE.matcher(text);
        if (classed != null && classed.matches()) {
            // "Films whose FILM_ID starts with 'ZZ' are ... - do not load them": the test after the rows' noun
            out.add(new Reading(classed.group(1).replaceFirst(ROWS_WITH, ""), true));
        }
        Matcher never = CLASS_NOT_CARRIED.matcher(text);
        if (never.matches() && !never.group(1).contains("(")) {
            out.add(new Reading(never.group(1), true));
        }
        Reading coded = coded(text);
        if (coded != null) {
            out.add(coded);
        }
        Matcher only = ONLY_LOADED.matcher(text.replaceAll("\\s*\\([^()]*\\)\\s*", " ").trim());
        if (only.matches()) {
            // "only SEG_STATUS HK or TK is loaded (see Cover)": the column is one of the values named
            out.add(new Reading(only.group(1) + " is " + only.group(2), false));
        }
        Matcher onlyDash = ONLY_DASH.matcher(text);
        if (onlyDash.matches()) {
            out.add(new Reading(onlyDash.group(1), false));
        }
        Matcher onlyBracket = ONLY_BRACKET.matcher(text);
        if (onlyBracket.matches()) {
            out.add(new Reading(onlyBracket.group(1), false));
        }
        Matcher that = EXCLUDING_THAT.matcher(text);
        if (that.matches()) {
            // "any ACCT_NO that, once trimmed, starts with TST": the column, its cleaning, its test
            String test = that.group(2);
            out.add(new Reading(that.group(1) + (test.matches("(?i)^(?:trimmed|upper-?cased|lower-?cased|cleaned)\\b.*") ? ", " : " ")
                    + test, true));
        }
        Matcher dash = EXCLUDING_DASH.matcher(text);
        if (dash.matches()) {
            out.add(new Reading(dash.group(1), true));
        }
        Matcher e = EXCLUDING.matcher(text);
        if (e.matches()) {
            String test = e.group(1) != null ? e.group(1) : e.group(2);
            Matcher listed = e.group(2) != null ? TESTED_THEN_CLASS.matcher(text.substring(0, text.indexOf('('))) : null;
            if (listed != null && listed.matches()) {
                // "Exclude rows with a blank BIN_NO and test bins (BIN_NO beginning with TST)": rows tested in words, then a
                // kind of rows defined in brackets; both are left out
                test = "(" + listed.group(1) + ") OR (" + test + ")";
            }
            out.add(new Reading(test, true));
        }
        Matcher after = EXCLUDED_AFTER.matcher(text);
        if (after.matches()) {
            out.add(new Reading(after.group(1), true));
        }
        Matcher bare = EXCLUDING_BARE.matcher(text);
        if (bare.matches()) {
            out.add(new Reading(bare.group(1), true));
        }
        if (out.isEmpty()) {
            out.add(new Reading(KEEPING.matcher(text).replaceFirst(""), false));
        }
        Matcher ie = IE.matcher(text);
        if (ie.matches()) {
            // "load only completed trips, i.e. trip_status = 'C' after trimming": the condition said exactly; "drop
            // rejected entries, i.e. entry_status REJ": the rows it leaves out
            boolean leavesOut = ie.group(1).matches("(?i).*\\b(?:not|exclude|drop|skip|remove|ignore|discard|without)\\b.*");
            boolean excludingVerb = ie.group(1).matches("(?i)^\\s*(?:exclude|drop|skip|remove|ignore|discard|reject|filter\\s+out|leave\\s+out|omit"
                    + "|do\\s+not\\s+load|don't\\s+load|never\\s+load)\\b[^,;]*");
            if (!leavesOut || excludingVerb) {
                out.add(new Reading(ie.group(2), excludingVerb));
            }
        }
        for (Reading r : List.copyOf(out)) {
            // "Drop the flight if that latest version has CNL_IND = Y": the row named as the subject of the test
            Matcher rowSubject = ROW_SUBJECT.matcher(r.condition());
            if (rowSubject.find()) {
                out.add(new Reading(r.condition().substring(rowSubject.end()), r.excluding()));
            }
        }
        for (Reading r : List.copyOf(out)) {
            // "... is X (reversed) – a fill whose latest version is a reversal is not loaded at all": what follows the
            // dash says why
            String[] clauses = r.condition().split("\\s+[–—]\\s+|\\s+-\\s+(?=[a-z])", 2);
            if (clauses.length == 2 && !INSTRUCTION.matcher(clauses[1]).find()) {
                // an instruction after the dash ("– then drop the records ...") is a step of its own, never a reason
                out.add(new Reading(clauses[0], r.excluding()));
            }
        }
        List<Reading> withoutRemarks = new ArrayList<>();
        for (Reading r : out) {
            Matcher m = REMARK.matcher(r.condition().trim());
            if (m.matches() && !COMPARES.matcher(m.group(2)).find() && !CLEANS.matcher(m.group(2)).find() && m.group(1).chars().filter(c -> c == '(').count()
                    == m.group(1).chars().filter(c -> c == ')').count()) {
                withoutRemarks.add(new Reading(m.group(1), r.excluding()));
            }
        }
        out.addAll(withoutRemarks);
        return out;
    }
}
