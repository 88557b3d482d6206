package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;

import java.util.List;
import java.util.Set;

/**
 * What a blank or missing source value gives, said as a sentence of its own: "Blank -> 0", "Blank emails are loaded
 * as NULL.", "No room -> NULL.", "If the address is empty or only spaces, leave NULL.", "Blank means no renewals, so
 * 0.", "When blank, default to 15 minutes, the standard slot length." The value is the row's source column where it
 * holds something, the stated value (a literal or NULL) where it is blank or missing.
 * <pre>
 * statement := [IF | WHEN] subject [","] [EXPLAINS words ("," | "-" | "so")] [BLANK_GIVES] value [unit] [remark]
 * subject   := (BLANK | NO | missing) {noun}            "blank weight", "no room", "missing status"
 *            | {noun} (IS_EMPTY | IS_NULL) [OR (BLANK | IS_EMPTY | IS_NULL)]   "the address is empty or only spaces"
 * value     := NULL | literal
 * </pre>
 * The nouns (at most four words) name the value; the words after EXPLAINS say what a blank means and ask for nothing.
 */
final class BlankStatements implements Recognizer {
    private static final int MAX_NOUNS = 4;
    /** Words that end the subject's nouns: they say what follows. */
    private static final Set<String> NOT_NOUNS = Set.of("so", "then", "and", "or", "but", "means", "mean", "is", "are", "load",
            "leave", "set", "use", "default", "defaults", "give", "gives", "stays", "stay", "remains", "remain", "becomes",
            "counts", "keep", "returns", "should", "will", "must", "null", "zero");
    /** Units a stated default may carry ("default to 15 minutes"). */
    private static final Set<String> UNITS = Set.of("minutes", "minute", "days", "day", "hours", "hour", "seconds", "second",
            "units", "unit", "items", "dollars", "percent", "kg", "mb", "years", "months");

    @Override
    public Recognition recognize(Parser p) {
        if (p.ctx().sources().size() != 1) {
            return Recognition.NOT_MINE;
        }
        p.accept(Role.IF);
        if (!subject(p)) {
            return Recognition.NOT_MINE;
        }
        p.acceptOp(",");
        int m = p.mark();
        if (p.accept(Role.EXPLAINS)) {
            // "blank means no renewals, so 0": what a blank means, up to the words that give its value
            boolean ended = false;
            for (int words = 0; words < 10 && !p.atEnd() && !ended; words++) {
                Token t = p.peekToken();
                ended = t.op(",") || t.op("-") || t.op("–") || t.is(Token.Kind.WORD, "so");
                if (!ended) {
                    p.next();
                }
            }
            if (!ended) {
                p.reset(m);
            } else {
                p.acceptOp(",");
                p.acceptOp("-");
                p.acceptOp("–");
            }
        }
        while (p.accept(Role.BLANK_GIVES)) {
            // "so load", "are loaded as", "-> leave"
        }
        Expr value = p.literal();
        Expr joined = value instanceof Expr.Lit ? Concatenations.continued(p, value) : null;
        value = joined != null ? joined : value;
        // "If blank, leave empty": the verb read, the state it leaves is no value
        boolean asNull = value instanceof Expr.TypedNull || value == null && (p.accept(Role.NULL) || p.acceptWord("empty"));
        if (value == null && !asNull) {
            return Recognition.NOT_MINE;
        }
        Token unit = p.peekToken();
        if (unit != null && unit.kind() == Token.Kind.WORD && UNITS.contains(unit.norm())) {
            p.next();
        }
        if (!p.atEnd() && !remark(p)) {
            return Recognition.NOT_MINE;
        }
        Expr.Col source = p.ctx().sources().get(0);
        Expr missing = new Expr.Bin("OR", new Expr.IsNull(source, false), p.blank(source));
        SqlType type = p.targetType().known() ? p.targetType() : SqlType.VARCHAR;
        Expr out = new Expr.Case(List.of(new Expr.When(missing, asNull ? new Expr.TypedNull(type) : p.typed(value))),
                p.typed(source));
        return new Recognition.Recognized(out, null, List.of(), "what a blank source gives");
    }

    private static boolean subject(Parser p) {
        int m = p.mark();
        if (p.accept(Role.BLANK) || p.acceptWord("no") || p.acceptWord("missing") || p.acceptWord("empty")) {
            return nouns(p) >= 0;
        }
        p.reset(m);
        if (nouns(p) > 0 && (p.accept(Role.IS_EMPTY) || p.accept(Role.IS_NULL))) {
            int o = p.mark();
            if (!(p.accept(Role.OR) && (p.accept(Role.BLANK) || p.accept(Role.IS_EMPTY) || p.accept(Role.IS_NULL)
                    || p.accept(Role.NULL)))) {
                p.reset(o);
            }
            return true;
        }
        p.reset(m);
        return false;
    }

    private static int nouns(Parser p) {
        int n = 0;
        while (n < MAX_NOUNS) {
            Token t = p.peekToken();
            if (t == null || t.kind() != Token.Kind.WORD || NOT_NOUNS.contains(t.norm()) || p.peek(Role.IS_EMPTY)
                    || p.peek(Role.IS_NULL) || p.peek(Role.BLANK_GIVES)) {
                return n;
            }
            if (!namesThisValue(t, p)) {
                // "Blank colour -> 'UNKNOWN'" in the rule of make: another value's blank, not this one's
                return -1;
            }
            p.next();
            n++;
        }
        return n;
    }

    /**
     * A noun of the subject names the value: a word of the source or target column's name ("blank emails" for EMAIL,
     * "the address" for email_address, "missing GVWR" for gvwr_lbs), the column itself, or a word for any value.
     */
    private static boolean namesThisValue(Token t, Parser p) {
        String word = t.norm();
        String single = word.endsWith("s") && word.length() > 3 ? word.substring(0, word.length() - 1) : word;
        if (GENERIC.contains(word)) {
            return true;
        }
        for (String name : new String[]{p.ctx().sources().get(0).column(), p.ctx().row().targetColumn()}) {
            String n = name == null ? "" : name.toLowerCase(java.util.Locale.ROOT);
            if (n.equals(word) || java.util.Arrays.asList(n.split("[_\\s]+")).stream().anyMatch(x -> x.equals(word) || x.equals(single))) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> GENERIC = Set.of("value", "values", "field", "fields", "entry", "entries", "cell", "cells",
            "one", "ones", "string", "strings", "text", "input", "data", "source", "record", "records", "row", "rows");

    /** A remark after the value: "(not zero)", ", the standard slot length". */
    private static boolean remark(Parser p) {
        List<Token> rest = p.tokens().subList(p.mark(), p.tokens().size());
        int from = 0;
        while (from < rest.size() && (rest.get(from).op(",") || rest.get(from).op("-") || rest.get(from).op("–"))) {
            from++;
        }
        List<Token> words = rest.subList(from, rest.size());
        if (words.size() >= 2 && words.get(0).op("(") && words.get(words.size() - 1).op(")")) {
            words = words.subList(1, words.size() - 1);
        }
        return !words.isEmpty() && Commentary.isRemark(words, p.ctx(), p.lexicon());
    }
}
