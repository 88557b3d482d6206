package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;

import java.util.List;

/**
 * One column, or another where the first has no value, written as a sentence:
 * <pre>
 * rule := column [","] (OR | OR ELSE | OTHERWISE) column (IF | WHEN) [the first column | SELF] null-words
 * </pre>
 * "Region code, or branch code when region code is empty", "mobile or home phone if mobile is missing". A test
 * for blank ("empty", "blank") also treats a blank text as missing.
 */
final class Fallbacks implements Recognizer {

    @Override
    public Recognition recognize(Parser p) {
        Expr first = p.column();
        if (!(first instanceof Expr.Col)) {
            return Recognition.NOT_MINE;
        }
        p.acceptOp(",");
        if (!p.accept(Role.OR) && !p.accept(Role.ELSE)) {
            return Recognition.NOT_MINE;
        }
        p.acceptWord("else");
        p.acceptWord("use");
        Expr second = p.column();
        if (!(second instanceof Expr.Col) || second.equals(first) || !(p.accept(Role.IF) || p.accept(Role.WHERE))) {
            return Recognition.NOT_MINE;
        }
        int m = p.mark();
        Expr tested = p.column();
        if (tested == null) {
            p.reset(m);
            p.acceptExact(Role.SELF);
        } else if (!tested.equals(first)) {
            // "a, or b when c is empty": a condition on a third column is a conditional's
            return Recognition.NOT_MINE;
        }
        Boolean blank = NullHandling.nullWords(p);
        if (blank == null || !p.atEnd()) {
            return Recognition.NOT_MINE;
        }
        Expr kept = blank ? NullHandling.blankToNull(first) : first;
        return new Recognition.Recognized(new Expr.Fn("COALESCE", List.of(kept, second)), null, List.of(),
                "one column, another where it is missing");
    }
}
