package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;

/**
 * A value in another currency or unit by a rate the rule states:
 * <pre>
 * rated := [CAST] (IN | TO | INTO) unit [","] (AT | USING | WITH | BY) stated   -- "in euros using a fixed rate of 0.92"
 * stated := [adjective] (rate | factor | multiplier | ...) (OF | "=" | IS) number  -- see {@link NumberOperations#stated}
 * </pre>
 * The value is multiplied by the rate. Without a stated rate a conversion between two currencies is refused by the
 * unit conversions ({@link Functions}), which know no exchange rate.
 */
final class Rates {
    private Rates() {
    }

    static Copies.Operation atRate(Parser p) {
        int m = p.mark();
        // "converted to": the verb's phrase may hold the preposition
        boolean toSaid = p.accept(Role.CAST) && (p.tokens().get(p.mark() - 1).is(Token.Kind.WORD, "to")
                || p.tokens().get(p.mark() - 1).is(Token.Kind.WORD, "into"));
        if (!(toSaid || p.acceptWord("in") || p.acceptWord("into") || p.accept(Role.TO))) {
            p.reset(m);
            return null;
        }
        PhraseTable.Match unit = p.phrase(PhraseTable.UNITS);
        if (unit == null) {
            p.reset(m);
            return null;
        }
        p.acceptOp(",");
        if (!(p.acceptWord("at") || p.acceptWord("using") || p.acceptWord("with") || p.acceptWord("by")
                || p.accept(Role.WITH))) {
            p.reset(m);
            return null;
        }
        Expr rate = NumberOperations.stated(p);
        if (rate == null) {
            p.reset(m);
            return null;
        }
        return new Copies.Operation(x -> new Expr.Bin("*", x, rate), null);
    }
}
