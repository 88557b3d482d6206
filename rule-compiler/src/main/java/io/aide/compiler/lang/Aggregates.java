package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An aggregate in prose: "sum of amount", "total amount", "number of distinct customer_id", "count of records",
 * "Count of the customer's orders", "Sum of payment amount in dollars (amount / 100) where payment_method = 'coupon'",
 * "Earliest order_date of the customer's orders (MIN)". The grain comes from the rule's "per / for each / by / group by
 * names" (taken out of the rule by the planner's StatedGrain and made the target's GROUP BY) or from a note; without
 * one the target is grouped by its other columns, as for an aggregate written in SQL.
 * <pre>
 * aggregate := [SET] function [DISTINCT] [OF] argument {qualifier} [hint]
 * function  := AGG_SUM | AGG_COUNT | AGG_MAX | AGG_MIN | AGG_AVG
 *            | EARLIEST | LATEST                      -- MIN / MAX of a date or number, or with a matching hint
 * argument  := "(" expression ")" | expression with operators | column | RECORDS_WORD | described
 * described := {ALL | table noun | column | 's | OF}   -- "all payments of all the customer's orders"
 * qualifier := [IN] unit "(" expression ")"           -- "in dollars (amount / 100)": the formula is the argument
 *            | "(" expression ")" | WHERE condition   -- a filter: CASE WHEN condition THEN argument END
 *            | (OF | "for") described                -- "of the customer's orders", "for the customer": the grain's rows
 * hint      := "(" function ")"                       -- "(MIN)": must agree with the function
 * </pre>
 * A table noun is a word naming a table of the row (its source or target table, or one its join cell names), in the
 * singular or the plural, without prefixes such as raw_ or stg_; such words say what is aggregated, the row's source
 * column is the argument. A cell it cannot read whole is left to the other families, except what it knows is wrong
 * ("max of a and b" is not an aggregate).
 */
public final class Aggregates implements Recognizer {

    @Override
    public Recognition recognize(Parser p) {
        int start = p.mark();
        p.accept(Role.SET);
        String fn = function(p);
        boolean ordinal = false;
        if (fn == null) {
            ordinal = true;
            fn = p.accept(Role.EARLIEST) ? "MIN" : p.accept(Role.LATEST) ? "MAX" : null;
        }
        if (fn == null) {
            p.reset(start);
            return Recognition.NOT_MINE;
        }
        boolean distinct = p.accept(Role.DISTINCT_VALUES);
        p.accept(Role.FROM);
        int star = p.mark();
        // "COUNT(*)": the rows themselves
        boolean everyRow = fn.equals("COUNT") && !distinct && p.acceptOp("(") && p.acceptOp("*") && p.acceptOp(")");
        if (!everyRow) {
            p.reset(star);
        }
        Expr arg = everyRow ? null : Expressions.parenthesised(p);
        if (arg == null && !everyRow) {
            arg = arithmetic(p);
        }
        boolean records = false;
        boolean described = false;
        Expr codeFilter = null;
        if (arg == null) {
            if (everyRow || fn.equals("COUNT") && !distinct && p.accept(Role.RECORDS_WORD)) {
                records = true;
            } else if (p.atEnd() || groupScope(p) && p.atEnd()) {
                // "Sum", "Sum at grain": the row's own source column, over the rows of the target's grain
                described = true;
            } else {
                int m = p.mark();
                arg = p.column();
                if (arg != null && (p.peek(Role.AND) || p.peek(Role.OR) || p.peekToken() != null && p.peekToken().op(","))
                        && (fn.equals("MAX") || fn.equals("MIN"))) {
                    p.accept(Role.AND);
                    p.accept(Role.OR);
                    p.acceptOp(",");
                    if (p.operand() != null && p.atEnd()) {
                        return new Recognition.Flagged("the larger or smaller of two values is not an aggregation; write it as "
                                + "SQL with GREATEST or LEAST (they treat NULL differently per dialect)");
                    }
                    p.reset(start);
                    return Recognition.NOT_MINE;
                }
                p.reset(m);
                codeFilter = codeQualifier(p, null);
                RowTables.Described d = RowTables.described(p);
                if (d == null) {
                    p.reset(start);
                    return Recognition.NOT_MINE;
                }
                arg = d.column();
                described = d.column() == null;
            }
        }
        Expr filter = codeFilter;
        String hint = null;
        while (!p.atEnd()) {
            int m = p.mark();
            Expr formula = formula(p);
            if (formula != null) {
                arg = formula;
                described = false;
                continue;
            }
            p.reset(m);
            Expr converted = arg == null ? null : converted(p, arg);
            if (converted != null) {
                // "Sum of MS_PLAYED converted to minutes (/ 60000)": each value scaled, which the total is too
                arg = converted;
                described = false;
                continue;
            }
            p.reset(m);
            String h = hint(p);
            if (h != null) {
                if (hint != null) {
                    p.reset(start);
                    return Recognition.NOT_MINE;
                }
                hint = h;
                continue;
            }
            p.reset(m);
            if (filter == null && (p.accept(Role.WHERE) || p.acceptWord("with") && p.peekToken() != null
                    && p.peekToken().nameLike() && !(p.peekToken().kind() == Token.Kind.WORD && p.peekToken().norm().equals("a")))) {
                filter = p.condition();
                if (filter == null && ordinal) {
                    // "First name with the first letter capitalised": "first" was no aggregate
                    p.reset(start);
                    return Recognition.NOT_MINE;
                }
                if (filter == null) {
                    return p.notUnderstood();
                }
                continue;
            }
            p.reset(m);
            if (groupScope(p)) {
                // "... in the group", "... at grain": the rows the target's grain gathers, as any aggregate's
                continue;
            }
            Token scope = p.peekToken();
            if (scope != null && scope.is(Token.Kind.WORD, "for")) {
                // "for the customer": the rows of one customer, as the grain says
                p.next();
                p.accept(Role.ALL);
            }
            Expr scoped = scope != null && scope.is(Token.Kind.WORD, "for") && filter == null ? codeQualifier(p, arg) : null;
            if (scoped != null) {
                // "Sum of duration_sec for VOICE events": the rows of that code only
                filter = scoped;
            }
            if ((scope != null && scope.is(Token.Kind.WORD, "for") || p.accept(Role.FROM)) && RowTables.described(p) != null) {
                // "of the customer's orders": says which rows are aggregated, as the join cell does
                continue;
            }
            p.reset(start);
            return Recognition.NOT_MINE;
        }
        if (hint != null && !hint.equals(fn)) {
            return new Recognition.Flagged("the rule's words ask for " + fn + " but its hint says " + hint);
        }
        if (fn.equals("SUM") && filter == null && hint == null && additionOfColumns(arg)) {
            // "Sum of room_chg + pharm_chg + lab_chg": the columns of one row added, not an aggregation of rows
            return new Recognition.Recognized(arg, null, List.of(), "a sum of the row's columns");
        }
        if (described || arg == null && !records) {
            arg = null;
            if (p.ctx().sources().size() == 1) {
                arg = p.ctx().sources().get(0);
            } else if (!fn.equals("COUNT")) {
                return new Recognition.Flagged("which column to " + fn.toLowerCase(Locale.ROOT) + " is not said and the row names "
                        + p.ctx().sources().size() + " source columns");
            }
        }
        if (ordinal && hint == null && !ordered(arg, p)) {
            // "latest status" is the status of the latest row, not the largest status
            p.reset(start);
            return Recognition.NOT_MINE;
        }
        if (fn.equals("COUNT") && filter == null && hint == null && !distinct && arg instanceof Expr.Col c
                && (ColumnWords.holdsACount(c.column()) || ColumnWords.namesCountedThings(c.column()))) {
            // "Number of seats" over seat_cnt, "Number of bedrooms" over beds: the row's column already holds the number
            return new Recognition.Recognized(arg, null, List.of(), "the column holding the number");
        }
        Expr value = filter == null ? arg : new Expr.Case(List.of(new Expr.When(filter, arg == null ? new Expr.Lit(1L) : arg)), null);
        return new Recognition.Recognized(new Expr.Agg(fn, value, distinct), null, List.of(),
                "aggregate " + fn + (filter == null ? "" : " of the rows where the condition holds"));
    }

    private static final java.util.Set<String> GROUP_WORDS = java.util.Set.of("grain", "group", "grouping", "level");

    /**
     * "at grain", "in the group", "per group", "at the target grain": the rows the aggregate runs over are the grain's,
     * as it is for every aggregate (cursor after the words, true), or false (cursor unchanged).
     */
    private static boolean groupScope(Parser p) {
        int m = p.mark();
        Token at = p.peekToken();
        if (at == null || at.kind() != Token.Kind.WORD || !java.util.Set.of("at", "in", "per", "for", "over", "across", "within")
                .contains(at.norm())) {
            return false;
        }
        p.next();
        while (p.peekToken() != null && p.peekToken().kind() == Token.Kind.WORD && java.util.Set.of("the", "each", "this", "that",
                "its", "target", "table's", "stated").contains(p.peekToken().norm())) {
            p.next();
        }
        Token noun = p.peekToken();
        if (noun != null && noun.kind() == Token.Kind.WORD && GROUP_WORDS.contains(noun.norm())) {
            p.next();
            return true;
        }
        p.reset(m);
        return false;
    }

    /**
     * "VOICE events", "'FEE' transactions": a code before the noun naming the rows counts only the rows whose one other
     * text column holds it; the condition (cursor after the code), or null (cursor unchanged).
     */
    private static Expr codeQualifier(Parser p, Expr aggregated) {
        int m = p.mark();
        Token code = p.rawPeek();
        if (code == null || !(code.kind() == Token.Kind.STRING || code.kind() == Token.Kind.WORD
                && code.text().matches("[A-Z][A-Z0-9_]{1,11}") && !(p.ctx().resolve(null, code.text()) instanceof Expr.Col))) {
            return null;
        }
        p.rawNext();
        Token noun = p.rawPeek();
        List<Expr.Col> texts = p.ctx().sources().stream().filter(c -> !c.equals(aggregated)).filter(c -> {
            SqlType t = p.ctx().typeOf(c);
            return !t.known() || t.kind() == SqlType.Kind.VARCHAR;
        }).toList();
        if (noun == null || noun.kind() != Token.Kind.WORD || !RowTables.names(RowTables.of(p.ctx().row()), noun.text())
                || texts.size() != 1) {
            p.reset(m);
            return null;
        }
        return new Expr.Bin("=", texts.get(0), new Expr.Lit(code.text()));
    }

    /**
     * An operation after the aggregated value that scales it by a positive number ("converted to minutes", "divided by
     * 1000", "in thousands"): the scaled value (cursor after it), or null (cursor unchanged). Any other operation is
     * left unread: applied to each value or to the result, it would give another number.
     */
    private static Expr converted(Parser p, Expr arg) {
        int m = p.mark();
        p.acceptOp(",");
        Copies.Operation op = Copies.operation(p);
        Expr out = op == null || op.kind() != Copies.Kind.VALUE ? null : op.apply().apply(arg);
        if (out == null || !scaled(out, arg)) {
            p.reset(m);
            return null;
        }
        return out;
    }

    private static boolean scaled(Expr e, Expr arg) {
        Expr x = e instanceof Expr.Cast c ? c.expr() : e;
        if (!(x instanceof Expr.Bin b) || !(b.op().equals("*") || b.op().equals("/"))) {
            return false;
        }
        Expr value = b.left() instanceof Expr.Cast c ? c.expr() : b.left();
        Expr by = b.right() instanceof Expr.Cast c ? c.expr() : b.right();
        return value.equals(arg) && by instanceof Expr.Lit l && l.value() instanceof Number n && n.doubleValue() > 0;
    }

    private static String function(Parser p) {
        if (p.accept(Role.AGG_SUM)) {
            return "SUM";
        }
        if (p.accept(Role.AGG_COUNT)) {
            return "COUNT";
        }
        if (p.accept(Role.AGG_MAX)) {
            return "MAX";
        }
        if (p.accept(Role.AGG_MIN)) {
            return "MIN";
        }
        if (p.accept(Role.AGG_AVG)) {
            return "AVG";
        }
        return null;
    }

    /**
     * "amount / 100", "qty * unit_price": an expression written with operator symbols, up to a filter, a hint or the
     * end; null (cursor unchanged) when the words there hold no operator or do not parse.
     */
    private static Expr arithmetic(Parser p) {
        int m = p.mark();
        List<Token> tokens = new ArrayList<>();
        boolean operator = false;
        while (!p.atEnd() && !p.peek(Role.WHERE) && !p.peek(Role.PER)) {
            Token t = p.rawNext();
            if (t.kind() == Token.Kind.SEP) {
                break;
            }
            operator |= t.kind() == Token.Kind.OP && List.of("+", "-", "*", "/").contains(t.text());
            tokens.add(t);
        }
        Expr e = operator ? Expressions.parse(Expressions.text(tokens), p) : null;
        if (e == null || Expr.columns(e).isEmpty()) {
            p.reset(m);
            return null;
        }
        return e;
    }

    /** Two or more distinct columns joined by "+" only. */
    private static boolean additionOfColumns(Expr e) {
        List<Expr> terms = new ArrayList<>();
        java.util.ArrayDeque<Expr> todo = new java.util.ArrayDeque<>(List.of(e == null ? new Expr.Lit(0L) : e));
        while (!todo.isEmpty()) {
            Expr x = todo.pop();
            if (x instanceof Expr.Bin b && b.op().equals("+")) {
                todo.push(b.right());
                todo.push(b.left());
            } else {
                terms.add(x);
            }
        }
        return terms.size() >= 2 && terms.stream().allMatch(t -> t instanceof Expr.Col) && terms.stream().distinct().count() == terms.size();
    }

    /** "(MIN)": the function the analyst names beside the words. */
    private static String hint(Parser p) {
        if (!p.acceptOp("(")) {
            return null;
        }
        String fn = function(p);
        return fn != null && p.acceptOp(")") ? fn : null;
    }

    /** "[in dollars] (amount / 100)": the formula of the value aggregated; a unit alone says nothing computable. */
    private static Expr formula(Parser p) {
        int m = p.mark();
        p.accept(Role.IN_COLUMN);
        if (p.phrase(PhraseTable.UNITS) != null) {
            Expr e = Expressions.parenthesised(p);
            if (e == null) {
                p.problem("the unit is named but not how to convert to it; write the formula, e.g. (amount / 100)");
            }
            return e;
        }
        p.reset(m);
        return Expressions.parenthesised(p);
    }

    /** The argument is a date or a number: its earliest and latest values are its MIN and MAX. */
    private static boolean ordered(Expr arg, Parser p) {
        SqlType t = arg instanceof Expr.Col c ? p.ctx().typeOf(c) : SqlType.UNKNOWN;
        SqlType target = p.targetType();
        return t.known() && (t.numeric() || t.temporal()) || !t.known() && target.known() && target.temporal();
    }

    /**
     * A grain's words name a column: the phrase's last word ("month" of "calendar month") is a part of the column's name
     * or a short form of one ("dept" of dept_code for "department").
     */
    public static boolean namesColumn(String column, String phrase) {
        String[] words = phrase.trim().split("\\s+");
        String last = words[words.length - 1];
        if (last.length() < 3) {
            return false;
        }
        for (String part : ColumnWords.parts(column)) {
            if (PhraseTable.abbreviates(part, last)) {
                return true;
            }
        }
        return false;
    }

    /** The rule starts with an aggregate word: its "per x" states the grain (read by the planner before compiling). */
    public static boolean leads(String rule) {
        List<Token> tokens = Lexer.tokens(rule);
        Lexicon lexicon = Lexicon.standard();
        int i = lexicon.match(Role.SET, tokens, 0);
        for (Role r : new Role[]{Role.AGG_SUM, Role.AGG_COUNT, Role.AGG_MAX, Role.AGG_MIN, Role.AGG_AVG}) {
            if (lexicon.match(r, tokens, i) > 0) {
                return true;
            }
        }
        return false;
    }
}
