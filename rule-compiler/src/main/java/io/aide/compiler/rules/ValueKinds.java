package io.aide.compiler.rules;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The values a rule can give, against the target's type: a text label ('Low', 'Active') into a number, date or
 * boolean column would be cast to NULL on every row, and a number (a year, a count of days) into a date column fails
 * the cast, so the rule is flagged instead, naming what it gives and the type.
 */
final class ValueKinds {
    private ValueKinds() {
    }

    private static final java.util.Set<String> TRUTH = java.util.Set.of("Y", "N", "YES", "NO", "T", "F", "TRUE", "FALSE",
            "1", "0", "ON", "OFF");

    /** Why the value cannot be the target's type, or null. */
    static String conflict(Expr value, SqlType target) {
        if (!target.known() || target.kind() == SqlType.Kind.VARCHAR) {
            return null;
        }
        if ((target.kind() == SqlType.Kind.DATE || target.kind() == SqlType.Kind.TIMESTAMP) && countsOrParts(value)) {
            // "Extract the year from the opening date" into a DATE: a number is no date (the cast fails on every row)
            return "the rule gives a number (" + what(value) + ") but the target type is "
                    + target.kind().name().toLowerCase(Locale.ROOT) + ": change the target type to a number, or say "
                    + "the date the rule gives";
        }
        List<String> labels = new ArrayList<>();
        results(value, labels);
        List<String> wrong = labels.stream().filter(s -> !fits(s, target)).distinct().toList();
        if (wrong.isEmpty()) {
            return null;
        }
        String said = String.join(", ", wrong.stream().limit(3).map(s -> "'" + s + "'").toList());
        return "the rule gives text (" + said + ") but the target type is " + target.kind().name().toLowerCase(Locale.ROOT)
                + ": change the target type or the values";
    }

    /** Text literals the expression can give as its value: itself, a CASE's results, a COALESCE's operands. */
    private static void results(Expr e, List<String> out) {
        if (e instanceof Expr.Lit l && l.value() instanceof String s) {
            out.add(s);
        } else if (e instanceof Expr.Case c) {
            c.whens().forEach(w -> results(w.result(), out));
            if (c.otherwise() != null) {
                results(c.otherwise(), out);
            }
        } else if (e instanceof Expr.Fn f && f.name().equals("COALESCE")) {
            f.args().forEach(a -> results(a, out));
        }
    }

    /** A part of a date, a count of days or seconds, a count of rows: numbers by construction (under casts). */
    private static boolean countsOrParts(Expr e) {
        Expr x = e;
        while (x instanceof Expr.Cast c) {
            x = c.expr();
        }
        return x instanceof Expr.Extract || x instanceof Expr.DateDiff || x instanceof Expr.SecondsBetween
                || x instanceof Expr.Agg a && a.fn().equalsIgnoreCase("COUNT");
    }

    private static String what(Expr e) {
        Expr x = e;
        while (x instanceof Expr.Cast c) {
            x = c.expr();
        }
        if (x instanceof Expr.Extract ex) {
            return "the " + ex.part().toLowerCase(Locale.ROOT) + " of a date";
        }
        return x instanceof Expr.Agg ? "a count of rows" : "a number of days or seconds between two dates";
    }

    private static boolean fits(String text, SqlType target) {
        String s = text.trim();
        if (s.isEmpty()) {
            return true;
        }
        return switch (target.kind()) {
            case INTEGER, BIGINT, DECIMAL, DOUBLE -> s.matches("[-+]?(\\d+([.,]\\d*)?|[.,]\\d+)([eE][-+]?\\d+)?");
            case BOOLEAN -> TRUTH.contains(s.toUpperCase(Locale.ROOT));
            case DATE, TIMESTAMP -> s.chars().anyMatch(Character::isDigit);
            default -> true;
        };
    }
}
