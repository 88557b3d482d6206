package io.aide.compiler;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.rules.RuleOutcome;

import java.util.List;

/**
 * A column's value where its rule gives nothing: the row's default value (COALESCE) and, where the default cell says
 * a blank counts as nothing ("'UNDECLARED' if blank", "NULL when blank"), an empty text or one of only spaces too.
 */
final class Fallbacks {

    private Fallbacks() {
    }

    /**
     * The value with the outcome's default applied.
     *
     * @param textual the value is text, so it can be blank
     */
    static Expr applied(Expr value, Expr defaultValue, RuleOutcome outcome, boolean textual) {
        Expr v = outcome.blankToo() && textual ? nonBlank(value) : value;
        return defaultValue == null ? v : new Expr.Fn("COALESCE", List.of(v, defaultValue));
    }

    /** The value, or NULL where it is empty or only spaces. */
    static Expr nonBlank(Expr value) {
        Expr trimmed = value instanceof Expr.Fn f && f.name().equals("TRIM") ? value : new Expr.Fn("TRIM", List.of(value));
        return new Expr.Case(List.of(new Expr.When(new Expr.Bin("<>", trimmed, new Expr.Lit("")), value)), null);
    }

    /** The outcome changes the value: it has a default, or a blank is to count as no value. */
    static boolean changes(RuleOutcome outcome, boolean textual) {
        return outcome.defaultValue() != null || outcome.blankToo() && textual;
    }
}
