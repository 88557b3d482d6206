package io.aide.compiler.rules;

import io.aide.compiler.lang.Recognition;
import io.aide.compiler.lang.RowNotes;
import io.aide.compiler.lang.RuleLanguage;

import java.util.ArrayList;
import java.util.List;

/**
 * Compiles one mapping row's transformation rule, as analysts write it, into an expression: the seam between the
 * planner and the rule language ({@link RuleLanguage}, described in docs/rule-language.md). Every content word of the
 * rule must be placed by the language's grammar; otherwise the rule is flagged with the words left, never guessed.
 * The row's other cells add what they say: a default value, the values the column takes, rows kept without a match.
 */
public final class RuleCompiler {
    private static final RuleLanguage LANGUAGE = new RuleLanguage();

    /**
     * A lookup reads only columns of its table where the table's columns are known (a registered table, or another
     * target read before this one): "Lookup of the home school in DIM_SCHOOL on SCHOOL_CODE" read as columns DIM_SCHOOL
     * does not have is flagged, whichever family read it; why not, or null.
     */
    private static String unknownLookupColumn(io.aide.compiler.plan.Expr e, RuleContext ctx) {
        String[] why = {null};
        io.aide.compiler.plan.Expr.visit(e, x -> {
            if (why[0] == null && x instanceof io.aide.compiler.plan.Expr.Lookup l && ctx.unreadTarget(l.table())) {
                // DIM_SCHOOL counts DIM_STUDENT's rows, so DIM_STUDENT cannot look up DIM_SCHOOL's keys
                why[0] = "the lookup reads " + l.table() + ", another target that reads this one: the two would make a "
                        + "cycle (take the value from a source table, or drop one of the two readings)";
            }
            if (why[0] == null && x instanceof io.aide.compiler.plan.Expr.Lookup l && l.table().contains(".")) {
                // "Lookup DIM_VEHICLE.FLEET_NUMBER on FLEET_NO": a column of a table, read where the table is expected
                String owner = l.table().substring(0, l.table().lastIndexOf('.'));
                String column = l.table().substring(l.table().lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
                if (ctx.columnsOf(owner).contains(column)) {
                    why[0] = "the lookup names " + l.table() + ", a column, where the table to read is expected: write '<column> "
                            + "from " + owner + " where " + l.table().substring(owner.length() + 1) + " = <source column>'";
                }
            }
            if (why[0] == null && x instanceof io.aide.compiler.plan.Expr.Lookup l) {
                java.util.Set<String> known = ctx.columnsOf(l.table());
                java.util.List<String> read = new ArrayList<>(List.of(l.column()));
                l.matches().forEach(m -> read.add(m.column()));
                read.stream().filter(c -> !known.isEmpty() && !known.contains(c.toLowerCase(java.util.Locale.ROOT))).findFirst()
                        .ifPresent(c -> why[0] = "the lookup reads " + l.table() + "." + c + ", which " + l.table()
                                + " does not have: name its column");
            }
        });
        return why[0];
    }

    public RuleOutcome compile(RuleContext ctx) {
        RowNotes notes = RowNotes.read(ctx.row());
        if (notes.problem() != null) {
            return RuleOutcome.flagged(notes.problem());
        }
        Recognition r = LANGUAGE.read(ctx);
        String nullCell = ctx.row().nullHandling();
        if (!notes.nullCellRead() && nullCell != null && !nullCell.isBlank() && !NullCells.saysNothing(nullCell)
                && !NullCells.statesNullability(nullCell)
                && !(r instanceof Recognition.Recognized alone && NullCells.borneOut(nullCell, alone.expr(), ctx.targetType()))) {
            // "Blank → 'UNKNOWN'", "A blank count counts as 0": the null-handling cell goes on from the rule, read with it
            // (a cell the rule's value bears out, "NULL when the customer has no orders", asks nothing more)
            RuleContext joined = NullCells.withRule(ctx);
            Recognition together = LANGUAGE.read(joined);
            RuleOutcome fallen = together instanceof Recognition.Recognized ? null
                    : TrailingFallbacks.read(joined, LANGUAGE, RowNotes.read(joined.row()));
            if (together instanceof Recognition.Recognized) {
                r = together;
            } else if (fallen != null) {
                // "-1 when not found (unknown account)": the value for a row the rule's lookup does not match
                return fallen;
            } else {
                return RuleOutcome.flagged("the null-handling cell is not understood: '" + nullCell.strip() + "'"
                        + (r instanceof Recognition.Flagged f ? "; " + f.reason() : ""));
            }
        }
        if (r instanceof Recognition.Recognized ok && nullCell != null && RowNotes.saysAlsoElse(nullCell)
                && !(ok.expr() instanceof io.aide.compiler.plan.Expr.Case map && map.otherwise() == null)) {
            // "Normal (also for any code not listed)": a default that stands for unlisted codes too needs a map without an
            // else, where the unlisted codes give NULL and the default replaces it
            return RuleOutcome.flagged("the null-handling cell '" + nullCell.strip() + "' gives a value for codes the rule does "
                    + "not list, and the rule is no map that leaves them without one");
        }
        if (r instanceof Recognition.Recognized ok) {
            String unknown = unknownLookupColumn(ok.expr(), ctx);
            if (unknown != null) {
                return RuleOutcome.flagged(unknown);
            }
            String conflict = ValueKinds.conflict(ok.expr(), ctx.targetType());
            if (conflict != null) {
                return RuleOutcome.flagged(conflict);
            }
            List<String> accepted = notes.accepted().isEmpty() ? ok.accepted() : notes.accepted();
            return new RuleOutcome(ok.expr(), notes.defaultValue(), null, accepted, ok.lookupTable(),
                    notes.keepUnmatched() || ok.keepUnmatched(), List.of(ok.note()), notes.blankToo(), notes.alsoFor());
        }
        RuleOutcome fallen = TrailingFallbacks.read(ctx, LANGUAGE, notes);
        if (fallen != null) {
            return fallen;
        }
        if (r instanceof Recognition.Flagged f) {
            return RuleOutcome.flagged(f.reason());
        }
        String rule = ctx.row().transformation();
        if (rule == null || rule.isBlank()) {
            if (ctx.sources().size() == 1) {
                List<String> said = new ArrayList<>();
                said.add("no rule written: direct move of " + ctx.sources().get(0).column());
                return new RuleOutcome(ctx.sources().get(0), notes.defaultValue(), null, notes.accepted(), null,
                        notes.keepUnmatched(), said, notes.blankToo(), notes.alsoFor());
            }
            return RuleOutcome.flagged(ctx.sources().isEmpty() ? "no transformation rule and no source column"
                    : "no rule says how " + ctx.sources().size() + " source columns combine");
        }
        String text = rule.strip().replaceAll("\\s+", " ");
        return RuleOutcome.flagged("not understood: '" + (text.length() > 80 ? text.substring(0, 77) + "..." : text) + "'");
    }
}
