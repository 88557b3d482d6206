package io.aide.compiler.rules;

import io.aide.compiler.plan.Expr;

import java.util.List;

/**
 * A compiled rule, or the reason it was not compiled.
 *
 * @param expr           the value (may hold aggregates); null when flagged
 * @param defaultValue   applied after aggregation/joins (COALESCE), or null
 * @param flagReason     why the rule was not compiled, or null
 * @param acceptedValues target values of a value map or an "one of" note
 * @param lookupTable    the reference table a lookup reads
 * @param leftJoinHint   the text says rows without a match are kept
 * @param blankToo       a blank text counts as no value: the default replaces it too, or without one it becomes NULL
 * @param alsoFor        values the default replaces besides a missing one ("Blank or 0 → 1": 0)
 */
public record RuleOutcome(Expr expr, Expr defaultValue, String flagReason, List<String> acceptedValues,
                          String lookupTable, boolean leftJoinHint, List<String> notes, boolean blankToo, List<Expr> alsoFor) {
    public RuleOutcome {
        acceptedValues = acceptedValues == null ? List.of() : List.copyOf(acceptedValues);
        notes = notes == null ? List.of() : List.copyOf(notes);
        alsoFor = alsoFor == null ? List.of() : List.copyOf(alsoFor);
    }

    public RuleOutcome(Expr expr, Expr defaultValue, String flagReason, List<String> acceptedValues,
                       String lookupTable, boolean leftJoinHint, List<String> notes, boolean blankToo) {
        this(expr, defaultValue, flagReason, acceptedValues, lookupTable, leftJoinHint, notes, blankToo, List.of());
    }

    public RuleOutcome(Expr expr, Expr defaultValue, String flagReason, List<String> acceptedValues,
                       String lookupTable, boolean leftJoinHint, List<String> notes) {
        this(expr, defaultValue, flagReason, acceptedValues, lookupTable, leftJoinHint, notes, false);
    }

    /** The same outcome, its default (or NULL) also replacing a blank text. */
    public RuleOutcome withBlankToo() {
        return new RuleOutcome(expr, defaultValue, flagReason, acceptedValues, lookupTable, leftJoinHint, notes, true, alsoFor);
    }

    public static RuleOutcome flagged(String reason) {
        return new RuleOutcome(null, null, reason, List.of(), null, false, List.of());
    }

    public boolean isFlagged() {
        return flagReason != null;
    }
}
