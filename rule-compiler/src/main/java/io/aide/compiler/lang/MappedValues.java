package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;
import io.aide.compiler.rules.RuleContext;

import java.util.List;
import java.util.Set;

/**
 * A value map or bands read over a value computed from the row's source column ("Age as of 31-Dec-2024: under 30 ->
 * 'Under 30', ..."): the map is read as if the source column held the computed value, so its type is the computed
 * value's (a number of years, not the birth date the row names).
 */
final class MappedValues {
    private static final Set<String> NUMBER_FUNCTIONS = Set.of("ROUND", "ABS", "FLOOR", "CEIL", "CEILING", "LENGTH",
            "DATE_DIFF", "DATEDIFF", "MOD", "POWER", "SQRT", "TRUNC");

    private MappedValues() {
    }

    /** The row's context with {@code source} typed as {@code computed} is, when that is known to be a number. */
    static RuleContext keyedOn(RuleContext ctx, Expr.Col source, Expr computed) {
        if (!number(computed)) {
            return ctx;
        }
        return new io.aide.compiler.rules.ForwardingRuleContext(ctx) {
            @Override
            public SqlType typeOf(Expr.Col column) {
                return column.equals(source) ? SqlType.DOUBLE : ctx.typeOf(column);
            }
        };
    }

    /** Arithmetic, a day count, a date part, a numeric cast or function: a number whatever the columns it reads. */
    static boolean number(Expr e) {
        if (e instanceof Expr.Cast c) {
            return c.type().numeric() || number(c.expr());
        }
        if (e instanceof Expr.Bin b) {
            return List.of("+", "-", "*", "/", "%").contains(b.op()) && (number(b.left()) || number(b.right()));
        }
        if (e instanceof Expr.Lit l) {
            return l.value() instanceof Number;
        }
        if (e instanceof Expr.Fn f) {
            return NUMBER_FUNCTIONS.contains(f.name().toUpperCase(java.util.Locale.ROOT));
        }
        return e instanceof Expr.Neg || e instanceof Expr.DateDiff || e instanceof Expr.SecondsBetween
                || e instanceof Expr.Extract || e instanceof Expr.EpochSeconds;
    }
}
