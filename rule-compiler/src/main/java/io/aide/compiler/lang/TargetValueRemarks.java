package io.aide.compiler.lang;

import io.aide.compiler.rules.RuleContext;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A remark after a rule that reads other target columns, saying it reads their final values: "fare_amount plus
 * tax_amount (after the 0.00 defaults)", "IMPORT_KWH minus EXPORT_KWH (the target values after defaulting)", "NET_AMOUNT +
 * TAX_AMOUNT, using the rounded values of both", "gross_weight_lb minus tare_weight_lb (using the tare after the 0
 * default)". A target column's value is its rule's value with its default and rounding, so the remark asks for nothing
 * more; it is borne out only when the rule names a column of its target, and never read where it names a source column.
 * <pre>
 * remark := rule ("(" words ")" | "," (USING | USE | AFTER | WITH) words)   -- words: FINAL_WORDS, numbers, at most two others
 * </pre>
 */
final class TargetValueRemarks {
    /** Words of such a remark. */
    private static final Set<String> FINAL_WORDS = Set.of("after", "the", "a", "an", "its", "their", "both", "of", "zero", "null",
            "default", "defaults", "defaulting", "defaulted", "rounded", "rounding", "round", "already", "values", "value",
            "target", "targets", "above", "below", "as", "loaded", "computed", "derived", "use", "using", "final", "with",
            "applied", "amounts", "amount", "and", "numbers", "figures", "columns", "column", "these", "those", "two", "each");
    /** Words one of which the remark must hold: it is about final values. */
    private static final Set<String> ABOUT = Set.of("default", "defaults", "defaulting", "defaulted", "rounded", "rounding",
            "target", "targets", "final", "loaded", "computed", "derived");

    private TargetValueRemarks() {
    }

    static Recognition without(List<Token> tokens, RuleContext ctx, Function<List<Token>, Recognition> rest) {
        int end = tokens.size();
        while (end > 0 && tokens.get(end - 1).kind() == Token.Kind.SEP) {
            end--;
        }
        int start = remarkStart(tokens, end);
        if (start < 1) {
            return null;
        }
        List<Token> remark = tokens.subList(start, end);
        List<Token> rule = tokens.subList(0, start);
        int others = 0;
        boolean about = false;
        for (Token t : remark) {
            if (t.op("(") || t.op(")") || t.op(",") || t.kind() == Token.Kind.NUMBER) {
                continue;
            }
            if (t.kind() != Token.Kind.WORD) {
                return null;
            }
            about |= ABOUT.contains(t.norm());
            if (!FINAL_WORDS.contains(t.norm())) {
                if (ctx.resolve(null, t.text()) instanceof io.aide.compiler.plan.Expr.Col c && ctx.known(c)
                        && !ctx.namesTargetColumn(t.text())) {
                    // "(after trimming code_x)": a source column named is no remark on target values
                    return null;
                }
                others++;
            }
        }
        boolean readsTarget = rule.stream().anyMatch(t -> (t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.IDENT)
                && t.text().contains("_") && ctx.namesTargetColumn(t.text()) && !t.text().equalsIgnoreCase(ctx.row().targetColumn()));
        if (!about || others > 2 || !readsTarget) {
            return null;
        }
        // the names are the target's columns, even where a source column has the same name ("IMPORT_KWH minus
        // EXPORT_KWH (the target values after defaulting)")
        String target = ctx.row().targetTable();
        List<Token> targets = rule.stream().map(t -> (t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.IDENT)
                && target != null && ctx.namesTargetColumn(t.text()) && !t.text().equalsIgnoreCase(ctx.row().targetColumn())
                ? Token.of(Token.Kind.NAME, target + "." + t.text()) : t).toList();
        if (!(rest.apply(targets) instanceof Recognition.Recognized ok)) {
            return null;
        }
        return new Recognition.Recognized(ok.expr(), ok.lookupTable(), ok.accepted(), ok.note()
                + " (the target columns' final values, as said)", ok.keepUnmatched());
    }

    /** Where the remark starts: its opening bracket, or the comma before USING / USE / AFTER / WITH; -1 when none. */
    private static int remarkStart(List<Token> tokens, int end) {
        if (end > 2 && tokens.get(end - 1).op(")")) {
            int open = end - 2;
            while (open > 0 && !tokens.get(open).op("(") && !tokens.get(open).op(")")) {
                open--;
            }
            return open > 0 && tokens.get(open).op("(") ? open : -1;
        }
        for (int i = end - 2; i > 0; i--) {
            if (tokens.get(i).op(",") && Set.of("using", "use", "after", "with").contains(tokens.get(i + 1).norm())) {
                return i;
            }
        }
        return -1;
    }
}
