package io.aide.compiler.lang;

import io.aide.compiler.lang.Copies.Operation;
import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;

import java.util.ArrayList;
import java.util.List;

/**
 * Dates. Values of their own (today, now, ages, time between two dates: {@link DateValues}) and operations on a
 * value (chained like any other, see {@link Copies}):
 * <pre>
 * operation := {DATE_PARSE | DATE_FORMAT | CAST | DATE_NOUN | FROM | type} pattern {... pattern ...}   see {@link PatternOperations}
 *            | [EXTRACT] part [(FROM | OF) column]                                    year, quarter, month, day, hour...
 *            | [CAST] DATE_KEY [(FROM | OF) column]                                    yyyymmdd integer
 *            | (MONTH_END | PERIOD_END period) [step] [subject]                         see {@link Periods}
 *            | (PLUS | MINUS) number unit [(TO | FROM) column] | number unit (BEFORE | AFTER) column
 *            | MINUS column (IN | AS) unit                                               "a - b in days"
 *            | [CAST] [FROM] EPOCH [seconds | milliseconds]
 *            | [CAST] [column] FROM zone TO zone                                        see {@link TimeZones}
 *            | fiscal year [OF column] (starting month, named by the year it ends/starts) see {@link FiscalYears}
 * </pre>
 * A pattern is analyst notation (DD/MM/YYYY, 'YYYYMMDD', dd-Mon-yyyy, yyyy-mm-dd hh:mi:ss) or strftime (%d-%b-%y).
 * One pattern parses text into a date/timestamp target and formats a date into a text target; with two, the one after
 * "from" is the input. Whether a single pattern is the input's or the output's must follow from the words, the target
 * type or the source type; otherwise the rule is flagged.
 */
final class Dates implements Recognizer {

    @Override
    public Recognition recognize(Parser p) {
        p.acceptOp("=");
        p.accept(Role.SET);
        Expr v = DateValues.value(p);
        if (v == null) {
            return p.problem() != null ? p.notUnderstood() : Recognition.NOT_MINE;
        }
        int m = p.mark();
        if (p.acceptOp("=") || p.accept(Role.SET)) {
            // "Load date = current date": the first names the column, the second is its value
            Expr second = DateValues.value(p);
            if (second != null) {
                v = second;
            } else {
                p.reset(m);
            }
        }
        while (!p.atEnd()) {
            // "hours between a and b, 2 decimals": operations on the value, chained as for any other
            int o = p.mark();
            if (!p.acceptOp(",")) {
                p.acceptSeparator();
            }
            Operation op = Copies.operation(p);
            if (op == null || op.column() != null) {
                p.reset(o);
                break;
            }
            v = op.apply().apply(v);
        }
        if (!p.atEnd()) {
            // "today is between a and b": a date value that other wording continues is another family's
            return p.problem() != null ? p.notUnderstood() : Recognition.NOT_MINE;
        }
        return new Recognition.Recognized(v, null, List.of(), "date value");
    }

    // ------------------------------------------------------------------ operations

    static Operation operation(Parser p) {
        int m = p.mark();
        for (java.util.function.Function<Parser, Operation> production : List.<java.util.function.Function<Parser, Operation>>of(
                TimeZones::convert, FiscalYears::fiscalYear, DateLayouts::layout, Periods::start, Periods::end, Periods::weekday, PatternOperations::pattern, Dates::datePart, Dates::dateKey, Dates::shift, Dates::epoch)) {
            Operation op = production.apply(p);
            if (op != null) {
                return op;
            }
            p.reset(m);
        }
        return null;
    }

    /** "(1 = Monday)", "(1 = Sunday)": the weekday numbered 1, TRUE for Sunday; null (cursor unchanged) when not said. */
    private static Boolean firstDay(Parser p) {
        int m = p.mark();
        boolean paren = p.acceptOp("(");
        Token one = p.next();
        if (one == null || !one.text().equals("1") || !(p.acceptOp("=") || p.acceptWord("is"))) {
            p.reset(m);
            return null;
        }
        Token day = p.next();
        if (day == null || !(day.is(Token.Kind.WORD, "monday") || day.is(Token.Kind.WORD, "sunday")) || paren && !p.acceptOp(")")) {
            p.reset(m);
            return null;
        }
        return day.norm().equals("sunday");
    }

    /** [the] date-word part: "the call hour", "Enrollment year" -- a part of the date column the word names; null (cursor unchanged). */
    private static Expr.Extract partAfterDate(Parser p) {
        int m = p.mark();
        p.acceptWord("the");
        Expr.Col dated = p.dateNamedByWord();
        String part = dated == null ? null : p.accept(Role.DATE_YEAR) ? "YEAR" : p.accept(Role.DATE_QUARTER) ? "QUARTER"
                : p.accept(Role.DATE_MONTH) ? "MONTH" : p.accept(Role.DATE_HOUR) ? "HOUR" : null;
        if (part == null) {
            p.reset(m);
            return null;
        }
        return new Expr.Extract(part, dated);
    }

    /** "the hour of evt_ts", "year of ship_dt": a part of a named date as a value to compare; null (cursor unchanged). */
    static Expr partOfColumn(Parser p) {
        int m = p.mark();
        p.acceptWord("the");
        Expr.Extract named = partAfterDate(p);
        if (named != null) {
            return named;
        }
        Operation op = datePart(p);
        // "days in period is 0" over days_in_period: a part of a date is of a column that holds one
        if (op != null && op.column() != null && (!(op.column() instanceof Expr.Col c) || DateColumns.dated(p.ctx(), c))) {
            Expr part = op.apply().apply(op.column());
            if (part instanceof Expr.Extract) {
                return part;
            }
        }
        p.reset(m);
        return null;
    }

    /**
     * "(JAN, FEB, ...)", "(mon, tue)": examples of names in parentheses, consumed; TRUE when written in capitals, FALSE in
     * lower case, null (cursor unchanged) when there are none or they are capitalised as the format gives them.
     */
    private static Boolean exampleCase(Parser p) {
        int m = p.mark();
        if (!p.acceptOp("(")) {
            return null;
        }
        p.accept(Role.EXAMPLE);
        List<String> words = new java.util.ArrayList<>();
        while (p.peekToken() != null && !p.peekToken().op(")")) {
            Token t = p.rawNext();
            if (t.kind() == Token.Kind.WORD && t.text().matches("[A-Za-z]{2,}")) {
                words.add(t.text());
            } else if (!t.op(",") && t.kind() != Token.Kind.SEP) {
                p.reset(m);
                return null;
            }
        }
        if (words.isEmpty() || !p.acceptOp(")")) {
            p.reset(m);
            return null;
        }
        if (words.stream().allMatch(w -> w.equals(w.toUpperCase(java.util.Locale.ROOT)))) {
            return true;
        }
        if (words.stream().allMatch(w -> w.equals(w.toLowerCase(java.util.Locale.ROOT)))) {
            return false;
        }
        p.reset(m);
        return null;
    }

    private static Operation datePart(Parser p) {
        Operation period = yearAndMonth(p);
        if (period != null) {
            return period;
        }
        boolean verb = p.accept(Role.EXTRACT);
        for (Role r : new Role[]{Role.MONTH_ABBREV, Role.DAY_ABBREV, Role.MONTH_NAME, Role.DAY_NAME}) {
            if (p.accept(r)) {
                // "Month name of ship_date", "abbreviated month of d": the name written out or shortened, as the
                // dialect's date format gives it; examples in capitals after it ("(JAN, FEB, ...)") ask for capitals
                String fmt = r == Role.MONTH_NAME ? "%B" : r == Role.DAY_NAME ? "%A" : r == Role.MONTH_ABBREV ? "%b" : "%a";
                Expr column = verb ? null : DateSubjects.afterVerb(p);
                if (column == null) {
                    column = DateSubjects.ofOrFromColumn(p);
                }
                Boolean capitals = exampleCase(p);
                return new Operation(x -> {
                    Expr name = new Expr.FormatDate(PatternOperations.asDate(p, x), fmt);
                    return capitals == null ? name : new Expr.Fn(capitals ? "UPPER" : "LOWER", List.of(name));
                }, column);
            }
        }
        int truncate = p.mark();
        if (p.accept(Role.TRUNCATE)) {
            // "Truncate order_ts to date": the calendar date
            Expr column = p.column();
            if (p.accept(Role.TO) && (p.accept(Role.TYPE_DATE) || p.accept(Role.DATE_DAY)) ) {
                return new Operation(x -> new Expr.Cast(x, SqlType.DATE, true), column);
            }
            p.reset(truncate);
            p.accept(Role.TRUNCATE);
            Expr truncated = p.column();
            // "Reading timestamp truncated to the hour", "truncate ts to the minute"
            String clock = p.accept(Role.TO) ? p.accept(Role.DATE_HOUR) ? "HOUR" : p.accept(Role.DATE_MINUTE) ? "MINUTE" : null : null;
            if (clock != null) {
                return new Operation(x -> new Expr.TruncTimestamp(clock, x), truncated);
            }
            p.reset(truncate);
        }
        boolean isoWeek = p.accept(Role.WEEK_NUMBER);
        if (isoWeek || p.accept(Role.DAY_OF_WEEK)) {
            // "ISO week number of pay_ts", "day of week of d" (Monday 1 .. Sunday 7): ISO numbering in every dialect
            String part = isoWeek ? "ISOWEEK" : "ISODOW";
            Expr column = DateSubjects.ofOrFromColumn(p);
            int as = p.mark();
            p.acceptOp(",");
            if (!isoWeek && p.acceptWord("as")) {
                // "Day of the week of the event date, as the full English day name": the day written out
                boolean abbreviated = p.accept(Role.DAY_ABBREV);
                if (abbreviated || p.accept(Role.DAY_NAME)) {
                    String fmt = abbreviated ? "%a" : "%A";
                    return new Operation(x -> new Expr.FormatDate(PatternOperations.asDate(p, x), fmt), column);
                }
            }
            p.reset(as);
            String named = isoWeek ? null : Weekdays.namedDay(p);
            if (named != null) {
                // "Day of the week of inspection_date, full English name (Monday … Sunday)": the day written out
                return new Operation(x -> new Expr.FormatDate(PatternOperations.asDate(p, x), named), column);
            }
            p.reset(as);
            Boolean sundayFirst = isoWeek ? null : firstDay(p);
            if (Boolean.TRUE.equals(sundayFirst)) {
                // "(1 = Sunday)": Sunday 1 .. Saturday 7
                return new Operation(x -> new Expr.Bin("+", new Expr.Bin("%", new Expr.Extract(part, x), new Expr.Lit(7L)),
                        new Expr.Lit(1L)), column);
            }
            return new Operation(x -> new Expr.Extract(part, x), column);
        }
        if (p.accept(Role.DATE_ONLY)) {
            // "the date part of created_ts": the calendar date of a timestamp
            Expr column = DateSubjects.ofOrFromColumn(p);
            if (column == null && p.tokens().get(p.mark() - 1).is(Token.Kind.WORD, "of")) {
                // "Date of the reading": the phrase ends with its "of"
                int c = p.mark();
                p.acceptWord("the");
                column = p.dateNamedByWord();
                if (column == null) {
                    p.reset(c);
                    column = p.column();
                }
            }
            return new Operation(x -> new Expr.Cast(x, SqlType.DATE, true), column);
        }
        boolean head = DateSubjects.headOfRule(p);
        if (head) {
            // "Enrollment year", "the call hour": the date named by a word, then its part
            int m = p.mark();
            Expr.Extract named = partAfterDate(p);
            Token after = p.peekToken();
            if (named != null && (after == null || after.kind() == Token.Kind.SEP || after.op(",") || after.op("("))) {
                // the part ends the value ("Start month formatted as YYYYMM" asks for the date, formatted)
                return new Operation(x -> new Expr.Extract(named.part(), x), named.expr());
            }
            p.reset(m);
        }
        String part = p.accept(Role.DATE_YEAR) ? "YEAR" : p.accept(Role.DATE_QUARTER) ? "QUARTER"
                : p.accept(Role.DATE_MONTH) ? "MONTH" : p.accept(Role.DATE_DAY) ? "DAY" : p.accept(Role.DATE_HOUR) ? "HOUR"
                : p.accept(Role.DATE_MINUTE) ? "MINUTE" : p.accept(Role.DATE_SECOND) ? "SECOND" : null;
        if (part == null) {
            return null;
        }
        // "Year extracted from the open date": the verb after the part
        Expr column = verb ? null : DateSubjects.afterVerb(p);
        if (column == null) {
            column = DateSubjects.ofColumn(p);
        }
        if (column == null) {
            column = DateSubjects.namedDate(p);
        }
        if (column == null) {
            column = DateSubjects.whenDone(p);
        }
        if (!verb && column == null && !(head && DateSubjects.readsADate(p))) {
            // "Year" alone over a year column is that column: only the row's one date column is asked for its part
            return null;
        }
        return new Operation(x -> new Expr.Extract(part, x), column);
    }

    /**
     * "Year and month of work_date as YYYY-MM", "year/month of d in YYYYMM format": the date written with the pattern
     * that follows, which must hold the year and the month and nothing finer; null (cursor unchanged) otherwise (the
     * pair is never a month taken of a year).
     */
    private static Operation yearAndMonth(Parser p) {
        int m = p.mark();
        // "Departure year and month as YYYYMM": the date named by a word before its parts
        Expr named = m == 0 ? WordNamedColumns.dateNamedByWord(p) : null;
        if (!(p.accept(Role.DATE_YEAR) && (p.accept(Role.AND) || p.acceptOp("/") || p.acceptOp("-")) && p.accept(Role.DATE_MONTH))) {
            p.reset(m);
            return null;
        }
        Expr column = named != null ? named : DateSubjects.ofColumn(p);
        if (column == null) {
            column = DateSubjects.namedDate(p);
        }
        Operation written = PatternOperations.pattern(p);
        Expr probe = written == null || written.column() != null ? null : written.apply().apply(new Expr.Col("t", "d"));
        while (probe instanceof Expr.Cast c) {
            probe = c.expr();
        }
        if (!(probe instanceof Expr.FormatDate f) || !f.strftime().contains("%Y") || !f.strftime().contains("%m")
                || f.strftime().matches(".*%[dHMSj].*")) {
            p.reset(m);
            return null;
        }
        return new Operation(written.apply(), column);
    }

    private static Operation dateKey(Parser p) {
        // "ship_dt as integer key YYYYMMDD", "converted to a date key": the verb before the key says nothing more
        p.accept(Role.CAST);
        p.acceptWord("a");
        if (!p.accept(Role.DATE_KEY)) {
            return null;
        }
        int m = p.mark();
        // "Date key (YYYYMMDD) of clk_ts", "date key YYYYMMDD", "key in YYYYMMDD format": the key's own pattern, said again
        boolean paren = p.acceptOp("(");
        p.acceptWord("in");
        Token pattern = p.peekToken();
        if (pattern != null && pattern.kind() == Token.Kind.DATE_PATTERN && pattern.text().equals("%Y%m%d")) {
            p.next();
            p.acceptWord("format");
            if (paren && !p.acceptOp(")")) {
                p.reset(m);
            }
        } else {
            p.reset(m);
        }
        Expr column = DateSubjects.ofColumn(p);
        SqlType key = integerType(p);
        return new Operation(x -> new Expr.Cast(new Expr.FormatDate(PatternOperations.asDate(p, x), "%Y%m%d"), key, true), column);
    }

    static SqlType integerType(Parser p) {
        SqlType t = p.targetType();
        return t.kind() == SqlType.Kind.BIGINT ? SqlType.BIGINT : SqlType.INTEGER;
    }

    /** x + 30 days, add 2 months to x, 7 days before x, a - b in days. */
    private static Operation shift(Parser p) {
        boolean minus;
        if (p.accept(Role.PLUS)) {
            minus = false;
        } else if (p.accept(Role.MINUS)) {
            minus = true;
        } else {
            Long n = number(p);
            String unit = n == null ? null : DateValues.shiftUnit(DateValues.unit(p), p);
            if (unit == null) {
                return null;
            }
            boolean before = p.accept(Role.BEFORE);
            if (!before && !p.accept(Role.AFTER)) {
                return null;
            }
            Expr column = p.column();
            if (column == null) {
                return null;
            }
            return new Operation(x -> add(x, before ? -n : n, unit), column);
        }
        Long n = number(p);
        if (n == null && !minus) {
            // "inv_dt plus terms_days days": a number of days held in a column
            int m = p.mark();
            Expr amount = p.column();
            String unit = amount == null ? null : DateValues.shiftUnit(DateValues.unit(p), p);
            if (unit != null && !unit.equals("WEEK")) {
                return new Operation(x -> new Expr.DateAdd(x, amount, unit), null);
            }
            p.reset(m);
            return null;
        }
        if (n == null) {
            // a - b in days
            Expr other = p.column();
            if (other == null || !(p.accept(Role.FROM) || p.accept(Role.CAST))) {
                return null;
            }
            String unit = DateValues.unit(p);
            if (unit == null) {
                return null;
            }
            if (unit.equals("WEEK")) {
                p.problem("a difference in weeks does not say how partial weeks count; write it in days");
                return null;
            }
            return new Operation(x -> DateValues.difference(unit, other, x, p), null);
        }
        String unit = DateValues.shiftUnit(DateValues.unit(p), p);
        if (unit == null) {
            return null;
        }
        Expr column = null;
        int m = p.mark();
        if (p.accept(Role.CAST) || p.accept(Role.FROM)) {
            column = p.column();
            if (column == null) {
                p.reset(m);
            }
        }
        long amount = minus ? -n : n;
        return new Operation(x -> add(x, amount, unit), column);
    }

    private static Long number(Parser p) {
        Token t = p.peekToken();
        if (t != null && t.kind() == Token.Kind.NUMBER && !t.text().contains(".")) {
            p.next();
            return Long.parseLong(t.text());
        }
        // "One year after the start date"
        return Operations.cardinal(p);
    }

    private static Expr add(Expr x, long n, String unit) {
        long amount = unit.equals("WEEK") ? n * 7 : n;
        String u = unit.equals("WEEK") ? "DAY" : unit;
        Expr lit = new Expr.Lit(Math.abs(amount));
        return new Expr.DateAdd(x, amount < 0 ? new Expr.Neg(lit) : lit, u);
    }

    private static Operation epoch(Parser p) {
        p.accept(Role.CAST);
        p.accept(Role.FROM);
        if (!p.accept(Role.EPOCH)) {
            return null;
        }
        Boolean millis = null;
        int m;
        do {
            m = p.mark();
            if (p.accept(Role.DATE_MILLI)) {
                millis = Boolean.TRUE;
            } else if (p.accept(Role.DATE_SECOND)) {
                millis = Boolean.FALSE;
            }
        } while ((p.accept(Role.EPOCH) || p.accept(Role.DATE_NOUN) || p.accept(Role.CAST) || p.accept(Role.FROM)
                || p.accept(Role.TYPE_TIMESTAMP) || p.accept(Role.TYPE_DATE) || p.accept(Role.SINCE) || p.mark() != m));
        if (millis == null) {
            p.problem("the epoch's unit (seconds or milliseconds) is not said");
            return null;
        }
        boolean ms = millis;
        return new Operation(x -> new Expr.EpochSeconds(ms ? new Expr.Bin("/", x, new Expr.Lit(1000L)) : x), null);
    }
}
