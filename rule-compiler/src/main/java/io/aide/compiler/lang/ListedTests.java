package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;

/**
 * Tests said once for several values or states ({@link Conditions}): one test of two columns ("FIRST_NM or LAST_NM equal
 * to 'TEST'") and states of one value listed with commas ("is missing, zero or negative").
 */
final class ListedTests {

    private ListedTests() {
    }

    /**
     * "FIRST_NM or LAST_NM equal to 'TEST'": two columns, then one test said once for both; either (or both, after "and")
     * holds. The test (cursor after it), or null (cursor unchanged).
     */
    static Expr shared(Parser p, Expr left) {
        int m = p.mark();
        boolean either = p.accept(Role.OR);
        if (!either && !p.accept(Role.AND)) {
            return null;
        }
        Expr second = p.column();
        int tested = p.mark();
        Expr secondTest = second instanceof Expr.Col c && p.ctx().known(c) && !second.equals(left) ? Conditions.test(p, second) : null;
        if (secondTest == null) {
            p.reset(m);
            return null;
        }
        int end = p.mark();
        p.reset(tested);
        Expr firstTest = Conditions.test(p, left);
        if (firstTest == null || p.mark() != end) {
            p.reset(m);
            return null;
        }
        return new Expr.Bin(either ? "OR" : "AND", firstTest, secondTest);
    }

    /**
     * "is missing, zero or negative": after a comma, another test of the value just tested, in a list whose last test
     * comes after "or"; the test (cursor after it), or null (cursor unchanged).
     */
    static Expr state(Parser p, Expr left) {
        int m = p.mark();
        Expr tested = TestSubjects.of(left);
        if (tested == null || !p.acceptOp(",")) {
            return null;
        }
        int from = p.mark();
        Expr right = p.accept(Role.NULL) ? new Expr.IsNull(tested, false) : Conditions.comparisonOf(p, tested);
        Token next = p.peekToken();
        // ("if the amount is missing, zero": a value after the condition, no list without its "or")
        // ("is blank, 'none', else ...": a comma before the branch's else ends no list)
        boolean branchNext = next != null && next.op(",") && (p.lexicon().match(Role.ELSE, p.tokens(), p.mark() + 1) > 0
                || p.lexicon().match(Role.THEN, p.tokens(), p.mark() + 1) > 0);
        boolean orInside = p.tokens().subList(from, p.mark()).stream().anyMatch(t -> t.is(Token.Kind.WORD, "or"));
        boolean orSaid = right != null && (orInside || !branchNext && next != null && (next.op(",")
                || p.lexicon().match(Role.OR, p.tokens(), p.mark()) > 0));
        if (!orSaid) {
            p.reset(m);
            return null;
        }
        return right;
    }
}
