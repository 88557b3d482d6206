package io.aide.compiler;

import io.aide.compiler.plan.Expr;
import io.aide.events.spec.DocumentNote;
import io.aide.events.spec.MappingSpec;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a document's cover or notes sheet says of every rule: "All code comparisons are case-insensitive and ignore
 * leading/trailing spaces unless stated otherwise". A comparison of a value with a text code then compares the value
 * trimmed and in upper case with the code written the same way, in maps and filters alike; without it, "M = Male" on an
 * extract holding "m " gives the else branch for every such row.
 *
 * @param ignoreCase   codes compare regardless of case
 * @param ignoreSpaces codes compare without leading and trailing spaces
 * @param blankIsNull  a text that is empty or only spaces counts as no value ("Treat a value that is empty or only spaces
 *                     the same as NULL"): a column's default replaces it as it replaces NULL
 * @param nullTexts    texts that are no value ("CIS writes the literal string NULL for empty fields - treat it the same
 *                     as blank", "'NULL', 'N/A' and empty strings ... are to be treated as missing"): every text the
 *                     rules read is NULL where it is one of them
 */
record DocumentConventions(boolean ignoreCase, boolean ignoreSpaces, boolean blankIsNull, List<String> nullTexts) {
    static final DocumentConventions NONE = new DocumentConventions(false, false, false, List.of());

    /** A quoted text in a sentence: 'N/A'. */
    private static final Pattern QUOTED = Pattern.compile("['\u2018\u2019]([^'\u2018\u2019]{1,12})['\u2018\u2019]");

    /** The word NULL written as a value, then what it is: blank, empty, missing, no value. */
    private static final Pattern NULL_TEXT = Pattern.compile("(?i)(?:\\b(?:literal|string|text|word|value)\\s+(?:string\\s+|text\\s+|value\\s+)?"
            + "['\"\u2018\u2019\u201c\u201d]?null['\"\u2018\u2019\u201c\u201d]?|['\"\u2018\u2019\u201c\u201d]null['\"\u2018\u2019\u201c\u201d])"
            + "[^.;]{0,80}?(?:\\bsame\\s+as|\\bas\\b|\\bmeans?\\b|=|\\bcounts?\\s+as|\\bis\\b|\\bare\\b|\\blike\\b|\\bequivalent\\s+to)\\s+(?<meaning>['\"\u2018\u201c]?(?:a\\s+|an\\s+|the\\s+)?"
            + "(?:blank|empty|null|missing|no\\s+value|not\\s+(?:populated|provided|given)))\\b");

    private static final Pattern SENTENCES = Pattern.compile("(?<=[.;!?])\\s+|\\s+\\|\\s+|\\n+");
    /** The sentence is about comparing codes or values. */
    private static final Pattern COMPARING = Pattern.compile("(?i)\\b(?:compar\\w*|match\\w*|codes?|lookups?|look-ups?"
            + "|joins?|decod\\w*|filters?)\\b");
    private static final Pattern IGNORE_CASE = Pattern.compile("(?i)\\b(?:case[- ]?insensitive(?:ly)?|ignor\\w*\\s+(?:the\\s+)?"
            + "(?:letter\\s+)?case|(?:regardless\\s+of|without\\s+regard\\s+to|irrespective\\s+of)\\s+(?:the\\s+)?(?:letter\\s+)?case|in\\s+any\\s+case|not\\s+case[- ]?sensitive"
            + "|(?:upper|lower)[- ]?cas\\w*\\s+(?:on\\s+)?both\\s+sides)\\b");
    private static final Pattern IGNORE_SPACES = Pattern.compile("(?i)\\b(?:ignor\\w*\\s+(?:any\\s+)?(?:leading|trailing|"
            + "surrounding|extra|outer)[\\w/ -]{0,25}?(?:spaces|blanks|whitespace)|trim\\w*\\s+(?:on\\s+)?both\\s+sides"
            + "|after\\s+trimming|trimmed\\s+(?:first|before)|trim\\w*\\s+(?:them\\s+|it\\s+)?and\\s+(?:then\\s+)?compar\\w*|trim\\w*\\s+(?:all\\s+|the\\s+)?(?:text|values?|fields?|codes?"
            + "|text\\s+fields|text\\s+values)?\\s*before\\s+compar\\w*)\\b");

    /** A verb that trims or changes the case of a text, as an instruction or its participle. */
    private static final Pattern TRIMMED = Pattern.compile("(?i)\\b(?:trim|trims|trimmed|trimming|strip\\s+(?:the\\s+)?spaces)\\b");
    private static final Pattern CASE_CHANGED = Pattern.compile("(?i)\\b(?:upper|lower)[- ]?(?:case|cased|casing)\\b|\\b(?:uppercase|lowercase)(?:d)?\\b");
    /** Words that deny or restrict a cleaning ("compared exactly, do not trim"). */
    private static final Pattern DENIED = Pattern.compile("(?i)\\b(?:not|never|no|don't|without|exact|exactly|case[- ]sensitive|as[- ]is|unless)\\b");

    /** "unless the rule says otherwise", "unless stated otherwise": where the convention yields, no denial of it. */
    private static final Pattern OTHERWISE_SAID = Pattern.compile("(?i)\\b(?:unless|except\\s+where|except\\s+when)\\s+(?:(?:the|a|its|that)\\s+)?"
            + "(?:\\w+\\s+){0,3}?(?:says?|said|states?|stated|noted|specified|specifies|indicated|indicates|mentioned|written)\\s+otherwise\\b");

    /** "Trim all text fields before use", "all string values are trimmed". */
    private static final Pattern TRIM_ALL = Pattern.compile("(?i)\\btrim\\w*\\s+(?:all|every|each)\\s+(?:text|string|character)?\\s*"
            + "(?:fields?|values?|columns?|data|inputs?)\\b|\\b(?:all|every)\\s+(?:text|string)\\s+(?:fields?|values?|columns?)\\b[^.;]{0,40}?\\s+"
            + "(?:are|is)\\s+(?:always\\s+)?trimmed\\b");

    /**
     * "Treat a value that is empty or only spaces the same as NULL", "An empty string or a string of only spaces is
     * treated the same as NULL", "Blank values are treated as missing": a blank text is no value.
     */
    private static final Pattern BLANK_IS_NULL = Pattern.compile("(?i)\\b(?:empty|blank|(?:only|just)\\s+(?:spaces|whitespace)"
            + "|(?:spaces|whitespace)\\s+only)\\b[^.;]{0,60}?\\b(?:(?:is|are)\\s+)?(?:(?:treated|handled|read|loaded)\\s+(?:the\\s+same\\s+)?as"
            + "|the\\s+same\\s+as|counts?\\s+as|means?|equals?|(?:is|are)\\s+(?:considered|taken\\s+as))\\s+['\"\u2018\u201c]?(?:an?\\s+)?(?:null|missing"
            + "|no\\s+value|empty(?:\\s+value)?|not\\s+(?:populated|provided|given))\\b");

    static DocumentConventions of(MappingSpec spec) {
        boolean ignoreCase = false;
        boolean ignoreSpaces = false;
        boolean blankIsNull = false;
        java.util.Set<String> nullTexts = new java.util.LinkedHashSet<>();
        for (DocumentNote note : spec.notes()) {
            for (String sentence : SENTENCES.split(note.text())) {
                blankIsNull |= BLANK_IS_NULL.matcher(sentence).find();
                java.util.regex.Matcher nullText = NULL_TEXT.matcher(sentence);
                if (nullText.find()) {
                    // the word NULL, and every other text quoted beside it ("'NULL', 'N/A' and empty strings ..."), never
                    // what they are said to mean ("... both mean 'no value'")
                    nullTexts.add("NULL");
                    java.util.regex.Matcher quoted = QUOTED.matcher(sentence);
                    while (quoted.find()) {
                        boolean meaning = quoted.start() < nullText.end("meaning") && quoted.end() > nullText.start("meaning");
                        if (!quoted.group(1).isBlank() && !meaning) {
                            nullTexts.add(quoted.group(1));
                        }
                    }
                }
                if (TRIM_ALL.matcher(sentence).find()) {
                    // "Trim all text fields before use": every text is trimmed, so are the codes compared
                    ignoreSpaces = true;
                }
                if (!COMPARING.matcher(sentence).find()) {
                    continue;
                }
                // "All code comparisons are case-insensitive and ignore leading/trailing spaces", "Trim text before
                // comparing codes"
                ignoreCase |= IGNORE_CASE.matcher(sentence).find();
                ignoreSpaces |= IGNORE_SPACES.matcher(sentence).find();
                if (!DENIED.matcher(OTHERWISE_SAID.matcher(sentence).replaceAll("")).find()) {
                    // "Code values come in mixed case and with stray spaces - trim and upper-case before comparing": a
                    // cleaning asked for in a sentence about comparing codes is how they are compared
                    ignoreCase |= CASE_CHANGED.matcher(sentence).find();
                    ignoreSpaces |= TRIMMED.matcher(sentence).find();
                }
            }
        }
        return ignoreCase || ignoreSpaces || blankIsNull || !nullTexts.isEmpty()
                ? new DocumentConventions(ignoreCase, ignoreSpaces, blankIsNull, List.copyOf(nullTexts)) : NONE;
    }

    /**
     * The value with each comparison of a text with text codes made as the conventions say.
     *
     * @param textual whether an expression holds text (only text is trimmed or upper-cased)
     */
    Expr applied(Expr value, Function<Expr, Boolean> textual) {
        if (!nullTexts.isEmpty() && value != null) {
            // every text read is NULL where the extract writes the word NULL (or another text the document names)
            value = Expr.rewrite(value, e -> {
                if (!(e instanceof Expr.Col) || !textual.apply(e)) {
                    return e;
                }
                Expr out = e;
                for (String t : nullTexts) {
                    out = new Expr.Fn("NULLIF", List.of(out, new Expr.Lit(t)));
                }
                return out;
            });
        }
        if (this == NONE || !ignoreCase && !ignoreSpaces || value == null) {
            return value;
        }
        return Expr.rewrite(value, e -> {
            if (e instanceof Expr.Bin b && (b.op().equals("=") || b.op().equals("<>") || b.op().equals("!="))) {
                if (code(b.right()) && !(b.left() instanceof Expr.Lit) && textual.apply(b.left())) {
                    return new Expr.Bin(b.op(), cleaned(b.left()), written(b.right()));
                }
                if (code(b.left()) && !(b.right() instanceof Expr.Lit) && textual.apply(b.right())) {
                    return new Expr.Bin(b.op(), written(b.left()), cleaned(b.right()));
                }
            }
            if (e instanceof Expr.Bin like && like.op().equals("LIKE") && code(like.right()) && textual.apply(like.left())) {
                // "starting 'TST' (any case)": the pattern compared as the codes are
                return new Expr.Bin("LIKE", cleaned(like.left()), written(like.right()));
            }
            if (e instanceof Expr.Exists x && x.where() != null) {
                // the other table's row tested as the document compares codes ("ORDER_STATUS = CA" of a 'ca ' order)
                Expr where = applied(x.where(), c -> true);
                Expr.Exists rewritten = new Expr.Exists(x.table(), x.alias(), x.matches(), where, x.negated());
                e = rewritten;
            }
            if (e instanceof Expr.Exists x && x.matches().stream().allMatch(m -> m.cleaning().isEmpty() && m.values().size() == 1
                    && textual.apply(m.values().get(0)))) {
                // "compared trimmed and upper case, including in joins and lookups": the row looked for as well
                List<String> how = ignoreSpaces && ignoreCase ? List.of("TRIM", "UPPER") : ignoreSpaces ? List.of("TRIM") : List.of("UPPER");
                return new Expr.Exists(x.table(), x.alias(), x.matches().stream().map(m -> new Expr.Match(m.column(),
                        List.of(cleaned(m.values().get(0))), how)).toList(), x.where(), x.negated());
            }
            if (e instanceof Expr.InList in && !in.items().isEmpty() && in.items().stream().allMatch(DocumentConventions::code)
                    && textual.apply(in.expr())) {
                return new Expr.InList(cleaned(in.expr()), in.items().stream().map(this::written).toList(), in.negated());
            }
            return e;
        });
    }

    /**
     * A key rows are told apart by ("one row per TEST_CD"), compared as the document compares codes: a text column
     * trimmed or upper-cased as the conventions say; anything else as it is.
     */
    Expr key(Expr value, Function<Expr, Boolean> textual) {
        return (ignoreCase || ignoreSpaces) && value instanceof Expr.Col && textual.apply(value) ? cleaned(value) : value;
    }

    private static boolean code(Expr e) {
        return e instanceof Expr.Lit l && l.value() instanceof String;
    }

    /** The compared value without the case and space changes it already has, then with the conventions'. */
    private Expr cleaned(Expr value) {
        Expr inner = value;
        while (inner instanceof Expr.Fn f && f.args().size() == 1 && List.of("UPPER", "LOWER", "TRIM").contains(f.name())
                && (ignoreCase || f.name().equals("TRIM"))
                && (ignoreSpaces || !f.name().equals("TRIM"))) {
            inner = f.args().get(0);
        }
        Expr out = ignoreSpaces ? new Expr.Fn("TRIM", List.of(inner)) : inner;
        return ignoreCase ? new Expr.Fn("UPPER", List.of(out)) : out;
    }

    private Expr written(Expr code) {
        String v = (String) ((Expr.Lit) code).value();
        v = ignoreSpaces ? v.strip() : v;
        return new Expr.Lit(ignoreCase ? v.toUpperCase(Locale.ROOT) : v);
    }
}
