package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The sum of values named one by one on the same row, and texts written one after the other ({@link #followedBy}):
 * <pre>
 * sum := (SUM | TOTAL | ADDITION) OF part (("," | AND | PLUS) part)+    -- "Sum of energy charge and standing charge"
 * </pre>
 * Each part is a rule of its own the families read (a column, an amount); two parts or more make a row-level sum,
 * never the aggregate SUM over rows (which "sum of amount" alone asks for, read by {@link Aggregates}).
 */
final class RowSums {
    private RowSums() {
    }

    private static final Set<String> SUM_WORDS = Set.of("sum", "total", "addition");

    static Recognition read(List<Token> tokens, Function<List<Token>, Parser> parsers,
                            Function<List<Token>, Recognition> rule) {
        int at = 0;
        if (at < tokens.size() && tokens.get(at).is(Token.Kind.WORD, "the")) {
            at++;
        }
        if (at + 3 >= tokens.size() || !SUM_WORDS.contains(tokens.get(at).norm()) || !tokens.get(at + 1).is(Token.Kind.WORD, "of")) {
            return null;
        }
        List<Expr> parts = new ArrayList<>();
        int start = at + 2;
        for (int i = start; i <= tokens.size(); i++) {
            boolean joint = i == tokens.size() || tokens.get(i).op(",") || tokens.get(i).is(Token.Kind.WORD, "and")
                    || tokens.get(i).is(Token.Kind.WORD, "plus");
            if (!joint) {
                continue;
            }
            if (i == start || !(rule.apply(tokens.subList(start, i)) instanceof Recognition.Recognized ok)
                    || Expr.columns(ok.expr()).isEmpty() || !namesItsValue(tokens.subList(start, i), parsers)) {
                return null;
            }
            parts.add(parsers.apply(tokens.subList(start, i)).typed(ok.expr()));
            start = i + 1;
        }
        if (parts.size() < 2) {
            return null;
        }
        Expr sum = parts.get(0);
        for (Expr part : parts.subList(1, parts.size())) {
            sum = new Expr.Bin("+", sum, part);
        }
        return new Recognition.Recognized(sum, null, List.of(), "a sum of " + parts.size() + " values on the row");
    }

    /**
     * The part names the value it adds ("energy charge", "the standing charge", "bonus_amt / 100"), never only an
     * operation on a value left unsaid ("Sum of MS_PLAYED, rounded to 2 dp": the rounding is the sum's, not a second value).
     */
    private static boolean namesItsValue(List<Token> part, Function<List<Token>, Parser> parsers) {
        Parser p = parsers.apply(part);
        p.acceptWord("the");
        Token first = p.peekToken();
        if (first == null || first.kind() == Token.Kind.WORD && (first.norm().endsWith("ed") && !(p.ctx().resolve(null, first.text())
                instanceof Expr.Col c && p.ctx().known(c)) || p.lexicon().grammarWord(part, p.mark()))) {
            return false;
        }
        return true;
    }

    /**
     * <pre>
     * followed := part FOLLOWED BY part {FOLLOWED BY part}     -- "First letter of first name followed by first letter of
     *                                                             last name"
     * </pre>
     * Texts written one after the other: each part a rule of its own the families read, joined as they are.
     */
    static Recognition followedBy(List<Token> tokens, Function<List<Token>, Recognition> rule) {
        if (tokens.stream().anyMatch(t -> t.op(",") || t.kind() == Token.Kind.SEP)) {
            // "..., upper case": an operation after a comma is the whole text's (read by the shape of operations after)
            return null;
        }
        List<Expr> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= tokens.size(); i++) {
            boolean joint = i + 1 < tokens.size() && tokens.get(i).is(Token.Kind.WORD, "followed")
                    && tokens.get(i + 1).is(Token.Kind.WORD, "by");
            if (!joint && i < tokens.size()) {
                continue;
            }
            if (i == start || !(rule.apply(tokens.subList(start, i)) instanceof Recognition.Recognized ok)) {
                return null;
            }
            parts.add(ok.expr());
            start = i + 2;
            i++;
        }
        if (parts.size() < 2) {
            return null;
        }
        return new Recognition.Recognized(new Expr.Concat(parts), null, List.of(), parts.size() + " texts one after the other");
    }
}
