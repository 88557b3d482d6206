package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Arithmetic said in words inside a formula, rewritten as SQL before the SQL parser reads it:
 * <pre>
 * power := operand ("^" | "**") operand | operand (SQUARED | CUBED) | operand "to the power of" number
 * unit  := column "in" unit                       -- the column's value converted from the unit its name gives
 * </pre>
 * "weight / (height in metres) squared" over weight_kg and height_cm is {@code weight / POWER((height_cm * 0.01), 2)}.
 * An operand is a number, a name, or a parenthesised group with the function name before it, if any. '^' is always a
 * power: analysts write it so, and SQL dialects disagree on it (XOR in some).
 */
final class ArithmeticWords {

    private ArithmeticWords() {
    }

    /** The tokens with powers and unit conversions written as SQL; the same list when there are none. */
    static List<Token> rewrite(List<Token> tokens, Parser p) {
        List<Token> out = units(tokens, p);
        out = powers(out);
        return times(out);
    }

    /**
     * "QTY_BOTTLES x UNIT_PRICE x (1 - DISCOUNT_PCT / 100)": the letter x between two operands of a formula, a product.
     * Only in a formula that holds an operator (the words "x by y" elsewhere are read by the rule grammar).
     */
    private static List<Token> times(List<Token> tokens) {
        if (tokens.stream().noneMatch(t -> t.kind() == Token.Kind.OP && !t.op(",") && !t.op(":"))) {
            return tokens;
        }
        List<Token> out = null;
        for (int i = 1; i + 1 < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == Token.Kind.WORD && (t.text().equals("x") || t.text().equals("\u00d7") || t.text().equals("X"))
                    && operandEnd(tokens.get(i - 1)) && operandStart(tokens.get(i + 1))) {
                out = out == null ? new ArrayList<>(tokens) : out;
                out.set(i, Token.of(Token.Kind.OP, "*"));
            }
        }
        return out == null ? tokens : out;
    }

    private static boolean operandEnd(Token t) {
        return t.op(")") || t.kind() == Token.Kind.NUMBER || t.kind() == Token.Kind.NAME || t.kind() == Token.Kind.IDENT
                || t.kind() == Token.Kind.WORD && t.text().matches("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[a-z][a-z0-9]*(?:_[a-z0-9]+)+");
    }

    private static boolean operandStart(Token t) {
        return t.op("(") || t.kind() == Token.Kind.NUMBER || t.kind() == Token.Kind.NAME || t.kind() == Token.Kind.IDENT
                || t.kind() == Token.Kind.WORD && t.text().matches("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[a-z][a-z0-9]*(?:_[a-z0-9]+)+");
    }

    /** "height in metres" over height_cm: ( height_cm * 0.01 ). */
    private static List<Token> units(List<Token> tokens, Parser p) {
        boolean said = false;
        for (int i = 1; i + 1 < tokens.size() && !said; i++) {
            said = tokens.get(i).is(Token.Kind.WORD, "in") && PhraseTable.UNITS.at(tokens, i + 1) != null;
        }
        if (!said) {
            // no "in <unit>": nothing to convert (and no column lookups for every word)
            return tokens;
        }
        List<Token> out = new ArrayList<>(tokens.size());
        int start = p.mark();
        boolean changed = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.IDENT || t.kind() == Token.Kind.NAME) {
                p.reset(i);
                Expr named = p.column();
                int end = p.mark();
                PhraseTable.Match own = named instanceof Expr.Col c ? Functions.unitOfName(c.column()) : null;
                PhraseTable.Match wanted = own != null && end + 1 < tokens.size() && tokens.get(end).is(Token.Kind.WORD, "in")
                        ? PhraseTable.UNITS.at(tokens, end + 1) : null;
                BigDecimal[] ratio = wanted == null ? null : ratio(own, wanted);
                if (ratio != null) {
                    Expr.Col c = (Expr.Col) named;
                    out.add(Token.of(Token.Kind.OP, "("));
                    out.add(c.relation() == null ? Token.of(Token.Kind.IDENT, c.column())
                            : Token.of(Token.Kind.NAME, c.relation() + "." + c.column()));
                    out.add(Token.of(Token.Kind.OP, "*"));
                    out.add(Token.of(Token.Kind.NUMBER, ratio[0].toPlainString()));
                    if (ratio[1].compareTo(BigDecimal.ONE) != 0) {
                        out.add(Token.of(Token.Kind.OP, "/"));
                        out.add(Token.of(Token.Kind.NUMBER, ratio[1].toPlainString()));
                    }
                    out.add(Token.of(Token.Kind.OP, ")"));
                    i = end + wanted.length();
                    changed = true;
                    continue;
                }
            }
            out.add(t);
        }
        p.reset(start);
        return changed ? out : tokens;
    }

    /** Multiplier and divisor from one unit to another of the same dimension (money excluded), or null. */
    private static BigDecimal[] ratio(PhraseTable.Match from, PhraseTable.Match to) {
        for (PhraseTable.Entry u : from.entries()) {
            for (PhraseTable.Entry v : to.entries()) {
                Functions.Unit a = Functions.Unit.of(u);
                Functions.Unit b = Functions.Unit.of(v);
                if (a.dimension().equals(b.dimension()) && !a.dimension().equals("money")) {
                    try {
                        return new BigDecimal[]{a.factor().divide(b.factor()).stripTrailingZeros(), BigDecimal.ONE};
                    } catch (ArithmeticException repeating) {
                        return new BigDecimal[]{a.factor(), b.factor()};
                    }
                }
            }
        }
        return null;
    }

    /** "x ^ 2", "x ** 2", "x squared", "(h / 100) cubed", "x to the power of 3": POWER(x, n). */
    private static List<Token> powers(List<Token> tokens) {
        if (tokens.stream().noneMatch(t -> t.op("^") || t.op("*") || t.is(Token.Kind.WORD, "squared") || t.is(Token.Kind.WORD, "cubed")
                || t.is(Token.Kind.WORD, "power"))) {
            return tokens;
        }
        List<Token> out = new ArrayList<>(tokens);
        boolean changed = false;
        for (int i = 1; i < out.size(); i++) {
            int exponentEnd;
            List<Token> exponent;
            Token t = out.get(i);
            if (t.is(Token.Kind.WORD, "squared") || t.is(Token.Kind.WORD, "cubed")) {
                exponent = List.of(Token.of(Token.Kind.NUMBER, t.norm().equals("squared") ? "2" : "3"));
                exponentEnd = i + 1;
            } else if ((t.op("^") || t.op("*") && i + 1 < out.size() && out.get(i + 1).op("*")) && i + 1 < out.size()) {
                int e = t.op("^") ? i + 1 : i + 2;
                int end = operandEnd(out, e);
                if (end < 0) {
                    continue;
                }
                exponent = new ArrayList<>(out.subList(e, end));
                exponentEnd = end;
            } else if (t.is(Token.Kind.WORD, "to") && i + 4 < out.size() && out.get(i + 1).is(Token.Kind.WORD, "the")
                    && out.get(i + 2).is(Token.Kind.WORD, "power") && out.get(i + 3).is(Token.Kind.WORD, "of")
                    && out.get(i + 4).kind() == Token.Kind.NUMBER) {
                exponent = List.of(out.get(i + 4));
                exponentEnd = i + 5;
            } else {
                continue;
            }
            int base = operandStart(out, i - 1);
            if (base < 0) {
                continue;
            }
            List<Token> power = new ArrayList<>();
            power.add(Token.of(Token.Kind.WORD, "POWER"));
            power.add(Token.of(Token.Kind.OP, "("));
            power.addAll(out.subList(base, i));
            power.add(Token.of(Token.Kind.OP, ","));
            power.addAll(exponent);
            power.add(Token.of(Token.Kind.OP, ")"));
            List<Token> next = new ArrayList<>(out.subList(0, base));
            next.addAll(power);
            next.addAll(out.subList(exponentEnd, out.size()));
            out = next;
            i = base + power.size() - 1;
            changed = true;
        }
        return changed ? out : tokens;
    }

    /** The first index of the operand that ends at {@code end}: a number or name, or "(...)" with a function name. */
    private static int operandStart(List<Token> t, int end) {
        Token last = t.get(end);
        if (last.op(")")) {
            int depth = 0;
            for (int i = end; i >= 0; i--) {
                if (t.get(i).op(")")) {
                    depth++;
                } else if (t.get(i).op("(") && --depth == 0) {
                    return i > 0 && t.get(i - 1).kind() == Token.Kind.WORD ? i - 1 : i;
                }
            }
            return -1;
        }
        return operand(last) ? end : -1;
    }

    /** The index after the operand that starts at {@code from}, or -1. */
    private static int operandEnd(List<Token> t, int from) {
        if (from >= t.size()) {
            return -1;
        }
        int i = from;
        if (t.get(i).op("-") && i + 1 < t.size() && t.get(i + 1).kind() == Token.Kind.NUMBER) {
            return i + 2;
        }
        if (t.get(i).kind() == Token.Kind.WORD && i + 1 < t.size() && t.get(i + 1).op("(")) {
            i++;
        }
        if (t.get(i).op("(")) {
            int depth = 0;
            for (int k = i; k < t.size(); k++) {
                if (t.get(k).op("(")) {
                    depth++;
                } else if (t.get(k).op(")") && --depth == 0) {
                    return k + 1;
                }
            }
            return -1;
        }
        return operand(t.get(i)) ? i + 1 : -1;
    }

    private static boolean operand(Token t) {
        return t.kind() == Token.Kind.NUMBER || t.kind() == Token.Kind.IDENT || t.kind() == Token.Kind.NAME
                || t.kind() == Token.Kind.WORD;
    }
}
