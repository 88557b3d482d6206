package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.rules.RuleContext;

import java.util.List;
import java.util.function.Function;

/**
 * Words after a rule that say where its value comes from or what it is for ("as provided by origination system", "to
 * get monthly pay"): no column, no value; the rule is read without them.
 */
final class TrailingAsides {

    private TrailingAsides() {
    }

    /** Nouns that end a phrase saying where a value comes from ("by the origination system"). */
    private static final java.util.Set<String> ORIGINS = java.util.Set.of("system", "systems", "source", "sources", "feed",
            "file", "application", "app", "platform", "extract", "vendor", "upstream", "device", "devices", "sensor", "sensors",
            "handheld", "handhelds", "scanner", "terminal", "gateway", "api", "carrier", "partner", "portal");

    /**
     * "Loan amount as provided by origination system": the rule, then where the value comes from (or what it is for, see
     * {@link #withoutPurpose}) ("by" or "from" and a
     * few words ending with a noun such as system, feed or file) -- no column, no value; read without it.
     */
    static Recognition withoutProvenance(List<Token> tokens, RuleContext ctx, Function<List<Token>, Recognition> rest) {
        int end = tokens.size();
        while (end > 0 && tokens.get(end - 1).kind() == Token.Kind.SEP) {
            end--;
        }
        Recognition purpose = withoutPurpose(tokens, end, ctx, rest);
        if (purpose != null || end < 3 || !ORIGINS.contains(tokens.get(end - 1).norm())) {
            return purpose;
        }
        for (int at = end - 2; at >= Math.max(1, end - 6); at--) {
            Token t = tokens.get(at);
            if (t.kind() != Token.Kind.WORD || ctx.resolve(null, t.text()) instanceof Expr.Col c && ctx.known(c)) {
                return null;
            }
            if ((t.is(Token.Kind.WORD, "by") || t.is(Token.Kind.WORD, "from")) && at > 0
                    && rest.apply(tokens.subList(0, at)) instanceof Recognition.Recognized ok) {
                return new Recognition.Recognized(ok.expr(), ok.lookupTable(), ok.accepted(), ok.note() + " (its origin left out)",
                        ok.keepUnmatched());
            }
        }
        return null;
    }

    /** Verbs after "to" that say what a computation is for ("divided by 12 to get monthly pay"). */
    private static final java.util.Set<String> PURPOSES = java.util.Set.of("get", "obtain", "derive", "arrive", "give",
            "produce", "compute", "calculate", "determine", "express", "yield", "find");

    /**
     * "Annual salary divided by 12 to get monthly pay": the rule, then what it is for ("to get", "giving", "yielding"
     * and a few words that name no column): read without it.
     */
    private static Recognition withoutPurpose(List<Token> tokens, int end, RuleContext ctx, Function<List<Token>, Recognition> rest) {
        for (int at = Math.max(1, end - 8); at < end - 1; at++) {
            Token t = tokens.get(at);
            int words = t.is(Token.Kind.WORD, "to") && PURPOSES.contains(tokens.get(at + 1).norm()) ? at + 2
                    : t.is(Token.Kind.WORD, "giving") || t.is(Token.Kind.WORD, "yielding") ? at + 1 : -1;
            if (words < 0 || words >= end || tokens.subList(words, end).stream().anyMatch(w -> w.kind() != Token.Kind.WORD
                    || ctx.resolve(null, w.text()) instanceof Expr.Col c && ctx.known(c) || ColumnWords.MEANING_WORDS.contains(w.norm()))) {
                continue;
            }
            boolean unit = false;
            for (int u = words; u < end && !unit; u++) {
                // "to get the amount in dollars" asks for a conversion: never left out
                unit = PhraseTable.UNITS.at(tokens, u) != null;
            }
            if (unit) {
                continue;
            }
            if (rest.apply(tokens.subList(0, at)) instanceof Recognition.Recognized ok) {
                return new Recognition.Recognized(ok.expr(), ok.lookupTable(), ok.accepted(), ok.note() + " (its purpose left out)",
                        ok.keepUnmatched());
            }
        }
        return null;
    }
}
