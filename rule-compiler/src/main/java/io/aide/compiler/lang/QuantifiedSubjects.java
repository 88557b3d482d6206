package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;

import java.util.ArrayList;
import java.util.List;

/**
 * A test whose subject is the row's source columns taken together: "either reading is missing", "either of them is
 * blank", "both dates are given", "any of the three is null", "all values are zero". The test is read once after the
 * subject and applied to each column the row's source cell names (never every column of its table); "either" and "any"
 * hold when one column passes, "both", "all" and "each" when every one does. The row must name two or more source
 * columns ("both": two), or the words name nothing.
 *
 * <pre>
 * quantified := (EITHER | ANY | BOTH | ALL | EACH) [ONE | OF (THEM | THE [count] [noun])] [noun [noun]] test
 * </pre>
 */
final class QuantifiedSubjects {

    private static final java.util.Set<String> SOME = java.util.Set.of("either", "any");
    private static final java.util.Set<String> EVERY = java.util.Set.of("both", "all", "each");
    private static final java.util.Set<String> COUNTS = java.util.Set.of("two", "three", "four", "2", "3", "4");
    /** Words that start the test, never a noun of the subject. */
    private static final java.util.Set<String> VERBS = java.util.Set.of("is", "are", "was", "were", "has", "have",
            "equals", "equal", "contains", "starts", "begins", "ends", "does", "do");

    private QuantifiedSubjects() {
    }

    /** The test of each source column joined by OR or AND; null (cursor unchanged) when the words are not one. */
    static Expr test(Parser p) {
        int m = p.mark();
        Token q = p.peekToken();
        if (q == null || q.kind() != Token.Kind.WORD || !SOME.contains(q.norm()) && !EVERY.contains(q.norm())) {
            return null;
        }
        List<Expr.Col> columns = named(p);
        if (columns.size() < 2 || q.is(Token.Kind.WORD, "both") && columns.size() != 2) {
            return null;
        }
        boolean any = SOME.contains(q.norm());
        p.next();
        if (!subjectWords(p, q.norm())) {
            p.reset(m);
            return null;
        }
        int afterSubject = p.mark();
        List<Expr> tests = new ArrayList<>();
        int end = -1;
        for (Expr.Col c : columns) {
            p.reset(afterSubject);
            Expr one = Conditions.comparisonOf(p, c);
            if (one == null || end >= 0 && p.mark() != end) {
                p.reset(m);
                return null;
            }
            end = p.mark();
            tests.add(one);
        }
        Expr joined = tests.get(0);
        for (int i = 1; i < tests.size(); i++) {
            joined = new Expr.Bin(any ? "OR" : "AND", joined, tests.get(i));
        }
        return joined;
    }

    /**
     * The columns the row's source cell names (never every column of its table), each as the rule's names resolve it;
     * empty when one of them does not resolve.
     */
    private static List<Expr.Col> named(Parser p) {
        List<Expr.Col> out = new ArrayList<>();
        for (io.aide.events.spec.SourceRef s : p.ctx().row().sourceColumns()) {
            Expr c = s.column() == null ? null : p.ctx().resolve(null, s.column().strip());
            if (!(c instanceof Expr.Col col)) {
                return List.of();
            }
            if (!out.contains(col)) {
                out.add(col);
            }
        }
        return out;
    }

    /**
     * After the quantifier: "one", "of them", "of the two dates", or up to two nouns that name no column ("reading",
     * "date value"); "any" and "all" need one of these ("any is null" says too little), "either" and "both" stand alone.
     */
    private static boolean subjectWords(Parser p, String quantifier) {
        boolean said = false;
        if (p.acceptWord("one") || p.acceptWord("ones")) {
            said = true;
        } else if (p.acceptWord("of")) {
            if (p.acceptWord("them") || p.acceptWord("these") || p.acceptWord("those")) {
                return true;
            }
            if (!p.acceptWord("the")) {
                return false;
            }
            said = true;
        }
        Token count = p.peekToken();
        if (count != null && COUNTS.contains(count.norm())) {
            p.next();
            said = true;
        }
        for (int nouns = 0; nouns < 2; nouns++) {
            Token t = p.peekToken();
            if (t == null || t.kind() != Token.Kind.WORD || VERBS.contains(t.norm()) || p.ctx().resolve(null, t.text()) != null) {
                break;
            }
            p.next();
            said = true;
        }
        return said || quantifier.equals("either") || quantifier.equals("both");
    }
}
