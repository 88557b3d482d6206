package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;

import java.util.List;

/**
 * The number operations of {@link Operations}: a share of a column, arithmetic in words or symbols, rounding.
 * <pre>
 * share   := N PERCENT OF column                                              -- "8.25% of net_amt"
 *          | PERCENT_OF operand                                             -- "refund as a percentage of order amount"
 * arith   := (MULTIPLY | DIVIDE | PLUS | MINUS) [column] [BY] operand [PERCENT] -- "multiplied by 100", "less 10 percent"
 *          | OP_SYMBOL operand                                            -- "* 100", "/ `rate`", "+ 1"
 * round   := ROUND [column] [TO] ([N] DECIMALS | NEAREST_INTEGER | STEP)? | ROUND_UP | ROUND_DOWN
 *            (STEP: a phrase of rounding.txt, "cents", "the nearest thousand"; or NEAREST N for a power of ten)
 * whole   := TRUNCATE [column] [TO NEAREST_INTEGER] END                      -- "divided by 12, truncated"
 *          | ["("] [AS | IN] WHOLE unit [")"]                                -- "(whole years)", "in completed months"
 *          | INTEGER_PART column                                             -- "integer part of ratio"
 * bound   := (CAP_AT | FLOOR_AT) [column] number                             -- "cap at 4.00", "with a minimum of 0"
 *          | (BOUNDED [column] [to | within] | CAP_AT) BETWEEN number AND number  -- "Clamp score between 0 and 100"
 * </pre>
 */
final class NumberOperations {

    private NumberOperations() {
    }

    /** "8.25% of net_amt", "10 percent of the amount": that share of the column. */
    static Copies.Operation share(Parser p) {
        Token t = p.peekToken();
        if (t == null || t.kind() != Token.Kind.NUMBER) {
            return null;
        }
        Expr n = p.literal();
        if (!(n instanceof Expr.Lit l) || !(l.value() instanceof Number pn) || !p.accept(Role.PERCENT)) {
            return null;
        }
        Token of = p.peekToken();
        if (of == null || !of.is(Token.Kind.WORD, "of")) {
            return null;
        }
        p.next();
        Expr column = p.column();
        if (column == null) {
            return null;
        }
        Expr factor = new Expr.Lit(new java.math.BigDecimal(pn.toString()).movePointLeft(2));
        return new Copies.Operation(x -> new Expr.Bin("*", x, factor), column);
    }

    /** "refund_amt as a percentage of order_amt": the value over the operand, in hundredths. */
    static Copies.Operation percentOf(Parser p) {
        if (!p.accept(Role.PERCENT_OF)) {
            return null;
        }
        Expr whole = number(p);
        if (whole == null) {
            return null;
        }
        Expr hundred = new Expr.Lit(100L);
        return new Copies.Operation(x -> new Expr.Bin("*", new Expr.Bin("/", x, whole), hundred), null);
    }

    // ---------------------------------------------------------------- arithmetic

    static Copies.Operation arithmetic(Parser p) {
        String op = null;
        boolean reversed = false;
        boolean symbol = false;
        Token t = p.peekToken();
        if (t != null && t.kind() == Token.Kind.OP && List.of("*", "/", "+", "-").contains(t.text())) {
            p.next();
            op = t.text();
            symbol = true;
        } else if (p.accept(Role.SUBTRACT)) {
            // "subtract 1 from `x`": the operand comes first, then the value it is taken from
            op = "-";
            reversed = true;
        } else if (p.accept(Role.MULTIPLY)) {
            op = "*";
        } else if (p.accept(Role.DIVIDE)) {
            op = "/";
        } else if (p.accept(Role.PLUS)) {
            op = "+";
        } else if (p.accept(Role.MINUS)) {
            op = "-";
        }
        if (op == null) {
            return null;
        }
        Expr column = null;
        Expr operand;
        if (reversed) {
            operand = number(p);
            if (operand == null || !p.accept(Role.FROM)) {
                return null;
            }
            column = p.column();
            if (column == null) {
                return null;
            }
        } else {
            int m = p.mark();
            Expr first = p.column();
            if (first != null && p.accept(Role.BY)) {
                // "multiply `amount` by 100"
                column = first;
            } else {
                p.reset(m);
                // "multiply it by 100": the value so far
                if (!(p.acceptExact(Role.SELF) && p.accept(Role.BY))) {
                    p.reset(m);
                    p.accept(Role.BY);
                }
            }
            operand = number(p);
            if (operand == null || p.peek(Role.DATE_DAY) || p.peek(Role.DATE_WEEK) || p.peek(Role.DATE_MONTH)
                    || p.peek(Role.DATE_YEAR)) {
                // "plus terms_days days": a shift of a date, the date family's
                return null;
            }
            // "+" and "-" between two names may join texts ("code - label"): only a number is added or taken away
            // ("claim_amt - paid_amt, minimum 0": a column whose name says it holds an amount is a number)
            if (symbol && (op.equals("+") || op.equals("-")) && !(operand instanceof Expr.Lit)
                    && !(operand instanceof Expr.Col c && ColumnWords.holdsAMeasure(c.column()))) {
                return null;
            }
            int m2 = p.mark();
            if (column == null && p.accept(Role.TO)) {
                // "add 1 to `x`"
                column = p.column();
                if (column == null) {
                    p.reset(m2);
                }
            }
        }
        if (op.equals("/") && operand instanceof Expr.Lit l && l.value() instanceof Number n && n.doubleValue() == 0) {
            p.problem("the rule divides by zero");
            return null;
        }
        if (p.accept(Role.PERCENT) && operand instanceof Expr.Lit pl && pl.value() instanceof Number pn) {
            // "less 10 percent", "plus 5%": a share of the value itself; "times 80%": that share; "plus 20% VAT": the
            // share named
            shareNamed(p);
            java.math.BigDecimal share = new java.math.BigDecimal(pn.toString()).movePointLeft(2);
            Expr factor = switch (op) {
                case "+" -> new Expr.Lit(java.math.BigDecimal.ONE.add(share));
                case "-" -> new Expr.Lit(java.math.BigDecimal.ONE.subtract(share));
                case "*" -> new Expr.Lit(share);
                default -> null;
            };
            if (factor == null) {
                return null;
            }
            return new Copies.Operation(x -> new Expr.Bin("*", x, factor), column);
        }
        boolean percentWord = p.accept(Role.PERCENT);
        if (!symbol && (op.equals("+") || op.equals("-")) && operand instanceof Expr.Col pc
                && (percentWord || ColumnWords.holdsAPercentage(pc.column()))) {
            // "price less the discount percentage", "plus tax_pct percent": a share of the value itself, unless the value
            // is a percentage too ("score_pct minus base_pct" is a difference of points)
            String o = op;
            Expr share = new Expr.Bin("/", operand, new Expr.Lit(100L));
            return new Copies.Operation(x -> x instanceof Expr.Col xc && ColumnWords.holdsAPercentage(xc.column())
                    ? new Expr.Bin(o, x, operand)
                    : new Expr.Bin("*", x, new Expr.Bin(o, new Expr.Lit(1L), share)), column);
        }
        if (percentWord) {
            p.problem("a percentage of a value that is not a number or a column");
            return null;
        }
        String o = op;
        Expr right = operand;
        return new Copies.Operation(x -> new Expr.Bin(o, x, right), column);
    }

    /** A number or a column (never a text: arithmetic on a quoted text is not what a rule means). */
    /** Words before "of N" that name the number they state: "a fixed rate of 0.92", "the conversion factor of 3.6". */
    private static final java.util.Set<String> STATED_ADJECTIVES = java.util.Set.of("fixed", "constant", "flat", "set",
            "standard", "static", "exchange", "conversion", "given", "agreed", "current");
    private static final java.util.Set<String> STATED_NOUNS = java.util.Set.of("rate", "factor", "multiplier", "ratio",
            "coefficient", "divisor", "constant", "value", "amount");

    /** "[a] [fixed] rate of 0.92": the number stated by a noun phrase; null (cursor unchanged) otherwise. */
    static Expr stated(Parser p) {
        int m = p.mark();
        Token t = p.peekToken();
        while (t != null && t.kind() == Token.Kind.WORD && STATED_ADJECTIVES.contains(t.norm())) {
            p.next();
            t = p.peekToken();
        }
        if (t != null && t.kind() == Token.Kind.WORD && STATED_NOUNS.contains(t.norm())) {
            p.next();
            if (p.acceptWord("of") || p.acceptOp("=") || p.acceptWord("is")) {
                Expr n = p.literal();
                if (n instanceof Expr.Lit l && l.value() instanceof Number) {
                    return n;
                }
            }
        }
        p.reset(m);
        return null;
    }

    private static Expr number(Parser p) {
        int m = p.mark();
        Expr said = stated(p);
        if (said != null) {
            return said;
        }
        Long word = Operations.cardinal(p);
        if (word != null) {
            // "multiplied by twelve"
            return new Expr.Lit(word);
        }
        Expr e = p.operand();
        if (e == null || e instanceof Expr.TypedNull || e instanceof Expr.Lit l && !(l.value() instanceof Number)) {
            p.reset(m);
            return null;
        }
        return e;
    }

    // ---------------------------------------------------------------- rounding

    static Copies.Operation round(Parser p) {
        String fn;
        if (p.accept(Role.ROUND_UP)) {
            fn = "CEIL";
        } else if (p.accept(Role.ROUND_DOWN)) {
            fn = "FLOOR";
        } else if (p.accept(Role.ROUND)) {
            fn = "ROUND";
        } else {
            return placesAlone(p);
        }
        Expr column = p.column();
        String way = fn;
        if (fn.equals("ROUND") && column != null) {
            // "Round balance up to the nearest 100": the direction after the column
            way = p.acceptWord("up") ? "CEIL" : p.acceptWord("down") ? "FLOOR" : fn;
        }
        String f = way;
        int m = p.mark();
        p.accept(Role.TO);
        Long places = places(p);
        if (places == null) {
            p.reset(m);
            // a bare "round" is to a whole number; "round up" and "round down" too
            places = 0L;
        }
        long kept = places;
        if (f.equals("ROUND")) {
            Expr digits = new Expr.Lit(kept);
            return new Copies.Operation(x -> new Expr.Fn("ROUND", List.of(kept > 0 ? DateDifferences.fractional(x) : x, digits)),
                    column);
        }
        return new Copies.Operation(x -> stepped(f, x, kept), column);
    }

    /**
     * The places a rounding keeps, after ROUND [TO]: "the nearest integer" (0), "cents" (2), "the nearest 100" (-2),
     * "2 decimal places" (2); null (cursor unchanged) when none is said.
     */
    private static Long places(Parser p) {
        return places(p, false);
    }

    /** @param decimalsNamed the count must be of "decimals" or "places" ("truncate to 5 digits" may be a text's length) */
    private static Long places(Parser p, boolean decimalsNamed) {
        int m = p.mark();
        PhraseTable.Match step;
        Long power;
        if (p.accept(Role.NEAREST_INTEGER)) {
            return 0L;
        } else if ((step = p.phrase(PhraseTable.ROUNDING)) != null) {
            return Long.parseLong(step.entries().get(0).key());
        } else if ((power = nearestPowerOfTen(p)) != null) {
            return power;
        }
        Long n = Operations.whole(p);
        int unit = p.mark();
        if (n != null && p.accept(Role.DECIMALS) && (!decimalsNamed || p.tokens().subList(unit, p.mark()).stream()
                .anyMatch(t -> t.norm().startsWith("decimal") || t.norm().equals("dp") || t.norm().startsWith("place")))) {
            return n;
        }
        p.reset(m);
        return null;
    }

    /** CEIL, FLOOR or TRUNC to a number of places: fn(x * 10^places) / 10^places (places &lt; 0: whole tens, hundreds). */
    private static Expr stepped(String fn, Expr x, long places) {
        if (places == 0) {
            return new Expr.Fn(fn, List.of(x));
        }
        Expr scale = new Expr.Lit(java.math.BigInteger.TEN.pow((int) Math.abs(places)).longValueExact());
        // the product rounded far below a place first: a double's 0.29 * 100 is 28.999999999999996, which TRUNC makes 28
        return places > 0
                ? new Expr.Bin("/", new Expr.Fn(fn, List.of(new Expr.Fn("ROUND", List.of(new Expr.Bin("*", x, scale), new Expr.Lit(6L))))), scale)
                : new Expr.Bin("*", new Expr.Fn(fn, List.of(new Expr.Bin("/", x, scale))), scale);
    }

    /**
     * "2 decimal places", "to one decimal", "2 dp" after the rule: the places to round to, said without "round". Only a
     * phrase naming decimals ("2 digits" may be a length); null (cursor unchanged) for anything else.
     */
    private static Copies.Operation placesAlone(Parser p) {
        int m = p.mark();
        // "a decimal number with 2 decimal places"; "cast to decimal with 2 places": places a number has, said after "with"
        boolean with = p.acceptWord("with");
        if (!with) {
            p.accept(Role.TO);
        }
        Long n = Operations.whole(p);
        int unit = p.mark();
        if (n == null || !p.accept(Role.DECIMALS) || p.tokens().subList(unit, p.mark()).stream()
                .noneMatch(t -> t.norm().startsWith("decimal") || t.norm().equals("dp")
                || (with || p.targetType().numeric()) && t.norm().startsWith("place"))) {
            p.reset(m);
            return null;
        }
        p.acceptWord("only");
        Expr digits = new Expr.Lit(n);
        return new Copies.Operation(x -> new Expr.Fn("ROUND", List.of(n > 0 ? DateDifferences.fractional(x) : x, digits)), null);
    }

    /** "nearest 100", "the nearest 0.01": the places a power of ten keeps; null (cursor unchanged) for anything else. */
    private static Long nearestPowerOfTen(Parser p) {
        int m = p.mark();
        Token the = p.peekToken();
        if (the != null && the.is(Token.Kind.WORD, "the")) {
            p.next();
        }
        Token t = p.peekToken();
        if (p.acceptWord("nearest") && (t = p.peekToken()) != null && t.kind() == Token.Kind.NUMBER) {
            try {
                java.math.BigDecimal n = new java.math.BigDecimal(t.text().replace(",", "")).stripTrailingZeros();
                if (n.unscaledValue().equals(java.math.BigInteger.ONE)) {
                    p.next();
                    return (long) n.scale();
                }
            } catch (NumberFormatException e) {
                // not a plain number
            }
        }
        p.reset(m);
        return null;
    }

    /**
     * The whole part of a number, toward zero: "divided by 12, truncated", "(whole years)" after a quotient of months,
     * "integer part of ratio". A TRUNCATE followed by a length is the text's (see {@link Operations}).
     */
    static Copies.Operation whole(Parser p) {
        int m = p.mark();
        if (p.accept(Role.INTEGER_PART)) {
            // "integer part of ratio"; "integer part of months / 12" would take the part of months alone: not read
            Expr column = p.column();
            Token after = p.peekToken();
            if (column == null || after != null && after.kind() != Token.Kind.SEP && !after.op(",")) {
                p.reset(m);
                return null;
            }
            return new Copies.Operation(NumberOperations::truncated, column);
        }
        if (p.accept(Role.TRUNCATE)) {
            Expr column = p.column();
            int to = p.mark();
            p.accept(Role.TO);
            Long places = places(p, true);
            if (places == null) {
                p.reset(to);
                places = 0L;
            }
            long kept = places;
            Token next = p.peekToken();
            if (next != null && next.kind() != Token.Kind.SEP && !next.op(",")) {
                p.reset(m);
                return null;
            }
            return new Copies.Operation(x -> stepped("TRUNC", x, kept), column);
        }
        boolean paren = p.acceptOp("(");
        if (!p.acceptWord("as") && !p.acceptWord("in")) {
            // "(whole years)" needs no preposition
            Token t = p.peekToken();
            if (!paren && (t == null || !t.is(Token.Kind.WORD, "whole") && !t.is(Token.Kind.WORD, "completed")
                    && !t.is(Token.Kind.WORD, "full") && !t.is(Token.Kind.WORD, "complete"))) {
                p.reset(m);
                return null;
            }
        }
        int n = wholeUnits(p.tokens(), p.mark(), Lexicon.standard());
        if (n == 0) {
            p.reset(m);
            return null;
        }
        p.reset(p.mark() + n);
        if (paren && !p.acceptOp(")")) {
            p.reset(m);
            return null;
        }
        return new Copies.Operation(NumberOperations::truncated, null);
    }

    /** The length of WHOLE and a unit at {@code at} ("whole years", "completed months", "full units"); 0 when none. */
    static int wholeUnits(List<Token> tokens, int at, Lexicon lexicon) {
        int w = lexicon.match(Role.WHOLE, tokens, at);
        if (w == 0 || at + w >= tokens.size()) {
            return 0;
        }
        int u = at + w;
        for (Role unit : new Role[]{Role.DATE_YEAR, Role.DATE_MONTH, Role.DATE_WEEK, Role.DATE_DAY, Role.DATE_HOUR}) {
            int k = lexicon.match(unit, tokens, u);
            if (k > 0) {
                return w + k;
            }
        }
        PhraseTable.Match measure = PhraseTable.UNITS.at(tokens, u);
        if (measure != null) {
            return w + measure.length();
        }
        Token t = tokens.get(u);
        return t.is(Token.Kind.WORD, "units") || t.is(Token.Kind.WORD, "numbers") ? w + 1 : 0;
    }

    private static Expr truncated(Expr x) {
        return new Expr.Fn("TRUNC", List.of(x));
    }

    /**
     * "cap at 4.00", "floored at 0": the value kept within a bound, NULL staying NULL (a CASE, not GREATEST/LEAST,
     * whose NULLs differ between dialects).
     */
    static Copies.Operation bound(Parser p) {
        int start = p.mark();
        if (p.acceptWord("never") && p.accept(Role.NEGATIVE) || p.acceptWord("non-negative") || p.acceptWord("nonnegative")) {
            // "never negative": floored at zero
            return floor(new Expr.Lit(0L), null);
        }
        p.reset(start);
        boolean bounded = p.accept(Role.BOUNDED);
        Expr boundedColumn = null;
        if (bounded) {
            // "Clamp score between 0 and 100", "bounded to between 1 and 5"
            int c = p.mark();
            boundedColumn = p.column();
            if (boundedColumn == null) {
                p.reset(c);
            }
            p.acceptWord("to");
            p.acceptWord("within");
        }
        boolean cap = bounded || p.accept(Role.CAP_AT);
        if (!cap && !p.accept(Role.FLOOR_AT)) {
            return null;
        }
        if (bounded && !p.peek(Role.BETWEEN)) {
            p.reset(start);
            return null;
        }
        if (cap && p.accept(Role.BETWEEN)) {
            // "capped between 0 and 4": kept within both bounds
            Expr low = p.literal();
            Expr high = low != null && p.accept(Role.AND) ? p.literal() : null;
            if (!(low instanceof Expr.Lit a && a.value() instanceof Number && high instanceof Expr.Lit b && b.value() instanceof Number)) {
                p.reset(start);
                return null;
            }
            return new Copies.Operation(x -> {
                Expr v = x instanceof Expr.Col ? new Expr.Cast(x, io.aide.compiler.plan.SqlType.DOUBLE, true) : x;
                return new Expr.Case(List.of(new Expr.When(new Expr.Bin("<", v, low), low), new Expr.When(new Expr.Bin(">", v, high), high)), v);
            }, boundedColumn);
        }
        int m = p.mark();
        Expr column = p.column();
        if (column != null && !p.accept(Role.AT) && p.peekToken() != null && p.peekToken().kind() != Token.Kind.NUMBER) {
            p.reset(m);
            column = null;
        }
        Token t = p.peekToken();
        Expr limit = t != null && t.kind() == Token.Kind.NUMBER ? p.literal() : null;
        if (limit == null && t != null && t.is(Token.Kind.WORD, "zero")) {
            // "never below zero"
            p.next();
            limit = new Expr.Lit(0L);
        }
        if (!(limit instanceof Expr.Lit l) || !(l.value() instanceof Number)) {
            return null;
        }
        return cap ? limited(">", limit, column) : floor(limit, column);
    }

    private static Copies.Operation floor(Expr bound, Expr column) {
        return limited("<", bound, column);
    }

    /** CASE WHEN x beyond bound THEN bound ELSE x END (NULL stays NULL). */
    private static Copies.Operation limited(String beyond, Expr bound, Expr column) {
        return new Copies.Operation(x -> {
            Expr v = x instanceof Expr.Col ? new Expr.Cast(x, io.aide.compiler.plan.SqlType.DOUBLE, true) : x;
            return new Expr.Case(List.of(new Expr.When(new Expr.Bin(beyond, v, bound), bound)), v);
        }, column);
    }

    /**
     * What a percentage added or taken off is ("plus 20% VAT", "+ 8.5% sales tax"): not grammar words, since the same
     * nouns name columns (surcharge_amt, tax); read only right after a percentage.
     */
    private static final java.util.Set<String> SHARES = java.util.Set.of("vat", "tax", "gst", "hst", "pst", "surcharge",
            "markup", "mark-up", "margin", "fee", "commission", "discount", "tip", "gratuity", "uplift", "premium",
            "inflation", "increase", "reduction", "rebate", "levy", "duty");

    private static void shareNamed(Parser p) {
        int m = p.mark();
        Token first = p.next();
        if (first != null && first.kind() == Token.Kind.WORD && SHARES.contains(first.norm())) {
            return;
        }
        Token second = p.next();
        // "sales tax", "service fee", "value added tax": one describing word before the share
        if (first != null && first.kind() == Token.Kind.WORD && second != null && second.kind() == Token.Kind.WORD
                && SHARES.contains(second.norm()) && !(p.ctx().resolve(null, first.text()) instanceof Expr.Col)) {
            return;
        }
        p.reset(m);
    }
}
