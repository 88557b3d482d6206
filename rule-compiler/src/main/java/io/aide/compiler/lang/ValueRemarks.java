package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Words after a rule that describe the value it gives, borne out by that value: the range of a date part ("Hour of
 * checkin_ts, 0-23", "Month of d (1–12)") and the case of a day or month name ("Full weekday name of d, first letter
 * capital"). The rule is read without them only when the value is that part or that name; a range that does not fit
 * ("Day of week of d, 1-7" read as 0..6) leaves the words unread, and the rule flagged.
 * <pre>
 * remark := ["," | "("] NUMBER ("-" | "–" | "to") NUMBER [")"]        the part's range
 *         | ["," | "("] (first letter capital | capitalised | title case | capitalized) [")"]   a name's case
 * </pre>
 */
final class ValueRemarks {

    private ValueRemarks() {
    }

    /** The range each date part takes. */
    private static final Map<String, long[]> RANGES = Map.of("HOUR", new long[]{0, 23}, "MINUTE", new long[]{0, 59},
            "SECOND", new long[]{0, 59}, "MONTH", new long[]{1, 12}, "DAY", new long[]{1, 31}, "QUARTER", new long[]{1, 4},
            "ISODOW", new long[]{1, 7}, "DOW", new long[]{0, 6}, "ISOWEEK", new long[]{1, 53});

    /** Words for the case a day or month name is written in by the date format ("Monday", "January"). */
    private static final List<List<String>> TITLE = List.of(List.of("first", "letter", "capital"), List.of("first", "letter",
            "capitalised"), List.of("first", "letter", "capitalized"), List.of("capitalised"), List.of("capitalized"),
            List.of("title", "case"), List.of("initial", "capital"));

    /** The rule read without the remark at its end, when its value bears the remark out; null otherwise. */
    static Recognition without(List<Token> tokens, Function<List<Token>, Recognition> rest) {
        int end = tokens.size();
        while (end > 0 && tokens.get(end - 1).kind() == Token.Kind.SEP) {
            end--;
        }
        boolean bracket = end > 0 && tokens.get(end - 1).op(")");
        int last = bracket ? end - 1 : end;
        long[] range = range(tokens, last);
        int names = bracket && range == null ? namedRange(tokens, last) : 0;
        int start = range != null ? last - 3 : names > 0 ? last - names : last - titleWords(tokens, last);
        if (start == last || start < 1) {
            return null;
        }
        if (bracket) {
            if (!tokens.get(start - 1).op("(")) {
                return null;
            }
            start--;
        } else if (!tokens.get(start - 1).op(",")) {
            return null;
        } else {
            start--;
        }
        if (start < 1) {
            return null;
        }
        Recognition before = rest.apply(tokens.subList(0, start));
        if (!(before instanceof Recognition.Recognized)) {
            // "..., first letter capital (Monday ... Sunday)": one remark after another
            before = without(tokens.subList(0, start), rest);
        }
        if (!(before instanceof Recognition.Recognized ok)) {
            return null;
        }
        Expr value = ok.expr();
        while (value instanceof Expr.Cast c) {
            value = c.expr();
        }
        boolean borne = range != null ? value instanceof Expr.Extract x && RANGES.containsKey(x.part())
                && RANGES.get(x.part())[0] == range[0] && RANGES.get(x.part())[1] == range[1]
                : names > 0 ? value instanceof Expr.FormatDate named && (DAYS.contains(tokens.get(last - 1).text()) ? "%A" : "%B")
                .equals(named.strftime())
                : value instanceof Expr.FormatDate f && List.of("%A", "%B", "%a", "%b").contains(f.strftime());
        return borne ? new Recognition.Recognized(ok.expr(), ok.lookupTable(), ok.accepted(), ok.note() + " (its range or case said)",
                ok.keepUnmatched()) : null;
    }

    private static final java.util.Set<String> DAYS = java.util.Set.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday");
    private static final java.util.Set<String> MONTHS = java.util.Set.of("January", "February", "March", "April", "May", "June",
            "July", "August", "September", "October", "November", "December");

    /**
     * "(Monday ... Sunday)", "(January – December)" ending before {@code end}, the names written as the date format
     * writes them: how many tokens, or 0.
     */
    private static int namedRange(List<Token> tokens, int end) {
        if (end < 3) {
            return 0;
        }
        Token first = tokens.get(end - 3);
        Token between = tokens.get(end - 2);
        Token lastName = tokens.get(end - 1);
        boolean days = DAYS.contains(first.text()) && DAYS.contains(lastName.text());
        boolean months = MONTHS.contains(first.text()) && MONTHS.contains(lastName.text());
        boolean dots = between.text().equals("...") || between.text().equals("\u2026") || between.kind() == Token.Kind.SEP
                && between.text().equals(".") || between.op("-") || between.op("–")
                || between.is(Token.Kind.WORD, "to");
        return (days || months) && dots ? 3 : 0;
    }

    /** "0-23", "1–12", "1 to 7" ending before {@code end}: the two numbers, or null. */
    private static long[] range(List<Token> tokens, int end) {
        if (end < 3) {
            return null;
        }
        Token from = tokens.get(end - 3);
        Token dash = tokens.get(end - 2);
        Token to = tokens.get(end - 1);
        if (from.kind() != Token.Kind.NUMBER || to.kind() != Token.Kind.NUMBER
                || !(dash.op("-") || dash.op("–") || dash.op("—") || dash.is(Token.Kind.WORD, "to"))) {
            return null;
        }
        try {
            return new long[]{Long.parseLong(from.text()), Long.parseLong(to.text())};
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** How many words before {@code end} say a name's case, or 0. */
    private static int titleWords(List<Token> tokens, int end) {
        for (List<String> words : TITLE) {
            int n = words.size();
            if (end - n < 0) {
                continue;
            }
            boolean all = true;
            for (int i = 0; i < n && all; i++) {
                all = tokens.get(end - n + i).is(Token.Kind.WORD, words.get(i));
            }
            if (all) {
                return n;
            }
        }
        return 0;
    }
}
