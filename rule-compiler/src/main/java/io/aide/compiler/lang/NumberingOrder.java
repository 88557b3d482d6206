package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;

import java.util.ArrayList;
import java.util.List;

/**
 * The order a generated key's numbers follow, as said beside it: "in ascending order of the numeric store number
 * (STORE_NUMBER below)", "ordered by NDC, ascending", "accounts opened on the same day: lower account number first",
 * "the cleaned event code (EVENT_CODE trimmed and upper-cased)".
 */
final class NumberingOrder {

    private NumberingOrder() {
    }

    /**
     * [assigned] in [ascending | descending] column order, in order of column: the order the numbers follow; null
     * (cursor unchanged) otherwise.
     */
    static List<Expr.Order> inOrder(Parser p) {
        int m = p.mark();
        p.acceptWord("assigned");
        p.acceptWord("numbered");
        if (!p.acceptWord("in")) {
            p.reset(m);
            return null;
        }
        int ofForm = p.mark();
        boolean down = p.accept(Role.DESCENDING);
        if (!down) {
            p.accept(Role.ASCENDING);
        }
        // "in alphabetical order of", "in ascending numeric order of": an ascending order, named by its kind
        boolean numeric = false;
        if (!p.acceptWord("alphabetical") && !p.acceptWord("alphabetic") && !p.acceptWord("chronological")) {
            numeric = p.acceptWord("numeric") || p.acceptWord("numerical");
        }
        if (p.acceptWord("order") && p.acceptWord("of")) {
            // "assigned in ascending order of the numeric store number (STORE_NUMBER below)"
            List<Expr.Order> keys = orderKeys(p);
            if (keys == null) {
                keys = describedThenBracketed(p);
            }
            if (keys != null) {
                // "in ascending numeric order of DONOR_REF": the keys compared as numbers, whatever the columns hold
                boolean asNumbers = numeric;
                return keys.stream().map(k -> new Expr.Order(asNumbers && !(k.expr() instanceof Expr.Cast c
                        && c.type().kind() == io.aide.compiler.plan.SqlType.Kind.DOUBLE)
                        ? new Expr.Cast(k.expr(), io.aide.compiler.plan.SqlType.DOUBLE, true) : k.expr(), down || k.descending())).toList();
            }
        }
        p.reset(ofForm);
        boolean descending = p.acceptWord("descending");
        if (!descending) {
            p.acceptWord("ascending");
        }
        List<Expr> cols = columns(p);
        if (cols == null || !p.acceptWord("order")) {
            p.reset(m);
            return null;
        }
        return cols.stream().map(c -> new Expr.Order(c, descending)).toList();
    }

    /** "(both numeric, ascending)": what the order keys are and their direction, which is the default; false otherwise. */
    static boolean orderRemark(Parser p, List<Expr.Order> order) {
        int m = p.mark();
        if (order.isEmpty() || !p.acceptOp("(")) {
            return false;
        }
        int open = p.mark() - 1;
        p.acceptWord("see");
        int named = p.mark();
        Expr again = p.column();
        Expr last = order.get(order.size() - 1).expr();
        if (again != null && (again.equals(last) || last instanceof Expr.Cast cast && again.equals(cast.expr()))) {
            // "the numeric store number (STORE_NUMBER below)": the key named again where the mapping defines it
            if (!p.acceptWord("below") && !p.acceptWord("above")) {
                p.acceptWord("here");
            }
            int direction = p.mark();
            Token low = p.acceptOp(",") ? p.rawPeek() : null;
            if (low != null && LOW_FIRST.contains(low.norm())) {
                // "(RETURN_TS, oldest first)": the key named again, in its own (ascending) order
                p.rawNext();
                if (!p.acceptWord("first")) {
                    p.reset(direction);
                }
            } else {
                p.reset(direction);
            }
            if (p.acceptOp(")")) {
                return true;
            }
        }
        p.reset(named);
        int close = Brackets.closing(p.tokens(), open);
        Expr restated = close < 0 ? null : new RuleLanguage(p.lexicon()).value(p.tokens().subList(named, close), p.ctx());
        if (restated != null && restated.equals(last)) {
            // "the cleaned event code (EVENT_CODE trimmed and upper-cased)": the key's value, said again as its rule
            p.reset(close + 1);
            return true;
        }
        int words = 0;
        Token t;
        while ((t = p.rawPeek()) != null && !t.op(")")) {
            if (!(t.op(",") || t.kind() == Token.Kind.WORD && ORDER_REMARK_WORDS.contains(t.norm()))) {
                p.reset(m);
                return false;
            }
            p.rawNext();
            words++;
        }
        if (t == null || words == 0) {
            p.reset(m);
            return false;
        }
        p.rawNext();
        return true;
    }

    private static final java.util.Set<String> ORDER_REMARK_WORDS = java.util.Set.of("both", "all", "numeric", "numerically",
            "ascending", "asc", "as", "numbers", "integers", "and", "oldest", "earliest", "lowest", "smallest", "first");

    /** Up to four words, then "(" order keys ")"; null (cursor unchanged) otherwise. */
    static List<Expr.Order> describedThenBracketed(Parser p) {
        int m = p.mark();
        for (int words = 0; words <= 4; words++) {
            int at = p.mark();
            if (p.acceptOp("(")) {
                List<Expr.Order> keys = orderKeys(p);
                // "(STORE_NUMBER below)": the column the words describe, named where the mapping defines it
                if (keys != null && !p.acceptWord("below") && !p.acceptWord("above")) {
                    p.acceptWord("here");
                }
                if (keys != null && p.acceptOp(")")) {
                    return keys;
                }
                p.reset(at);
            }
            Token t = p.rawPeek();
            if (t == null || t.kind() != Token.Kind.WORD) {
                break;
            }
            p.rawNext();
        }
        p.reset(m);
        return null;
    }

    private static final java.util.Set<String> LOW_FIRST = java.util.Set.of("lower", "lowest", "smaller", "smallest",
            "earlier", "earliest", "older", "oldest");
    private static final java.util.Set<String> HIGH_FIRST = java.util.Set.of("higher", "highest", "larger", "largest",
            "later", "latest", "newer", "newest", "bigger", "biggest");

    /**
     * "accounts opened on the same day: lower account number first", "ties: higher amount first", "on a tie, earliest
     * created_at first", "ties broken by RMA_ID": how rows of an equal order are ordered; the key added, or false (cursor
     * unchanged).
     */
    static boolean tieBreak(Parser p, List<Expr.Order> order) {
        int m = p.mark();
        boolean tie = false;
        boolean ordering = false;
        int words = 0;
        Token t;
        while ((t = p.rawPeek()) != null && !t.op(":") && !t.op(",") && t.kind() != Token.Kind.SEP && words < 12) {
            String w = t.norm();
            tie |= w.equals("same") || w.startsWith("tie");
            p.rawNext();
            words++;
            if (tie && ORDERING.contains(w)) {
                // "ties broken by RMA_ID", "claims with the same loss date are ordered by CLAIM_REFERENCE"
                ordering = p.acceptWord("by") || p.acceptWord("on");
                break;
            }
        }
        if (!tie || !(ordering || p.acceptOp(":") || p.acceptOp(","))) {
            p.reset(m);
            return false;
        }
        Token dir = p.rawPeek();
        boolean desc = dir != null && HIGH_FIRST.contains(dir.norm());
        if (dir != null && (desc || LOW_FIRST.contains(dir.norm()))) {
            p.rawNext();
        }
        Expr c = p.column();
        if (c == null) {
            p.reset(m);
            return false;
        }
        p.acceptWord("first");
        boolean explicit = p.accept(Role.DESCENDING);
        if (!explicit) {
            p.accept(Role.ASCENDING);
        }
        order.add(new Expr.Order(c, desc || explicit));
        return true;
    }

    /** Verbs that say how rows of an equal order are ordered ("ties broken by", "are ordered by"). */
    private static final java.util.Set<String> ORDERING = java.util.Set.of("broken", "ordered", "sorted", "resolved", "decided");

    /** column [ASC | DESC] ((, | and | then) column [ASC | DESC])*: "order_dt descending, then order_id"; or null. */
    static List<Expr.Order> orderKeys(Parser p) {
        return keys(p, true);
    }

    /** column ((, | + | and) column)*; a separator not followed by a column is left for what follows ("+ 1000 (offset)"). */
    static List<Expr> columns(Parser p) {
        List<Expr.Order> keys = keys(p, false);
        return keys == null ? null : keys.stream().map(Expr.Order::expr).toList();
    }

    private static List<Expr.Order> keys(Parser p, boolean ordered) {
        List<Expr.Order> out = new ArrayList<>();
        int beforeSeparator = p.mark();
        do {
            if (ordered) {
                p.acceptWord("then");
            }
            int before = p.mark();
            p.acceptWord("the");
            // "the numeric store number": ordered as a number, whatever the column holds
            boolean numeric = ordered && (p.acceptWord("numeric") || p.acceptWord("numerical"));
            if (!numeric) {
                p.reset(before);
            }
            int cleanedAt = p.mark();
            if (ordered && p.acceptWord("cleaned") && (p.peekToken() == null || !p.ctx().namesTargetColumn(p.peekToken().text()))) {
                // "the cleaned course_code": the target's value of that column, as its rule cleans it
                p.reset(cleanedAt);
            }
            Token named = p.peekToken();
            Expr c = ownTargetColumn(p, named, p.column());
            if (c != null && numeric) {
                c = new Expr.Cast(c, io.aide.compiler.plan.SqlType.DOUBLE, true);
            }
            if (c == null) {
                if (out.isEmpty()) {
                    return null;
                }
                p.reset(beforeSeparator);
                break;
            }
            int direction = p.mark();
            if (ordered && !(p.acceptOp(",") && (p.peek(Role.DESCENDING) || p.peek(Role.ASCENDING)))) {
                // "ordered by NDC, ascending": the direction after a comma
                p.reset(direction);
            }
            boolean descending = ordered && p.accept(Role.DESCENDING);
            if (ordered && !descending) {
                p.accept(Role.ASCENDING);
            }
            int first = p.mark();
            if (ordered && p.acceptOp(",")) {
                // "(RETURN_TS, oldest first)": the direction in words after a comma
                p.acceptWord("the");
            }
            Token dir = p.rawPeek();
            if (ordered && dir != null && (LOW_FIRST.contains(dir.norm()) || HIGH_FIRST.contains(dir.norm()))) {
                p.rawNext();
                if (p.acceptWord("first")) {
                    descending = HIGH_FIRST.contains(dir.norm());
                } else {
                    p.reset(first);
                }
            } else {
                p.reset(first);
            }
            out.add(new Expr.Order(c, descending));
            beforeSeparator = p.mark();
        } while (p.acceptOp(",") || p.accept(Role.AND) || (ordered ? p.acceptWord("then") : p.acceptOp("+")));
        return out;
    }

    /**
     * "ordered by crew_id" where crew_id is both a source column and a column of the row's target: the numbers order the
     * target's rows, so the target's value (as its rule cleans it); the column read otherwise.
     */
    private static Expr ownTargetColumn(Parser p, Token named, Expr read) {
        String target = p.ctx().row().targetTable();
        if (!(read instanceof Expr.Col) || named == null || target == null || !p.ctx().namesTargetColumn(named.text())
                || named.text().equalsIgnoreCase(p.ctx().row().targetColumn())) {
            return read;
        }
        Expr own = p.ctx().resolve(target, named.text());
        return own == null ? read : own;
    }
}
