package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The row's columns joined as a group, named together rather than one by one:
 * <pre>
 * group_join := [operation group (AND | "," | THEN | SEP)] JOIN (group | SELF) [separator] {["," | SEP] each}
 *             | JOIN group [separator]
 * group      := [the] (both | all [the] | the two | the three) noun   -- "both names", "all the parts": the row's columns
 *             | word AND word noun                                    -- "first and last name": two columns, one noun
 * JOIN       := CONCAT | join | joined | put together
 * </pre>
 * "Trim both names and join them with one space", "Join first and last name with a space". The group stands for the
 * row's source columns in the order the row lists them; an operation said of the group is each column's.
 */
final class GroupJoins implements Recognizer {
    private static final Set<String> JOIN_WORDS = Set.of("join", "joined", "joins", "put");
    private static final Set<String> NOUNS = Set.of("names", "fields", "columns", "parts", "values", "components",
            "elements", "pieces", "items", "lines", "codes", "words");

    @Override
    public Recognition recognize(Parser p) {
        if (p.tokens().stream().noneMatch(t -> t.kind() == Token.Kind.WORD && JOIN_WORDS.contains(t.norm()))
                && !p.lexicon().find(Role.CONCAT, p.tokens())) {
            // most cells join nothing: no operation is read before the join word is known to be there
            return Recognition.NOT_MINE;
        }
        int start = p.mark();
        UnaryOperator<Expr> each = UnaryOperator.identity();
        List<Expr> group = null;
        Copies.Operation first = joins(p) ? null : Copies.operation(p);
        if (first != null) {
            if (first.column() != null) {
                p.reset(start);
                return Recognition.NOT_MINE;
            }
            group = group(p);
            if (group == null || !(p.accept(Role.AND) | p.acceptOp(",") | p.acceptWord("then") | p.acceptSeparator())) {
                p.reset(start);
                return Recognition.NOT_MINE;
            }
            each = first.apply();
            p.acceptWord("then");
        } else {
            p.reset(start);
        }
        if (!joins(p)) {
            p.reset(start);
            return Recognition.NOT_MINE;
        }
        if (group == null) {
            group = group(p);
        } else if (!p.accept(Role.SELF)) {
            List<Expr> again = group(p);
            if (again == null || !again.equals(group)) {
                p.reset(start);
                return Recognition.NOT_MINE;
            }
        }
        if (group == null || group.size() < 2) {
            p.reset(start);
            return Recognition.NOT_MINE;
        }
        Expr separator = null;
        if (p.accept(Role.SPACE_SEPARATED)) {
            separator = new Expr.Lit(" ");
        } else if (p.accept(Role.SEPARATED_BY) || p.acceptWord("with") || p.acceptWord("using") || p.acceptWord("by")) {
            separator = Concatenations.separator(p);
            if (!(separator instanceof Expr.Lit l) || !(l.value() instanceof String)) {
                return p.notUnderstood();
            }
        }
        List<Expr> items = new ArrayList<>();
        for (Expr column : group) {
            if (!items.isEmpty() && separator != null) {
                items.add(separator);
            }
            items.add(each.apply(column));
        }
        boolean blanksLeftOut = false;
        while (!p.atEnd()) {
            p.acceptOp(",");
            p.acceptSeparator();
            if (BlankParts.accept(p)) {
                // "skipping blank parts": each blank column left out with its separator
                blanksLeftOut = true;
                continue;
            }
            List<Expr> again = Concatenations.eachItem(p, items);
            if (again == null) {
                return p.notUnderstood();
            }
            items = again;
        }
        Expr joined = blanksLeftOut ? BlankParts.leftOut(items) : new Expr.Concat(items);
        return joined == null ? p.notUnderstood()
                : new Recognition.Recognized(joined, null, List.of(), "the row's columns joined as a group");
    }

    private static boolean joins(Parser p) {
        int m = p.mark();
        if (p.accept(Role.CONCAT) || p.acceptWord("join") || p.acceptWord("joined") || p.acceptWord("joins")
                || p.acceptWord("put") && p.acceptWord("together")) {
            p.acceptWord("together");
            return true;
        }
        p.reset(m);
        return false;
    }

    /** The columns a group phrase stands for, the cursor after it; null (cursor unchanged) when none. */
    private static List<Expr> group(Parser p) {
        int m = p.mark();
        p.acceptWord("the");
        boolean counted = p.acceptWord("both") || p.acceptWord("all") || p.acceptWord("two") || p.acceptWord("three");
        p.acceptWord("the");
        p.acceptWord("two");
        p.acceptWord("three");
        Token noun = p.peekToken();
        List<Expr.Col> sources = p.ctx().sources();
        if (counted && noun != null && noun.kind() == Token.Kind.WORD && NOUNS.contains(noun.norm()) && sources.size() >= 2) {
            p.next();
            return new ArrayList<>(sources);
        }
        p.reset(m);
        // "first and last name": each word with the noun after the last names one column
        List<Token> t = p.tokens();
        int i = p.mark();
        if (i + 3 < t.size() && t.get(i).kind() == Token.Kind.WORD && t.get(i + 1).is(Token.Kind.WORD, "and")
                && t.get(i + 2).kind() == Token.Kind.WORD && t.get(i + 3).kind() == Token.Kind.WORD) {
            Expr a = named(p, t.get(i), t.get(i + 3));
            Expr b = named(p, t.get(i + 2), t.get(i + 3));
            if (a instanceof Expr.Col && b instanceof Expr.Col && !a.equals(b)) {
                p.reset(i + 4);
                return List.of(a, b);
            }
        }
        p.reset(m);
        return null;
    }

    /** The column two words name ("last" and "name" for last_name), or null. */
    private static Expr named(Parser p, Token word, Token noun) {
        Parser sub = new Parser(List.of(word, noun), p.ctx(), p.lexicon());
        Expr c = sub.column();
        return c != null && sub.atEnd() ? c : null;
    }
}
