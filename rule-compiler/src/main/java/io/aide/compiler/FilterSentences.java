package io.aide.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sentences of a filter cell, as {@link FilterText} and the row choices read them one by one: split where an
 * instruction starts, without the number and topic of a step, an exclusion of several bracketed kinds one sentence per
 * kind, and a class of rows joined to the sentence that says what it is ("Exclude test accounts. These are the account
 * numbers starting with 999.").
 */
final class FilterSentences {
    private FilterSentences() {
    }

    /** A sentence without the number and label of its step ("Step 2 (filter): ...", "2) ..."). */
    static String withoutStep(String sentence) {
        // "Row selection, in this order: (1) drop void lines": the topic, then the step's number
        return withoutTopic(sentence.trim().replaceFirst(STEP, "")).replaceFirst(STEP, "");
    }

    /**
     * A sentence without the topic before its colon ("Payments: ignore void_ind = 'Y'"); a topic that is an instruction
     * ("Exclude QA test orders: any order whose ...") stays, joined to what follows it.
     */
    static String withoutTopic(String stepless) {
        java.util.regex.Matcher label = LABEL.matcher(stepless);
        if (!label.lookingAt()) {
            return stepless;
        }
        String rest = stepless.substring(label.end());
        if (LEFT_OUT_LABEL.matcher(stepless.substring(0, label.end())).find() && !rest.matches("(?i)^(?:exclude|drop|skip|remove|ignore"
                + "|discard|reject|filter|keep|load|only|do\\s+not|select|include)\\b.*")) {
            // "Internal plans are not loaded: PLAN_CODE beginning with INT_": the rows after the colon are left out
            return "Exclude " + rest;
        }
        if (VERB_LABEL.matcher(stepless).lookingAt() && !rest.matches("(?i)^(?:exclude|drop|skip|remove|ignore|discard|reject|filter|keep"
                + "|load|only|do\\s+not|select|include)\\b.*")) {
            // "Exclude QA test orders: any order whose ...": the verb before the colon chooses the rows after it
            return stepless.substring(0, stepless.indexOf(':')) + " " + rest;
        }
        return rest;
    }

    /** A label before a colon: "Step 2 (filter): ", "Payments: ". */
    private static final Pattern LABEL = Pattern.compile("^[A-Za-z][\\w ]{0,30}(?:,[\\w ]{1,30})?(?:\\([^()]{1,30}\\))?:\\s+(?=\\S)");
    /** The number of a step: "2) ", "(1) ", "3. ". */
    private static final String STEP = "^\\(?\\d{1,2}[).]\\s+";
    /** A label that says its rows are left out: "Internal plans are not loaded:", "Test data is excluded:". */
    private static final Pattern LEFT_OUT_LABEL = Pattern.compile("(?i)\\b(?:is|are)\\s+(?:not\\s+(?:be\\s+)?loaded|excluded|ignored|dropped"
            + "|skipped|removed|not\\s+included|out\\s+of\\s+scope)\\s*:\\s*$");
    /** A label that is an instruction: it starts with a verb that leaves rows out. */
    private static final Pattern VERB_LABEL = Pattern.compile("(?i)^(?:exclude|drop|skip|remove|ignore|discard|reject|filter\\s+out|leave\\s+out|omit)\\s");

    /** The sentences of a filter cell, each without its step's number and label. */
    static List<String> sentences(String cell) {
        List<String> out = new ArrayList<>();
        // a sentence also starts with a verb that chooses rows after a full stop or a semicolon ("...; drop entries of
        // test employees"), but not after "i.e." or "e.g."
        // "skip rows where X = Y and skip rows with no T": a second instruction after "and" is a sentence of its own
        // "... only (txn_status A). declined (D), reversed (X) ... are dropped": after a word or a bracket, a sentence may
        // start in lower case (never after an abbreviation: "etc.", "approx.", "no.")
        // "(load_status V, any case; blank status counts as not voided)": a second statement inside a bracket is a
        // sentence of its own after it
        String text = cell.trim().replaceAll("\\(([^()]*?);\\s*([^()]*)\\)", "($1). $2");
        for (String s : text.split("(?<=[A-Za-z0-9)]{2}[.])(?<!\\b(?:etc|vs|approx|incl|excl|min|max|avg|no|nr|cf|resp)\\.)"
                + "(?<!\\b[ie]\\.[eg]\\.)\\s+(?=[a-z]{3,}\\b)"
                // "Only EVENT_TYPE = 'PLAY'; events with no MS_PLAYED are not loaded": a semicolon ends a statement
                + "|(?<=;)\\s*"
                + "|(?<=[.;])(?<!\\b[ie]\\.[eg]\\.)\\s+(?=[A-Z0-9(]|(?:drop|exclude|remove|skip|keep"
                + "|ignore|discard|filter|then|only|load|do\\s+not|leave\\s+out|omit|(?:an?\\s+)?(?:blank|null|empty|missing)"
                + "|all\\s+other|every\\s+other|everything\\s+else|the\\s+rest)\\b)"
                + "|(?<=\\S)\\s+and\\s+(?=(?:also\\s+)?(?:drop|exclude|remove|skip|discard|reject|omit|leave\\s+out|filter\\s+out)\\s)"
                // "take the latest row per patron_no (...), then leave out test cards (...)": a step after a comma
                + "|(?<=\\S),\\s*(?:and\\s+)?then\\s+(?=(?:drop|exclude|remove|skip|discard|reject|omit|leave\\s+out|filter\\s+out)\\s)")) {
            String t = withoutStep(s);
            if (!t.isEmpty()) {
                out.addAll(bracketedItems(t));
            }
        }
        return defined(out);
    }

    /** "Exclude test accounts.": rows left out or kept by a name that no column holds, a definition to follow. */
    private static final Pattern NAMED_ROWS = Pattern.compile("(?i)^(" + FilterText.LEAVE_OUT + "|load\\s+only|keep\\s+only|only\\s+load)\\s+"
            + "(?:the\\s+|any\\s+|all\\s+)?[a-z][\\w-]*(?:\\s+[a-z][\\w-]*){0,2}\\s*[.;]?$");
    /** "These are the account numbers starting with 999.": what the rows just named are. */
    static final Pattern DEFINITION = Pattern.compile("(?i)^(?:these|they|those|such\\s+[a-z]+)\\s+(?:are|=|means?|being"
            + "|are\\s+identified\\s+by|can\\s+be\\s+recognised\\s+by|can\\s+be\\s+recognized\\s+by)\\s+(?:the\\s+|any\\s+|all\\s+)?(.+?)\\s*[.;]?$");

    /** A cell that names rows and then says what they are, as one sentence; else the cell as it is. */
    static String definedWhole(String cell) {
        String[] two = cell.trim().split("(?<=[.;])\\s+");
        if (two.length == 2) {
            List<String> merged = defined(List.of(two[0], two[1]));
            if (merged.size() == 1) {
                return merged.get(0);
            }
        }
        return cell;
    }

    /**
     * "Exclude test accounts. These are the account numbers starting with 999.": the rows named, then what they are,
     * read as one sentence ("Exclude account numbers starting with 999").
     */
    private static List<String> defined(List<String> sentences) {
        List<String> out = new ArrayList<>(sentences.size());
        for (int i = 0; i < sentences.size(); i++) {
            Matcher named = NAMED_ROWS.matcher(sentences.get(i).strip());
            Matcher definition = i + 1 < sentences.size() ? DEFINITION.matcher(sentences.get(i + 1).strip()) : null;
            if (named.matches() && definition != null && definition.matches()) {
                out.add(named.group(1) + " " + definition.group(1));
                i++;
            } else {
                out.add(sentences.get(i));
            }
        }
        return out;
    }

    /** "Drop rows flagged deleted (del_flag = Y) and enrolments on sandbox courses (code starting with TEST)". */
    // "Exclude voided rides (RIDE_STATUS = V) and rides of test members": the last kind may be named without a test, a
    // kind said elsewhere
    private static final Pattern BRACKETED_ITEMS = Pattern.compile("(?i)^(" + FilterText.LEAVE_OUT + ")\\s+([^()]{1,60}\\([^()]+\\)"
            + "(?:\\s*(?:,|\\band\\b|\\bor\\b|,\\s*and\\b)\\s*[^()]{1,60}\\([^()]+\\))*"
            + "(?:\\s*(?:,|\\band\\b|\\bor\\b|,\\s*and\\b)\\s*[^()]{1,60}\\([^()]+\\)|\\s*,?\\s*\\b(?:and|or)\\s+"
            // (never ", same as DIM_EMPLOYEE": where else the rows are left out)
            + "(?!(?:same|as|like|see|e\\.g|i\\.e)\\b)[^()]{1,60}))\\s*[.;]?$");
    private static final Pattern BRACKET = Pattern.compile("\\(([^()]+)\\)");
    /** A bracket that tells its item: a comparison in it. */
    private static final Pattern BRACKET_TEST = Pattern.compile("(?i)[=<>]|\\b(?:starts?|starting|begins?|beginning|ends?|ending"
            + "|contains?|containing|like|in|is|are|equals?)\\b");
    private static final Pattern ITEM_BREAK = Pattern.compile("(?<=\\))\\s*(?:,\\s*and|,|and|or)\\s+");

    /**
     * An exclusion of several kinds of rows, each with its test in brackets: one sentence per kind, each with the verb
     * ("Drop rows flagged deleted (del_flag = Y). Drop enrolments on sandbox courses (code starting with TEST)."); the
     * sentence as it is otherwise.
     */
    private static List<String> bracketedItems(String sentence) {
        Matcher m = BRACKETED_ITEMS.matcher(sentence.trim());
        if (!m.matches()) {
            return List.of(sentence);
        }
        Matcher bracket = BRACKET.matcher(m.group(2));
        while (bracket.find()) {
            if (!BRACKET_TEST.matcher(bracket.group(1)).find()) {
                // "rows with TEST_IND = 'Y' (any case) or whose ...": a bracket that only says how to compare makes no item
                return List.of(sentence);
            }
        }
        List<String> out = new ArrayList<>();
        for (String item : ITEM_BREAK.split(m.group(2))) {
            out.add(m.group(1) + " " + item.trim().replaceFirst("[.;]+$", "") + ".");
        }
        return out;
    }

    /**
     * "cancelled shipments (STATUS_CD = 'X') and test shipments (SHIP_NO starting with 'TEST', any case)": the items of a
     * list split at commas and "and" outside brackets (a bracket says how its item is told).
     */
    static String[] outsideBrackets(String items) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < items.length(); i++) {
            char c = items.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            boolean and = depth == 0 && items.startsWith(" and ", i);
            if (depth == 0 && c == ',' || and) {
                out.add(items.substring(from, i).strip());
                from = i + (and ? 5 : 1);
            }
        }
        out.add(items.substring(from).strip());
        // "IS_TEST = 'Y', or the account name begins with 'TEST'": rows either holds for are left out, each on its own
        out.replaceAll(x -> x.replaceFirst("(?i)^(?:or|and)\\s+(?=\\S)", ""));
        out.removeIf(x -> x.isEmpty() || x.equalsIgnoreCase("and"));
        return out.toArray(new String[0]);
    }
}
