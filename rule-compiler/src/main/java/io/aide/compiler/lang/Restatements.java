package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.rules.RuleContext;

import java.util.List;
import java.util.function.Function;

/**
 * Shapes of a rule said twice or with a word on how it is stored: the exact rule after "i.e.", a flag's codes "loaded
 * as true/false". Each reads the rule it keeps with the caller's reading ({@code rest}).
 */
final class Restatements {
    private Restatements() {
    }

    /**
     * "Y if goods arrived on or before the promised date, i.e. receipt_date <= promised_date -> true, else false",
     * "show them as a positive value, i.e. ABS(amount) when amount < 0 else 0": a rule said twice around "i.e." (that
     * is), the exact restatement after it naming the row's columns; that is the rule. Null otherwise: the words after
     * "i.e." may narrow the rule before them, so that is never read alone.
     */
    static Recognition afterIe(List<Token> tokens, RuleContext ctx, Function<List<Token>, Recognition> rest) {
        int ie = -1;
        for (int i = 1; i < tokens.size() - 1 && ie < 0; i++) {
            Token t = tokens.get(i);
            ie = t.norm().equals("i.e") || t.norm().equals("ie") && t.kind() == Token.Kind.WORD ? i : -1;
        }
        if (ie < 0) {
            return null;
        }
        int from = ie + 1;
        while (from < tokens.size() && (tokens.get(from).kind() == Token.Kind.SEP || tokens.get(from).op(","))) {
            from++;
        }
        List<Token> after = tokens.subList(from, tokens.size());
        if (!after.isEmpty() && after.get(after.size() - 1).op(")") && tokens.get(ie - 1).op("(")) {
            after = after.subList(0, after.size() - 1);
        }
        // the exact restatement names a column ("i.e. 'abc ' -> 'ABC'" is an example, not the rule)
        boolean namesColumn = after.stream().anyMatch(t -> t.nameLike() && ctx.resolve(null, t.text()) instanceof Expr.Col c
                && ctx.known(c));
        if (namesColumn && rest.apply(after) instanceof Recognition.Recognized ok && !Expr.columns(ok.expr()).isEmpty()) {
            return new Recognition.Recognized(ok.expr(), ok.lookupTable(), ok.accepted(), ok.note() + " (the rule as said after 'i.e.')",
                    ok.keepUnmatched());
        }
        // words after "i.e." may narrow what the rule before says ("days between a and b, i.e. excluding weekends"):
        // the rule before is never read without them
        return null;
    }

    /**
     * "Y if the line is free goods / a sample, i.e. price is 0 or blank; N otherwise": a condition said in words, then
     * exactly after "i.e." as a test of the row's columns; the test is the condition. The words before "i.e." are only
     * words (no value, no column), so they cannot narrow it.
     */
    static Recognition conditionAfterIe(List<Token> tokens, RuleContext ctx, Function<List<Token>, Recognition> rest) {
        for (int ie = 2; ie < tokens.size() - 1; ie++) {
            Token t = tokens.get(ie);
            if (!(t.norm().equals("i.e") || t.norm().equals("ie") && t.kind() == Token.Kind.WORD)) {
                continue;
            }
            int when = ie - 1;
            while (when >= 0 && !(tokens.get(when).kind() == Token.Kind.WORD && CONDITION_WORDS.contains(tokens.get(when).norm()))) {
                Token w = tokens.get(when);
                boolean word = w.kind() == Token.Kind.WORD && !(ctx.resolve(null, w.text()) instanceof Expr.Col) || w.op(",") || w.op("/");
                if (!word) {
                    return null;
                }
                when--;
            }
            if (when < 0 || ie - when < 2) {
                return null;
            }
            int from = ie + 1;
            while (from < tokens.size() && (tokens.get(from).kind() == Token.Kind.SEP || tokens.get(from).op(","))) {
                from++;
            }
            List<Token> kept = new java.util.ArrayList<>(tokens.subList(0, when + 1));
            kept.addAll(tokens.subList(from, tokens.size()));
            if (rest.apply(kept) instanceof Recognition.Recognized ok && !Expr.columns(ok.expr()).isEmpty()) {
                return new Recognition.Recognized(ok.expr(), ok.lookupTable(), ok.accepted(), ok.note()
                        + " (the condition as said after 'i.e.')", ok.keepUnmatched());
            }
            return null;
        }
        return null;
    }

    private static final java.util.Set<String> CONDITION_WORDS = java.util.Set.of("if", "when", "where", "whenever");

    private static final java.util.Set<String> LOAD_VERBS = java.util.Set.of("load", "loaded", "store", "stored", "convert",
            "converted", "cast", "written", "write", "output", "map", "mapped", "then");

    /**
     * "Y if x = 'Estimated' else N -> load as true/false" into a true/false column: a last clause saying the flag's
     * codes are loaded as truth values, which the column's type does anyway; the rule read without it (its codes must
     * be truth codes, or the type's conversion flags them).
     */
    static Recognition withoutTruthTail(List<Token> tokens, RuleContext ctx, Function<List<Token>, Recognition> rest) {
        if (ctx.targetType().kind() != io.aide.compiler.plan.SqlType.Kind.BOOLEAN) {
            return null;
        }
        int end = tokens.size();
        while (end > 0 && tokens.get(end - 1).kind() == Token.Kind.SEP) {
            end--;
        }
        // ... (-> | , | ;) [load verb] [as | to] (true / false | boolean | a boolean)
        int i = end - 1;
        boolean truth = false;
        if (i >= 2 && tokens.get(i).norm().equals("false") && tokens.get(i - 1).op("/") && tokens.get(i - 2).norm().equals("true")) {
            i -= 3;
            truth = true;
        } else if (i >= 0 && (tokens.get(i).norm().equals("boolean") || tokens.get(i).norm().equals("bool"))) {
            i -= 1;
            truth = true;
        }
        if (!truth) {
            return null;
        }
        while (i >= 0 && (tokens.get(i).norm().equals("as") || tokens.get(i).norm().equals("to") || tokens.get(i).norm().equals("a")
                || LOAD_VERBS.contains(tokens.get(i).norm()))) {
            i--;
        }
        if (i < 1 || !(tokens.get(i).op("->") || tokens.get(i).op("=>") || tokens.get(i).op(",") || tokens.get(i).op("-")
                || tokens.get(i).kind() == Token.Kind.SEP)) {
            return null;
        }
        return rest.apply(tokens.subList(0, i)) instanceof Recognition.Recognized ok ? ok : null;
    }

    private static final java.util.Set<String> MISSING_WORDS = java.util.Set.of("blank", "blanks", "null", "nulls", "missing",
            "empty", "none");

    /**
     * "True only if the flag is Y (either case). N or blank = false.", "true when FLG is Y; N, blank or null -> false": a
     * last sentence giving the else branch's value to codes the branches before do not name, and to a missing value, which
     * falls to the else anyway: the rule before it, said again for those codes. Null when not so written.
     */
    static Recognition withElseCodes(List<Token> tokens, RuleContext ctx, Function<List<Token>, Recognition> rest) {
        if (ctx.targetType().kind() != io.aide.compiler.plan.SqlType.Kind.BOOLEAN) {
            return null;
        }
        int end = tokens.size();
        while (end > 0 && tokens.get(end - 1).kind() == Token.Kind.SEP) {
            end--;
        }
        int sep = end - 1;
        while (sep > 0 && tokens.get(sep).kind() != Token.Kind.SEP) {
            sep--;
        }
        if (sep <= 0 || end - sep < 3) {
            return null;
        }
        Token value = tokens.get(end - 1);
        Token arrow = tokens.get(end - 2);
        if (!(value.norm().equals("true") || value.norm().equals("false")) || !(arrow.op("=") || arrow.op("->") || arrow.op("=>")
                || arrow.op(":") || arrow.is(Token.Kind.WORD, "is") || arrow.is(Token.Kind.WORD, "are") || arrow.is(Token.Kind.WORD, "becomes"))) {
            return null;
        }
        List<String> codes = new java.util.ArrayList<>();
        for (Token t : tokens.subList(sep + 1, end - 2)) {
            if (t.op(",") || t.op("/") || t.is(Token.Kind.WORD, "or") || t.is(Token.Kind.WORD, "and")) {
                continue;
            }
            if (MISSING_WORDS.contains(t.norm())) {
                continue;
            }
            if (t.kind() != Token.Kind.WORD && t.kind() != Token.Kind.STRING && t.kind() != Token.Kind.NUMBER
                    || t.kind() == Token.Kind.WORD && !t.text().matches("[A-Z0-9]{1,6}")) {
                return null;
            }
            codes.add(t.text());
        }
        if (!(rest.apply(tokens.subList(0, sep)) instanceof Recognition.Recognized ok)) {
            return null;
        }
        Expr v = ok.expr();
        while (v instanceof Expr.Cast c) {
            v = c.expr();
        }
        boolean said = value.norm().equals("true");
        if (!(v instanceof Expr.Case map) || !(map.otherwise() instanceof Expr.Lit other) || !Boolean.valueOf(said).equals(other.value())) {
            return null;
        }
        for (Expr.When w : map.whens()) {
            boolean[] named = {false};
            Expr.visit(w.condition(), x -> named[0] |= x instanceof Expr.Lit l && l.value() != null
                    && codes.stream().anyMatch(c -> c.equalsIgnoreCase(String.valueOf(l.value()))));
            if (named[0]) {
                // a code the branches before give another value: not the else branch said again
                return null;
            }
        }
        return new Recognition.Recognized(ok.expr(), ok.lookupTable(), ok.accepted(), ok.note() + " (the else branch said again)",
                ok.keepUnmatched());
    }

    /**
     * "Same clean-up as dim_product.list_price (drop £, commas, spaces) then cast": a rule said by reference to another
     * column's, restated in brackets (or after a colon or a dash); the restatement and what follows it are the rule. Null when not so written (a
     * reference without its restatement is not followed: the other column's rule reads other columns).
     */
    static Recognition sameAsRestated(List<Token> tokens, io.aide.compiler.rules.RuleContext ctx,
                                      Function<List<Token>, Recognition> rest) {
        if (tokens.size() >= 4 && tokens.get(0).is(Token.Kind.WORD, "as") && ctx.namesTargetColumn(tokens.get(1).text())
                && !tokens.get(1).text().equalsIgnoreCase(ctx.row().targetColumn())
                && (tokens.get(2).op("-") || tokens.get(2).op("–") || tokens.get(2).op("—") || tokens.get(2).op(":"))
                && tokens.size() >= 5 && tokens.get(3).kind() == Token.Kind.WORD && !tokens.get(3).text().contains("_")
                && ctx.resolve(null, tokens.get(3).text()) == null) {
            // (a column after the dash is arithmetic, "As gross_weight - tare_weight", never a restatement)
            // "As IMPORT_KWH - remove commas, cast, round to 3 dp.": the other column named, then the rule said again
            return rest.apply(tokens.subList(3, tokens.size())) instanceof Recognition.Recognized ok
                    ? new Recognition.Recognized(ok.expr(), ok.lookupTable(), ok.accepted(), ok.note() + " (the referenced rule as restated)",
                    ok.keepUnmatched()) : null;
        }
        if (tokens.size() < 6 || !tokens.get(0).is(Token.Kind.WORD, "same")) {
            return null;
        }
        int as = -1;
        for (int i = 1; i <= 4 && i < tokens.size(); i++) {
            if (tokens.get(i).is(Token.Kind.WORD, "as")) {
                as = i;
                break;
            }
        }
        int open = as < 0 ? -1 : as + 2;
        if (open < 0 || open >= tokens.size() || !tokens.get(as + 1).nameLike()) {
            return null;
        }
        Token after = tokens.get(open);
        if ((after.op(":") || after.op("–") || after.op("—") || after.op("-")) && open + 1 < tokens.size()) {
            // "Same treatment as fare_amount: convert to decimal with 2 places, 0.00 when blank": restated after a colon
            return rest.apply(tokens.subList(open + 1, tokens.size())) instanceof Recognition.Recognized ok
                    ? new Recognition.Recognized(ok.expr(), ok.lookupTable(), ok.accepted(), ok.note() + " (the referenced rule as restated)",
                    ok.keepUnmatched()) : null;
        }
        if (!after.op("(")) {
            return null;
        }
        int close = open + 1;
        while (close < tokens.size() && !tokens.get(close).op(")") && !tokens.get(close).op("(")) {
            close++;
        }
        if (close >= tokens.size() || !tokens.get(close).op(")") || close == open + 1) {
            return null;
        }
        List<Token> rule = new java.util.ArrayList<>(tokens.subList(open + 1, close));
        rule.addAll(tokens.subList(close + 1, tokens.size()));
        return rest.apply(rule) instanceof Recognition.Recognized ok ? new Recognition.Recognized(ok.expr(), ok.lookupTable(),
                ok.accepted(), ok.note() + " (the referenced rule as restated)", ok.keepUnmatched()) : null;
    }
}
