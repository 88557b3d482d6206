package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Words around a rule that describe its input and ask for nothing: a relative clause on the source text ("Parse the
 * text, which is in DD-MON-YYYY HH24:MI format") read as the plain phrase ("the text in ... format"), and a sentence that
 * lists the values the column holds ("Values: STD (single rate), DAY, NIGHT.", "Valid values: A, I") after the rule. The
 * rule is read without them; nothing is read from them, so a rule that needs them to be understood stays flagged.
 */
final class RuleAsides {
    /** Words before "values" that make a sentence a list of the column's values. */
    private static final Set<String> VALUE_LISTS = Set.of("values", "valid", "allowed", "expected", "possible", "known",
            "permitted", "domain");

    /** The subject of an else branch ("every other value", "anything else") and the word that makes it one. */
    private static final Set<String> ELSE_SUBJECTS = Set.of("value", "values", "code", "codes", "else", "others", "rest",
            "case", "cases", "status", "statuses");
    private static final Set<String> ELSE_WORDS = Set.of("other", "else", "rest", "others");

    private RuleAsides() {
    }

    /**
     * The rule read without the words beside it that ask for nothing, the first of these that applies: where the value
     * comes from or what it is for ({@link TrailingAsides}), its range or case ({@link ValueRemarks}), that it reads
     * the target's final values ({@link TargetValueRemarks}), what a part falls back to ({@link PartFallbacks}), what
     * the data holds ({@link DataDescriptions}), a value said again in brackets, what its input is (below); null when
     * none does.
     */
    static Recognition around(List<Token> tokens, io.aide.compiler.rules.RuleContext ctx, Function<List<Token>, Recognition> rest) {
        Recognition provenance = TrailingAsides.withoutProvenance(tokens, ctx, rest);
        if (provenance != null) {
            return provenance;
        }
        Recognition remarked = ValueRemarks.without(tokens, rest);
        if (remarked != null) {
            return remarked;
        }
        Recognition finalValues = TargetValueRemarks.without(tokens, ctx, rest);
        if (finalValues != null) {
            return finalValues;
        }
        Recognition asIs = elseAsIs(tokens, ctx, rest);
        if (asIs != null) {
            return asIs;
        }
        Recognition partFallback = PartFallbacks.read(tokens, ctx, rest);
        if (partFallback != null) {
            return partFallback;
        }
        Recognition described = DataDescriptions.without(tokens, Lexicon.standard(), rest);
        if (described == null) {
            described = DataDescriptions.layoutSaid(tokens, rest);
        }
        if (described == null) {
            described = withoutRestatement(tokens, rest);
        }
        return described != null ? described : without(tokens, rest);
    }

    /** Words of an else branch that keeps the value: "else as is", "otherwise unchanged", "else keep the value". */
    private static final Set<String> KEPT_AS_IS = Set.of("as", "is", "as-is", "unchanged", "keep", "kept", "leave", "left",
            "copy", "it", "the", "value", "source", "original", "received", "supplied", "same");

    /**
     * "If blank or 'NULL' then 0, else as is": the branch for every other row said to keep the value, which a default
     * for missing values keeps anyway; read without it where the rest gives the column itself for the other rows.
     */
    private static Recognition elseAsIs(List<Token> tokens, io.aide.compiler.rules.RuleContext ctx, Function<List<Token>, Recognition> rest) {
        int end = tokens.size();
        while (end > 0 && tokens.get(end - 1).kind() == Token.Kind.SEP) {
            end--;
        }
        for (int at = end - 1; at > 1; at--) {
            Token t = tokens.get(at);
            if (!(t.is(Token.Kind.WORD, "else") || t.is(Token.Kind.WORD, "otherwise"))) {
                continue;
            }
            Token before = tokens.get(at - 1);
            if (!(before.op(",") || before.op(";") || before.kind() == Token.Kind.SEP)) {
                return null;
            }
            List<Token> tail = tokens.subList(at + 1, end);
            if (tail.isEmpty() || !tail.stream().allMatch(w -> w.kind() == Token.Kind.WORD && KEPT_AS_IS.contains(w.norm()))) {
                return null;
            }
            if (ctx.sources().size() != 1 || !(rest.apply(tokens.subList(0, at - 1)) instanceof Recognition.Recognized ok)) {
                return null;
            }
            Expr source = ctx.sources().get(0);
            boolean keeps = ok.expr() instanceof Expr.Case c && keepsSource(c.otherwise(), source)
                    || ok.expr() instanceof Expr.Fn f && f.name().equalsIgnoreCase("COALESCE") && keepsSource(f.args().get(0), source);
            return keeps ? new Recognition.Recognized(ok.expr(), ok.lookupTable(), ok.accepted(), ok.note() + " (else as is)",
                    ok.keepUnmatched()) : null;
        }
        return null;
    }

    /** The value is the source column, at most cast to the target's type or with blanks as NULL. */
    private static boolean keepsSource(Expr e, Expr source) {
        Expr x = e;
        while (x instanceof Expr.Cast c || x instanceof Expr.Fn f && f.name().equalsIgnoreCase("NULLIF")) {
            x = x instanceof Expr.Cast c ? c.expr() : ((Expr.Fn) x).args().get(0);
        }
        return x.equals(source);
    }

    /**
     * "Number of days from start_date to end_date (end_date minus start_date)": a bracket that says the same value again;
     * read without it where both read and give the same value, null otherwise.
     */
    private static Recognition withoutRestatement(List<Token> tokens, Function<List<Token>, Recognition> rest) {
        for (int open = 1; open < tokens.size(); open++) {
            if (!tokens.get(open).op("(")) {
                continue;
            }
            int close = open + 1;
            int depth = 1;
            while (close < tokens.size() && depth > 0) {
                depth += tokens.get(close).op("(") ? 1 : tokens.get(close).op(")") ? -1 : 0;
                close++;
            }
            if (depth != 0 || close - open < 4 || tokens.subList(open + 1, close - 1).stream().noneMatch(RuleAsides::arithmetic)) {
                // only a value computed again is a restatement ("(b minus a)"): other brackets are not read twice
                continue;
            }
            List<Token> plain = new ArrayList<>(tokens.subList(0, open));
            plain.addAll(tokens.subList(close, tokens.size()));
            if (rest.apply(tokens.subList(open + 1, close - 1)) instanceof Recognition.Recognized again
                    && rest.apply(plain) instanceof Recognition.Recognized ok && same(ok.expr(), again.expr())) {
                return new Recognition.Recognized(ok.expr(), ok.lookupTable(), ok.accepted(), ok.note() + " (said again in brackets)",
                        ok.keepUnmatched());
            }
        }
        return null;
    }

    private static boolean arithmetic(Token t) {
        return t.op("-") || t.op("+") || t.op("*") || t.op("/") || t.kind() == Token.Kind.WORD && ARITHMETIC.contains(t.norm());
    }

    private static final Set<String> ARITHMETIC = Set.of("minus", "plus", "times", "divided", "multiplied", "less", "over");

    /** The same value: equal, or a number of days and the end date minus the start date. */
    private static boolean same(Expr a, Expr b) {
        return a.equals(b) || days(a, b) || days(b, a);
    }

    private static boolean days(Expr diff, Expr minus) {
        return diff instanceof Expr.DateDiff d && minus instanceof Expr.Bin m && m.op().equals("-") && m.left().equals(d.end())
                && m.right().equals(d.start());
    }

    private static Recognition without(List<Token> tokens, Function<List<Token>, Recognition> rest) {
        List<Token> plain = withoutElseExamples(tokens);
        List<Token> core = withoutValueList(plain);
        if (core == tokens || core.isEmpty()) {
            return null;
        }
        return rest.apply(core) instanceof Recognition.Recognized ok ? new Recognition.Recognized(ok.expr(), ok.lookupTable(),
                ok.accepted(), ok.note() + " (what the input is, said beside the rule)", ok.keepUnmatched()) : null;
    }

    /**
     * "Every other value – I (inactive), S (sold/scrapped), blank – is false": the values an else branch covers, named
     * between dashes after its subject, which the branch covers whatever they are; the words between the dashes are left
     * out.
     */
    private static List<Token> withoutElseExamples(List<Token> tokens) {
        for (int i = 2; i + 2 < tokens.size(); i++) {
            if (!dash(tokens.get(i)) || !ELSE_SUBJECTS.contains(tokens.get(i - 1).norm())
                    || tokens.subList(Math.max(0, i - 3), i).stream().noneMatch(t -> ELSE_WORDS.contains(t.norm()))) {
                continue;
            }
            for (int j = i + 2; j + 1 < tokens.size() && tokens.get(j).kind() != Token.Kind.SEP; j++) {
                if (dash(tokens.get(j))) {
                    List<Token> out = new ArrayList<>(tokens.subList(0, i));
                    out.addAll(tokens.subList(j + 1, tokens.size()));
                    return out;
                }
            }
        }
        return tokens;
    }

    private static boolean dash(Token t) {
        return t.op("–") || t.op("—") || t.op("-");
    }

    /** The tokens without a last sentence "Values: a, b, c" (its words only codes, brackets and commas); unchanged else. */
    private static List<Token> withoutValueList(List<Token> tokens) {
        for (int i = tokens.size() - 2; i > 0; i--) {
            if (tokens.get(i).kind() != Token.Kind.SEP) {
                continue;
            }
            int j = i + 1;
            boolean named = false;
            while (j < tokens.size() && tokens.get(j).kind() == Token.Kind.WORD && VALUE_LISTS.contains(tokens.get(j).norm())) {
                named |= tokens.get(j).norm().equals("values");
                j++;
            }
            if (!named || j >= tokens.size() || !(tokens.get(j).op(":") || tokens.get(j).is(Token.Kind.WORD, "are"))) {
                return tokens;
            }
            for (Token t : tokens.subList(j + 1, tokens.size())) {
                // codes and what they mean in brackets only: "Values: A = Active, I = Inactive" is a map, never a list
                if (!(t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.NUMBER || t.kind() == Token.Kind.STRING
                        || t.kind() == Token.Kind.SEP || t.op(",") || t.op("(") || t.op(")") || t.op("/"))) {
                    return tokens;
                }
            }
            return tokens.subList(0, i);
        }
        return tokens;
    }
}
