package io.aide.compiler.lang;

import io.aide.compiler.lang.Copies.Operation;
import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;

/**
 * The first or last day of the calendar period that holds a date, or of the period before or after it:
 * <pre>
 * start := PERIOD_START [step] period [week] [step] [subject] [week]      -- "start of week (Monday) of ship_dt"
 *        | period PERIOD_START_AFTER [week] [(OF | FROM | FOR) column] [week] -- "month start date of order_dt"
 *        | TRUNCATE [column] TO [PERIOD_START] period [week]                  -- "truncate order_dt to the quarter"
 * end   := (PERIOD_END [step] period | MONTH_END) [step] [subject]           -- "last day of the quarter of close_dt"
 * step  := NEXT | FOLLOWING | AFTER  (one period later)  | PREVIOUS | PRECEDING | BEFORE (one period earlier)
 *                                        -- "first day of the month following the opening date", "end of the prior year"
 * subject := (OF | FROM | FOR) column | (IN | ON | DURING) WHICH when_done   -- "the month in which the account was opened"
 * period := DATE_WEEK | DATE_MONTH | DATE_QUARTER | DATE_YEAR
 * week   := WEEK_MONDAY | WEEK_SUNDAY, alone or in parentheses                 -- weeks start on Monday unless said
 * day    := [the] DAY_NAME OF [the | that] DATE_WEEK [(OF | FROM | FOR) column] -- "Saturday of the week of work_dt"
 * </pre>
 * A named day of the week is the day of the ISO week (Monday to Sunday) that holds the date. A period's last day is
 * the day before the first day of the period after it.
 */
final class Periods {
    private Periods() {
    }

    static Operation start(Parser p) {
        int m = p.mark();
        String unit;
        long step = 0;
        if (p.accept(Role.PERIOD_START)) {
            step = step(p);
            unit = period(p);
        } else if (p.accept(Role.TRUNCATE)) {
            Expr column = p.column();
            // "truncated to the first of the month": the period's start said as such
            unit = p.accept(Role.TO) ? (p.accept(Role.PERIOD_START) || true) ? period(p) : null : null;
            if (unit == null) {
                p.reset(m);
                return null;
            }
            Boolean sunday = week(p);
            return sunday == null ? null : operation(unit, sunday, column);
        } else {
            unit = period(p);
            if (unit == null || !p.accept(Role.PERIOD_START_AFTER)) {
                p.reset(m);
                return null;
            }
        }
        if (unit == null) {
            p.reset(m);
            return null;
        }
        Boolean sunday = week(p);
        if (sunday != null && step == 0) {
            step = step(p);
        }
        Expr column = sunday == null ? null : step == 0 ? column(p) : afterStep(p);
        Boolean after = sunday == null ? null : week(p);
        if (sunday == null || after == null) {
            return null;
        }
        if (!unit.equals("WEEK") && (sunday || after)) {
            return null;
        }
        Operation start = operation(unit, sunday || after, column);
        return step == 0 ? start : shifted(start, unit, step);
    }

    /** The last day of a period: "last day of the quarter of close_dt", "end of the month following the open date". */
    static Operation end(Parser p) {
        int m = p.mark();
        String unit;
        long step = 0;
        if (p.accept(Role.MONTH_END)) {
            unit = "MONTH";
        } else if (p.accept(Role.PERIOD_END)) {
            step = step(p);
            unit = period(p);
        } else {
            return null;
        }
        if (unit == null || unit.equals("WEEK")) {
            p.reset(m);
            return null;
        }
        if (step == 0) {
            step = step(p);
        }
        Expr column = step == 0 ? column(p) : afterStep(p);
        if (unit.equals("MONTH")) {
            long months = step;
            return new Operation(x -> new Expr.LastDay(months == 0 ? x : new Expr.DateAdd(x, count(months), "MONTH")),
                    column);
        }
        long later = step + 1;
        Expr periods = count(unit.equals("QUARTER") ? 3 * later : later);
        String add = unit.equals("QUARTER") ? "MONTH" : unit;
        // the first day of the period after, one day earlier
        return new Operation(x -> new Expr.DateAdd(new Expr.TruncDate(unit, new Expr.DateAdd(x, periods, add)),
                count(-1), "DAY"), column);
    }

    /** [NEXT | FOLLOWING | AFTER] one period later, [PREVIOUS | PRECEDING | PRIOR | BEFORE] one earlier; 0 if none. */
    private static long step(Parser p) {
        if (p.accept(Role.NEXT) || p.accept(Role.AFTER)) {
            return 1;
        }
        if (p.accept(Role.PREVIOUS) || p.accept(Role.BEFORE)) {
            return -1;
        }
        return 0;
    }

    /** After a step, the date: "following the opening date", "next quarter after the open date", "of open_dt". */
    private static Expr afterStep(Parser p) {
        int m = p.mark();
        if (p.accept(Role.AFTER) || p.accept(Role.BEFORE)) {
            Expr c = p.column();
            if (c != null) {
                return c;
            }
            p.reset(m);
        }
        Expr c = column(p);
        if (c != null) {
            return c;
        }
        c = p.column();
        if (c == null) {
            p.reset(m);
        }
        return c;
    }

    /** The start of the period {@code step} periods from the one that holds the date. */
    private static Operation shifted(Operation start, String unit, long step) {
        Expr periods = count(unit.equals("QUARTER") ? 3 * step : step);
        String add = unit.equals("QUARTER") ? "MONTH" : unit;
        return new Operation(x -> start.apply().apply(new Expr.DateAdd(x, periods, add)), start.column());
    }

    /** A number of units to add, a negative one as the negation of its size (as every dialect renders a shift back). */
    private static Expr count(long n) {
        return n < 0 ? new Expr.Neg(new Expr.Lit(-n)) : new Expr.Lit(n);
    }

    private static final java.util.Map<String, Long> DAYS = java.util.Map.ofEntries(java.util.Map.entry("monday", 0L),
            java.util.Map.entry("tuesday", 1L), java.util.Map.entry("wednesday", 2L), java.util.Map.entry("thursday", 3L),
            java.util.Map.entry("friday", 4L), java.util.Map.entry("saturday", 5L), java.util.Map.entry("sunday", 6L));

    /** "Saturday of the week of the work date": the named day of the (Monday to Sunday) week holding the date. */
    static Operation weekday(Parser p) {
        int m = p.mark();
        Token day = p.peekToken();
        Long offset = day == null ? null : DAYS.get(day.norm());
        if (offset == null) {
            return null;
        }
        p.next();
        Token of = p.peekToken();
        if (of == null || !of.is(Token.Kind.WORD, "of")) {
            p.reset(m);
            return null;
        }
        p.next();
        p.acceptWord("that");
        if (!p.accept(Role.DATE_WEEK)) {
            p.reset(m);
            return null;
        }
        Expr column = column(p);
        Expr days = new Expr.Lit(offset);
        return new Operation(x -> offset == 0 ? new Expr.TruncDate("WEEK", x)
                : new Expr.DateAdd(new Expr.TruncDate("WEEK", x), days, "DAY"), column);
    }

    private static Operation operation(String unit, boolean sunday, Expr column) {
        if (!sunday) {
            return new Operation(x -> new Expr.TruncDate(unit, x), column);
        }
        // a Sunday-based week: the Monday-based week of the next day, one day earlier
        Expr one = new Expr.Lit(1L);
        return new Operation(x -> new Expr.DateAdd(new Expr.TruncDate("WEEK", new Expr.DateAdd(x, one, "DAY")),
                new Expr.Neg(one), "DAY"), column);
    }

    private static String period(Parser p) {
        return p.accept(Role.DATE_WEEK) ? "WEEK" : p.accept(Role.DATE_MONTH) ? "MONTH"
                : p.accept(Role.DATE_QUARTER) ? "QUARTER" : p.accept(Role.DATE_YEAR) ? "YEAR" : null;
    }

    /** The day a week starts on, if said: TRUE for Sunday, FALSE for Monday or nothing said; null when malformed. */
    private static Boolean week(Parser p) {
        int m = p.mark();
        boolean open = p.acceptOp("(");
        Boolean sunday = p.accept(Role.WEEK_SUNDAY) ? Boolean.TRUE : p.accept(Role.WEEK_MONDAY) ? Boolean.FALSE : null;
        if (open && (sunday == null || !p.acceptOp(")"))) {
            p.reset(m);
            return null;
        }
        return sunday == null ? Boolean.FALSE : sunday;
    }

    /** [(OF | FROM | FOR) column | (IN | ON | DURING) WHICH when_done]: the column, or null for the row's own value. */
    private static Expr column(Parser p) {
        Expr c = DateSubjects.ofOrFromColumn(p);
        if (c != null) {
            return c;
        }
        int m = p.mark();
        if ((p.acceptWord("in") || p.acceptWord("on") || p.acceptWord("during")) && p.acceptWord("which")) {
            c = DateSubjects.whenDone(p);
            if (c != null) {
                return c;
            }
        }
        p.reset(m);
        Token t = p.peekToken();
        if (t != null && t.is(Token.Kind.WORD, "for")) {
            p.next();
            c = p.column();
            if (c != null) {
                return c;
            }
        }
        p.reset(m);
        return null;
    }
}
