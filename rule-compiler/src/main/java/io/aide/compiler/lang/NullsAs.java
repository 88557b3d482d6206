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
        for (int at = tokens.size() - 1; at >= 0; at--) {
            int n = lexicon.match(Role.NULLS_AS, tokens, at);
            if (n == 0) {
                continue;
            }
            Parser p = parsers.apply(tokens.subList(at + n, tokens.size()));
            Expr value = p.literal();
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
            // a number read for a missing operand: the operand as a number first (COALESCE needs one type)
            Expr read = Expr.mapColumns(ok.expr(), c -> readAs(c, lit));
            return new Recognition.Recognized(read, ok.lookupTable(), ok.accepted(),
                    ok.note() + ", a missing value read as " + ((Expr.Lit) value).value(), ok.keepUnmatched());
        }
        return null;
    }

    /** The column with its missing values read as the literal; a number reads the column as a number first. */
    private static Expr readAs(Expr column, Expr.Lit value) {
        return new Expr.Fn("COALESCE", List.of(value.value() instanceof Number
                ? new Expr.Cast(column, io.aide.compiler.plan.SqlType.DOUBLE, true) : column, value));
    }
}
