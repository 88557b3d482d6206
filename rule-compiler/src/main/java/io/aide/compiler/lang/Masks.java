package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;

import java.util.List;

/**
 * Masking a value but for its first or last characters:
 * <pre>
 * mask  := MASK [column] [ALL_BUT] (FIRST_CHARS | LAST_CHARS) N [CHARS] WITH symbol   "Mask all but the last 4 characters with '*'"
 * shown := [SHOW] ONLY (FIRST_CHARS | LAST_CHARS) N [CHARS] [(OF | FROM) column] [","] [REPLACE | MASK] REST
 *          (AS | WITH | BY) symbol                         "show only the last four digits, rest as X",
 *                                   "Show only the last 4 digits of the account number, replace the rest with 'X'"
 * symbol := a quoted character, or one written bare: X, x, *, #
 * </pre>
 * The masked part keeps the value's length.
 */
final class Masks {
    private Masks() {
    }

    /** Words for what is left after the shown characters. */
    private static final java.util.Set<String> REST = java.util.Set.of("rest", "remainder", "others", "remaining");
    private static final java.util.Set<String> SHOW = java.util.Set.of("show", "shows", "showing", "keep", "keeping",
            "display", "displaying", "reveal", "revealing", "expose", "exposing", "visible");

    static Copies.Operation mask(Parser p) {
        if (!p.accept(Role.MASK)) {
            return null;
        }
        // "Masked SSN showing only the last 4 digits": the column between the verb and what is kept
        Expr column = p.column();
        p.accept(Role.ALL_BUT);
        Kept kept = kept(p);
        if (kept == null) {
            return null;
        }
        if (!p.accept(Role.WITH)) {
            p.problem("the masking character is not said (add \"with '*'\")");
            return null;
        }
        String with = symbol(p);
        if (with == null) {
            p.problem("a mask is one character ('*', 'X')");
            return null;
        }
        return masked(kept, with, column);
    }

    /** "show only the last four digits, rest as X": what stays visible, then what stands for the rest. */
    static Copies.Operation shownPart(Parser p) {
        int m = p.mark();
        Token verb = p.peekToken();
        if (verb != null && SHOW.contains(verb.norm())) {
            p.next();
        }
        if (!p.acceptWord("only") && !p.accept(Role.ALL_BUT)) {
            p.reset(m);
            return null;
        }
        Kept kept = kept(p);
        if (kept == null) {
            p.reset(m);
            return null;
        }
        // "the last 4 digits of the account number": the column after what is kept
        Expr column = DateSubjects.ofColumn(p);
        if (column == null) {
            int c = p.mark();
            column = p.acceptWord("of") ? p.column() : null;
            if (column == null) {
                p.reset(c);
            }
        }
        p.acceptOp(",");
        p.accept(Role.AND);
        // "replace the rest with 'X'", "mask the remainder with '*'"
        boolean replaced = p.accept(Role.REPLACE) || p.accept(Role.MASK);
        Token rest = p.peekToken();
        if (rest == null || !REST.contains(rest.norm())) {
            p.reset(m);
            return null;
        }
        p.next();
        p.acceptWord("of");
        p.accept(Role.CHARS);
        if (!(p.acceptWord("as") || p.accept(Role.WITH) || p.acceptWord("by") && replaced
                || p.accept(Role.MASK) && (p.accept(Role.WITH) || p.acceptWord("as")) || p.accept(Role.BECOMES))) {
            p.reset(m);
            return null;
        }
        String with = symbol(p);
        if (with == null) {
            p.reset(m);
            return null;
        }
        return masked(kept, with, column);
    }

    private record Kept(boolean first, long n) {
    }

    private static Kept kept(Parser p) {
        boolean first = p.accept(Role.FIRST_CHARS);
        if (!first && !p.accept(Role.LAST_CHARS)) {
            return null;
        }
        Long n = Operations.whole(p);
        if (n == null || n < 0) {
            return null;
        }
        p.accept(Role.CHARS);
        return new Kept(first, n);
    }

    /** A quoted single character, or one written bare (X, *, #); null (cursor unchanged) otherwise. */
    private static String symbol(Parser p) {
        int m = p.mark();
        Token t = p.rawNext();
        if (t != null && (t.kind() == Token.Kind.STRING || t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.OP)
                && t.text().length() == 1 && !Character.isDigit(t.text().charAt(0))) {
            if (t.kind() != Token.Kind.WORD || Character.isLetter(t.text().charAt(0))) {
                return t.text();
            }
        }
        p.reset(m);
        return null;
    }

    private static Copies.Operation masked(Kept kept, String with, Expr column) {
        long keep = kept.n();
        Expr symbol = new Expr.Lit(with);
        return new Copies.Operation(x -> {
            Expr len = new Expr.Fn("LENGTH", List.of(x));
            Expr hidden = new Expr.Fn("REPEAT", List.of(symbol, new Expr.Fn("GREATEST", List.of(
                    new Expr.Bin("-", len, new Expr.Lit(keep)), new Expr.Lit(0L)))));
            Expr shown = kept.first() ? new Expr.Substr(x, new Expr.Lit(1L), new Expr.Lit(keep))
                    : new Expr.Substr(x, new Expr.Fn("GREATEST", List.of(new Expr.Bin("-", len, new Expr.Lit(keep - 1)),
                    new Expr.Lit(1L))), null);
            return new Expr.Concat(kept.first() ? List.of(shown, hidden) : List.of(hidden, shown));
        }, column);
    }
}
