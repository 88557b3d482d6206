package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;
import io.aide.compiler.rules.RuleContext;

/**
 * Whether a value holds a date, and the value read as one. The registered type decides; a date kept as text (a CSV
 * sample, a staging table) or of no known type is known by its name (order_ts, ship_dt).
 */
final class DateColumns {

    private DateColumns() {
    }

    /** The value is a column holding a date or a timestamp. */
    static boolean dated(RuleContext ctx, Expr value) {
        if (!(value instanceof Expr.Col c)) {
            return false;
        }
        SqlType own = ctx.typeOf(c);
        return own.kind() == SqlType.Kind.DATE || own.kind() == SqlType.Kind.TIMESTAMP
                || (own.kind() == SqlType.Kind.VARCHAR || !own.known()) && ColumnWords.holdsADate(c.column());
    }

    /** The value as a date: a column not registered as a date or timestamp is cast (NULL where it does not read). */
    static Expr asDate(RuleContext ctx, Expr value) {
        SqlType.Kind kind = value instanceof Expr.Col c ? ctx.typeOf(c).kind() : null;
        return kind == SqlType.Kind.DATE || kind == SqlType.Kind.TIMESTAMP || !(value instanceof Expr.Col) ? value
                : new Expr.Cast(value, SqlType.DATE, true);
    }
}
