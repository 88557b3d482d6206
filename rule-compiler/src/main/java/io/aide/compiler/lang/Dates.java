package io.aide.compiler.lang;

import io.aide.compiler.lang.Copies.Operation;
import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.DatePatterns;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Dates. Values of their own:
 * <pre>
 * value     := TODAY | NOW
 *            | [DIFFERENCE] unit (BETWEEN operand UNTIL operand | SINCE operand)      days / months / years between
 *            | AGE [column] [(AT | ON | SINCE) operand]                                age in completed years
 * </pre>
 * and operations on a value (chained like any other, see {@link Copies}):
 * <pre>
 * operation := {DATE_PARSE | DATE_FORMAT | CAST | DATE_NOUN | FROM | type} pattern {... pattern ...}   parse / format
 *            | [EXTRACT] part [(FROM | OF) column]                                    year, quarter, month, day, hour...
 *            | DATE_KEY [(FROM | OF) column]                                           yyyymmdd integer
 *            | MONTH_END [(FROM | OF) column]
 *            | (PLUS | MINUS) number unit [(TO | FROM) column] | number unit (BEFORE | AFTER) column
 *            | MINUS column (IN | AS) unit                                               "a - b in days"
 *            | [CAST] [FROM] EPOCH [seconds | milliseconds]
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
        Expr v = value(p);
        if (v == null) {
            return p.problem() != null ? p.notUnderstood() : Recognition.NOT_MINE;
        }
        int m = p.mark();
        if (p.acceptOp("=") || p.accept(Role.SET)) {
            // "Load date = current date": the first names the column, the second is its value
            Expr second = value(p);
            if (second != null) {
                v = second;
            } else {
                p.reset(m);
            }
        }
        if (!p.atEnd()) {
            // "today is between a and b": a date value that other wording continues is another family's
            return p.problem() != null ? p.notUnderstood() : Recognition.NOT_MINE;
        }
        return new Recognition.Recognized(v, null, List.of(), "date value");
    }

    static Expr value(Parser p) {
        int m = p.mark();
        if (p.accept(Role.NOW)) {
            p.accept(Role.LOAD_TIME);
            return new Expr.CurrentTimestamp();
        }
        if (p.accept(Role.TODAY)) {
            p.accept(Role.LOAD_TIME);
            return new Expr.CurrentDate();
        }
        Expr age = age(p);
        if (age != null) {
            return age;
        }
        p.reset(m);
        Expr minus = minus(p);
        if (minus != null) {
            return minus;
        }
        p.reset(m);
        boolean counted = p.accept(Role.DIFFERENCE);
        if (p.accept(Role.BUSINESS)) {
            p.problem("only differences in calendar days are compiled; business or working days need a calendar of working days");
            p.reset(m);
            return null;
        }
        String unit = unit(p);
        if (unit != null) {
            Expr start;
            Expr end;
            if (p.accept(Role.BETWEEN)) {
                start = dateOperand(p);
                end = start != null && p.accept(Role.UNTIL) ? dateOperand(p) : null;
            } else if (p.accept(Role.SINCE)) {
                start = dateOperand(p);
                end = new Expr.CurrentDate();
            } else {
                start = null;
                end = null;
            }
            if (start != null && end != null) {
                Expr diff = difference(unit, start, end, p);
                if (diff != null) {
                    return diff;
                }
            } else if (counted && !p.atEnd()) {
                // "Number of days it took": a count of days is a date difference, between dates the rule must name
                p.problem("a number of " + unit.toLowerCase(java.util.Locale.ROOT) + "s is a date difference: name the two "
                        + "dates ('between <start> and <end>' or 'since <date>')");
            }
        }
        p.reset(m);
        return null;
    }

    /** A column or value, or today / now ("years between birth_dt and today"). */
    private static Expr dateOperand(Parser p) {
        if (p.accept(Role.TODAY)) {
            return new Expr.CurrentDate();
        }
        if (p.accept(Role.NOW)) {
            return new Expr.CurrentTimestamp();
        }
        int m = p.mark();
        Expr.Col dated = p.dateNamedByWord();
        if (dated != null) {
            // "between arrival and departure": where a date is expected one word may name a date column
            Token after = p.peekToken();
            if (after == null || after.kind() == Token.Kind.SEP || after.op(",") || p.peek(Role.UNTIL)) {
                return dated;
            }
            p.reset(m);
        }
        return p.operand();
    }

    /**
     * [table noun] AGE [IN years] clause*: completed years from the birth date (the named column, else the row's own)
     * to the reference date; clause := (AT_TIME | SINCE | ON | AS OF) (TODAY | NOW | LOAD_TIME | column)
     * | (FROM | OF) column | column | TODAY | NOW, in any order ("Patient age in years at time of load",
     * "Age in years as of today from birth_dt", "age of dob at visit_date").
     */
    private static Expr age(Parser p) {
        int m = p.mark();
        Token noun = p.peekToken();
        if (noun != null && noun.kind() == Token.Kind.WORD && RowTables.names(RowTables.of(p.ctx().row()), noun.norm())) {
            p.next();
        }
        if (!p.accept(Role.AGE)) {
            p.reset(m);
            return null;
        }
        int in = p.mark();
        if (!(p.accept(Role.IN_COLUMN) && p.accept(Role.DATE_YEAR))) {
            p.reset(in);
        }
        Expr birth = null;
        Expr reference = null;
        while (!p.atEnd()) {
            int c = p.mark();
            boolean at = p.accept(Role.AT_TIME) || p.accept(Role.SINCE) || p.acceptWord("on") || p.acceptWord("at");
            if (!at && !p.accept(Role.FROM)) {
                p.acceptWord("of");
            }
            if (p.accept(Role.TODAY) || p.accept(Role.LOAD_TIME) || load(p)) {
                reference = reference == null ? new Expr.CurrentDate() : null;
            } else if (p.accept(Role.NOW)) {
                reference = reference == null ? new Expr.CurrentTimestamp() : null;
            } else {
                Expr column = p.column();
                if (column == null) {
                    p.reset(c);
                    break;
                }
                if (at && reference == null) {
                    reference = column;
                } else if (birth == null) {
                    // "from birth_dt" after the reference ("from" also reads as "since")
                    birth = column;
                } else {
                    p.reset(c);
                    break;
                }
            }
        }
        if (reference == null) {
            p.problem("the date the age is reached at is not said (write 'age at <date column>' or 'age today')");
            p.reset(m);
            return null;
        }
        if (birth == null) {
            List<Expr.Col> sources = p.ctx().sources();
            Expr atDate = reference;
            List<Expr.Col> others = sources.stream().filter(col -> !col.equals(atDate)).toList();
            if (others.size() != 1) {
                p.problem("whose birth date the age counts from is not said");
                p.reset(m);
                return null;
            }
            birth = others.get(0);
        }
        return years(birth, reference);
    }

    /** "time of load", "the load", "load": the moment the view is built. */
    private static boolean load(Parser p) {
        int m = p.mark();
        p.acceptWord("time");
        p.acceptWord("of");
        if (p.acceptWord("load") || p.acceptWord("loading") || p.acceptWord("run")) {
            return true;
        }
        p.reset(m);
        return false;
    }


    /** "(end - start) in days", "end - start as a number of months". */
    private static Expr minus(Parser p) {
        boolean paren = p.acceptOp("(");
        Token first = p.peekToken();
        if (first == null || !(first.kind() == Token.Kind.WORD || first.kind() == Token.Kind.NAME)) {
            return null;
        }
        Expr end = p.column();
        if (end == null || !p.accept(Role.MINUS)) {
            return null;
        }
        Expr start = p.column();
        if (start == null || paren && !p.acceptOp(")")) {
            return null;
        }
        if (!(p.accept(Role.FROM) || p.accept(Role.CAST))) {
            return null;
        }
        p.accept(Role.DIFFERENCE);
        String unit = unit(p);
        return unit == null ? null : difference(unit, start, end, p);
    }

    /** A shift moves a date by calendar units only: hours, minutes and seconds are not read there (null). */
    private static String calendar(String unit) {
        return unit == null || java.util.Set.of("HOUR", "MINUTE", "SECOND").contains(unit) ? null : unit;
    }

    /** A unit word: DAY, WEEK, MONTH, YEAR, HOUR, MINUTE, SECOND, or null. */
    static String unit(Parser p) {
        for (int i = 0; i < UNIT_ROLES.length; i++) {
            if (p.accept(UNIT_ROLES[i])) {
                return UNIT_NAMES[i];
            }
        }
        return null;
    }

    private static final Role[] UNIT_ROLES = {Role.DATE_DAY, Role.DATE_WEEK, Role.DATE_MONTH, Role.DATE_YEAR, Role.DATE_HOUR,
            Role.DATE_MINUTE, Role.DATE_SECOND};
    private static final String[] UNIT_NAMES = {"DAY", "WEEK", "MONTH", "YEAR", "HOUR", "MINUTE", "SECOND"};

    private static Expr difference(String unit, Expr start, Expr end, Parser p) {
        return switch (unit) {
            case "DAY" -> new Expr.DateDiff(start, end);
            case "MONTH" -> months(start, end);
            case "YEAR" -> years(start, end);
            case "HOUR" -> clock(start, end, 3600, p);
            case "MINUTE" -> clock(start, end, 60, p);
            case "SECOND" -> clock(start, end, 1, p);
            default -> {
                p.problem("a difference in weeks does not say how partial weeks count; write it in days");
                yield null;
            }
        };
    }

    /**
     * Hours, minutes or seconds from start to end: elapsed time in that unit, with its fraction for a decimal target
     * (7.5 hours worked), whole units toward zero for an integer one (89 seconds are 1 minute).
     */
    private static Expr clock(Expr start, Expr end, long seconds, Parser p) {
        Expr elapsed = new Expr.SecondsBetween(start, end);
        Expr inUnit = seconds == 1 ? elapsed : new Expr.Bin("/", elapsed, new Expr.Lit(seconds));
        io.aide.compiler.plan.SqlType.Kind k = p.targetType().kind();
        return k == io.aide.compiler.plan.SqlType.Kind.INTEGER || k == io.aide.compiler.plan.SqlType.Kind.BIGINT
                ? new Expr.Fn("TRUNC", List.of(inUnit)) : inUnit;
    }

    /** Completed years from start to end: the year difference, less one when the anniversary is not reached. */
    static Expr years(Expr start, Expr end) {
        Expr notYet = new Expr.Bin("OR", new Expr.Bin("<", part("MONTH", end), part("MONTH", start)),
                new Expr.Bin("AND", new Expr.Bin("=", part("MONTH", end), part("MONTH", start)),
                        new Expr.Bin("<", part("DAY", end), part("DAY", start))));
        return new Expr.Bin("-", new Expr.Bin("-", part("YEAR", end), part("YEAR", start)),
                new Expr.Case(List.of(new Expr.When(notYet, new Expr.Lit(1L))), new Expr.Lit(0L)));
    }

    /** Completed months from start to end. */
    static Expr months(Expr start, Expr end) {
        Expr whole = new Expr.Bin("+", new Expr.Bin("*", new Expr.Bin("-", part("YEAR", end), part("YEAR", start)),
                new Expr.Lit(12L)), new Expr.Bin("-", part("MONTH", end), part("MONTH", start)));
        return new Expr.Bin("-", whole, new Expr.Case(List.of(new Expr.When(
                new Expr.Bin("<", part("DAY", end), part("DAY", start)), new Expr.Lit(1L))), new Expr.Lit(0L)));
    }

    private static Expr part(String part, Expr e) {
        return new Expr.Extract(part, e);
    }

    // ------------------------------------------------------------------ operations

    static Operation operation(Parser p) {
        int m = p.mark();
        for (java.util.function.Function<Parser, Operation> production : List.<java.util.function.Function<Parser, Operation>>of(
                Periods::start, Dates::pattern, Dates::datePart, Dates::dateKey, Dates::monthEnd, Dates::shift, Dates::epoch)) {
            Operation op = production.apply(p);
            if (op != null) {
                return op;
            }
            p.reset(m);
        }
        return null;
    }

    private static Expr ofColumn(Parser p) {
        int m = p.mark();
        if (p.accept(Role.FROM) || p.accept(Role.VIA)) {
            Expr c = p.column();
            if (c != null) {
                return c;
            }
        }
        p.reset(m);
        return null;
    }

    /** (FROM | VIA | OF) column, or null (cursor after "of" only when a column follows). */
    static Expr ofOrFromColumn(Parser p) {
        Expr column = ofColumn(p);
        if (column == null) {
            int m = p.mark();
            Token of = p.peekToken();
            if (of != null && of.is(Token.Kind.WORD, "of")) {
                p.next();
                column = p.column();
                if (column == null) {
                    p.reset(m);
                }
            }
        }
        return column;
    }

    /** "the hour of evt_ts", "year of ship_dt": a part of a named date as a value to compare; null (cursor unchanged). */
    static Expr partOfColumn(Parser p) {
        int m = p.mark();
        p.acceptWord("the");
        Operation op = datePart(p);
        if (op != null && op.column() != null) {
            Expr part = op.apply().apply(op.column());
            if (part instanceof Expr.Extract) {
                return part;
            }
        }
        p.reset(m);
        return null;
    }

    private static Operation datePart(Parser p) {
        boolean verb = p.accept(Role.EXTRACT);
        for (Role r : new Role[]{Role.MONTH_NAME, Role.DAY_NAME}) {
            if (p.accept(r)) {
                // "Month name of ship_date": the name written out, as the dialect's date format gives it
                String fmt = r == Role.MONTH_NAME ? "%B" : "%A";
                return new Operation(x -> new Expr.FormatDate(asDate(p, x), fmt), ofOrFromColumn(p));
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
        }
        boolean isoWeek = p.accept(Role.WEEK_NUMBER);
        if (isoWeek || p.accept(Role.DAY_OF_WEEK)) {
            // "ISO week number of pay_ts", "day of week of d" (Monday 1 .. Sunday 7): ISO numbering in every dialect
            String part = isoWeek ? "ISOWEEK" : "ISODOW";
            Expr column = ofOrFromColumn(p);
            return new Operation(x -> new Expr.Extract(part, x), column);
        }
        if (p.accept(Role.DATE_ONLY)) {
            // "the date part of created_ts": the calendar date of a timestamp
            return new Operation(x -> new Expr.Cast(x, SqlType.DATE, true), ofOrFromColumn(p));
        }
        String part = p.accept(Role.DATE_YEAR) ? "YEAR" : p.accept(Role.DATE_QUARTER) ? "QUARTER"
                : p.accept(Role.DATE_MONTH) ? "MONTH" : p.accept(Role.DATE_DAY) ? "DAY" : p.accept(Role.DATE_HOUR) ? "HOUR"
                : p.accept(Role.DATE_MINUTE) ? "MINUTE" : p.accept(Role.DATE_SECOND) ? "SECOND" : null;
        if (part == null) {
            return null;
        }
        Expr column = ofColumn(p);
        if (!verb && column == null) {
            return null;
        }
        return new Operation(x -> new Expr.Extract(part, x), column);
    }

    private static Operation dateKey(Parser p) {
        if (!p.accept(Role.DATE_KEY)) {
            return null;
        }
        int m = p.mark();
        if (p.acceptOp("(")) {
            // "Date key (YYYYMMDD) of clk_ts": the key's own pattern, said again
            Token pattern = p.peekToken();
            if (pattern != null && pattern.kind() == Token.Kind.DATE_PATTERN && pattern.text().equals("%Y%m%d")) {
                p.next();
            }
            if (!p.acceptOp(")")) {
                p.reset(m);
            }
        }
        Expr column = ofColumn(p);
        SqlType key = integerType(p);
        return new Operation(x -> new Expr.Cast(new Expr.FormatDate(asDate(p, x), "%Y%m%d"), key, true), column);
    }

    private static SqlType integerType(Parser p) {
        SqlType t = p.targetType();
        return t.kind() == SqlType.Kind.BIGINT ? SqlType.BIGINT : SqlType.INTEGER;
    }

    private static Operation monthEnd(Parser p) {
        if (!p.accept(Role.MONTH_END)) {
            return null;
        }
        Expr column = ofColumn(p);
        return new Operation(Expr.LastDay::new, column);
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
            String unit = n == null ? null : calendar(unit(p));
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
            String unit = amount == null ? null : calendar(unit(p));
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
            String unit = unit(p);
            if (unit == null) {
                return null;
            }
            if (unit.equals("WEEK")) {
                p.problem("a difference in weeks does not say how partial weeks count; write it in days");
                return null;
            }
            return new Operation(x -> difference(unit, other, x, p), null);
        }
        String unit = calendar(unit(p));
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
        return null;
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

    // ------------------------------------------------------------------ patterns

    /** Words around one or two date patterns: which is read, which is written. */
    private static Operation pattern(Parser p) {
        List<String> patterns = new ArrayList<>();
        List<Boolean> afterFrom = new ArrayList<>();
        List<Boolean> afterTo = new ArrayList<>();
        boolean parseWords = false;
        boolean formatWords = false;
        boolean from = false;
        boolean to = false;
        boolean integer = false;
        Expr column = null;
        while (true) {
            Token t = p.peekToken();
            if (t == null) {
                break;
            }
            String fmt = t.kind() == Token.Kind.DATE_PATTERN ? t.text()
                    : t.kind() == Token.Kind.STRING ? quotedPattern(t.text()) : null;
            if (fmt != null) {
                p.next();
                patterns.add(fmt);
                afterFrom.add(from);
                afterTo.add(to);
                from = false;
                to = false;
                continue;
            }
            if (p.acceptOp(":") || p.acceptOp("(") || p.acceptOp(")")) {
                // "Parse start_str (MM/DD/YYYY) into a date"
                continue;
            }
            if (p.accept(Role.DATE_PARSE)) {
                parseWords = true;
            } else if (p.accept(Role.DATE_FORMAT)) {
                formatWords = true;
            } else if (p.accept(Role.TYPE_INTEGER)) {
                integer = true;
            } else if (p.accept(Role.FROM)) {
                from = true;
            } else if (p.accept(Role.CAST)) {
                to = true;
            } else if (!(p.accept(Role.DATE_NOUN) || p.accept(Role.TYPE_DATE) || p.accept(Role.TYPE_TIMESTAMP)
                    || p.accept(Role.TYPE_TEXT) || p.accept(Role.SELF))) {
                // the column the patterns apply to: "format sale_dt as YYYY-MM", "YYYYMM of open_dt"
                int before = p.mark();
                Token of = p.peekToken();
                if (of != null && of.is(Token.Kind.WORD, "of")) {
                    p.next();
                }
                Expr c = column == null ? p.column() : null;
                if (c == null) {
                    p.reset(before);
                    break;
                }
                column = c;
                from = false;
            }
        }
        if (patterns.isEmpty() || patterns.size() > 2) {
            if (patterns.size() > 2) {
                p.problem("more than two date patterns");
            }
            return null;
        }
        SqlType.Kind target = p.targetType().kind();
        boolean temporalTarget = target == SqlType.Kind.DATE || target == SqlType.Kind.TIMESTAMP;
        boolean ts = target == SqlType.Kind.TIMESTAMP;
        boolean integerTarget = integer || target == SqlType.Kind.INTEGER || target == SqlType.Kind.BIGINT;
        SqlType key = integerType(p);
        if (patterns.size() == 2) {
            int input = afterFrom.get(1) && !afterFrom.get(0) ? 1 : 0;
            String in = patterns.get(input);
            String out = patterns.get(1 - input);
            boolean inTs = ts || in.contains("%H");
            UnaryOperator<Expr> op = x -> {
                Expr parsed = new Expr.ParseDate(x, in, inTs);
                if (temporalTarget) {
                    return parsed;
                }
                Expr text = new Expr.FormatDate(parsed, out);
                return integerTarget ? new Expr.Cast(text, key, true) : text;
            };
            return new Operation(op, column, Copies.Kind.CONVERSION);
        }
        String fmt = patterns.get(0);
        boolean toPattern = afterTo.get(0);
        boolean fromPattern = afterFrom.get(0);
        if (temporalTarget || target == SqlType.Kind.UNKNOWN && !((formatWords || toPattern) && !parseWords && !fromPattern)) {
            boolean t = ts || fmt.contains("%H");
            return new Operation(x -> new Expr.ParseDate(x, fmt, t), column, Copies.Kind.CONVERSION);
        }
        boolean format = (formatWords || toPattern || integerTarget) && !parseWords && !fromPattern;
        if (!format) {
            p.problem(parseWords || fromPattern
                    ? "the text is read as a date but the target is " + target.name().toLowerCase(java.util.Locale.ROOT)
                    + " and no output format is given"
                    : "whether the pattern is the source's format or the output's is not said");
            return null;
        }
        if (integerTarget) {
            return new Operation(x -> new Expr.Cast(new Expr.FormatDate(asDate(p, x), fmt), key, true), column);
        }
        return new Operation(x -> new Expr.FormatDate(asDate(p, x), fmt), column);
    }

    /** A text column read as an ISO date (NULL when it is not one) before a date is written with a pattern. */
    private static Expr asDate(Parser p, Expr x) {
        if (x instanceof Expr.Col c && p.ctx().typeOf(c).kind() == SqlType.Kind.VARCHAR) {
            return new Expr.Cast(x, SqlType.DATE, true);
        }
        return x;
    }

    /** A quoted text that is a date pattern ('YYYYMMDD', "dd/mm/yyyy"), as strftime; else null. */
    static String quotedPattern(String text) {
        String t = text.trim();
        if (t.isEmpty() || !(t.contains("%") || t.toLowerCase(java.util.Locale.ROOT).contains("yy"))) {
            return null;
        }
        return DatePatterns.fromExcel(t);
    }
}
