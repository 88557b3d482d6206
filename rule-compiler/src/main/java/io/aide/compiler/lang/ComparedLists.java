package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;

import java.util.ArrayList;
import java.util.List;

/** The values one comparison lists: "is A, B or C", "Y or y", and a code given in brackets after its meaning. */
final class ComparedLists {

    private ComparedLists() {
    }

    /** "(code A)", "(code 'A')", "(value A)": the code a bracket gives; the cursor after it, or unchanged (null). */
    static Expr codeInBrackets(Parser p) {
        int m = p.mark();
        if (!p.acceptOp("(") || !(p.acceptWord("code") || p.acceptWord("value") || p.acceptWord("flag"))) {
            p.reset(m);
            return null;
        }
        p.acceptOp("=");
        p.acceptOp(":");
        // a one-letter code ("A") before the words that read it as an article
        int at = p.mark();
        Expr code = p.code();
        if (code == null) {
            p.reset(at);
            code = p.literal();
        }
        if (!(code instanceof Expr.Lit) || !p.acceptOp(")")) {
            p.reset(m);
            return null;
        }
        return code;
    }

    /**
     * The values that follow a compared value: ", v" or "or v" (or "nor v") as long as each is a literal (a code when
     * the first was one) that no comparison follows ("x = 'A' or y = 'B'" is two comparisons). The first value is
     * the first element; the cursor ends after the last value taken.
     */
    static List<Expr> alternatives(Parser p, Expr first, boolean codes) {
        List<Expr> values = new ArrayList<>(List.of(first));
        int afterFirst = p.mark();
        while (true) {
            int m = p.mark();
            boolean comma = p.acceptOp(",");
            boolean or = p.accept(Role.OR);
            if (!comma && !or) {
                break;
            }
            Expr v = codes ? p.code() : p.literal();
            if (v == null && codes) {
                v = p.literal();
            }
            Token raw = p.rawPeek();
            if (v == null && codes && raw != null && raw.kind() == Token.Kind.WORD && values.stream().anyMatch(x -> x instanceof Expr.Lit l
                    && l.value() instanceof String code && code.equalsIgnoreCase(raw.text()) && !code.equals(raw.text()))) {
                // "Y or y": a code listed again in the other case
                p.rawNext();
                v = new Expr.Lit(raw.text());
            }
            if (!(v instanceof Expr.Lit) || startsComparison(p)) {
                p.reset(m);
                break;
            }
            values.add(v);
            if (or) {
                return values;
            }
        }
        // "x = 'A', 1, when ...": a list without its "or" is no list of values
        p.reset(afterFirst);
        return List.of(first);
    }

    /** A comparison word or symbol is at the cursor (after filler): the value before it was its left side. */
    private static boolean startsComparison(Parser p) {
        int m = p.mark();
        boolean op = false;
        for (Role r : new Role[]{Role.NOT_EQUALS, Role.GE, Role.LE, Role.GT, Role.LT, Role.EQUALS, Role.IS_NULL,
                Role.NOT_NULL, Role.IN, Role.STARTS, Role.ENDS, Role.CONTAINS}) {
            if (p.accept(r)) {
                op = true;
                break;
            }
        }
        p.reset(m);
        return op;
    }
}
