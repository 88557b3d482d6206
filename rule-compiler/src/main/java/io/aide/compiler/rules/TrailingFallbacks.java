package io.aide.compiler.rules;

import io.aide.compiler.lang.Recognition;
import io.aide.compiler.lang.RowNotes;
import io.aide.compiler.lang.RuleLanguage;
import io.aide.events.spec.MappingRow;

import java.util.ArrayList;
import java.util.List;

/**
 * A rule whose last sentences say what a missing value becomes, as a null-handling cell would: "Convert to number and
 * round to 2 decimal places. Missing cost defaults to 0.00.", "Trim, keep original case. Empty → NULL.", "Trimmed. If
 * blank or null, load 'UNMAPPED'." The sentences before are the rule; the last ones its default (applied after it, a
 * blank text counting as missing where they say so).
 */
final class TrailingFallbacks {

    private TrailingFallbacks() {
    }

    /** The outcome read so, or null when the rule's last sentences give no fallback or the rest does not read. */
    static RuleOutcome read(RuleContext ctx, RuleLanguage language, RowNotes notes) {
        String rule = ctx.row().transformation();
        if (rule == null) {
            return null;
        }
        List<String> sentences = new ArrayList<>(List.of(rule.strip().split("(?<=[.;])\\s+")));
        RowNotes.Fallback fallback = null;
        boolean blankToo = false;
        while (sentences.size() > 1) {
            RowNotes.Fallback last = RowNotes.fallback(sentences.get(sentences.size() - 1), ctx.row());
            if (last == null || fallback != null && last.value() != null && fallback.value() != null) {
                break;
            }
            if (notes.defaultValue() != null && !notes.defaultValue().equals(last.value())) {
                // "Blank or missing -> ZZ." beside a default cell of ZZ says it again; another value is a conflict
                return RuleOutcome.flagged("the rule's last sentence gives " + last.value() + " for a missing value, the"
                        + " default cell another: say one");
            }
            sentences.remove(sentences.size() - 1);
            blankToo |= last.blankToo();
            fallback = fallback == null || fallback.value() == null ? new RowNotes.Fallback(last.value(), blankToo, last.alsoFor())
                    : new RowNotes.Fallback(fallback.value(), blankToo, fallback.alsoFor());
            Recognition head = language.read(withRule(ctx, String.join(" ", sentences)));
            if (head instanceof Recognition.Recognized ok) {
                String conflict = ValueKinds.conflict(ok.expr(), ctx.targetType());
                if (conflict != null) {
                    return RuleOutcome.flagged(conflict);
                }
                return new RuleOutcome(ok.expr(), fallback.value(), null, ok.accepted(), ok.lookupTable(),
                        notes.keepUnmatched() || ok.keepUnmatched(), List.of(ok.note() + ", then a fallback"), blankToo,
                        fallback.alsoFor());
            }
        }
        return null;
    }

    private static RuleContext withRule(RuleContext ctx, String rule) {
        MappingRow r = ctx.row();
        MappingRow row = new MappingRow(r.ref(), r.sheet(), r.rowNumber(), r.targetTable(), r.targetColumn(), r.targetType(),
                r.sourceSystem(), r.sourceTable(), r.sourceColumns(), r.rawSource(), rule, r.join(), r.filter(), r.key(),
                r.nullable(), r.defaultValue(), r.nullHandling(), r.description(), r.attributes());
        return new ForwardingRuleContext(ctx) {
            @Override
            public MappingRow row() {
                return row;
            }
        };
    }
}
