package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A rule followed by a sentence that adjusts its result under a condition on that result:
 * "ASTDT - ADSL.TRTSDT. If value >= 0 then add 1.", "Days between a and b; if the result is negative, set to 0",
 * "amount * rate. If less than 0 use 0".
 * <pre>
 * adjusted   := rule SEP IF [subject] test [,] [THEN] action | rule SEP [SET|USE] literal IF [subject] test
 * subject    := SELF | [the] (result | difference | outcome | number)
 * test       := (GT|GE|LT|LE|EQUALS|NOT_EQUALS) number | NEGATIVE | POSITIVE | ZERO_VALUE
 * action     := (PLUS|ADD) number | (MINUS|SUBTRACT) number | MULTIPLY [BY] number | DIVIDE [BY] number
 *             | [SET|USE] literal
 * </pre>
 * or by an exception on any columns: "ext_amt / qty, 0 when qty = 0", "amount * rate. If currency is null then 0"
 * (exception := literal (IF | WHEN) condition | (IF | WHEN) condition [THEN] literal).
 * The rule before the sentence is read by the other families; the adjustment keeps the result when its test fails,
 * the exception gives its value when its condition holds.
 */
final class Adjustments {
    private static final Set<String> RESULT_WORDS = Set.of("result", "difference", "outcome", "number", "total", "duration");
    private static final Role[] TESTS = {Role.NOT_EQUALS, Role.GE, Role.LE, Role.GT, Role.LT, Role.EQUALS};
    private static final String[] SYMBOLS = {"<>", ">=", "<=", ">", "<", "="};

    private Adjustments() {
    }

    /**
     * The cell read as a rule and an adjustment of its last sentence, or null when its last sentence is no
     * adjustment or the rule before it is not understood.
     */
    static Recognition read(List<Token> tokens, Function<List<Token>, Parser> parsers, Function<List<Token>, Recognition> rule) {
        int end = tokens.size();
        while (end > 0 && tokens.get(end - 1).kind() == Token.Kind.SEP) {
            end--;
        }
        if (end > 2 && tokens.get(end - 1).op(")")) {
            // "annual_sales / sqft (null when sqft is 0)": the adjustment or exception in parentheses after the rule
            int depth = 0;
            for (int open = end - 1; open > 0; open--) {
                depth += tokens.get(open).op(")") ? 1 : tokens.get(open).op("(") ? -1 : 0;
                if (depth == 0) {
                    List<Token> sentences = new java.util.ArrayList<>(tokens.subList(0, open));
                    sentences.add(Token.of(Token.Kind.SEP, ";"));
                    sentences.addAll(tokens.subList(open + 1, end - 1));
                    Recognition r = read(sentences, parsers, rule);
                    if (r != null) {
                        return r;
                    }
                    break;
                }
            }
        }
        for (int split = end - 1; split > 0; split--) {
            if (tokens.get(split).kind() != Token.Kind.SEP && !tokens.get(split).op(",")) {
                continue;
            }
            Parser p = parsers.apply(tokens.subList(split + 1, end));
            Adjustment a = adjustment(p);
            if (a == null) {
                p = parsers.apply(tokens.subList(split + 1, end));
                Expr.When exception = exception(p);
                if (exception == null) {
                    // no adjustment after this separator: perhaps after an earlier one ("a, b; if negative, set to 0")
                    continue;
                }
                Recognition before = rule.apply(tokens.subList(0, split));
                if (before instanceof Recognition.Recognized ok && !(ok.expr() instanceof Expr.Case)) {
                    // "ext_amt / qty, 0 when qty = 0": the exception first, the rule otherwise
                    Expr otherwise = ok.expr() instanceof Expr.Col ? p.typed(ok.expr()) : ok.expr();
                    return new Recognition.Recognized(new Expr.Case(List.of(new Expr.When(exception.condition(),
                            p.typed(exception.result()))), otherwise), ok.lookupTable(), List.of(),
                            ok.note() + ", with an exception", ok.keepUnmatched());
                }
                return before instanceof Recognition.Recognized ? null : before;
            }
            Recognition before = rule.apply(tokens.subList(0, split));
            if (before instanceof Recognition.Recognized ok && !(ok.expr() instanceof Expr.Case)) {
                // a column kept as it is stands beside the number of the adjustment: read as the target's type, else a
                // number (the casts inside a computed result are the type coercion's)
                Expr result = ok.expr() instanceof Expr.Col ? p.typed(ok.expr(), a.bound() instanceof Expr.Lit l
                        && l.value() instanceof Long ? SqlType.BIGINT : SqlType.DOUBLE) : ok.expr();
                Expr adjusted = new Expr.Case(List.of(new Expr.When(new Expr.Bin(a.op(), result, a.bound()),
                        a.action().apply(result))), result);
                return new Recognition.Recognized(adjusted, ok.lookupTable(), List.of(),
                        ok.note() + ", adjusted when the result " + a.op() + " " + a.bound(), ok.keepUnmatched());
            }
            // a conditional before an adjustment is not adjusted: the branches would have to say it
            return before instanceof Recognition.Recognized ? null : before;
        }
        return null;
    }

    private record Adjustment(String op, Expr bound, Function<Expr, Expr> action) {
    }

    /**
     * An exception to the rule before it, on any columns: value (IF | WHEN) condition, or (IF | WHEN) condition [,]
     * [THEN] [SET | USE] value; the value a literal or NULL. Null when the words are no such exception.
     */
    private static Expr.When exception(Parser p) {
        int m = p.mark();
        Expr value = p.literal();
        if (value != null && (p.accept(Role.IF) || p.accept(Role.WHERE))) {
            Expr cond = p.condition();
            if (cond != null && p.atEnd()) {
                return new Expr.When(cond, value);
            }
        }
        p.reset(m);
        if (p.accept(Role.IF) || p.accept(Role.WHERE)) {
            Expr cond = p.condition();
            if (cond == null) {
                return null;
            }
            p.acceptOp(",");
            p.accept(Role.THEN);
            if (!p.accept(Role.SET)) {
                p.accept(Role.USE);
            }
            Expr v = p.literal();
            if (v != null && p.atEnd()) {
                return new Expr.When(cond, v);
            }
        }
        return null;
    }

    private static Adjustment adjustment(Parser p) {
        int start = p.mark();
        if (!p.accept(Role.IF)) {
            // "null if negative", "set to 0 when the result is below 0": the value first, then its test
            if (!p.accept(Role.SET)) {
                p.accept(Role.USE);
            }
            Expr v = p.literal();
            if (v == null || !p.accept(Role.IF)) {
                p.reset(start);
                return null;
            }
            subject(p);
            Adjustment test = test(p);
            return test != null && p.atEnd() ? new Adjustment(test.op(), test.bound(), e -> v) : null;
        }
        subject(p);
        Adjustment test = test(p);
        if (test == null) {
            return null;
        }
        p.acceptOp(",");
        p.accept(Role.THEN);
        p.acceptOp(",");
        Function<Expr, Expr> action = action(p);
        return action != null && p.atEnd() ? new Adjustment(test.op(), test.bound(), action) : null;
    }

    /** test := (GT|GE|LT|LE|EQUALS|NOT_EQUALS) number | NEGATIVE | POSITIVE | ZERO_VALUE; the action left unset. */
    private static Adjustment test(Parser p) {
        String op = null;
        Expr bound = null;
        for (int i = 0; i < TESTS.length && op == null; i++) {
            int m = p.mark();
            if (p.accept(TESTS[i])) {
                bound = p.literal();
                op = bound instanceof Expr.Lit l && l.value() instanceof Number ? SYMBOLS[i] : null;
                if (op == null) {
                    p.reset(m);
                }
            }
        }
        Role[] signs = {Role.NEGATIVE, Role.POSITIVE, Role.ZERO_VALUE};
        String[] signOps = {"<", ">", "="};
        for (int i = 0; i < signs.length && op == null; i++) {
            if (p.accept(signs[i])) {
                op = signOps[i];
                bound = new Expr.Lit(0L);
            }
        }
        return op == null ? null : new Adjustment(op, bound, null);
    }

    private static void subject(Parser p) {
        if (p.acceptExact(Role.SELF) || p.accept(Role.SELF)) {
            return;
        }
        int m = p.mark();
        Token t = p.next();
        if (t == null || !RESULT_WORDS.contains(t.norm())) {
            p.reset(m);
        }
    }

    private static Function<Expr, Expr> action(Parser p) {
        String[] ops = {"+", "-", "*", "/"};
        Role[][] verbs = {{Role.PLUS, Role.ADD}, {Role.MINUS, Role.SUBTRACT}, {Role.MULTIPLY}, {Role.DIVIDE}};
        for (int i = 0; i < ops.length; i++) {
            for (Role verb : verbs[i]) {
                int m = p.mark();
                if (p.accept(verb)) {
                    p.accept(Role.BY);
                    Expr n = p.literal();
                    if (n instanceof Expr.Lit l && l.value() instanceof Number) {
                        String op = ops[i];
                        return e -> new Expr.Bin(op, e, n);
                    }
                    p.reset(m);
                }
            }
        }
        if (!p.accept(Role.SET)) {
            p.accept(Role.USE);
        }
        Expr v = p.literal();
        return v == null ? null : e -> v;
    }
}
