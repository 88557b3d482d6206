package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;
import io.aide.compiler.rules.RuleContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Sentences that ask for nothing the rest of the cell does not already do, and say so to reassure the reader: "keep
 * original casing", "Never null.", "Leave NULL when blank – do not default.", "Keep the value even if it does not exist
 * in subscriptions", "Any other non-blank code is kept as cleaned". Each is left out only when the value the rest
 * computes bears it out (no case change where the casing is kept, an else branch or default where it is never null, a
 * number or date where a blank stays NULL); otherwise the cell is read without this shape and flagged as before.
 * <pre>
 * cell := (sentence | ", " clause)*    a sentence ends at "." ";" or a line break; a clause after a comma
 * </pre>
 */
final class Reassurances {

    private enum Kind {
        /** the original case is kept: the value may not change case */
        CASE_KEPT,
        /** the value is never NULL: the value must have an else or a default */
        NEVER_NULL,
        /** a blank stays NULL, no default: a number, date or truth value read from text does so anyway */
        NULL_KEPT,
        /** leading zeros drop off: the value is a number */
        ZEROS_DROPPED,
        /** text that does not read as the type gives NULL: the value is a safe parse or cast, with no default after it */
        UNREADABLE_NULL,
        /** the value stays text, its leading zeros kept: neither the value nor the target is a number */
        TEXT_KEPT,
        /** the conditions are tested in the order written, the first that holds giving the value: the value is a CASE */
        IN_ORDER,
        /** says what is not done to the rows or other values, or gives an example: nothing to check */
        NOTHING
    }

    private static final String BLANK = "(?:blank|blanks|empty|missing|null|nulls)";
    /** "as entered", "as sent", "as the source has it": the value the source gave */
    private static final String AS_GIVEN = "as\\s+(?:entered|received|given|is|written|keyed|sent|supplied|provided|captured|recorded|delivered"
            + "|extracted|loaded|typed|found|in\\s+(?:the\\s+)?source|the\\s+source\\s+has\\s+it)";
    private static final List<Object[]> SAYINGS = List.of(
            // "Evaluate in that order.", "first match wins": how a CASE reads its branches anyway
            new Object[]{Pattern.compile("(?:(?:evaluate|evaluated|check|checked|apply|applied|test|tested|read)\\s+(?:the\\s+)?"
                    + "(?:conditions?\\s+|rules?\\s+|branches\\s+|tests\\s+|them\\s+)?(?:in\\s+(?:that|this|the\\s+(?:given|listed|above|stated"
                    + "|written))\\s+order|in\\s+order|top\\s+(?:to|down)(?:\\s+bottom)?)|(?:the\\s+)?first\\s+(?:match|matching\\s+(?:rule|condition"
                    + "|branch)|(?:rule|condition|branch)\\s+that\\s+(?:holds|matches|applies))\\s+wins)"), Kind.IN_ORDER},
            new Object[]{Pattern.compile("(?:keep|retain|preserve|keeping|retaining)\\s+(?:the\\s+)?(?:original\\s+)?(?:casing|case)"
                    + "(?:\\s+" + AS_GIVEN + ")?|(?:case|casing)\\s+(?:unchanged|" + AS_GIVEN + "|kept)"
                    + "|(?:no|without)\\s+case\\s+change"), Kind.CASE_KEPT},
            new Object[]{Pattern.compile("\\(?\\s*(?:it\\s+is\\s+|is\\s+)?never\\s+null\\s*\\)?|never\\s+(?:empty|blank)"), Kind.NEVER_NULL},
            new Object[]{Pattern.compile("(?:" + BLANK + "(?:\\s+(?:or|/)\\s+" + BLANK + ")?\\s+(?:means|=|is)\\s+[^.;]{1,60}?\\s*[-–—,]\\s+"
                    // "open-ended campaigns have no end date - leave null": why, then a dash (never a condition)
                    + "|(?![^.;]*\\b(?:if|when|where|unless|for)\\b)[^.;=,]{1,60}?\\s+[-–—]\\s+)?"
                    + "(?:leave|keep|left|kept|stays?|remains?|load)\\s+(?:it\\s+)?(?:as\\s+)?null(?:\\s+(?:when|if|for)\\s+" + BLANK
                    + "(?:\\s+(?:or|/)\\s+" + BLANK + ")?"
                    // "stays NULL while the item is still out (blank return_dt)": when, said in the row's words, then the blank
                    + "|\\s+(?:while|when|if|until|as\\s+long\\s+as)\\s+[^;.()]{1,60}?\\s*\\(\\s*" + BLANK + "\\b[^()]{0,40}\\))?"
                    + "(?:\\s+[-–—]\\s+do\\s+not\\s+default)?|do\\s+not\\s+default|no\\s+default"
                    + "|" + BLANK + "\\s+(?:stays?|remains?)\\s+null"), Kind.NULL_KEPT},
            new Object[]{Pattern.compile("(?:keep|load|retain|carry)\\s+(?:the\\s+)?(?:value|row|it|them)\\s+even\\s+(?:if|when)\\s+[^;]{1,80}"
                    + "|any\\s+other\\s+(?:non\\s*-?\\s*blank\\s+|non\\s*-?\\s*null\\s+)?(?:code|value)s?\\s+(?:is|are)\\s+kept\\b[^;]{0,80}"
                    // an example in brackets: "(e.g. 'x' → 'X')", "('0101' becomes 101)"
                    + "|\\(?\\s*(?:[a-z][a-z ]{0,20}\\s*,\\s*)?(?:e\\s*\\.?\\s*g\\s*\\.?|eg|for\\s+example|example)\\s*[:,]?\\s*[^()]{1,60}\\)?"
                    + "|\\(?\\s*'[^']{1,20}'\\s*(?:becomes|->|→|=>|gives|turns\\s+into)\\s*'?[^'()]{1,20}'?\\s*\\)?"
                    // "(00/00/0000, 31/02 etc.)": values given as examples
                    + "|(?:[0-9'][0-9/.: '-]*,\\s*){0,6}[0-9'][0-9/.: '-]*\\s+etc\\s*\\.?"
                    + "|keep\\s+(?:it\\s+)?as\\s+(?:text|a\\s+string)\\s+so\\s+[^;]{1,60}"
                    // "(after the B default)", "(after the de-duplication below)": the order of steps, which is the order
                    // the value is computed in
                    + "|\\(\\s*after\\s+the\\s+[a-z0-9 '\\-]{1,40}\\)"
                    // "This is the natural key of the dimension": what the column is, not what is done to it
                    + "|(?:this|it)\\s+is\\s+the\\s+(?:natural|business|primary|surrogate|unique)\\s+key(?:\\s+of\\s+the\\s+[a-z ]{1,30})?"), Kind.NOTHING});

    /** "117 becomes 0117": a number and what it becomes, an example. */
    private static final Pattern NUMBER_EXAMPLE = Pattern.compile("\\d[\\w.:/-]{0,19}\\s*(?:becomes|->|→|=>|gives|turns\\s+into)\\s*\\d[\\w.:/-]{0,19}");
    private static final Pattern ZEROS = Pattern.compile("(?:the\\s+)?leading\\s+zeros?\\s+(?:drop\\s+off|are\\s+dropped|are\\s+lost"
            + "|disappear|go|are\\s+removed|fall\\s+away)(?:\\s*,?\\s*\\(?\\s*'?[^'()\\s]{1,20}'?\\s*(?:becomes|->|→|=>)\\s*\\S{1,20}\\s*\\)?)?");

    /** "leading zeros matter", "Keep as text", "keep the leading zeros", "(store as a string)": the value stays text. */
    private static final Pattern TEXT = Pattern.compile("(?:the\\s+)?leading\\s+zeros?\\s+(?:matter|are\\s+significant|are\\s+meaningful"
            + "|are\\s+kept|stay|must\\s+(?:be\\s+kept|stay|be\\s+preserved|not\\s+be\\s+lost))|(?:keep|retain|preserve)\\s+(?:the\\s+|any\\s+)?"
            + "leading\\s+zeros?|(?:keep|load|store|hold|leave)\\s+(?:it\\s+)?as\\s+(?:text|a\\s+string|string|varchar|character)"
            + "|(?:do\\s+not|don't|never)\\s+(?:cast|convert)\\s+(?:it\\s+)?to\\s+(?:a\\s+)?(?:number|numeric|integer)");

    /** What does not read as a date or number: "invalid dates", "anything that won't convert", "00/00/0000", "blanks". */
    private static final String UNREADABLE = "(?:(?:invalid|bad|impossible|placeholder|unparse?able|malformed|junk|dummy|zero|corrupt"
            + "|garbage|wrong|broken|missing|blank|empty)(?:\\s*(?:or|and|/)\\s*(?:invalid|bad|impossible|placeholder|unparse?able|malformed"
            + "|junk|dummy|zero|missing|blank|empty))*(?:\\s+(?:dates?|values?|timestamps?|entries|numbers?|ones|amounts?))?"
            + "|anything(?:\\s+else)?\\s+that\\s+(?:won't|will\\s+not|wont|does\\s+not|doesn't|cannot|can't|fails\\s+to)\\s+(?:convert|parse)"
            // "not a valid calendar date", "anything that is not a real calendar date"
            + "|(?:anything(?:\\s+else)?\\s+that\\s+is\\s+)?not\\s+a\\s+(?:real|valid|proper|true|genuine)\\s+(?:calendar\\s+)?"
            + "(?:date|number|timestamp|value)"
            + "|other\\s+(?:formats?|layouts?)|blanks|nulls|zeros|zeroes|(?:the\\s+)?(?:string|text|literal|word)\\s+'null'|'null'|null"
            + "|0{6,8}|00\\s*/\\s*00\\s*/\\s*0000|0000\\s*-\\s*00\\s*-\\s*00)"
            + "(?:\\s*\\([^()]*\\))?";
    /**
     * "Invalid dates (e.g. 31/02/2024) or other formats -> NULL", "00000000, blanks and anything that won't convert go to
     * NULL", "If it doesn't parse, NULL", "00000000 / blank / NULL means still enrolled - leave empty".
     */
    private static final Pattern UNREADABLE_GIVES_NULL = Pattern.compile("(?:" + UNREADABLE + ")(?:\\s*(?:,\\s*(?:or\\b|and\\b)?|/|\\bor\\b|\\band\\b)\\s*(?:"
            + UNREADABLE + "))*\\s*(?:->|→|=>|=|:|to|go\\s+to|goes\\s+to|become|becomes|gives?|(?:are|is)\\s+(?:set|loaded|stored|treated"
            + "|read)\\s+(?:to|as)|(?:load|set|leave)\\s+(?:as|to)|means?\\s+[^-–—,]{1,60}?\\s*[-–—,]\\s*leave(?:\\s+it)?)\\s*(?:a\\s+)?(?:null|empty|blank)"
            + "(?:\\s+(?:date|value))?"
            + "|if\\s+(?:it|the\\s+(?:value|text|date))\\s+(?:doesn't|does\\s+not|won't|will\\s+not|cannot|can't|fails\\s+to)\\s+(?:parse|convert)"
            + "\\s*,?\\s*(?:then\\s+)?(?:null|leave\\s+(?:it\\s+)?(?:null|empty)|(?:load|set)\\s+(?:it\\s+)?(?:as|to)\\s+null)"
            // "If not a valid calendar date (e.g. 00000000) load NULL": what does not read, said as a condition
            + "|if\\s+(?:it\\s+is\\s+)?not\\s+a\\s+(?:valid|real|proper|true|genuine)\\s+(?:calendar\\s+)?(?:date|number|value|timestamp)"
            + "(?:\\s*\\([^()]*\\))?\\s*,?\\s*(?:then\\s+)?(?:load|set|leave|return|give)\\s+(?:it\\s+)?(?:as\\s+|to\\s+)?(?:null|empty|blank)"
            // "do not fail the batch": what does not read gives NULL, as a safe parse does
            + "|(?:do\\s+not|don't|never)\\s+fail\\s+(?:the\\s+)?(?:batch|load|job|run|row)"
            // "(don't try to rescue other formats)": no other layout is tried, as none is
            + "|(?:don't|do\\s+not|never)\\s+(?:try\\s+to\\s+)?(?:rescue|guess|repair|fix)\\s+(?:other\\s+)?(?:formats?|layouts?|dates?|values?)");

    private Reassurances() {
    }

    /** The cell read without its reassuring sentences, when there are some and the value bears them out; else null. */
    static Recognition read(List<Token> all, RuleContext ctx, Lexicon lexicon, Function<List<Token>, Recognition> rest) {
        List<Token> kept = new ArrayList<>();
        List<Kind> said = new ArrayList<>();
        List<Token> written = all;
        int naming = naming(all, ctx, lexicon);
        if (naming > 0) {
            // "ISO country code, trimmed and converted to upper case": the column named before what is done to it
            written = all.subList(naming, all.size());
            said.add(Kind.NOTHING);
        }
        // "otherwise false (never null)": a bracket that reassures
        List<Token> tokens = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            int close = written.get(i).op("(") ? closing(written, i) : -1;
            Kind inside = close > i + 1 ? kind(written.subList(i + 1, close)) : null;
            if (inside == null && close > i + 1 && NUMBER_EXAMPLE.matcher(text(written.subList(i + 1, close))).matches()) {
                // "(117 becomes 0117)": a number's example, in brackets (never "0 → 1" said as a rule of its own)
                inside = Kind.NOTHING;
            }
            if (inside != null) {
                said.add(inside);
                i = close;
            } else {
                tokens.add(written.get(i));
            }
        }
        int start = 0;
        for (int i = 0; i <= tokens.size(); i++) {
            boolean end = i == tokens.size() || tokens.get(i).kind() == Token.Kind.SEP;
            // a clause after a comma or a dash, up to the sentence's end
            boolean comma = !end && (tokens.get(i).op(",") || tokens.get(i).op("-") || tokens.get(i).text().equals("–")
                    || tokens.get(i).text().equals("—"));
            if (!end && !comma) {
                continue;
            }
            List<Token> part = tokens.subList(start, i);
            Kind kind = comma ? null : kind(part);
            if (comma) {
                // a clause after a comma, up to the sentence's end: "Trim leading/trailing spaces, keep original casing"
                int stop = i + 1;
                while (stop < tokens.size() && tokens.get(stop).kind() != Token.Kind.SEP) {
                    stop++;
                }
                Kind whole = kind(tokens.subList(start, stop));
                if (whole != null) {
                    // "Blank means not measured – keep as NULL": the whole sentence reassures
                    said.add(whole);
                    start = stop + 1;
                    i = stop;
                    continue;
                }
                Kind clause = kind(tokens.subList(i + 1, stop));
                if (clause != null) {
                    kept.addAll(part);
                    said.add(clause);
                    start = stop;
                    i = stop - 1;
                    continue;
                }
                continue;
            }
            if (kind != null) {
                said.add(kind);
            } else {
                kept.addAll(part);
                if (i < tokens.size()) {
                    kept.add(tokens.get(i));
                }
            }
            start = i + 1;
        }
        List<Token> reasoned = justified(kept);
        if (reasoned.size() != kept.size()) {
            said.add(Kind.NOTHING);
        }
        kept = reasoned;
        while (!kept.isEmpty() && kept.get(kept.size() - 1).kind() == Token.Kind.SEP) {
            kept.remove(kept.size() - 1);
        }
        if (said.isEmpty() || kept.isEmpty() || !(rest.apply(kept) instanceof Recognition.Recognized ok)) {
            return null;
        }
        for (Kind k : said) {
            if (!bornOut(k, ok.expr(), ctx.targetType())) {
                return null;
            }
        }
        return new Recognition.Recognized(ok.expr(), ok.lookupTable(), ok.accepted(), ok.note() + " (what it keeps said too)",
                ok.keepUnmatched());
    }

    /**
     * "Missing seats means a single-seat / flat contract, so default to 1": a sentence that says what a blank means and
     * then, after "so", what to do; the reason is left out, the instruction kept. Other sentences unchanged.
     */
    private static List<Token> justified(List<Token> tokens) {
        List<Token> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= tokens.size(); i++) {
            if (i < tokens.size() && tokens.get(i).kind() != Token.Kind.SEP) {
                continue;
            }
            List<Token> sentence = tokens.subList(start, i);
            int means = -1;
            int so = -1;
            for (int k = 0; k < sentence.size(); k++) {
                if (means < 0 && sentence.get(k).is(Token.Kind.WORD, "means")) {
                    means = k;
                } else if (means >= 0 && so < 0 && sentence.get(k).is(Token.Kind.WORD, "so") && k > 0 && sentence.get(k - 1).op(",")) {
                    so = k;
                }
            }
            boolean blankFirst = !sentence.isEmpty() && BLANK_WORDS.contains(sentence.get(0).norm());
            out.addAll(blankFirst && means > 0 && so > means && so + 1 < sentence.size() ? sentence.subList(so + 1, sentence.size())
                    : sentence);
            if (i < tokens.size()) {
                out.add(tokens.get(i));
            }
            start = i + 1;
        }
        return out;
    }

    private static final java.util.Set<String> BLANK_WORDS = java.util.Set.of("blank", "missing", "null", "empty", "no");

    /**
     * The length of a leading clause that only names the column ("ISO country code,"): up to four plain words, one of
     * them a part of the target column's name, none a word of the grammar, then a comma; 0 when there is none.
     */
    private static int naming(List<Token> tokens, RuleContext ctx, Lexicon lexicon) {
        String target = ctx.row().targetColumn();
        if (target == null) {
            return 0;
        }
        List<String> parts = List.of(target.toLowerCase(Locale.ROOT).split("[_\\s]+"));
        boolean names = false;
        for (int i = 0; i < Math.min(tokens.size(), 5); i++) {
            Token t = tokens.get(i);
            if (t.op(",") && i > 0) {
                return names && i + 1 < tokens.size() ? i + 1 : 0;
            }
            if (t.kind() != Token.Kind.WORD || lexicon.grammarWord(tokens, i)) {
                return 0;
            }
            names |= parts.contains(t.norm());
        }
        return 0;
    }

    private static int closing(List<Token> tokens, int open) {
        for (int i = open + 1; i < tokens.size(); i++) {
            if (tokens.get(i).op(")")) {
                return i;
            }
            if (tokens.get(i).op("(")) {
                return -1;
            }
        }
        return -1;
    }

    private static String text(List<Token> part) {
        return String.join(" ", part.stream().map(t -> t.kind() == Token.Kind.STRING ? "'" + t.text() + "'" : t.text()).toList())
                .toLowerCase(Locale.ROOT).replace("( ", "(").replace(" )", ")").trim();
    }

    /** "keep the case as entered", "case as held": the words say the value's case is kept. */
    static boolean saysCaseKept(List<Token> part) {
        return kind(part) == Kind.CASE_KEPT;
    }

    private static Kind kind(List<Token> part) {
        if (part.isEmpty()) {
            return null;
        }
        String text = text(part);
        if (ZEROS.matcher(text).matches()) {
            return Kind.ZEROS_DROPPED;
        }
        if (TEXT.matcher(text).matches()) {
            return Kind.TEXT_KEPT;
        }
        if (UNREADABLE_GIVES_NULL.matcher(text).matches()) {
            return Kind.UNREADABLE_NULL;
        }
        for (Object[] saying : SAYINGS) {
            if (((Pattern) saying[0]).matcher(text).matches()) {
                return (Kind) saying[1];
            }
        }
        return null;
    }

    private static boolean bornOut(Kind kind, Expr value, SqlType target) {
        return switch (kind) {
            case CASE_KEPT -> !changesCase(value);
            case NEVER_NULL -> Expr.neverNull(value);
            case NULL_KEPT -> Expr.blankStaysNull(value, target);
            case ZEROS_DROPPED -> target.numeric();
            case TEXT_KEPT -> !target.numeric() && !castsToNumber(value);
            case UNREADABLE_NULL -> safelyRead(value) && !(value instanceof Expr.Fn f && f.name().equalsIgnoreCase("COALESCE"));
            case IN_ORDER -> value instanceof Expr.Case || value instanceof Expr.Cast c && c.expr() instanceof Expr.Case;
            case NOTHING -> true;
        };
    }

    /** The value reads text as a date or number the safe way: what does not read gives NULL. */
    private static boolean safelyRead(Expr e) {
        return any(e, x -> x instanceof Expr.ParseDate || x instanceof Expr.Cast c && c.safe() && c.type().kind() != SqlType.Kind.VARCHAR);
    }

    private static boolean castsToNumber(Expr e) {
        return any(e, x -> x instanceof Expr.Cast c && c.type().numeric());
    }

    private static boolean changesCase(Expr e) {
        return any(e, x -> x instanceof Expr.Fn f && (f.name().equalsIgnoreCase("UPPER") || f.name().equalsIgnoreCase("LOWER")
                || f.name().equalsIgnoreCase("INITCAP")));
    }

    /** The value or a part of it is such. */
    private static boolean any(Expr e, java.util.function.Predicate<Expr> such) {
        boolean[] found = {false};
        Expr.rewrite(e, x -> {
            found[0] |= such.test(x);
            return x;
        });
        return found[0];
    }
}
