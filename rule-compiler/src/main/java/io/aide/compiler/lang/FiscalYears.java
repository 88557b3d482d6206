package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;

import java.util.List;
import java.util.Locale;

/**
 * A fiscal year, chained like the other date operations:
 * <pre>
 * fiscal := [the] (fiscal | financial) year [OF column] ["("] [the] [fiscal year] (starts | starting | begins |
 *           beginning) [in | on] month [naming] [")"] [naming]
 * naming := [named | labelled | numbered] [by | after] [the] [calendar] year [in which] it (ends | starts | begins)
 * </pre>
 * "Fiscal year of hire date (fiscal year starts in July, named by the year it ends)". Where the year starts in January
 * it is the calendar year. Otherwise which calendar year gives the fiscal year its number must be said: organisations
 * differ (the US federal year and most companies name it by the year it ends, some by the year it starts), so the rule
 * is flagged with that question rather than guessed.
 */
final class FiscalYears {
    private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december");

    private FiscalYears() {
    }

    static Copies.Operation fiscalYear(Parser p) {
        int m = p.mark();
        p.acceptWord("the");
        if (!(p.acceptWord("fiscal") || p.acceptWord("financial")) || !(p.acceptWord("year") || p.acceptWord("yr"))) {
            p.reset(m);
            return null;
        }
        Expr column = DateSubjects.ofOrFromColumn(p);
        boolean paren = p.acceptOp("(");
        if (!paren) {
            p.acceptOp(",");
        }
        p.acceptWord("the");
        if (p.acceptWord("fiscal") || p.acceptWord("financial")) {
            p.acceptWord("year");
        }
        if (!(p.acceptWord("starts") || p.acceptWord("starting") || p.acceptWord("begins") || p.acceptWord("beginning")
                || p.acceptWord("start") || p.acceptWord("begin"))) {
            p.reset(m);
            return null;
        }
        if (!p.acceptWord("in")) {
            p.acceptWord("on");
        }
        Token month = p.next();
        int start = month == null ? -1 : monthNumber(month.norm());
        if (start < 1) {
            p.reset(m);
            return null;
        }
        p.acceptOp(",");
        Boolean byEnd = naming(p);
        if (paren && !p.acceptOp(")")) {
            p.reset(m);
            return null;
        }
        if (byEnd == null) {
            p.acceptOp(",");
            byEnd = naming(p);
        }
        if (start == 1) {
            return new Copies.Operation(x -> new Expr.Extract("YEAR", x), column);
        }
        if (byEnd == null) {
            p.problem("a fiscal year starting in " + month.text() + " is named by the calendar year it starts in or the one it "
                    + "ends in: say which ('named by the year it ends')");
            return null;
        }
        long first = start;
        boolean end = byEnd;
        // named by its end: dates from the first month on belong to the next calendar year's number; by its start: dates
        // before the first month belong to the previous one's
        return new Copies.Operation(x -> new Expr.Bin(end ? "+" : "-", new Expr.Extract("YEAR", x), new Expr.Case(List.of(
                new Expr.When(new Expr.Bin(end ? ">=" : "<", new Expr.Extract("MONTH", x), new Expr.Lit(first)),
                        new Expr.Lit(1L))), new Expr.Lit(0L))), column);
    }

    /** TRUE for "named by the year it ends", FALSE for "... it starts"; null (cursor unchanged) when not said. */
    private static Boolean naming(Parser p) {
        int m = p.mark();
        boolean verb = p.acceptWord("named") || p.acceptWord("labelled") || p.acceptWord("labeled") || p.acceptWord("numbered")
                || p.acceptWord("called");
        if (!(p.acceptWord("by") || p.acceptWord("after") || p.acceptWord("for")) && !verb) {
            p.reset(m);
            return null;
        }
        p.acceptWord("by");
        p.acceptWord("the");
        p.acceptWord("calendar");
        if (!p.acceptWord("year")) {
            p.reset(m);
            return null;
        }
        p.acceptWord("in");
        p.acceptWord("which");
        p.acceptWord("it");
        if (p.acceptWord("ends") || p.acceptWord("end") || p.acceptWord("finishes")) {
            return true;
        }
        if (p.acceptWord("starts") || p.acceptWord("start") || p.acceptWord("begins") || p.acceptWord("begin")) {
            return false;
        }
        p.reset(m);
        return null;
    }

    private static int monthNumber(String word) {
        for (int i = 0; i < MONTHS.size(); i++) {
            if (MONTHS.get(i).equals(word) || word.length() >= 3 && MONTHS.get(i).startsWith(word)) {
                return i + 1;
            }
        }
        return word.toLowerCase(Locale.ROOT).matches("\\d{1,2}") ? Integer.parseInt(word) : -1;
    }
}
