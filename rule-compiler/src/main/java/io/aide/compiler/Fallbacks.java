package io.aide.compiler;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;
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
        if (value instanceof Expr.Agg agg && !agg.distinct() && java.util.Set.of("SUM", "AVG", "MIN", "MAX").contains(agg.fn())
                && defaultValue instanceof Expr.Lit lit && lit.value() instanceof Number && outcome.alsoFor().isEmpty()) {
            // "Sum; blank/NULL treated as zero": each missing value counts as the default in the aggregate
            Expr arg = outcome.blankToo() && textual ? nonBlank(agg.arg()) : agg.arg();
            return new Expr.Agg(agg.fn(), new Expr.Fn("COALESCE", List.of(arg, defaultValue)), false);
        }
        Expr input = defaultValue == null || !outcome.alsoFor().isEmpty() ? null : deadDefaultInput(value);
        if (input != null) {
            // "STD -> Standard, ..., any other code -> Other" with "Blank or null -> Standard": the map always gives a
            // value, so the default can only be for a missing input, tested before the map
            Expr test = outcome.blankToo() ? new Expr.Bin("OR", new Expr.IsNull(input, false), new Expr.Bin("=",
                    new Expr.Fn("TRIM", List.of(input)), new Expr.Lit(""))) : new Expr.IsNull(input, false);
            return new Expr.Case(List.of(new Expr.When(test, defaultValue)), value);
        }
        Expr v = outcome.blankToo() && textual ? nonBlank(value) : value;
        // "Blank / 'NULL' -> 0.00" on a number: a number read from the text 'NULL' is NULL already; only values of its kind
        // ("Blank, null or 0 -> 1") are tested
        List<Expr> also = textual ? outcome.alsoFor() : outcome.alsoFor().stream()
                .filter(e -> !(e instanceof Expr.Lit l && l.value() instanceof String)).toList();
        if (defaultValue != null && !also.isEmpty()) {
            // "Blank, null or 0 → 1": the default for a missing value and for the values named beside it
            Expr test = new Expr.Bin("OR", new Expr.IsNull(v, false), new Expr.InList(v, also, false));
            return new Expr.Case(List.of(new Expr.When(test, defaultValue)), v);
        }
        if (!outcome.alsoFor().isEmpty() && textual) {
            // "NULL for blank or the text 'NULL'": the values named beside the missing one are missing too (a date or a
            // number read from such a text is NULL already)
            return new Expr.Case(List.of(new Expr.When(new Expr.InList(v, outcome.alsoFor(), false), new Expr.TypedNull(SqlType.UNKNOWN))), v);
        }
        return defaultValue == null ? v : new Expr.Fn("COALESCE", List.of(v, defaultValue));
    }

    /**
     * The one column a value map reads, when the map gives a value for every row (an else that is a value): a default
     * after it could never apply, so it is the default of that column; null otherwise.
     */
    private static Expr deadDefaultInput(Expr value) {
        Expr v = value;
        while (v instanceof Expr.Cast c) {
            v = c.expr();
        }
        if (!(v instanceof Expr.Case map) || !(map.otherwise() instanceof Expr.Lit) || map.whens().isEmpty()) {
            return null;
        }
        java.util.Set<Expr.Col> columns = new java.util.HashSet<>(Expr.columns(v));
        return columns.size() == 1 ? columns.iterator().next() : null;
    }

    /** The value, or NULL where it is empty or only spaces. */
    static Expr nonBlank(Expr value) {
        Expr trimmed = value instanceof Expr.Fn f && f.name().equals("TRIM") ? value : new Expr.Fn("TRIM", List.of(value));
        return new Expr.Case(List.of(new Expr.When(new Expr.Bin("<>", trimmed, new Expr.Lit("")), value)), null);
    }

    /** The outcome changes the value: it has a default, or a blank is to count as no value. */
    static boolean changes(RuleOutcome outcome, boolean textual) {
        return outcome.defaultValue() != null || outcome.blankToo() && textual || !outcome.alsoFor().isEmpty() && textual;
    }
}
