package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;

import java.util.ArrayList;
import java.util.List;

/**
 * The greater or the lesser of values, chained like the other operations of {@link Operations}:
 * <pre>
 * extreme := (GREATER_OF | LESSER_OF) [the] operand {("," | AND | OR) operand}    -- "Greater of upd_dt and ins_dt"
 * </pre>
 * A missing value does not make the answer missing: the greater of a date and NULL is the date (GREATEST over each
 * operand with the others as its fallback, which every dialect reads the same way; BigQuery and Snowflake's GREATEST
 * alone would give NULL).
 */
final class Extremes {
    private Extremes() {
    }

    static Copies.Operation extreme(Parser p) {
        int m = p.mark();
        String fn = p.accept(Role.GREATER_OF) ? "GREATEST" : p.accept(Role.LESSER_OF) ? "LEAST" : null;
        if (fn == null) {
            return null;
        }
        p.acceptWord("the");
        List<Expr> values = new ArrayList<>();
        do {
            Expr e = p.operand();
            if (e == null || e instanceof Expr.TypedNull) {
                p.reset(m);
                return null;
            }
            values.add(e);
        } while (p.acceptOp(",") || p.accept(Role.AND) || p.accept(Role.OR));
        if (values.size() < 2) {
            p.reset(m);
            return null;
        }
        if (!(values.get(0) instanceof Expr.Col first)) {
            p.reset(m);
            return null;
        }
        List<Expr> others = values.subList(1, values.size()).stream().map(p::typed).toList();
        // the first operand is the value the chain reads (the column named first)
        return new Copies.Operation(x -> {
            List<Expr> all = new ArrayList<>();
            all.add(p.typed(x));
            all.addAll(others);
            return of(fn, all);
        }, first, Copies.Kind.VALUE);
    }

    /** fn(COALESCE(a, b, c), COALESCE(b, a, c), COALESCE(c, a, b)): each operand, or the others when it is missing. */
    static Expr of(String fn, List<Expr> values) {
        List<Expr> each = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            List<Expr> order = new ArrayList<>();
            order.add(values.get(i));
            for (int j = 0; j < values.size(); j++) {
                if (j != i) {
                    order.add(values.get(j));
                }
            }
            each.add(new Expr.Fn("COALESCE", order));
        }
        return new Expr.Fn(fn, each);
    }

    /**
     * The greater or lesser of values that are rules of their own: "Greater of zero and claim amount minus paid
     * amount". The words after GREATER_OF are split at one "and", "," or "or" into two parts, each a number or a rule
     * the families read; null when no split reads both.
     */
    static Recognition ofRules(List<Token> tokens, java.util.function.Function<List<Token>, Parser> parsers,
                               java.util.function.Function<List<Token>, Recognition> rule, Lexicon lexicon) {
        int n = lexicon.match(Role.GREATER_OF, tokens, 0);
        String fn = n > 0 ? "GREATEST" : (n = lexicon.match(Role.LESSER_OF, tokens, 0)) > 0 ? "LEAST" : null;
        if (fn == null || tokens.subList(0, n).stream().anyMatch(t -> t.norm().startsWith("max") || t.norm().startsWith("min"))) {
            // "Max of score and 0" may be the aggregate as well as GREATEST: another family says so
            return null;
        }
        for (int at = n + 1; at < tokens.size() - 1; at++) {
            Token t = tokens.get(at);
            if (!(t.op(",") || t.is(Token.Kind.WORD, "and") || t.is(Token.Kind.WORD, "or"))) {
                continue;
            }
            Expr first = part(tokens.subList(n, at), parsers, rule);
            Expr second = first == null ? null : part(tokens.subList(at + 1, tokens.size()), parsers, rule);
            if (second != null && !(first instanceof Expr.Lit && second instanceof Expr.Lit)) {
                return new Recognition.Recognized(of(fn, List.of(first, second)), null, List.of(),
                        fn.toLowerCase(java.util.Locale.ROOT) + " of two values");
            }
        }
        return null;
    }

    /** A number written alone, or a rule read by the families; null otherwise. */
    private static Expr part(List<Token> words, java.util.function.Function<List<Token>, Parser> parsers,
                             java.util.function.Function<List<Token>, Recognition> rule) {
        if (words.isEmpty()) {
            return null;
        }
        Parser p = parsers.apply(words);
        Expr lit = p.literal();
        if (lit instanceof Expr.Lit l && l.value() instanceof Number && p.atEnd()) {
            return lit;
        }
        return rule.apply(words) instanceof Recognition.Recognized ok ? p.typed(ok.expr()) : null;
    }
}
