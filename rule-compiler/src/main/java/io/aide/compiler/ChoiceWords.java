package io.aide.compiler;

import io.aide.compiler.lang.RowTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sentence that chooses rows, read by taking away the words that only say so: which way it chooses ("exclude",
 * "are not loaded", "only"), where the rows do not go ("to DIM_BRANCH", "everywhere"), what the rows are called
 * ("are QA profiles -", "test items -"), remarks in brackets ("(staff training room)") and how codes compare ("(any
 * case)", "trimmed"). What is left is the condition, read as any filter's: "Branch code TRN (staff training room) is
 * not a public branch and is not loaded to DIM_BRANCH" is rows whose branch code is TRN, left out. The words are data
 * (the sets below); the order they come in does not matter, so one reading covers the sentences that say the same
 * in another order.
 * <pre>
 * choice     := (marker | destination | class | remark | modifier | condition-word)*   with one direction of markers
 * marker     := LEAVE-OUT verb | "only" | passive ("are not loaded", "are ignored everywhere", "is out of scope")
 * condition  := what is left: a comparison in SQL or in words, several joined by ", and" or ";" when left out
 * </pre>
 */
final class ChoiceWords {

    /**
     * One reading: the condition, whether the rows it holds for are left out, and how its codes compare.
     *
     * @param conditions one or more conditions; rows any of them holds for are left out (or, when kept, the one)
     */
    record Reading(List<String> conditions, boolean excluding, boolean anyCase, boolean trimmed) {
    }

    /** Verbs that leave rows out, as an instruction. */
    private static final String LEAVE_OUT_VERB = "(?:exclude|drop|skip|ignore|remove|discard|reject|omit|filter\\s+out|leave\\s+out"
            + "|do\\s+not\\s+load|don't\\s+load|never\\s+load|do\\s+not\\s+include|don't\\s+include)";
    /** What rows are said to be when they are left out. */
    private static final String LEFT_OUT_STATE = "(?:not|never)\\s+(?:to\\s+)?(?:be\\s+)?(?:loaded|included|carried(?:\\s+(?:forward|over))?"
            + "|processed|kept|imported|selected|taken)|excluded|ignored|dropped|skipped|removed|discarded|rejected|filtered\\s+out"
            + "|left\\s+out|omitted|out\\s+of\\s+scope|not\\s+in\\s+scope|not\\s+part\\s+of\\s+(?:this|the)\\s+(?:load|mapping|feed)";
    private static final String BE = "(?:are|is|will\\s+be|must\\s+be|should\\s+be|shall\\s+be|get|gets|are\\s+to\\s+be|is\\s+to\\s+be"
            // "... must not be loaded", "... should never be loaded"
            + "|must|should|shall|will|may)";
    /** Where rows go or do not, and how far: "to DIM_BRANCH", "from the warehouse", "everywhere". */
    private static final String PLACE = "(?:\\s+(?:to|from|into|in|for)\\s+(?:the\\s+)?(?:[A-Za-z][\\w.]*_[\\w.]+|warehouse|mart|target|load"
            + "|dimension|fact|feed|table|data\\s+warehouse|dw|edw|this\\s+mapping)"
            // "from all four targets - member, tier history, flight activity and redemptions"
            + "|\\s+(?:to|from|into|in)\\s+(?:all|every|each|both|any)\\s+(?:\\w+\\s+){0,2}(?:targets?|tables?|marts?|loads?|facts|dimensions)"
            + "(?:\\s*[-–:(]\\s*[^.;]*)?)?(?:\\s+(?:and\\s+)?(?:everywhere|anywhere|at\\s+all|altogether"
            + "|entirely|completely))?"
            // "... are dropped too", "... are excluded as well": said again of other rows
            + "(?:\\s+(?:too|as\\s+well|also))?"
            // "... excluded from FACT_ADMISSION and therefore from the census": where else that takes them out of
            + "(?:\\s+and\\s+(?:therefore|thus|so|hence|also)\\s+(?:also\\s+)?(?:from|out\\s+of)\\s+(?:the\\s+|any\\s+|all\\s+)?[\\w-]+(?:\\s+[\\w-]+){0,2})?"
            // "... before anything else, including de-duplication": when, which the order of the steps says
            + "(?:\\s+before\\s+(?:(?:anything|everything)\\s+else|(?:the\\s+)?(?:de-?dup\\w*|dedupe|deduplication))"
            + "(?:\\s*,\\s*including\\s+(?:the\\s+)?[\\w-]+)?)?"
            // "... are excluded - see Notes", "(see General Rules #3)": where it is said at length
            + "(?:\\s*[-–—]?\\s*\\(?\\s*see\\s+(?:the\\s+)?(?:notes?|general\\s+rules?|rules?|cover(?:\\s+sheet)?)\\b[^.;()]*\\)?)?";
    private static final Pattern PASSIVE = Pattern.compile("(?i)(?:,?\\s*(?:and\\s+|-\\s+|–\\s+)?(?:they|these|those|such\\s+rows|which|that)\\s+)?"
            + "\\s*\\b" + BE + "\\s+(?:" + LEFT_OUT_STATE + ")" + PLACE + "\\s*[.;]?\\s*$");
    /** " were merged into another application by the recruiter and": a clause of words alone, joined by "and" to what follows. */
    private static final Pattern HAPPENED_AND = Pattern.compile("(?i)\\s+(?:are|is|were|was|have\\s+been|has\\s+been)\\s+"
            + "(?:(?!(?:are|is|were|was|and|not|never)\\b)[a-z][\\w/-]*\\s+){1,10}and\\s*$");
    private static final Pattern INSTRUCTION = Pattern.compile("(?i)^\\s*" + LEAVE_OUT_VERB + "\\b\\s*(?:(?:the|any|all)\\s+)?");
    private static final Pattern ONLY_LEAD = Pattern.compile("(?i)^\\s*(?:(?:load|keep|include|select|take)\\s+only|only\\s+(?:load|keep"
            + "|include|select|take)|only)\\b\\s*(?:(?:the|any|all)\\s+)?");
    private static final Pattern ONLY_TAIL = Pattern.compile("(?i)(?:\\s+only|\\s+(?:are|is)\\s+(?:the\\s+only\\s+ones?\\s+)?"
            + "(?:loaded|kept|included|in\\s+scope)(?:\\s+only)?)" + PLACE + "\\s*[.;]?\\s*$");
    /** What the rows are called before they are said to be left out: "are QA profiles -", "is not a public branch and". */
    private static final Pattern CLASS = Pattern.compile("(?i)\\s+(?:are|is)\\s+(?:not\\s+)?(?:an?\\s+|the\\s+)?[a-z][\\w/-]*(?:\\s+[a-z][\\w/-]*){0,4}"
            + "\\s*(?:[-–—,;]|\\band\\b)\\s*$");
    private static final Pattern CLASS_LAST = Pattern.compile("(?i)\\s+(?:are|is)\\s+(?:not\\s+)?(?:an?\\s+|the\\s+)?[a-z][\\w/-]*"
            + "(?:\\s+[a-z][\\w/-]*){0,4}\\s*$");
    /** The instruction after what the rows are: "... are internal test plans - do not load them." */
    private static final Pattern TAIL_INSTRUCTION = Pattern.compile("(?i)\\s*[-–—:;,]\\s*" + LEAVE_OUT_VERB
            + "(?:\\s+(?:them|these|those|it|such\\s+rows))?" + PLACE + "\\s*[.;]?\\s*$");
    /** A thing named in the plural before how it is tested: "member numbers starting with TST". */
    private static final Pattern PLURAL_TESTED = Pattern.compile("(?i)^((?:[a-z]+\\s+){0,2})([a-z]+s)(?=\\s+(?:starting|beginning|ending"
            + "|containing|that\\s+(?:start|begin|end|contain)|which\\s+(?:start|begin|end|contain)|equal\\s+to|of)\\b)");
    /** A label before a dash, then the condition: "test items - ITEM_NO beginning with 'TEST'". */
    private static final Pattern LABEL = Pattern.compile("^[a-z][\\w/ -]{0,40}?(?:\\s+[-–—]|\\s*:)\\s+(?=\\S)", Pattern.CASE_INSENSITIVE);
    /** How codes compare, said beside the condition. */
    private static final Pattern ANY_CASE = Pattern.compile("(?i)\\b(?:(?:in\\s+)?(?:any|either)\\s+case|case[- ]insensitive(?:ly)?"
            + "|ignor\\w*\\s+(?:the\\s+)?case|regardless\\s+of\\s+case|upper(?:[- ]?cased?)?|upper\\s*/\\s*trim|trim\\s*/\\s*upper)\\b");
    private static final Pattern TRIMMED = Pattern.compile("(?i)\\b(?:after\\s+trim(?:ming)?|trimmed|trim|ignor(?:e|ing)\\s+(?:the\\s+)?(?:spaces|whitespace)|spaces\\s+ignored"
            // "any case/spaces", "case and spaces": both said at once
            + "|(?<=case)\\s*(?:/|and|or|&|,)\\s*(?:surrounding\\s+|extra\\s+)?(?:spaces|padding|whitespace|blanks)|ignoring\\s+padding"
            + "|with\\s+or\\s+without\\s+spaces|upper\\s*/\\s*trim|trim\\s*/\\s*upper)\\b");
    private static final Pattern MODIFIER_ONLY = Pattern.compile("(?i)^\\s*(?:(?:" + ANY_CASE.pattern().substring(4) + "|"
            + TRIMMED.pattern().substring(4) + "|and|\\+|,|/)\\s*)+$");
    private static final Pattern COMPARES = Pattern.compile("(?i)[=<>]|\\b(?:in|like)\\s*\\(|\\bis\\s+(?:not\\s+)?null\\b");
    private static final Pattern BRACKET = Pattern.compile("\\s*\\(([^()]*)\\)");
    /** Words after a list of codes that say the list goes on, or an example. */
    private static final Pattern ETC = Pattern.compile("(?i),?\\s*\\b(?:etc\\.?|and\\s+so\\s+on)");
    private static final Set<String> ROW_NOUNS = Set.of("rows", "records", "lines", "entries", "items", "data", "row", "record",
            "line", "entry");
    private static final Pattern ROWS_WITH = Pattern.compile("(?i)^(?:[a-z][a-z-]*\\s+){0,2}?(?:(?!(?:starts|begins|ends|contains|matches"
            + "|equals|is|was|has)\\b)([a-z][a-z-]*s|row|record|line|entry)\\s+)"
            + "(?:with|where|whose|having|that\\s+have|which\\s+have|that\\s+are|which\\s+are|of|on|for|in)\\s+(?:an?\\s+|the\\s+)?");

    /** "TEST, CAL etc. are ignored", "all other types are dropped": codes alone, said to be left out. */
    private static final Pattern CODES_LEFT_OUT = Pattern.compile("(?i)^(?:(?:all|any|every)\\s+)?(?:(?:other|others|the\\s+rest|(?-i:[A-Z][A-Z0-9]{0,5})"
            + "|'[^']*')(?:\\s+[a-z]+s)?\\s*(?:,|\\band\\b|\\bor\\b|&|/)?\\s*)+(?:etc\\.?\\s*)?" + BE + "\\s+(?:" + LEFT_OUT_STATE + ")"
            + PLACE + "\\s*[.;]?\\s*$");

    private ChoiceWords() {
    }

    /** The sentence read as a choice of rows; null when it is none or its direction is unclear. */
    static Reading read(String sentence) {
        String[] clauses = sentence.strip().split("\\s*;\\s*(?=\\S)");
        if (clauses.length > 1) {
            // "Only EVENT_TYPE = 'PROD'; TEST, CAL etc. are ignored": the codes the first clause does not keep, said again
            Reading first = read(clauses[0]);
            boolean restated = first != null && !first.excluding();
            for (int i = 1; i < clauses.length && restated; i++) {
                restated = CODES_LEFT_OUT.matcher(clauses[i]).matches();
            }
            if (restated) {
                return first;
            }
        }
        String s = sentence.strip();
        boolean[] anyCase = {false};
        boolean[] trimmed = {false};
        s = brackets(s, anyCase, trimmed);
        if (s == null) {
            return null;
        }
        Boolean excluding = null;
        boolean toldAfter = false;
        Matcher passive = PASSIVE.matcher(s);
        if (passive.find()) {
            excluding = true;
            // "... are training/QA hotels - they are not loaded": what the rows are, then that they are left out
            toldAfter = passive.group().matches("(?is)^\\s*(?:,|-|–|and\\b|they\\b|these\\b|those\\b|such\\b|which\\b|that\\b).*");
            s = s.substring(0, passive.start());
            // "Applications with DISPOSITION = 'DUP' were merged into another application by the recruiter and must be
            // dropped": what happened to the rows, said before that they are left out, tests nothing
            Matcher why = HAPPENED_AND.matcher(s);
            if (why.find() && (COMPARES.matcher(s.substring(0, why.start())).find() || hasCode(s.substring(0, why.start())))) {
                s = s.substring(0, why.start());
                toldAfter = true;
            }
        }
        Matcher tail = TAIL_INSTRUCTION.matcher(s);
        if (excluding == null && tail.find()) {
            // "Plan codes beginning with TEST are internal test plans - do not load."
            excluding = true;
            toldAfter = true;
            s = s.substring(0, tail.start());
        }
        Matcher instruction = INSTRUCTION.matcher(s);
        boolean instructed = false;
        if (instruction.find()) {
            instructed = true;
            if (Boolean.FALSE.equals(excluding)) {
                return null;
            }
            excluding = true;
            s = s.substring(instruction.end());
        }
        Matcher only = ONLY_LEAD.matcher(s);
        if (only.find()) {
            if (excluding != null) {
                return null;
            }
            excluding = false;
            s = s.substring(only.end());
        }
        Matcher onlyTail = ONLY_TAIL.matcher(s);
        if (onlyTail.find()) {
            if (Boolean.TRUE.equals(excluding)) {
                return null;
            }
            excluding = false;
            s = s.substring(0, onlyTail.start());
        }
        if (excluding == null) {
            return null;
        }
        Matcher classed = (toldAfter ? CLASS_LAST : CLASS).matcher(s);
        boolean found = classed.find();
        if (!found && instructed) {
            // "Exclude wards whose WARD_CD starts with 'ZZ' are test/training wards" (a list item after "Test data is not
            // loaded:"): what the rows are, said last
            s = s.replaceAll("[.;]+\\s*$", "");
            classed = CLASS_LAST.matcher(s);
            found = classed.find();
        }
        if (found && (COMPARES.matcher(s.substring(0, classed.start())).find() || hasCode(s.substring(0, classed.start())))) {
            s = s.substring(0, classed.start());
        }
        Matcher label = LABEL.matcher(s);
        if (label.find() && (COMPARES.matcher(s.substring(label.end())).find() || s.substring(label.end()).matches(".*\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b.*"))) {
            s = s.substring(label.end());
        }
        s = modifiers(s, anyCase, trimmed);
        s = ETC.matcher(s).replaceAll("").strip().replaceAll("[.;,]+$", "").strip();
        List<String> conditions = new ArrayList<>();
        for (String part : excluding ? s.split("\\s*;\\s*|\\s*,\\s+and\\s+|\\s*,\\s+or\\s+") : new String[]{s}) {
            String c = subject(part.strip());
            if (c.isEmpty()) {
                return null;
            }
            conditions.add(c);
        }
        return conditions.isEmpty() ? null : new Reading(conditions, excluding, anyCase[0], trimmed[0]);
    }

    /** The text without brackets that only remark or say how to compare; a bracket that compares is unwrapped. */
    private static String brackets(String s, boolean[] anyCase, boolean[] trimmed) {
        StringBuilder out = new StringBuilder();
        Matcher b = BRACKET.matcher(s);
        int last = 0;
        while (b.find()) {
            out.append(s, last, b.start());
            last = b.end();
            String inside = b.group(1);
            if (COMPARES.matcher(inside).find()) {
                out.append(' ').append(modifiers(inside, anyCase, trimmed));
            } else if (inside.strip().matches("[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+")) {
                // "or surname (LAST_NM) 'TEST'": the words before name the column the bracket names; the column stands
                // for them (words up to the one that joins the tests: "or", "where", "whose", ...)
                String before = out.toString();
                java.util.regex.Matcher named = NAMING_WORDS.matcher(before);
                out.setLength(0);
                out.append(named.find() ? before.substring(0, named.start()) : before).append(' ').append(inside.strip()).append(' ');
            } else if (modifiers(inside, anyCase, trimmed).isBlank() || !inside.matches("(?s).*\\b[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+\\b.*")) {
                // "(any case)", "(trimmed, upper)": how; "(staff training room)", "(General Rule 3)": a remark
                continue;
            } else {
                // "(compare order_no after trim)": a column named, which a remark never does
                return null;
            }
        }
        out.append(s.substring(last));
        return out.toString().replaceAll("\\s{2,}", " ").strip();
    }

    /** Up to three words that name a column before the bracket that names it by its name ("the customer's surname"). */
    private static final String NOT_NAMING = "(?!(?:or|and|where|whose|with|if|when|of|is|are|the|a|an|not|exclude|drop|remove|skip"
            + "|ignore|only|keep|load)\\b)";
    private static final Pattern NAMING_WORDS = Pattern.compile("(?i)(?<=^|\\s)(?:" + NOT_NAMING + "[a-z][\\w'-]*\\s+){0,2}" + NOT_NAMING
            + "[a-z][\\w'-]*\\s*$");

    /** A part that says at which step a test is made ("on the row kept by the de-dup", "after de-duplication"). */
    private static final Pattern STEP_REMARK = Pattern.compile("(?i)^(?:on|for|of|to|after|before|from|at)\\s+[\\w\\s-]{0,40}?\\b"
            + "(?:de-?dup\\w*|dedupe\\w*|deduplicat\\w*|numbering)\\b[\\w\\s-]{0,20}$");

    /** The text without the words that say how codes compare (", any case", "trimmed"), noted in the flags. */
    private static String modifiers(String s, boolean[] anyCase, boolean[] trimmed) {
        String[] parts = s.split("\\s*,\\s*");
        StringBuilder out = new StringBuilder();
        for (String p : parts) {
            if (STEP_REMARK.matcher(p).matches()) {
                // "(ADM_STATUS = 'X', any case, on the row kept by the de-dup)": when the test is made, which the order of
                // the steps says
                continue;
            }
            if (MODIFIER_ONLY.matcher(p).matches()) {
                anyCase[0] |= ANY_CASE.matcher(p).find();
                trimmed[0] |= TRIMMED.matcher(p).find();
                continue;
            }
            out.append(out.length() == 0 ? "" : ", ").append(p);
        }
        return out.toString();
    }

    private static final Pattern THING_WHOSE = Pattern.compile("(?i)\\b([a-z][a-z-]*s)\\s+whose\\s+(?!(?:a|an|the|no|any)\\b)[a-z]+\\b(?!_)");

    /**
     * The thing a sentence tests a value of ("regions whose name is 'Test'": region), or null: the value is that
     * thing's, never another thing's column that the word alone would also name (the store's name).
     */
    static String thingWhose(String text) {
        Matcher m = THING_WHOSE.matcher(text);
        return m.find() && !ROW_NOUNS.contains(m.group(1).toLowerCase(Locale.ROOT)) ? RowTables.singular(m.group(1).toLowerCase(Locale.ROOT)) : null;
    }


    private static boolean hasCode(String s) {
        return s.matches(".*(?:'[^']+'|\\b[A-Z][A-Z0-9]{1,5}\\b).*");
    }

    /**
     * The condition without the rows it is said of: "GUEST_PROFILE rows with TEST_IND = 'Y'" is TEST_IND = 'Y';
     * "properties whose code starts with 'ZZ'" is "property code starts with 'ZZ'", the thing's own code.
     */
    private static final Pattern ROWS_OF_VALUE = Pattern.compile("(?i)^(?:all\\s+|any\\s+|the\\s+)?[a-z][a-z-]*s\\s+of\\s+(?!the\\b|a\\b|an\\b)([a-z].*)$");

    /** "LAST_NM is 'TEST' in FFP_MEMBER": the column of the table named after the test. */
    private static final Pattern IN_TABLE = Pattern.compile("^(.*?)\\b([A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+)\\b(.*?)\\s+(?:in|of|on|from)\\s+"
            + "(?:the\\s+)?([A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+)(?:\\s+(?:table|extract|file))?\\s*$");

    private static String subject(String part) {
        if (COMPARES.matcher(part).find()) {
            // "VOID_IND = 'Y' lines": the test, then the rows it holds for
            part = part.replaceFirst("(?i)\\s+(?:rows|records|lines|entries)$", "");
        }
        // "Parcels of shipper account 999999": the rows named, then of what value (a number, a code or a column's name)
        // ("Events of parcels of shipper account 999999": rows of rows of that value)
        for (Matcher ofValue = ROWS_OF_VALUE.matcher(part); ofValue.matches()
                && ofValue.group(1).matches(".*(?:\\d|'|\\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\\b).*"); ofValue = ROWS_OF_VALUE.matcher(part)) {
            part = ofValue.group(1);
        }
        // "any patient whose MRN starts with 'ZZ' or whose surname is 'TEST'": the second test of the same rows
        part = part.replaceAll("(?i)\\s+(or|and)\\s+(?:whose|where\\s+(?:the|its|their))\\s+", " $1 ");
        Matcher inTable = IN_TABLE.matcher(part);
        if (inTable.matches() && !inTable.group(2).contains(".")) {
            part = inTable.group(1) + inTable.group(4) + "." + inTable.group(2) + inTable.group(3);
        }
        Matcher plural = PLURAL_TESTED.matcher(part);
        if (plural.find() && !ROW_NOUNS.contains(plural.group(2).toLowerCase(Locale.ROOT))) {
            part = plural.group(1) + RowTables.singular(plural.group(2).toLowerCase(Locale.ROOT)) + part.substring(plural.end());
        }
        // "Every application made against any ATS_REQUISITION row with ...": rows of this table told by a row of that
        // one, which the condition tests through the identifier this table holds of it
        part = part.replaceFirst("^(?i:(?:every|each|any|all)\\s+)?[a-z][\\w-]*\\s+(?i:made|placed|raised|booked|filed|submitted|logged"
                + "|linked|belonging|attached|recorded|taken)\\s+(?i:against|to|for|on|under|with|in)\\s+(?=(?i:any|every|each|all|an?|the)\\s+"
                + "[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\\s+(?i:rows?|records?|lines?|entries|entry)\\b)", "");
        // "Work orders raised against a fleet number starting with 'TEST'": the test of the row they are raised against
        part = part.replaceFirst("^(?i:(?:every|each|any|all)\\s+)?(?:[A-Za-z][\\w-]*\\s+){1,2}(?i:made|placed|raised|booked|filed|submitted"
                + "|logged|linked|attached|recorded)\\s+(?i:against|for|on|under)\\s+(?i:an?|the|any)\\s+(?=[a-z][\\w-]*(?:\\s+[a-z][\\w-]*)?\\s+"
                + "(?i:starting|beginning|ending|containing|equal|that|which|whose|with|of)\\b)", "");
        // "CDRs without a START_TS": the rows whose column has no value
        part = part.replaceFirst("^(?:[A-Za-z][\\w-]*\\s+){1,3}(?i:without|lacking)\\s+(?i:an?\\s+|the\\s+|any\\s+)?([A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+)$",
                "$1 is blank");
        // "Any TKT_EVENT row with ...", "GUEST_PROFILE rows with ...": the table the rows are of
        String p = part.replaceFirst("^(?i:any\\s+|all\\s+|each\\s+|every\\s+)?[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\\s+(?=(?i:rows?|records?|lines?|entries"
                + "|entry)\\b)", "");
        // "any patient whose MRN starts with 'ZZ'": one row named, then its column written as a name
        p = p.replaceFirst("^(?i:(?:any|every|each|an?|the)\\s+)?[a-z][\\w-]*\\s+whose\\s+(?=[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*\\b)", "");
        // "Staff with ROLE_CD = 'ADM'": what the rows are called, then the condition on a column named
        p = p.replaceFirst("^(?:[A-Za-z][\\w-]*\\s+){1,3}(?i:with|where|having)\\s+(?=[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]*\\s*(?:=|<>|!=|>|<"
                + "|\\b(?i:in|is|not|starts?|begins?|ends?|contains?)\\b))", "");
        // "soft-deleted rows IS_DELETED = 1", "cancelled orders ORDER_STATUS = CANCELLED" (the bracket that said what they
        // are unwrapped): the condition
        // ("test patients PATIENT_ID starting with 'TST'": the test said with a verb of its text)
        p = p.replaceFirst("^(?i:(?:[a-z][\\w-]*\\s+){0,2}[a-z][\\w-]*s)\\s+(?=[A-Z][A-Z0-9]*_[A-Z0-9_]*\\s*(?:=|<>|!=|>|<|\\b(?i:in|is|not"
                + "|starts?|starting|begins?|beginning|ends?|ending|contains?|containing|like)\\b))", "");
        Matcher m = ROWS_WITH.matcher(p);
        if (m.find()) {
            String noun = m.group(1).toLowerCase(Locale.ROOT);
            String rest = p.substring(m.end());
            if (ROW_NOUNS.contains(noun) || !p.substring(m.end(1)).matches("(?i)^\\s+whose\\b.*")
                    || !rest.matches("(?i)^[a-z]+\\b(?!_).*") || rest.matches("(?i)^(?:a|an|the|no|any|blank|empty|null|missing)\\b.*")) {
                return rest;
            }
            // "properties whose code ...": the thing's own column by its name, property_code
            // ("flights whose carrier code is ZZ": two words before the verb name a column of their own, never
            // flight_carrier)
            Matcher word = Pattern.compile("^([A-Za-z]+)\\s+(?=(?i:is|are|was|=|<>|!=|>|<|in|not|starts?|begins?|ends?|contains?|equals?|like"
                    + "|matches|has|does)\\b|[=<>!])").matcher(rest);
            // "work centres whose code": the words before the thing are part of its name (work_centre_code)
            // ("dummy programmes whose code": the kind's word is no part of the name)
            String before = p.substring(0, m.start(1)).trim().toLowerCase(Locale.ROOT)
                    .replaceAll("^(?:(?:test|dummy|demo|sample|internal|cancelled|canceled|void|voided|inactive|old|duplicate|fake)\\s*)+", "")
                    .replaceAll("\\s+", "_");
            return word.find() ? (before.isEmpty() ? "" : before + "_") + RowTables.singular(noun) + "_" + word.group(1).toLowerCase(Locale.ROOT)
                    + " " + rest.substring(word.end()) : rest;
        }
        return p;
    }
}
