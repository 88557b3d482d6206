package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;

import java.util.List;
import java.util.function.Function;

/**
 * A rule followed by what its missing operands count as:
 * <pre>
 * nulls_as := [rule [SEP | "," | "("]] NULLS_AS literal [")"]   -- "room_chg + lab_chg + rx_chg treating nulls as 0"
 * </pre>
 * Every column the rule reads is read as COALESCE(column, literal); the rule itself is read by the other families.
 * Without a rule before it ("Null as zero", "Treat nulls as 0") the phrase is about the row's one source column.
 */
final class NullsAs {
    private NullsAs() {
    }

    static Recognition read(List<Token> tokens, Function<List<Token>, Parser> parsers,
                            Function<List<Token>, Recognition> rule, Lexicon lexicon) {
        Recognition named = namedColumn(tokens, parsers, rule);
        if (named != null) {
            return named;
        }
        Recognition said = MissingClauses.read(tokens, parsers, rule);
        if (said != null) {
            return said;
        }
        Recognition standIn = MissingClauses.standIn(tokens, parsers, rule);
        if (standIn != null) {
            return standIn;
        }
        for (int at = tokens.size() - 1; at >= 0; at--) {
            int n = lexicon.match(Role.NULLS_AS, tokens, at);
            if (n == 0) {
                continue;
            }
            Parser p = parsers.apply(tokens.subList(at + n, tokens.size()));
            Expr value = p.acceptWord("zero") ? new Expr.Lit(0L) : p.literal();
            p.acceptOp(")");
            p.acceptSeparator();
            if (!(value instanceof Expr.Lit lit) || !p.atEnd()) {
                continue;
            }
            if (at == 0) {
                List<? extends Expr> sources = p.ctx().sources();
                if (sources.size() != 1) {
                    return null;
                }
                return new Recognition.Recognized(readAs(sources.get(0), lit), null, List.of(),
                        "a missing value read as " + lit.value());
            }
            int end = at;
            while (end > 0 && (tokens.get(end - 1).kind() == Token.Kind.SEP || tokens.get(end - 1).op(",")
                    || tokens.get(end - 1).op("("))) {
                end--;
            }
            if (end == 0 || !(rule.apply(tokens.subList(0, end)) instanceof Recognition.Recognized ok)) {
                // "... treating nulls as 0": perhaps the phrase starts earlier ("nulls as" inside it)
                continue;
            }
            // a number read for a missing operand: the operand as a number first (COALESCE needs one type); a rule that
            // reads its columns as text ("strip the currency text ... If blank, load 0") gives the value for a missing
            // result instead, never a number put into the text it works on
            Expr read = operands(ok.expr()) ? Expr.mapColumns(ok.expr(), c -> readAs(c, lit))
                    : new Expr.Fn("COALESCE", List.of(ok.expr(), lit));
            return new Recognition.Recognized(read, ok.lookupTable(), ok.accepted(),
                    ok.note() + ", a missing value read as " + ((Expr.Lit) value).value(), ok.keepUnmatched());
        }
        return null;
    }

    /** The rule computes with its columns as numbers: each column an operand of arithmetic, or the value itself. */
    static boolean operands(Expr e) {
        if (e instanceof Expr.Col) {
            return true;
        }
        boolean[] textual = {false};
        Expr.visit(e, x -> textual[0] |= x instanceof Expr.Fn f && java.util.Set.of("REGEXP_REPLACE", "REPLACE", "TRIM", "UPPER",
                "LOWER", "SUBSTRING", "SUBSTR", "NULLIF", "LPAD", "RPAD").contains(f.name().toUpperCase(java.util.Locale.ROOT))
                || x instanceof Expr.Concat || x instanceof Expr.ParseDate);
        return !textual[0];
    }

    /** Words that say a value is missing, before the column they are about ("missing bonus", "null discount"). */
    static final java.util.Set<String> MISSING = java.util.Set.of("missing", "null", "nulls", "blank", "empty",
            "absent");

    /**
     * <pre>
     * named := rule ("," | SEP | "(") ["treat" | "treating" | "with" | "counting"] MISSING column ("as" | "=" | "counted as"
     *          | "taken as" | "treated as") literal [")"]
     * </pre>
     * "salary plus bonus (treat missing bonus as 0)": only the named column is read as the literal.
     */
    private static Recognition namedColumn(List<Token> tokens, Function<List<Token>, Parser> parsers,
                                           Function<List<Token>, Recognition> rule) {
        Recognition none = noneWhenMissing(tokens, parsers, rule);
        if (none != null) {
            return none;
        }
        for (int at = tokens.size() - 3; at > 0; at--) {
            Token t = tokens.get(at);
            if (t.kind() != Token.Kind.WORD || !MISSING.contains(t.norm())) {
                continue;
            }
            int start = at;
            if (start > 1 && java.util.Set.of("a", "an", "any").contains(tokens.get(start - 1).norm())) {
                // "treating a missing bonus as zero"
                start--;
            }
            if (start > 0 && tokens.get(start - 1).kind() == Token.Kind.WORD
                    && java.util.Set.of("treat", "treating", "with", "counting", "count").contains(tokens.get(start - 1).norm())) {
                start--;
            }
            Parser p = parsers.apply(tokens.subList(at + 1, tokens.size()));
            Expr column = p.column();
            if (!(column instanceof Expr.Col)) {
                continue;
            }
            if (!p.acceptWord("as") && !p.acceptOp("=")) {
                boolean verb = p.acceptWord("counted") || p.acceptWord("taken") || p.acceptWord("treated");
                if (!verb || !p.acceptWord("as")) {
                    continue;
                }
            }
            Expr value = p.acceptWord("zero") ? new Expr.Lit(0L) : p.literal();
            p.acceptOp(")");
            p.acceptSeparator();
            if (!(value instanceof Expr.Lit lit) || !p.atEnd()) {
                continue;
            }
            Recognition.Recognized ok = ruleBefore(tokens, start, rule, column);
            if (ok == null) {
                return null;
            }
            Expr read = Expr.mapColumns(ok.expr(), c -> c.equals(column) ? readAs(c, lit) : c);
            return new Recognition.Recognized(read, ok.lookupTable(), ok.accepted(),
                    ok.note() + ", a missing " + ((Expr.Col) column).column() + " read as " + lit.value(), ok.keepUnmatched());
        }
        return null;
    }

    /**
     * <pre>
     * none := rule ("," | SEP | "(") "no" column (IF | WHEN) ("empty" | "missing" | "null" | "blank" | "not given") [")"]
     * </pre>
     * "price less the discount percentage (no discount when empty)": the named column counts as 0 where it is missing.
     */
    private static Recognition noneWhenMissing(List<Token> tokens, Function<List<Token>, Parser> parsers,
                                               Function<List<Token>, Recognition> rule) {
        for (int at = tokens.size() - 3; at > 0; at--) {
            if (!tokens.get(at).is(Token.Kind.WORD, "no")) {
                continue;
            }
            Parser p = parsers.apply(tokens.subList(at + 1, tokens.size()));
            Expr column = p.column();
            if (!(column instanceof Expr.Col) || !(p.accept(Role.IF) || p.accept(Role.WHERE))) {
                continue;
            }
            p.accept(Role.SELF);
            Token state = p.next();
            boolean missing = state != null && (MISSING.contains(state.norm()) || state.is(Token.Kind.WORD, "not")
                    && (p.acceptWord("given") || p.acceptWord("provided") || p.acceptWord("populated")));
            p.acceptOp(")");
            p.acceptSeparator();
            if (!missing || !p.atEnd()) {
                continue;
            }
            Recognition.Recognized ok = ruleBefore(tokens, at, rule, column);
            if (ok == null) {
                return null;
            }
            Expr.Lit zero = new Expr.Lit(0L);
            Expr read = Expr.mapColumns(ok.expr(), c -> c.equals(column) ? readAs(c, zero) : c);
            return new Recognition.Recognized(read, ok.lookupTable(), ok.accepted(),
                    ok.note() + ", no " + ((Expr.Col) column).column() + " where it is missing", ok.keepUnmatched());
        }
        return null;
    }

    /**
     * The rule written before {@code at} (separators, commas and an opening parenthesis between them left out), read
     * and reading {@code column} (any column when null); null otherwise.
     */
    static Recognition.Recognized ruleBefore(List<Token> tokens, int at, Function<List<Token>, Recognition> rule,
                                                     Expr column) {
        int end = at;
        while (end > 0 && (tokens.get(end - 1).kind() == Token.Kind.SEP || tokens.get(end - 1).op(",")
                || tokens.get(end - 1).op("("))) {
            end--;
        }
        if (end == at || end == 0 || !(rule.apply(tokens.subList(0, end)) instanceof Recognition.Recognized ok)
                || Expr.columns(ok.expr()).isEmpty() || column != null && !Expr.columns(ok.expr()).contains(column)) {
            return null;
        }
        return ok;
    }

    /** The column with its missing values read as the literal; a number reads the column as a number first. */
    static Expr readAs(Expr column, Expr.Lit value) {
        return new Expr.Fn("COALESCE", List.of(value.value() instanceof Number
                ? new Expr.Cast(column, io.aide.compiler.plan.SqlType.DOUBLE, true) : column, value));
    }
}
