package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;

/** What a test tests: the value a following test without its own subject ("or is blank", "if 'C'") tests too. */
final class TestSubjects {
    private TestSubjects() {
    }

    /** The one column a condition tests ("x LIKE '1%'", "x > 5", "x = 'A' OR x = 'B'"), or null. */
    static Expr of(Expr condition) {
        Expr day = condition instanceof Expr.InList in ? in.expr() : condition instanceof Expr.Bin b ? b.left() : null;
        if (condition instanceof Expr.Bin window && window.right() instanceof Expr.DateAdd add
                && add.expr() instanceof Expr.CurrentDate) {
            // "'RECENT' if d in the past 2 weeks, 'OLD' if more than 1 year ago": the date tested before
            Expr date = window.left() instanceof Expr.Cast c ? c.expr() : window.left();
            return date instanceof Expr.Col ? date : null;
        }
        if (day instanceof Expr.Extract x && x.part().equals("ISODOW")) {
            // "... on Monday, 'End' if on Fri or Sat": the date of the day tested before
            Expr date = x.expr() instanceof Expr.Cast c ? c.expr() : x.expr();
            return date instanceof Expr.Col ? date : null;
        }
        if (condition instanceof Expr.Not n) {
            // "does not contain '@' or is blank": the column the negated test tests
            return of(n.expr());
        }
        if (condition instanceof Expr.Bin b && (b.op().equals("OR") || b.op().equals("AND"))) {
            Expr l = of(b.left());
            Expr r = of(b.right());
            if (l != null && l.equals(r)) {
                return l;
            }
            // "is blank" (null, or empty once trimmed): the column itself is the subject of the next test
            Expr bare = uncleaned(l);
            return bare != null && bare.equals(uncleaned(r)) ? bare : null;
        }
        if (condition instanceof Expr.Bin b && java.util.Set.of("=", "<>", "<", ">", "<=", ">=", "LIKE").contains(b.op())
                && b.right() instanceof Expr.Lit && b.left() instanceof Expr.Col) {
            return b.left();
        }
        if (condition instanceof Expr.Bin b && java.util.Set.of("=", "<>", "<", ">", "<=", ">=").contains(b.op())
                && b.right() instanceof Expr.Lit && b.left() instanceof Expr.Cast c && c.expr() instanceof Expr.Col) {
            return c.expr();
        }
        if (condition instanceof Expr.Bin b && java.util.Set.of("=", "<>", "<", ">", "<=", ">=").contains(b.op())
                && b.right() instanceof Expr.Lit && b.left() instanceof Expr.Extract x
                && (x.expr() instanceof Expr.Col || x.expr() instanceof Expr.Cast c && c.expr() instanceof Expr.Col)) {
            // "the hour of start_ts >= 22 or < 6": a date part is the subject of the test that follows too
            return x;
        }
        if (condition instanceof Expr.Bin b && java.util.Set.of("=", "<>", "LIKE").contains(b.op()) && b.right() instanceof Expr.Lit
                && cleanedColumn(b.left())) {
            // "REC_STATUS, trimmed and upper-cased, is 'OK' or empty": the cleaned value is the subject of the next test
            return b.left();
        }
        if (condition instanceof Expr.InList in && (in.expr() instanceof Expr.Col || cleanedColumn(in.expr()))) {
            return in.expr();
        }
        return condition instanceof Expr.IsNull n && n.expr() instanceof Expr.Col ? n.expr() : null;
    }

    /** The column under trimming and case changes, or null when the expression is no such column. */
    private static Expr uncleaned(Expr e) {
        Expr x = e;
        while (x instanceof Expr.Fn f && f.args().size() == 1 && java.util.Set.of("UPPER", "LOWER", "TRIM").contains(f.name())) {
            x = f.args().get(0);
        }
        return x instanceof Expr.Col ? x : null;
    }

    /** A column trimmed or changed in case only: UPPER(TRIM(x)). */
    private static boolean cleanedColumn(Expr e) {
        Expr x = e;
        while (x instanceof Expr.Fn f && f.args().size() == 1 && java.util.Set.of("UPPER", "LOWER", "TRIM").contains(f.name())) {
            x = f.args().get(0);
        }
        return x != e && x instanceof Expr.Col;
    }
}
