package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A rule any family reads, then, after a separator, operations on its value written as they are after a copy:
 * <pre>
 * chained := rule ("," | SEP) operation {[","| SEP | CHAIN] operation}
 * </pre>
 * "Number of bedrooms; default 0", "Days between a and b, then default 0", "Total amount; rounded to 2 decimals", and a
 * value for rows the join did not match ("Specialty description; 'Unknown' when not found"). Only
 * operations on the value so far count: none that names a column of its own or reads the source before the rule
 * (values that mean NULL), so the words after the separator say nothing the rule before it did not compute.
 */
final class OperationsAfter {

    private OperationsAfter() {
    }

    /** The cell read this way, or null when no separator splits it into a rule and operations on its value. */
    static Recognition read(List<Token> tokens, Function<List<Token>, Parser> parsers, Function<List<Token>, Recognition> rule) {
        for (int sep = tokens.size() - 2; sep > 0; sep--) {
            Token t = tokens.get(sep);
            if (!(t.kind() == Token.Kind.SEP || t.op(","))) {
                continue;
            }
            Recognition missing = notFound(tokens, sep, parsers, rule);
            if (missing != null) {
                return missing;
            }
            Parser p = parsers.apply(tokens.subList(sep + 1, tokens.size()));
            List<Token> after = Commentary.withoutRemarks(tokens.subList(sep + 1, tokens.size()), p.ctx(), p.lexicon());
            if (after.isEmpty()) {
                continue;
            }
            // "rounded to 2 decimals (half up)": the operations without the remarks beside them
            p = parsers.apply(after);
            List<Copies.Operation> ops = new ArrayList<>();
            while (!p.atEnd()) {
                int m = p.mark();
                if (!ops.isEmpty()) {
                    p.acceptSeparator();
                    p.acceptOp(",");
                    p.accept(Lexicon.Role.CHAIN);
                }
                Copies.Operation op = Copies.operation(p);
                if (op == null || p.mark() == m || op.column() != null
                        || op.kind() != Copies.Kind.VALUE && op.kind() != Copies.Kind.CONVERSION) {
                    ops = null;
                    break;
                }
                ops.add(op);
            }
            if (ops == null || ops.isEmpty()) {
                continue;
            }
            if (rule.apply(tokens.subList(0, sep)) instanceof Recognition.Recognized ok) {
                Expr value = ok.expr();
                for (Copies.Operation op : ops) {
                    value = op.apply().apply(value);
                }
                return new Recognition.Recognized(value, ok.lookupTable(), ok.accepted(),
                        ok.note() + ", then " + ops.size() + " operation(s) on its value", ok.keepUnmatched());
            }
        }
        return null;
    }

    /**
     * rule SEP literal (IF | WHEN) [words] NOT_FOUND: "Specialty description; 'Unknown' when not found" -- the value
     * read through the row's join, the literal where no row matched (those rows kept: a left join); null otherwise.
     */
    private static Recognition notFound(List<Token> tokens, int sep, Function<List<Token>, Parser> parsers,
                                        Function<List<Token>, Recognition> rule) {
        Parser p = parsers.apply(tokens.subList(sep + 1, tokens.size()));
        Expr value = p.literal();
        if (!(value instanceof Expr.Lit) || !(p.accept(Lexicon.Role.IF) || p.accept(Lexicon.Role.WHERE))
                || !Lookups.notFound(p)) {
            return null;
        }
        while (p.acceptSeparator()) {
            // a full stop after it
        }
        if (!p.atEnd() || !(rule.apply(tokens.subList(0, sep)) instanceof Recognition.Recognized ok)) {
            return null;
        }
        return new Recognition.Recognized(new Expr.Fn("COALESCE", List.of(ok.expr(), value)),
                ok.lookupTable(), ok.accepted(), ok.note() + ", " + ((Expr.Lit) value).value()
                + " where no row matched", true);
    }
}
