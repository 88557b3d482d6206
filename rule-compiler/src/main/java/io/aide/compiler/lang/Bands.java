package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;

/**
 * The bands of a number as the keys of a value map ({@link ValueMaps}): "under 10", "10 to 50", "over 1 kg up to 20 kg",
 * "700 and above", each number perhaps with its unit (scaled into the keyed column's unit where its name gives one),
 * and the sentence's verb between a band and its value ("Scores below 300 are 'HIGH'").
 */
final class Bands {
    private Bands() {
    }

    /**
     * A band of numbers as a key: (LT | LE | GT | GE) n [[AND] (LT | LE | GT | GE) m], BETWEEN n AND m, n (TO | "-") m
     * (both ends included), n (TO | "-") LT m (its end left out: "75 to under 85"), each number perhaps followed by its unit ("over 1 kg up to 20 kg"),
     * n "+" / n OR_MORE (n and above), n OR_LESS; null when the key is no band (cursor unchanged).
     */
    static Expr band(Parser p, Expr keyed) {
        int m = p.mark();
        Role[] ops = {Role.LE, Role.GE, Role.LT, Role.GT};
        String[] symbols = {"<=", ">=", "<", ">"};
        for (int i = 0; i < ops.length; i++) {
            if (p.accept(ops[i])) {
                Expr n = number(p, keyed);
                if (n != null) {
                    Expr bound = new Expr.Bin(symbols[i], keyed, n);
                    // "over 1 kg up to 20 kg": a second bound closes the band
                    int second = p.mark();
                    p.accept(Role.AND);
                    for (int j = 0; j < ops.length; j++) {
                        if (p.accept(ops[j])) {
                            Expr n2 = number(p, keyed);
                            if (n2 != null) {
                                return new Expr.Bin("AND", bound, new Expr.Bin(symbols[j], keyed, n2));
                            }
                            break;
                        }
                    }
                    p.reset(second);
                    return bound;
                }
                p.reset(m);
            }
        }
        boolean between = p.accept(Role.BETWEEN);
        Expr low = rawNumber(p);
        if (low == null) {
            p.reset(m);
            return null;
        }
        java.math.BigDecimal lowUnit = unitFactor(p, keyed);
        if (between && p.accept(Role.AND) || p.accept(Role.TO) || p.acceptOp("-")) {
            // "75 to under 85", "0 - less than 10": the band's end is left out; "up to and including 20": kept
            boolean open = !between && p.accept(Role.LT);
            if (!open && !between) {
                p.accept(Role.LE);
            }
            Expr high = rawNumber(p);
            java.math.BigDecimal highUnit = high == null ? null : unitFactor(p, keyed);
            if (high != null && !mismatched(lowUnit) && !mismatched(highUnit)) {
                // "2 to 5 days": the unit after the band's end is its start's too
                java.math.BigDecimal first = lowUnit != null ? lowUnit : highUnit;
                return new Expr.Bin("AND", new Expr.Bin(">=", keyed, first == null ? low : scaled(low, first)),
                        new Expr.Bin(open ? "<" : "<=", keyed, highUnit == null ? high : scaled(high, highUnit)));
            }
        } else if (!between && !mismatched(lowUnit)) {
            Expr bound = lowUnit == null ? low : scaled(low, lowUnit);
            int after = p.mark();
            Token t = p.peekToken();
            if (t != null && t.op("+") || p.accept(Role.OR_MORE)) {
                if (t != null && t.op("+")) {
                    p.next();
                }
                return new Expr.Bin(">=", keyed, bound);
            }
            p.reset(after);
            if (p.accept(Role.OR_LESS)) {
                return new Expr.Bin("<=", keyed, bound);
            }
        }
        p.reset(m);
        return null;
    }

    /** A band's number in the keyed column's unit (see {@link #unitFactor}); null when none is at the cursor. */
    private static Expr number(Parser p, Expr keyed) {
        Expr n = rawNumber(p);
        if (n == null) {
            return null;
        }
        java.math.BigDecimal factor = unitFactor(p, keyed);
        return mismatched(factor) ? null : factor == null ? n : scaled(n, factor);
    }

    /** The unit written is of another kind than the column's (the problem is said). */
    private static boolean mismatched(java.math.BigDecimal factor) {
        return factor != null && factor.signum() == 0;
    }

    private static Expr rawNumber(Parser p) {
        Token t = p.peekToken();
        return t != null && t.kind() == Token.Kind.NUMBER ? p.literal() : null;
    }

    /**
     * The unit written after a band's number, if any ("1 kg", "20 days"), as the factor into the unit of the keyed
     * column where its name gives one of the same kind (over 1 kg on weight_kg is 1, 2 days on transit_hrs is 48);
     * ONE where the column's name gives no unit; null where no unit is written; ZERO where it is of another kind than
     * the column's (with the problem).
     */
    private static java.math.BigDecimal unitFactor(Parser p, Expr keyed) {
        PhraseTable.Match unit = p.phrase(PhraseTable.UNITS);
        if (unit == null) {
            return null;
        }
        PhraseTable.Match own = keyed instanceof Expr.Col c ? Functions.unitOfName(c.column()) : null;
        if (own == null) {
            return java.math.BigDecimal.ONE;
        }
        for (PhraseTable.Entry u : unit.entries()) {
            for (PhraseTable.Entry o : own.entries()) {
                Functions.Unit said = Functions.Unit.of(u);
                Functions.Unit held = Functions.Unit.of(o);
                if (said.dimension().equals(held.dimension())) {
                    return said.factor().divide(held.factor(), java.math.MathContext.DECIMAL64);
                }
            }
        }
        p.problem("the bands are in " + unit.entries().get(0).key().split("\\s+")[0] + " but "
                + ((Expr.Col) keyed).column() + " holds " + own.entries().get(0).key().split("\\s+")[0]);
        return java.math.BigDecimal.ZERO;
    }

    /** The number times the factor, kept whole where it is. */
    private static Expr scaled(Expr n, java.math.BigDecimal factor) {
        if (factor.compareTo(java.math.BigDecimal.ONE) == 0 || !(n instanceof Expr.Lit lit) || !(lit.value() instanceof Number v)) {
            return n;
        }
        java.math.BigDecimal x = new java.math.BigDecimal(v.toString()).multiply(factor).stripTrailingZeros();
        return new Expr.Lit(x.scale() <= 0 ? (Object) x.longValueExact() : x.doubleValue());
    }

    /**
     * "Scores below 300 are 'HIGH'", "700 and above is 'LOW'", "over 50 gets 'Gold'": a sentence's verb between a band
     * and its value, read before a quoted or capitalised value only (cursor unchanged otherwise).
     */
    static void verb(Parser p) {
        int m = p.mark();
        boolean verb = p.acceptWord("is") || p.acceptWord("are") || p.acceptWord("get") || p.acceptWord("gets")
                || (p.acceptWord("will") || p.acceptWord("should") || p.acceptWord("must")) && p.acceptWord("be");
        Token value = verb ? p.rawPeek() : null;
        if (value == null || !(value.kind() == Token.Kind.STRING
                || value.kind() == Token.Kind.WORD && Character.isUpperCase(value.text().charAt(0)))) {
            p.reset(m);
        }
    }
}
