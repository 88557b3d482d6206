package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;
import io.aide.compiler.rules.RuleContext;

import java.util.Locale;

/**
 * A date or timestamp column read as it is into a number target: the cast gives NULL on every row (or a number the
 * engine makes up), so the rule must say which number ("as a YYYYMMDD key", "year of ..."). The column's registered
 * type decides; without one, its name (order_ts, ship_dt).
 */
final class DatesIntoNumbers {
    private DatesIntoNumbers() {
    }

    /** The flag for such a value, or null when the value is no bare date column or the target is no number. */
    static Recognition.Flagged check(Expr value, RuleContext ctx) {
        SqlType target = ctx.targetType();
        if (!target.known() || !target.numeric() || !(value instanceof Expr.Col c)) {
            return null;
        }
        return DateColumns.dated(ctx, c) ? new Recognition.Flagged("the rule reads the date " + c.column() + " as it is into a number ("
                + target.kind().name().toLowerCase(Locale.ROOT) + "): say which number, e.g. 'as a YYYYMMDD key' or 'year of "
                + c.column() + "'") : null;
    }
}
