package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;

import java.util.List;
import java.util.function.Function;

/**
 * An operation on one column applied only under a condition, the column kept as it is otherwise:
 * <pre>
 * guarded := rule (IF | WHEN) condition [keep]                -- "Strip the leading '1' if msisdn is 11 digits long"
 *          | (IF | WHEN) condition [","] [THEN] rule [keep]   -- "If code is 6 characters long, remove the first character"
 * keep    := ["," | SEP] ELSE (COPY | AS_IS)                    -- ", otherwise as is"
 * </pre>
 * The rule is read whole by the other families and must be an operation on exactly one column (a value computed
 * from it, not the column itself nor a constant): only then is "otherwise keep it" what the analyst left unsaid. With
 * the keep written out any such operation is read, arithmetic too ("If mdl_yr < 100 add 2000, otherwise as is").
 */
final class GuardedOperations {
    private GuardedOperations() {
    }

    static Recognition read(List<Token> written, Function<List<Token>, Parser> parsers,
                            Function<List<Token>, Recognition> rule, Lexicon lexicon) {
        int keep = keep(written, lexicon);
        boolean said = keep < written.size();
        List<Token> tokens = written.subList(0, keep);
        Recognition leading = leading(tokens, parsers, rule, lexicon, said);
        if (leading != null) {
            return leading;
        }
        Recognition unless = unless(tokens, parsers, rule);
        if (unless != null) {
            return unless;
        }
        for (int split = tokens.size() - 1; split > 0; split--) {
            if (lexicon.match(Role.IF, tokens, split) == 0) {
                continue;
            }
            if (pronoun(tokens.subList(split, tokens.size()), lexicon)) {
                // "remove the first character if it is '0'": "it" may be the character, not the value
                return null;
            }
            Parser p = parsers.apply(tokens.subList(split, tokens.size()));
            if (!p.accept(Role.IF)) {
                continue;
            }
            Expr condition = p.condition();
            p.acceptSeparator();
            if (condition == null || !p.atEnd()) {
                continue;
            }
            int end = split;
            while (end > 0 && (tokens.get(end - 1).kind() == Token.Kind.SEP || tokens.get(end - 1).op(","))) {
                end--;
            }
            Recognition guarded = guard(rule.apply(tokens.subList(0, end)), condition, p, said);
            if (guarded != null) {
                return guarded;
            }
        }
        return null;
    }

    /** Where a closing "otherwise as is" starts (the tokens' size when there is none). */
    private static int keep(List<Token> tokens, Lexicon lexicon) {
        for (int i = tokens.size() - 1; i > 0; i--) {
            int e = lexicon.match(Role.ELSE, tokens, i);
            if (e == 0) {
                continue;
            }
            int k = Math.max(lexicon.match(Role.COPY, tokens, i + e), lexicon.match(Role.AS_IS, tokens, i + e));
            int end = i + e + k;
            while (end < tokens.size() && tokens.get(end).kind() == Token.Kind.SEP) {
                end++;
            }
            if (k == 0 || end != tokens.size()) {
                return tokens.size();
            }
            int start = i;
            while (start > 0 && (tokens.get(start - 1).kind() == Token.Kind.SEP || tokens.get(start - 1).op(","))) {
                start--;
            }
            return start;
        }
        return tokens.size();
    }

    private static Recognition leading(List<Token> tokens, Function<List<Token>, Parser> parsers,
                                       Function<List<Token>, Recognition> rule, Lexicon lexicon, boolean said) {
        Parser p = parsers.apply(tokens);
        if (!p.accept(Role.IF)) {
            return null;
        }
        Expr condition = p.condition();
        if (condition == null || pronoun(tokens.subList(0, p.mark()), lexicon)) {
            return null;
        }
        boolean comma = p.acceptOp(",") | p.acceptSeparator();
        if (!p.accept(Role.THEN) && !comma && !said || p.atEnd()) {
            return null;
        }
        return guard(rule.apply(tokens.subList(p.mark(), tokens.size())), condition, p, said);
    }

    /**
     * rule UNLESS condition: "multiply by fx rate unless currency is already USD". When the condition holds the value
     * the rule works on is kept as it is: CASE WHEN condition THEN value ELSE rule END. The value is the one column the
     * rule reads, or the left operand of its arithmetic ("amount * fx_rate": amount).
     */
    private static Recognition unless(List<Token> tokens, Function<List<Token>, Parser> parsers,
                                      Function<List<Token>, Recognition> rule) {
        for (int split = tokens.size() - 2; split > 0; split--) {
            if (!tokens.get(split).is(Token.Kind.WORD, "unless")) {
                continue;
            }
            Parser p = parsers.apply(tokens.subList(split + 1, tokens.size()));
            Expr condition = p.condition();
            p.acceptSeparator();
            int end = split;
            while (end > 0 && (tokens.get(end - 1).kind() == Token.Kind.SEP || tokens.get(end - 1).op(","))) {
                end--;
            }
            if (condition == null || !p.atEnd()
                    || !(rule.apply(tokens.subList(0, end)) instanceof Recognition.Recognized ok) || Expr.hasAggregate(ok.expr())) {
                return null;
            }
            Expr subject = subject(ok.expr());
            if (subject == null || pronoun(tokens.subList(split + 1, tokens.size()), Lexicon.standard()) && !wholeValue(ok.expr())) {
                // "remove the first character unless it is '0'": "it" may be the character, not the value
                return null;
            }
            return new Recognition.Recognized(new Expr.Case(List.of(new Expr.When(condition, p.typed(subject))), ok.expr()),
                    ok.lookupTable(), ok.accepted(), ok.note() + ", except where the condition holds (then the value as it is)",
                    ok.keepUnmatched());
        }
        return null;
    }

    /** An operation on the whole value (its case, its spaces, arithmetic): "it" after it can only be the value. */
    private static boolean wholeValue(Expr e) {
        Expr x = e instanceof Expr.Cast c ? c.expr() : e;
        return x instanceof Expr.Bin || x instanceof Expr.Fn f && java.util.Set.of("UPPER", "LOWER", "TRIM", "LTRIM", "RTRIM",
                "INITCAP").contains(f.name().toUpperCase(java.util.Locale.ROOT));
    }

    /** The value an operation works on: its one column, or the column on the left of its arithmetic; else null. */
    private static Expr.Col subject(Expr e) {
        List<Expr.Col> read = Expr.columns(e);
        if (e instanceof Expr.Col || read.isEmpty()) {
            return null;
        }
        if (read.stream().distinct().count() == 1) {
            return read.get(0);
        }
        Expr left = e instanceof Expr.Cast c ? c.expr() : e;
        if (left instanceof Expr.Bin b && java.util.Set.of("*", "/", "+", "-").contains(b.op())) {
            Expr l = b.left() instanceof Expr.Cast c ? c.expr() : b.left();
            return l instanceof Expr.Col c ? c : null;
        }
        return null;
    }

    /** CASE WHEN condition THEN operation ELSE column END, when the rule is an operation on one column; else null. */
    private static Recognition guard(Recognition r, Expr condition, Parser p, boolean keepSaid) {
        if (!(r instanceof Recognition.Recognized ok) || Expr.hasAggregate(ok.expr())) {
            return null;
        }
        List<Expr.Col> read = Expr.columns(ok.expr());
        if (read.isEmpty() || read.stream().distinct().count() != 1 || ok.expr() instanceof Expr.Col
                || !keepSaid && !textOperation(ok.expr(), read.get(0))) {
            return null;
        }
        Expr kept = p.typed(read.get(0));
        return new Recognition.Recognized(new Expr.Case(List.of(new Expr.When(condition, ok.expr())), kept),
                ok.lookupTable(), ok.accepted(), ok.note() + ", only when the condition holds (else the column as it is)",
                ok.keepUnmatched());
    }

    /**
     * An operation on the text of the column: a function call, a substring, a concatenation, or a prefix or suffix
     * taken off where present (a CASE whose else is the column). Arithmetic, casts and conditionals are not: whether
     * the value is kept, zero or NULL when the condition fails is not for the compiler to guess there.
     */
    private static boolean textOperation(Expr e, Expr.Col column) {
        if (e instanceof Expr.Case c) {
            return column.equals(c.otherwise()) && c.whens().size() == 1;
        }
        return e instanceof Expr.Fn f && !java.util.Set.of("ROUND", "ABS", "CEIL", "FLOOR", "TRUNC", "COALESCE", "NULLIF", "GREATEST",
                "LEAST").contains(f.name().toUpperCase(java.util.Locale.ROOT)) || e instanceof Expr.Substr || e instanceof Expr.Concat;
    }

    /** The words name the value by a pronoun ("it", "the value"): what it stands for is not certain here. */
    private static boolean pronoun(List<Token> tokens, Lexicon lexicon) {
        for (int i = 0; i < tokens.size(); i++) {
            if (lexicon.match(Role.SELF, tokens, i) > 0) {
                return true;
            }
        }
        return false;
    }
}
