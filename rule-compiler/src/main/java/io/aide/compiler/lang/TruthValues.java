package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;

import java.util.List;
import java.util.Locale;

/**
 * Text read as a truth value:
 * <pre>
 * truth := [pair [KIND]] CAST [SELF | column] [pair] TYPE_BOOLEAN     "Y/N indicator converted to boolean", "convert to boolean"
 *        | [column] CAST [pair] TYPE_BOOLEAN                         "active_flag cast to boolean", "convert Y/N to true/false"
 * pair  := code "/" code                                            the first code is true ("Y/N", "1/0", "T/F", "Yes/No")
 * </pre>
 * Without a pair, the usual spellings of true and false (Y, YES, T, TRUE, 1 and N, NO, F, FALSE, 0, in any case) are
 * read, and anything else is NULL: a rule that converts text never turns an unknown spelling into false.
 */
final class TruthValues implements Recognizer {

    static final List<String> TRUE_WORDS = List.of("Y", "YES", "T", "TRUE", "1");
    static final List<String> FALSE_WORDS = List.of("N", "NO", "F", "FALSE", "0");

    /** Words after a pair that say what the column is ("Y/N indicator"). */
    private static final java.util.Set<String> KINDS = java.util.Set.of("indicator", "flag", "code", "field", "value", "values",
            "column", "text", "string");

    record Pair(List<String> yes, List<String> no) {
    }

    @Override
    public Recognition recognize(Parser p) {
        Pair pair = pair(p);
        if (pair != null) {
            Token kind = p.peekToken();
            if (kind != null && KINDS.contains(kind.norm())) {
                p.next();
            }
        }
        Expr column = pair == null ? p.column() : null;
        if (!p.accept(Role.CAST)) {
            return Recognition.NOT_MINE;
        }
        if (column == null) {
            int m = p.mark();
            column = p.column();
            if (column == null) {
                p.reset(m);
                p.acceptExact(Role.SELF);
            }
        }
        if (pair == null) {
            pair = pair(p);
        }
        p.accept(Role.TO);
        p.acceptWord("a");
        if (!p.accept(Role.TYPE_BOOLEAN)) {
            return Recognition.NOT_MINE;
        }
        Pair read = pair != null ? pair : new Pair(TRUE_WORDS, FALSE_WORDS);
        if (pair == null && pair(p) != null) {
            // "convert to boolean (true/false)": the target's spelling said again
            read = new Pair(TRUE_WORDS, FALSE_WORDS);
        }
        if (!p.atEnd()) {
            return p.notUnderstood();
        }
        if (column == null) {
            if (p.ctx().sources().size() != 1) {
                return p.notUnderstood();
            }
            column = p.ctx().sources().get(0);
        }
        return new Recognition.Recognized(truth(column, read), null, List.of(), "text read as a truth value");
    }

    /**
     * "if roaming" over roam_flag, "when refunded" over refund_ind: a word whose stem is the first part of the row's one
     * flag column (named _flag, _flg, _ind, _yn), where the test ends after it; the flag read as a truth value is TRUE.
     * Null (cursor unchanged) otherwise.
     */
    static Expr namedFlag(Parser p) {
        int m = p.mark();
        Token word = p.next();
        Token after = p.peekToken();
        if (word == null || word.kind() != Token.Kind.WORD || word.norm().length() < 4 || after != null
                && after.kind() != Token.Kind.SEP && !after.op(",") && !p.peek(Role.THEN) && !p.peek(Role.ELSE)
                && !p.peek(Role.AND) && !p.peek(Role.OR)) {
            p.reset(m);
            return null;
        }
        String w = word.norm();
        List<String> stems = List.of(w, w.replaceAll("ing$", ""), w.replaceAll("ed$", ""), w.replaceAll("d$", ""));
        Expr.Col found = null;
        int matches = 0;
        for (Expr.Col c : p.ctx().sources()) {
            String[] parts = ColumnWords.parts(c.column());
            boolean flag = parts.length == 2 && ColumnWords.flagNamed(c.column());
            if (flag && stems.stream().anyMatch(s -> s.length() >= 3 && s.equals(parts[0]))) {
                found = c;
                matches++;
            }
        }
        if (matches != 1) {
            p.reset(m);
            return null;
        }
        return new Expr.InList(text(found), TRUE_WORDS.stream().map(t -> (Expr) new Expr.Lit(t)).toList(), false);
    }

    /** TRUE for a spelling of yes, FALSE for one of no, NULL for anything else (trimmed, any case). */
    static Expr truth(Expr x, Pair pair) {
        Expr text = text(x);
        return new Expr.Case(List.of(
                new Expr.When(new Expr.InList(text, pair.yes().stream().map(s -> (Expr) new Expr.Lit(s)).toList(), false),
                        new Expr.Lit(Boolean.TRUE)),
                new Expr.When(new Expr.InList(text, pair.no().stream().map(s -> (Expr) new Expr.Lit(s)).toList(), false),
                        new Expr.Lit(Boolean.FALSE))), new Expr.TypedNull(SqlType.BOOLEAN));
    }

    /** The value as trimmed text in capitals, as the spellings of true and false are listed. */
    private static Expr text(Expr x) {
        return new Expr.Fn("UPPER", List.of(new Expr.Fn("TRIM", List.of(new Expr.Cast(x, SqlType.VARCHAR, false)))));
    }

    /** code "/" code, or "(" code "/" code ")": the first one true; null (cursor unchanged) otherwise. */
    static Pair pair(Parser p) {
        int m = p.mark();
        boolean paren = p.acceptOp("(");
        Token yes = p.rawNext();
        Token slash = p.rawNext();
        Token no = p.rawNext();
        if (!code(yes) || slash == null || !slash.op("/") || !code(no) || paren && !p.acceptOp(")")) {
            p.reset(m);
            return null;
        }
        return new Pair(List.of(yes.text().toUpperCase(Locale.ROOT)), List.of(no.text().toUpperCase(Locale.ROOT)));
    }

    private static boolean code(Token t) {
        return t != null && (t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.STRING || t.kind() == Token.Kind.NUMBER)
                && t.text().length() <= 5;
    }
}
