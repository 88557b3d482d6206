package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * Days of the week named in a test:
 * <pre>
 * days := [falls | is | was] [on] [a | the] day {("," | OR | AND | TO | "-" | THROUGH) day}
 * day  := monday .. sunday (also plural and the usual short forms: mon, tue, thu, sat)
 * </pre>
 * "falls on Saturday or Sunday", "on Saturday and Sunday" (the days a value is true on, so "and" lists them too),
 * "Monday to Friday". The test is on the ISO day number (Monday 1 .. Sunday 7), which every dialect has.
 */
final class Weekdays {
    private static final List<String> DAYS = List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday");

    private Weekdays() {
    }

    /** The test that the date is on one of the days said; null (cursor unchanged) when no day is named. */
    static Expr test(Parser p, Expr date) {
        int m = p.mark();
        for (String lead : new String[]{"falls", "fall", "is", "was", "on", "a", "an", "the"}) {
            p.acceptWord(lead);
        }
        TreeSet<Long> days = new TreeSet<>();
        Integer last = spanned(p, days, null);
        if (last == null) {
            p.reset(m);
            return null;
        }
        while (true) {
            int s = p.mark();
            // "Mon-Fri": the lexer joins a hyphenated pair and marks the first word
            boolean range = p.tokens().get(p.mark() - 1).hyphenated() || p.acceptWord("to") || p.acceptWord("through")
                    || p.acceptWord("thru") || p.acceptOp("-");
            if (range && p.tokens().get(p.mark() - 1).hyphenated()) {
                Integer next = spanned(p, days, last);
                if (next == null) {
                    p.reset(s);
                    break;
                }
                last = next;
                continue;
            }
            if (!range && !(p.acceptOp(",") | p.accept(Lexicon.Role.OR) | p.accept(Lexicon.Role.AND))) {
                break;
            }
            p.acceptWord("on");
            Integer next = spanned(p, days, range ? last : null);
            if (next == null) {
                p.reset(s);
                break;
            }
            last = next;
        }
        List<Expr> items = new ArrayList<>();
        days.forEach(d -> items.add(new Expr.Lit(d)));
        Expr day = new Expr.Extract("ISODOW", DateColumns.asDate(p.ctx(), date));
        return items.size() == 1 ? new Expr.Bin("=", day, items.get(0)) : new Expr.InList(day, items, false);
    }

    /**
     * A day ("Friday", "fri") at the cursor, added to {@code days} with the days from {@code from} when the words before
     * said a range; the day read, or null (cursor unchanged).
     */
    private static Integer spanned(Parser p, TreeSet<Long> days, Integer from) {
        Token t = p.peekToken();
        if (t == null || t.kind() != Token.Kind.WORD) {
            return null;
        }
        Integer end = day(t.norm().toLowerCase(Locale.ROOT));
        if (end == null) {
            return null;
        }
        p.next();
        int start = from != null ? from : end;
        for (int d = start; d != end; d = d % 7 + 1) {
            days.add((long) d);
        }
        days.add((long) end);
        return end;
    }

    /** Words that say a day is written out: "full English name", "name in full", "spelled out". */
    private static final java.util.Set<String> NAMING = java.util.Set.of("full", "english", "name", "in", "the", "day", "written",
            "out", "spelled", "spelt", "as", "its", "weekday", "text", "word");

    /**
     * How a day of the week is written, said after "day of the week of x": "full English name", "as the day name",
     * "(Monday … Sunday)" give "%A", "(Mon … Sun)" gives "%a"; null (cursor where it was) when nothing says a name.
     */
    static String namedDay(Parser p) {
        int m = p.mark();
        p.acceptOp(",");
        boolean name = false;
        Token t;
        while ((t = p.rawPeek()) != null && t.kind() == Token.Kind.WORD && NAMING.contains(t.norm())) {
            name |= t.norm().equals("name") || t.norm().equals("spelled") || t.norm().equals("spelt") || t.norm().equals("written");
            p.rawNext();
        }
        String shown = null;
        int bracket = p.mark();
        if (p.acceptOp("(")) {
            Token first = p.rawNext();
            while ((t = p.rawPeek()) != null && !t.op(")") && (t.kind() == Token.Kind.SEP || t.text().equals("…")
                    || t.text().equals("...") || t.op(",") || t.op("-") || t.is(Token.Kind.WORD, "to") || t.is(Token.Kind.WORD, "through"))) {
                p.rawNext();
            }
            Token last = p.rawNext();
            if (first != null && last != null && first.kind() == Token.Kind.WORD && last.kind() == Token.Kind.WORD
                    && day(first.norm()) != null && day(last.norm()) != null && p.acceptOp(")")) {
                shown = first.norm().length() <= 3 ? "%a" : "%A";
            } else {
                p.reset(bracket);
            }
        }
        if (shown == null && !name) {
            p.reset(m);
            return null;
        }
        Token after = p.peekToken();
        if (after != null && after.kind() != Token.Kind.SEP && !after.op(",")) {
            p.reset(m);
            return null;
        }
        return shown != null ? shown : "%A";
    }

    /** The ISO number of a day's name or short form (three to five letters: mon, tues, thurs), or null. */
    private static Integer day(String word) {
        String w = word.endsWith("s") && word.length() > 6 ? word.substring(0, word.length() - 1) : word;
        for (int i = 0; i < DAYS.size(); i++) {
            String d = DAYS.get(i);
            if (w.equals(d) || w.length() >= 3 && w.length() <= 5 && d.startsWith(w)) {
                return i + 1;
            }
        }
        return null;
    }

    /**
     * Days from start to end that fall Monday to Friday, the start not counted (as "days between" counts): on the
     * days start..end both counted, all days less two per Sunday-to-Saturday week boundary crossed, less a start on a
     * Sunday and an end on a Saturday; then less the start itself where it is a weekday. An end before the start
     * counts back (negative).
     */
    static Expr between(Expr start, Expr end) {
        return new Expr.Case(List.of(new Expr.When(new Expr.Bin(">=", end, start), counted(start, end))),
                new Expr.Neg(counted(end, start)));
    }

    private static Expr counted(Expr start, Expr end) {
        Expr one = new Expr.Lit(1L);
        Expr days = new Expr.Bin("+", new Expr.DateDiff(start, end), one);
        // Sunday-based weeks: the Monday-based week of the next day
        Expr boundaries = new Expr.Bin("/", new Expr.DateDiff(sundayWeek(start), sundayWeek(end)), new Expr.Lit(7L));
        Expr startSunday = flag(new Expr.Bin("=", new Expr.Extract("ISODOW", start), new Expr.Lit(7L)));
        Expr endSaturday = flag(new Expr.Bin("=", new Expr.Extract("ISODOW", end), new Expr.Lit(6L)));
        Expr startWeekday = flag(new Expr.Bin("<=", new Expr.Extract("ISODOW", start), new Expr.Lit(5L)));
        Expr inclusive = new Expr.Bin("-", new Expr.Bin("-", new Expr.Bin("-", days,
                new Expr.Bin("*", boundaries, new Expr.Lit(2L))), startSunday), endSaturday);
        return new Expr.Bin("-", inclusive, startWeekday);
    }

    private static Expr sundayWeek(Expr date) {
        return new Expr.TruncDate("WEEK", new Expr.DateAdd(date, new Expr.Lit(1L), "DAY"));
    }

    private static Expr flag(Expr test) {
        return new Expr.Case(List.of(new Expr.When(test, new Expr.Lit(1L))), new Expr.Lit(0L));
    }
}
