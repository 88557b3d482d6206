package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;
import io.aide.events.spec.MappingRow;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Codes the row says are keyed untidily ("keyed by hand - case and spacing are not consistent", "codes arrive padded /
 * lower case", "mixed case, padded"): a value map over them compares its keys with the trimmed, upper-cased code, where
 * every key is written in upper case already. Said in the rule or in the row's notes.
 */
final class UntidyCodes {
    /**
     * Words that describe the data as keyed untidily; an instruction ("in lower case", "padded to 3 digits") is none of
     * them.
     */
    private static final Pattern UNTIDY = Pattern.compile("(?i).*\\b(?:mixed[- ]case|keyed\\s+(?:in\\s+)?by\\s+hand"
            + "|hand[- ]keyed|keyed\\s+inconsistently|(?:is|are)\\s+not\\s+consistent|inconsistent(?:ly)?\\s+(?:keyed|cased|case|spaced)"
            + "|case\\s+(?:and|&|or)\\s+spacing|(?:arrive|arrives|come|comes|are|is)\\s+(?:sometimes\\s+)?(?:padded|in\\s+lower[- ]?case)"
            // "Code may come lower case", "Indicator not case-consistent in TMS", "lower case codes seen in UAT"
            + "|(?:may|can|might|could|sometimes|often)\\s+(?:come|arrive|be)\\s+(?:through\\s+)?(?:in\\s+)?(?:lower|mixed)[- ]?case"
            // "Source codes are not always upper case / can be padded": a case the codes are said not to keep
            + "|(?:not|n't)\\s+(?:always|necessarily|consistently)\\s+(?:in\\s+)?(?:upper|lower)[- ]?case"
            + "|(?:can|may|might|could|sometimes|often)\\s+(?:be\\s+)?(?:space[- ]?)?padded"
            + "|not\\s+case[- ]?consistent|case[- ]?inconsistent|lower[- ]?case\\s+codes?\\s+(?:seen|found|appear|occur|exist)"
            + "|padded\\s*(?:/|,|and|or)\\s*(?:in\\s+)?lower[- ]?case|stray\\s+spaces"
            // "Codes come in upper and lower case - treat alike": both cases seen, compared as one
            + "|(?:come|comes|arrive|arrives|are|appear|appears|seen)\\s+(?:both\\s+)?in\\s+(?:both\\s+)?(?:upper|lower)\\s*(?:-?case)?\\s*(?:and|&|or|/)\\s*"
            + "(?:upper|lower)[- ]?case|treat(?:ed)?\\s+(?:them\\s+|both\\s+)?(?:alike|the\\s+same)"
            // a comparison said to ignore case: "(ignore case)", "Case-insensitive.", "(trim, any case)", "either case"
            + "|ignor(?:e|es|ing)\\s+(?:the\\s+)?case|case[- ]?insensitive(?:ly)?|(?:any|either)\\s+case"
            + "|regardless\\s+of\\s+case|not\\s+case[- ]?sensitive"
            // an instruction to clean the codes before they are compared: "compare after trim/upper", "upper-case before
            // decoding"
            + "|compare\\s+(?:after|on)\\s+(?:the\\s+)?(?:trim|upper|trimming|upper-?casing|trimmed|upper-?cased)"
            // "Compare trimmed and upper-cased.", "(compare trimmed, upper case)": the codes compared once cleaned
            + "|compar\\w*\\s+(?:the\\s+)?(?:values?\\s+|codes?\\s+)?(?:trimmed|after\\s+trim\\w*)[\\s,]+(?:and\\s+)?"
            + "(?:upper[- ]?cas\\w*|in\\s+upper\\s+case|upper\\s+case|case[- ]?insensitive\\w*|ignoring\\s+case|in\\s+any\\s+case)"
            // "Match on the trimmed, upper-cased code": the codes compared once cleaned
            + "|(?:match|matched|matching|compare|compared|comparing)\\s+(?:on|against|using)\\s+the\\s+(?:trimmed|cleaned|upper-?cased)"
            + "[\\w\\s,-]{0,30}?\\b(?:code|value|key)s?"
            + "|(?:trim|upper)[^.;=]{0,30}\\b(?:before|prior\\s+to)\\s+(?:decoding|mapping|comparing|matching|the\\s+lookup))\\b.*",
            Pattern.DOTALL);
    /** "(trim and upper case first)", "(upper-case first)": the cleaning a bracket asks for before the codes compare. */
    private static final Pattern FIRST_CLEANING = Pattern.compile("(?i)\\s*(?:trim|trimmed|upper)[a-z ,/&-]{0,40}?\\bfirst\\s*");
    private static final Pattern BRACKETED_FIRST = Pattern.compile("(?i).*\\((?:\\s*(?:trim|trimmed|upper)[a-z ,/&-]{0,40}?\\bfirst\\s*)\\).*",
            Pattern.DOTALL);

    private UntidyCodes() {
    }

    /** The row says its codes vary in case or spacing. */
    static boolean said(MappingRow row) {
        String text = Stream.of(row.transformation(), row.description(), row.nullHandling()).filter(Objects::nonNull)
                .collect(Collectors.joining(" "));
        return !text.isEmpty() && (UNTIDY.matcher(text).matches() || BRACKETED_FIRST.matcher(text).matches());
    }

    /**
     * The rule without its sentences that only say the codes are untidy ("Codes are keyed by hand (mixed case, padded) so
     * clean them before decoding"): they hold no pair and no value; the tokens as they were when there are none.
     */
    static List<Token> withoutNote(List<Token> written) {
        List<Token> tokens = withoutBracketedNotes(written);
        List<Token> out = new java.util.ArrayList<>();
        List<Token> sentence = new java.util.ArrayList<>();
        boolean dropped = false;
        for (int i = 0; i <= tokens.size(); i++) {
            Token t = i < tokens.size() ? tokens.get(i) : null;
            if (t != null && t.kind() != Token.Kind.SEP) {
                sentence.add(t);
                continue;
            }
            String text = sentence.stream().map(Token::text).collect(Collectors.joining(" "));
            boolean note = onlyNote(sentence);
            if (note) {
                dropped = true;
            } else {
                out.addAll(sentence);
                if (t != null) {
                    out.add(t);
                }
            }
            sentence = new java.util.ArrayList<>();
        }
        if (!dropped && tokens != written) {
            return tokens;
        }
        return dropped ? withoutLabel(out) : withoutLabel(tokens);
    }

    /** The note is no pair and no value: no '=', no arrow, no quoted text, no number. */
    private static boolean onlyNote(List<Token> part) {
        String text = part.stream().map(Token::text).collect(Collectors.joining(" "));
        return !part.isEmpty() && UNTIDY.matcher(text).matches() && part.stream().noneMatch(x -> x.op("=") || x.op("->")
                || x.op("=>") || x.kind() == Token.Kind.STRING || x.kind() == Token.Kind.NUMBER);
    }

    /** "(ignore case)", "(trim, any case)", "(after trimming, either case)": a bracketed note on how codes compare. */
    private static List<Token> withoutBracketedNotes(List<Token> tokens) {
        List<Token> out = new java.util.ArrayList<>();
        boolean dropped = false;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).op("(")) {
                int close = i + 1;
                while (close < tokens.size() && !tokens.get(close).op(")") && !tokens.get(close).op("(")) {
                    close++;
                }
                List<Token> inside = tokens.subList(i + 1, Math.min(close, tokens.size()));
                if (close < tokens.size() && tokens.get(close).op(")") && (onlyNote(inside) || FIRST_CLEANING.matcher(
                        inside.stream().map(Token::text).collect(Collectors.joining(" "))).matches())) {
                    dropped = true;
                    i = close;
                    continue;
                }
            }
            out.add(tokens.get(i));
        }
        return dropped ? out : tokens;
    }

    /** "Case-insensitive: R=Residential, ...": a note before a colon that opens the rule. */
    private static List<Token> withoutLabel(List<Token> tokens) {
        for (int i = 1; i < Math.min(tokens.size() - 1, 6); i++) {
            if (tokens.get(i).op(":")) {
                return onlyNote(tokens.subList(0, i)) ? tokens.subList(i + 1, tokens.size()) : tokens;
            }
        }
        return tokens;
    }

    /** The map compares a value with text: only then can case or padding matter ("> 150 (case insensitive)" is no such). */
    static boolean comparesText(Expr e) {
        boolean[] text = {false};
        Expr.visit(e, x -> {
            if (x instanceof Expr.Bin b && (b.op().equals("=") || b.op().equals("<>")) && (b.right() instanceof Expr.Lit l
                    && l.value() instanceof String || b.left() instanceof Expr.Lit r && r.value() instanceof String)
                    || x instanceof Expr.InList in && in.items().stream().anyMatch(i -> i instanceof Expr.Lit l && l.value() instanceof String)) {
                text[0] = true;
            }
        });
        return text[0];
    }

    /**
     * Every comparison of a bare column with text codes made on the trimmed, upper-cased column, each code upper-cased
     * too ("M or Male = M (not case sensitive)": 'MALE'); null when a code not in upper case holds a space ("switch
     * output" is words around the map, read as a code: the cleaning cannot be applied as the rule says).
     */
    static Expr tidiedTests(Expr e) {
        boolean[] words = {false};
        Expr out = Expr.rewrite(e, x -> {
            if (x instanceof Expr.Bin b && (b.op().equals("=") || b.op().equals("<>")) && b.left() instanceof Expr.Col c
                    && b.right() instanceof Expr.Lit l && l.value() instanceof String code) {
                words[0] |= wordsNotCode(code);
                return new Expr.Bin(b.op(), upperTrim(c), upper(b.right()));
            }
            if (x instanceof Expr.InList in && in.expr() instanceof Expr.Col c) {
                List<Expr> items = new java.util.ArrayList<>();
                for (Expr i : in.items()) {
                    words[0] |= i instanceof Expr.Lit l && l.value() instanceof String code && wordsNotCode(code);
                    Expr u = upper(i);
                    if (!items.contains(u)) {
                        items.add(u);
                    }
                }
                return items.size() == 1 ? new Expr.Bin(in.negated() ? "<>" : "=", upperTrim(c), items.get(0))
                        : new Expr.InList(upperTrim(c), items, in.negated());
            }
            return x;
        });
        return words[0] ? null : out;
    }

    /** A code not in upper case with a space in it: words, more likely than a code. */
    private static boolean wordsNotCode(String code) {
        return !code.equals(code.trim().toUpperCase(java.util.Locale.ROOT)) && code.trim().contains(" ");
    }

    /** A text code in upper case, without the spaces around it; any other value as it is. */
    private static Expr upper(Expr code) {
        return code instanceof Expr.Lit l && l.value() instanceof String s ? new Expr.Lit(s.trim().toUpperCase(java.util.Locale.ROOT)) : code;
    }

    private static Expr upperTrim(Expr c) {
        return new Expr.Fn("UPPER", List.of(new Expr.Fn("TRIM", List.of(c))));
    }

    /** The keyed column trimmed and upper-cased where the row says so and every text key is upper case already. */
    static Expr tidied(Expr keyed, List<Expr> keys, MappingRow row) {
        if (!(keyed instanceof Expr.Col) || !said(row)) {
            return keyed;
        }
        boolean upperKeys = keys.stream().allMatch(k -> !(k instanceof Expr.Lit l) || !(l.value() instanceof String t)
                || t.equals(t.trim().toUpperCase(java.util.Locale.ROOT)));
        return upperKeys ? new Expr.Fn("UPPER", List.of(new Expr.Fn("TRIM", List.of(keyed)))) : keyed;
    }
}
