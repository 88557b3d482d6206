package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;

import java.util.ArrayList;
import java.util.List;

/**
 * The else branch of a value map: its value (a literal, a label written as the map's labels are, the source value kept),
 * what it covers besides ("(blank included)"), the noun it names its values by ("every other hour (...) is Late Night")
 * and the instruction to keep the others ("leave other values unchanged").
 */
final class ElseBranches {

    private ElseBranches() {
    }

    /**
     * The value of the else branch: COPY / AS_IS ("otherwise keep", "else unchanged") keeps the source value; a literal;
     * or a code written without quotes: one word that is no operation of the grammar ("Unknown"), or capitalised
     * words ("Not Known"). "otherwise leave it alone", "else trim" are not values: null. After an arrow a lone
     * capitalised word is the value it points to even when it could ask for a copy ("anything else -> Direct" names
     * a channel; "else direct" copies).
     */
    static Expr otherwise(Parser p, Expr keyed, boolean arrowed, boolean labels) {
        int m = p.mark();
        Expr written = labels ? capitalisedNoValue(p) : null;
        if (written != null) {
            return written;
        }
        Token lone = p.rawPeek();
        if (arrowed && lone != null && lone.kind() == Token.Kind.WORD && Character.isUpperCase(lone.text().charAt(0))
                && (m + 1 == p.tokens().size() || p.tokens().get(m + 1).kind() == Token.Kind.SEP || p.tokens().get(m + 1).op(","))) {
            p.rawNext();
            return new Expr.Lit(lone.text());
        }
        // AS_IS is skipped as filler elsewhere: here, right after "else", it is the branch's whole value
        if (p.acceptExact(Role.AS_IS) || p.accept(Role.COPY)) {
            p.acceptExact(Role.AS_IS);
            p.accept(Role.SELF);
            return keyed;
        }
        p.reset(m);
        Expr literal = p.literal();
        if (literal != null) {
            return literal;
        }
        for (Role r : OPERATIONS) {
            if (p.peekExact(r)) {
                return null;
            }
        }
        Expr v = MapEntries.value(p);
        if (v instanceof Expr.Lit l && l.value() instanceof String words && words.contains(" ")
                && !java.util.Arrays.stream(words.split(" ")).allMatch(w -> Character.isUpperCase(w.charAt(0))
                || Character.isDigit(w.charAt(0)))) {
            p.reset(m);
            return null;
        }
        return v;
    }

    /**
     * "MO = Outgoing, MT = Incoming. Any other value = Not Applicable", "else N/A": words for no value written the way
     * the map's labels are, each word capitalised, are one more label; "otherwise not applicable" is no value (NULL)
     * and "n/a" there too, never the source value it means alone in a rule cell. Null (cursor unmoved) for anything else.
     */
    private static Expr capitalisedNoValue(Parser p) {
        int m = p.mark();
        List<Token> words = new ArrayList<>();
        Token t;
        while ((t = p.rawPeek()) != null && (t.kind() == Token.Kind.WORD || t.op("/") && !words.isEmpty())) {
            words.add(p.rawNext());
        }
        boolean ends = t == null || t.kind() == Token.Kind.SEP || t.op(",");
        String text = words.stream().map(Token::text).reduce("", (a, b) -> a.isEmpty() || b.equals("/") || a.endsWith("/")
                ? a + b : a + " " + b);
        List<Token> noSlash = words.stream().filter(w -> !w.op("/")).toList();
        boolean noValue = ends && !words.isEmpty() && (text.equalsIgnoreCase("n/a")
                || Lexicon.standard().match(Role.NULL, noSlash, 0) == noSlash.size() && noSlash.size() > 1);
        if (!noValue) {
            p.reset(m);
            return null;
        }
        boolean capitalised = noSlash.stream().allMatch(w -> Character.isUpperCase(w.text().charAt(0)));
        return capitalised ? new Expr.Lit(text) : new Expr.TypedNull(p.ctx().targetType());
    }

    /**
     * "blank/anything else", "blank or anything else", "blanks and everything else": a word for no value, then the else;
     * the cursor after the else, or unchanged.
     */
    static void blankBeforeElse(Parser p) {
        int m = p.mark();
        if (blankWord(p)) {
            p.rawNext();
            if ((p.acceptOp("/") || p.acceptWord("or") || p.acceptWord("and") || p.acceptOp(",")) && p.peekExact(Role.ELSE)) {
                p.accept(Role.ELSE);
                return;
            }
        }
        p.reset(m);
    }

    /** A word for no value at the cursor (not moved). */
    private static boolean blankWord(Parser p) {
        Token t = p.rawPeek();
        return t != null && t.kind() == Token.Kind.WORD && (p.peekExact(Role.BLANK) || p.peekExact(Role.NULL)
                || t.norm().equals("missing") || t.norm().equals("blanks") || t.norm().equals("nulls"));
    }

    /**
     * "anything else incl. blank or missing customer -> X", "Everything else, blanks included, maps to X", "any other code
     * (or blank) -> X": what the else branch covers besides, which it covers anyway (a NULL or blank key falls to ELSE);
     * the cursor after it, or unchanged. The aside names no value: no quoted text, no number.
     */
    /**
     * "every other hour", "any other status (...)": the noun the else names its values by, and a bracket of remarks after
     * it, before "is" or an arrow; the cursor after them, or unchanged (false).
     */
    static boolean elseNoun(Parser p) {
        int m = p.mark();
        Token noun = p.rawPeek();
        if (noun == null || noun.kind() != Token.Kind.WORD || !Character.isLowerCase(noun.text().charAt(0))
                || COPULAS.contains(noun.norm()) || p.peekExact(Role.AS_IS) || p.peekExact(Role.COPY)) {
            return false;
        }
        p.rawNext();
        for (int more = 0; more < 2 && p.rawPeek() != null && p.rawPeek().kind() == Token.Kind.WORD
                && Character.isLowerCase(p.rawPeek().text().charAt(0)) && !COPULAS.contains(p.rawPeek().norm())
                && !p.peekExact(Role.AS_IS) && !p.peekExact(Role.COPY); more++) {
            // "any other site code = 'Other Site'": the noun of the values in two or three words
            p.rawNext();
        }
        int open = p.mark();
        if (p.acceptOp("(")) {
            int depth = 1;
            Token t;
            while (depth > 0 && (t = p.rawNext()) != null) {
                depth += t.op("(") ? 1 : t.op(")") ? -1 : 0;
            }
            if (depth > 0 || !Commentary.isRemark(p.tokens().subList(open + 1, p.mark() - 1), p.ctx(), p.lexicon())) {
                p.reset(m);
                return false;
            }
        }
        Token next = p.rawPeek();
        if (next == null || !(next.is(Token.Kind.WORD, "is") || next.is(Token.Kind.WORD, "are") || next.op("=") || next.op("->")
                || next.op("=>") || next.op(":"))) {
            p.reset(m);
            return false;
        }
        return true;
    }

    private static final java.util.Set<String> COPULAS = java.util.Set.of("is", "are", "becomes", "become", "gets", "get");

    static void includedAside(Parser p) {
        int m = p.mark();
        boolean comma = p.acceptOp(",");
        boolean paren = !comma && p.acceptOp("(");
        boolean including = p.accept(Role.INCLUDING) || comma && p.acceptWord("or")
                // "any other code or blank = Other", "Any other value, blank or null = 'Unassigned'"
                || (comma || p.acceptWord("or")) && blankWord(p);
        if (including && p.rawPeek() != null && p.rawPeek().kind() == Token.Kind.SEP && p.rawPeek().text().equals(".")) {
            // "incl." written with its full stop
            p.rawNext();
        }
        int words = 0;
        boolean blank = false;
        Token t;
        while ((t = p.rawPeek()) != null && (t.kind() == Token.Kind.WORD || words > 0 && (t.op("/") || t.op(",") && paren))
                && words < 6 && !ValueMaps.ARROW_VERBS.contains(t.norm())
                && !t.is(Token.Kind.WORD, "maps") && !t.is(Token.Kind.WORD, "map") && !t.is(Token.Kind.WORD, "included")
                && !t.is(Token.Kind.WORD, "too")) {
            blank |= p.peekExact(Role.BLANK) || p.peekExact(Role.NULL) || t.norm().equals("missing") || t.norm().equals("blank")
                    || t.norm().equals("blanks") || t.norm().equals("nulls");
            p.rawNext();
            words++;
        }
        if (p.acceptWord("included") || p.acceptWord("too") || p.acceptWord("as") && p.acceptWord("well")) {
            including = true;
        }
        if (!blank || !including && !paren || paren && !p.acceptOp(")")) {
            p.reset(m);
            return;
        }
        p.acceptOp(",");
    }

    private static final java.util.Set<String> KEEP_VERBS = java.util.Set.of("leave", "keep", "retain", "pass", "let",
            "preserve", "carry");
    private static final java.util.Set<String> KEPT = java.util.Set.of("unchanged", "through", "alone", "untouched",
            "intact", "over", "same", "unmodified", "unaltered");

    /**
     * keep_else := KEEP_VERB ELSE (AS_IS | COPY | KEPT | AS (THEY | IT) (ARE | IS)) -- the else branch as an instruction
     * to keep the value ("leave other values unchanged", "pass all other codes through"); cursor moved only when read.
     */
    static boolean keptOthers(Parser p) {
        int m = p.mark();
        Token verb = p.next();
        if (verb == null || !KEEP_VERBS.contains(verb.norm()) || !p.accept(Role.ELSE)) {
            p.reset(m);
            return false;
        }
        Token t = p.peekToken();
        boolean kept = p.acceptExact(Role.AS_IS) || p.accept(Role.COPY) || t != null && KEPT.contains(t.norm()) && p.next() != null
                || p.acceptWord("as") && (p.acceptWord("they") || p.accept(Role.SELF)) && (p.acceptWord("are") || p.acceptWord("is"));
        if (!kept) {
            p.reset(m);
        }
        return kept;
    }

    /** Words that ask for an operation: after "else" they are an instruction, not a value. */
    private static final Role[] OPERATIONS = {Role.ACTION, Role.TRIM, Role.UPPER, Role.LOWER, Role.REMOVE, Role.CAST,
            Role.USE, Role.ADD, Role.REPLACE};
}
