package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;

import java.util.List;

/**
 * Whole years and months between two dates as a person counts them (a year is complete on its anniversary), and the
 * same as a fraction where decimals are asked ({@link DateValues}, {@link NumberOperations}).
 */
final class DateDifferences {
    private DateDifferences() {
    }

    /** Completed years from start to end: the year difference, less one when the anniversary is not reached. */
    static Expr years(Expr start, Expr end) {
        Expr notYet = new Expr.Bin("OR", new Expr.Bin("<", part("MONTH", end), part("MONTH", start)),
                new Expr.Bin("AND", new Expr.Bin("=", part("MONTH", end), part("MONTH", start)),
                        new Expr.Bin("<", part("DAY", end), part("DAY", start))));
        return new Expr.Bin("-", new Expr.Bin("-", part("YEAR", end), part("YEAR", start)),
                new Expr.Case(List.of(new Expr.When(notYet, new Expr.Lit(1L))), new Expr.Lit(0L)));
    }

    /**
     * Years or months between two dates as a fraction, where the value is the whole years or months {@link #years} or
     * {@link #months} counts: "years between hire and termination date, one decimal" asks for 7.4, not 7.0. Days over
     * 365.25 (a year) or 30.4375 (a month); any other value is returned as it is.
     */
    static Expr fractional(Expr value) {
        Expr x = value;
        while (x instanceof Expr.Cast c) {
            x = c.expr();
        }
        if (x instanceof Expr.Bin outer && outer.op().equals("-") && outer.right() instanceof Expr.Case
                && outer.left() instanceof Expr.Bin inner) {
            // years: (YEAR(end) - YEAR(start)) - ...; months: (YEAR(end) - YEAR(start)) * 12 + ... - ...
            Expr yearsApart = inner.op().equals("+") && inner.left() instanceof Expr.Bin times && times.op().equals("*")
                    ? times.left() : inner;
            if (yearsApart instanceof Expr.Bin apart && apart.op().equals("-") && apart.left() instanceof Expr.Extract end
                    && apart.right() instanceof Expr.Extract start && end.part().equals("YEAR")) {
                Expr days = new Expr.DateDiff(start.expr(), end.expr());
                if (x.equals(years(start.expr(), end.expr()))) {
                    return new Expr.Bin("/", days, new Expr.Lit(365.25));
                }
                if (x.equals(months(start.expr(), end.expr()))) {
                    return new Expr.Bin("/", days, new Expr.Lit(30.4375));
                }
            }
        }
        return value;
    }

    /** Completed months from start to end. */
    static Expr months(Expr start, Expr end) {
        Expr whole = new Expr.Bin("+", new Expr.Bin("*", new Expr.Bin("-", part("YEAR", end), part("YEAR", start)),
                new Expr.Lit(12L)), new Expr.Bin("-", part("MONTH", end), part("MONTH", start)));
        return new Expr.Bin("-", whole, new Expr.Case(List.of(new Expr.When(
                new Expr.Bin("<", part("DAY", end), part("DAY", start)), new Expr.Lit(1L))), new Expr.Lit(0L)));
    }

    private static Expr part(String part, Expr e) {
        return new Expr.Extract(part, e);
    }
}
