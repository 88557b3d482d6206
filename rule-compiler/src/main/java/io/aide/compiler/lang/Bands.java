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
        Token noun = p.rawPeek();
        Token counted = p.mark() + 1 < p.tokens().size() ? p.tokens().get(p.mark() + 1) : null;
        if (noun != null && noun.kind() == Token.Kind.WORD && MEASURES.contains(noun.norm()) && counted != null
                && counted.kind() == Token.Kind.NUMBER) {
            // "hours 06 to 13 are DAY": what the numbers count, before the band
            p.rawNext();
        }
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
            // "75 to under 85", "0 - less than 10", "from 294 up to but not including 366": the band's end is left
            // out; "up to and including 20": kept
            boolean open = p.accept(Role.END_LEFT_OUT) || !between && p.accept(Role.LT);
            if (!open && !between) {
                p.accept(Role.LE);
            }
            Expr high = rawNumber(p);
            java.math.BigDecimal highUnit = high == null ? null : unitFactor(p, keyed);
            if (high != null && !mismatched(lowUnit) && !mismatched(highUnit)) {
                // "2 to 5 days": the unit after the band's end is its start's too
                java.math.BigDecimal first = lowUnit != null ? lowUnit : highUnit;
                Expr from = new Expr.Bin(">=", keyed, first == null ? low : scaled(low, first));
                Expr to = new Expr.Bin(open ? "<" : "<=", keyed, highUnit == null ? high : scaled(high, highUnit));
                // "22 to 05 are NIGHT": a band that starts above its end wraps round (hours of the day), either side
                return new Expr.Bin(wraps(low, high) ? "OR" : "AND", from, to);
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

    /** Comparatives that point below the bands said ("anything shorter") and above them ("anything longer"). */
    private static final java.util.Set<String> BELOW = java.util.Set.of("shorter", "less", "lower", "smaller", "fewer",
            "younger", "lighter", "cheaper", "earlier", "below", "under");
    private static final java.util.Set<String> ABOVE = java.util.Set.of("longer", "more", "higher", "larger", "bigger",
            "greater", "older", "heavier", "later", "above", "over");

    /**
     * "366 or longer is 'ULCV'; 200 to 366 is 'Panamax'; anything shorter is 'Feeder'": a band that is what lies below
     * the lowest start (or above the highest end) of the bands said before it, a value compared so never a missing
     * one; null (cursor unchanged) when the words are not so or no band before has a numeric bound on that side.
     * <pre>
     * beyond := (anything | everything | any value | all values | values) [else] (BELOW | ABOVE) [than that]
     * </pre>
     */
    static Expr beyond(Parser p, Expr keyed, java.util.List<Expr.When> whens) {
        int m = p.mark();
        boolean subject = p.acceptWord("anything") || p.acceptWord("everything") || p.acceptWord("values")
                || (p.acceptWord("any") || p.acceptWord("all")) && (p.acceptWord("value") || p.acceptWord("values"));
        p.acceptWord("else");
        Token word = subject ? p.rawPeek() : null;
        boolean below = word != null && word.kind() == Token.Kind.WORD && BELOW.contains(word.norm());
        boolean above = word != null && word.kind() == Token.Kind.WORD && ABOVE.contains(word.norm());
        if (!below && !above) {
            p.reset(m);
            return null;
        }
        p.rawNext();
        if (p.acceptWord("than")) {
            if (!(p.acceptWord("that") || p.acceptWord("this") || p.acceptWord("those"))) {
                p.reset(m);
                return null;
            }
        }
        Expr.Bin edge = null;
        for (Expr.When w : whens) {
            for (Expr.Bin b : bounds(w.condition(), keyed)) {
                boolean start = b.op().startsWith(">");
                double n = value(b);
                if (start == below && (edge == null || (below ? n < value(edge) : n > value(edge)))) {
                    edge = b;
                }
            }
        }
        if (edge == null) {
            p.reset(m);
            return null;
        }
        // below ">= 200" is "< 200", below "> 200" is "<= 200"; above "< 366" is ">= 366", above "<= 366" is "> 366"
        String op = switch (edge.op()) {
            case ">=" -> "<";
            case ">" -> "<=";
            case "<" -> ">=";
            default -> ">";
        };
        return new Expr.Bin(op, keyed, edge.right());
    }

    /** Nouns for what a band's numbers count, said before them. */
    private static final java.util.Set<String> MEASURES = java.util.Set.of("hour", "hours", "day", "days", "month", "months",
            "minute", "minutes", "age", "ages", "week", "weeks", "year", "years");

    /** Both ends are numbers and the start is above the end. */
    private static boolean wraps(Expr low, Expr high) {
        return low instanceof Expr.Lit a && a.value() instanceof Number x && high instanceof Expr.Lit b && b.value() instanceof Number y
                && x.doubleValue() > y.doubleValue();
    }

    private static double value(Expr.Bin bound) {
        return ((Number) ((Expr.Lit) bound.right()).value()).doubleValue();
    }

    /** The comparisons of the keyed value with a number in a band's condition. */
    private static java.util.List<Expr.Bin> bounds(Expr condition, Expr keyed) {
        java.util.List<Expr.Bin> out = new java.util.ArrayList<>();
        if (condition instanceof Expr.Bin b && b.op().equals("AND")) {
            out.addAll(bounds(b.left(), keyed));
            out.addAll(bounds(b.right(), keyed));
        } else if (condition instanceof Expr.Bin b && java.util.List.of(">=", ">", "<", "<=").contains(b.op()) && b.left().equals(keyed)
                && b.right() instanceof Expr.Lit l && l.value() instanceof Number) {
            out.add(b);
        }
        return out;
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
