package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;

import java.math.BigDecimal;
import java.util.function.UnaryOperator;

/** The factor an analyst states beside a unit conversion ({@link Functions}): "(1 lb = 0.4536 kg)". */
final class StatedFactors {
    private StatedFactors() {
    }

    /**
     * "(1 lb = 0.4536 kg)" after a conversion: the factor the analyst states, used as written when it is within 5% of
     * the units' own (a rounded factor is the specification); a problem when it is further off; null (cursor
     * unchanged) when none is said.
     */
    static UnaryOperator<Expr> read(Parser p, Functions.Unit from, Functions.Unit to) {
        int m = p.mark();
        String problemBefore = p.problem();
        UnaryOperator<Expr> multiplier = multiplier(p, from, to);
        if (multiplier != null || !java.util.Objects.equals(problemBefore, p.problem())) {
            return multiplier;
        }
        p.reset(m);
        boolean paren = p.acceptOp("(");
        Token one = p.next();
        PhraseTable.Match u = one != null && one.kind() == Token.Kind.NUMBER ? p.phrase(PhraseTable.UNITS) : null;
        if (u == null || !(p.acceptOp("=") || p.acceptWord("is") || p.acceptWord("equals"))) {
            p.reset(m);
            return null;
        }
        Token n = p.next();
        PhraseTable.Match v = n != null && n.kind() == Token.Kind.NUMBER ? p.phrase(PhraseTable.UNITS) : null;
        if (v == null || paren && !p.acceptOp(")")) {
            p.reset(m);
            return null;
        }
        boolean forward = u.entries().stream().map(Functions.Unit::of).anyMatch(from::equals)
                && v.entries().stream().map(Functions.Unit::of).anyMatch(to::equals);
        boolean backward = u.entries().stream().map(Functions.Unit::of).anyMatch(to::equals)
                && v.entries().stream().map(Functions.Unit::of).anyMatch(from::equals);
        BigDecimal left = new BigDecimal(one.text());
        BigDecimal right = new BigDecimal(n.text());
        if (!forward && !backward || left.signum() == 0 || right.signum() == 0) {
            p.reset(m);
            return null;
        }
        java.math.MathContext mc = java.math.MathContext.DECIMAL64;
        BigDecimal factor = forward ? right.divide(left, mc) : left.divide(right, mc);
        if (!close(factor, from, to, p)) {
            return null;
        }
        // as written: "1 kg = 2.2 lb" divides by 2.2
        BigDecimal times = forward ? right : left;
        BigDecimal per = forward ? left : right;
        return x -> {
            Expr y = times.compareTo(BigDecimal.ONE) == 0 ? x : new Expr.Bin("*", x, Functions.literal(times));
            return per.compareTo(BigDecimal.ONE) == 0 ? y : new Expr.Bin("/", y, Functions.literal(per));
        };
    }

    /** "(× 0.092903)", "(x 0.4536)", "(multiply by 0.4536)": the multiplier itself, in brackets; null when none is said. */
    private static UnaryOperator<Expr> multiplier(Parser p, Functions.Unit from, Functions.Unit to) {
        if (!p.acceptOp("(")) {
            return null;
        }
        if (p.acceptWord("multiply")) {
            p.acceptWord("by");
        } else if (!(p.acceptOp("*") || p.acceptWord("x") || p.acceptWord("times"))) {
            return null;
        }
        Token n = p.next();
        if (n == null || n.kind() != Token.Kind.NUMBER || !p.acceptOp(")")) {
            return null;
        }
        BigDecimal times = new BigDecimal(n.text());
        if (times.signum() == 0 || !close(times, from, to, p)) {
            return null;
        }
        return x -> new Expr.Bin("*", x, Functions.literal(times));
    }

    /** The factor is within 5% of the one between the units (a rounded factor is the specification); a problem if not. */
    private static boolean close(BigDecimal factor, Functions.Unit from, Functions.Unit to, Parser p) {
        java.math.MathContext mc = java.math.MathContext.DECIMAL64;
        BigDecimal own = from.factor().divide(to.factor(), mc);
        if (factor.subtract(own).abs().compareTo(own.multiply(new BigDecimal("0.05"))) > 0) {
            p.problem("the stated factor (" + factor.stripTrailingZeros().toPlainString() + " per unit converted) is not "
                    + "the one between these units (" + own.stripTrailingZeros().toPlainString() + "); check the rule");
            return false;
        }
        return true;
    }
}
