package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;

/**
 * A date tested against today, said in words:
 * <pre>
 * before := [is | was] (more than | over | at least) N unit ago | [is] older than N unit | N unit or more ago
 * within := [is | was] (within | in | during) [the] (last | past | previous) N unit | less than N unit ago
 * unit   := day | week | month | year (and plurals)
 * </pre>
 * side   := [is | was] (in the future | in the past | future dated | after today | before today)
 * "last_txn_dt is more than 365 days ago", "ordered in the last 30 days", "if it is in the future". Today is the
 * engine's current date.
 */
final class RelativeDates {

    private RelativeDates() {
    }

    /** The test of a date against a window ending today; null (cursor unchanged) when none is said. */
    static Expr test(Parser p, Expr date) {
        int m = p.mark();
        if (!p.acceptWord("is")) {
            p.acceptWord("was");
        }
        Expr within = within(p, date);
        if (within != null) {
            return within;
        }
        Expr side = sideOfToday(p, date);
        if (side != null) {
            return side;
        }
        boolean atLeast = false;
        boolean older = p.acceptWord("older") && p.acceptWord("than");
        if (!older) {
            p.reset(m);
            p.acceptWord("is");
            p.acceptWord("was");
            boolean more = p.acceptWord("more") && p.acceptWord("than") || p.acceptWord("over");
            if (!more) {
                p.reset(m);
                p.acceptWord("is");
                p.acceptWord("was");
                atLeast = p.acceptWord("at") && p.acceptWord("least");
                if (!atLeast) {
                    p.reset(m);
                    p.acceptWord("is");
                    p.acceptWord("was");
                }
            }
        }
        Expr start = windowStart(p);
        if (start == null) {
            p.reset(m);
            return null;
        }
        boolean orMore = !older && p.accept(Lexicon.Role.OR) && p.acceptWord("more");
        boolean ago = p.acceptWord("ago");
        if (!older && !ago) {
            p.reset(m);
            return null;
        }
        return new Expr.Bin(atLeast || orMore ? "<=" : "<", DateColumns.asDate(p.ctx(), date), start);
    }

    /** [within | in | during] [the] (last | past | previous) N unit, or less than N unit ago; null (cursor unchanged). */
    static Expr within(Parser p, Expr date) {
        int m = p.mark();
        boolean less = p.acceptWord("less") && p.acceptWord("than");
        if (!less) {
            p.reset(m);
            if (!(p.acceptWord("within") || p.acceptWord("in") || p.acceptWord("during"))) {
                return null;
            }
            p.acceptWord("the");
            if (!(p.acceptWord("last") || p.acceptWord("past") || p.acceptWord("previous"))) {
                p.reset(m);
                return null;
            }
        }
        Expr start = windowStart(p);
        if (start == null || less && !p.acceptWord("ago")) {
            p.reset(m);
            return null;
        }
        return new Expr.Bin(">=", DateColumns.asDate(p.ctx(), date), start);
    }

    /** N unit: today minus that many days, weeks (as days), months or years; null (cursor unchanged). */
    private static Expr windowStart(Parser p) {
        int m = p.mark();
        Long n = Operations.whole(p);
        Token unit = p.next();
        if (n == null || unit == null || unit.kind() != Token.Kind.WORD) {
            p.reset(m);
            return null;
        }
        String u = unit.norm().endsWith("s") ? unit.norm().substring(0, unit.norm().length() - 1) : unit.norm();
        long amount = u.equals("week") ? n * 7 : n;
        String sqlUnit = switch (u) {
            case "day", "week" -> "DAY";
            case "month" -> "MONTH";
            case "year" -> "YEAR";
            default -> null;
        };
        if (sqlUnit == null) {
            p.reset(m);
            return null;
        }
        return new Expr.DateAdd(new Expr.CurrentDate(), new Expr.Neg(new Expr.Lit(amount)), sqlUnit);
    }

    /** "in the future", "future dated", "in the past": after or before today; null (cursor unchanged) otherwise. */
    private static Expr sideOfToday(Parser p, Expr date) {
        int m = p.mark();
        p.acceptWord("a");
        String op = null;
        if (p.acceptWord("in")) {
            p.acceptWord("the");
            op = p.acceptWord("future") ? ">" : p.acceptWord("past") ? "<" : null;
        } else if (p.acceptWord("future")) {
            op = p.acceptWord("dated") || p.acceptWord("date") || true ? ">" : null;
        } else if (p.acceptWord("after") && p.accept(Lexicon.Role.TODAY)) {
            op = ">";
        } else if (p.acceptWord("before") && p.accept(Lexicon.Role.TODAY)) {
            op = "<";
        }
        if (op == null) {
            p.reset(m);
            return null;
        }
        return new Expr.Bin(op, date, new Expr.CurrentDate());
    }
}
