package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;

import java.util.List;

/**
 * An aggregate in prose: "sum of amount", "total amount", "number of distinct customer_id", "count of records",
 * "maximum order_date". The grain comes from the rule's "per / for each / by / group by names" (taken out of the rule
 * by the planner's StatedGrain and made the target's GROUP BY) or from a note; without one the target is grouped by
 * its other columns, as for an aggregate written in SQL.
 * <pre>
 * aggregate := [SET] (AGG_SUM | AGG_COUNT | AGG_MAX | AGG_MIN | AGG_AVG) [DISTINCT] [OF] (column | RECORDS_WORD)
 * </pre>
 * A cell it cannot read whole is left to the other families (it never flags: "number of days from ..." is not a count).
 */
public final class Aggregates implements Recognizer {

    @Override
    public Recognition recognize(Parser p) {
        int start = p.mark();
        p.accept(Role.SET);
        String fn = function(p);
        if (fn == null) {
            p.reset(start);
            return Recognition.NOT_MINE;
        }
        boolean distinct = p.accept(Role.DISTINCT_VALUES);
        p.accept(Role.FROM);
        Expr arg;
        if (fn.equals("COUNT") && !distinct && p.accept(Role.RECORDS_WORD)) {
            arg = null;
        } else {
            arg = p.column();
            if (arg == null) {
                p.reset(start);
                return Recognition.NOT_MINE;
            }
        }
        if (!p.atEnd()) {
            p.reset(start);
            return Recognition.NOT_MINE;
        }
        return new Recognition.Recognized(new Expr.Agg(fn, arg, distinct), null, List.of(), "aggregate " + fn);
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
