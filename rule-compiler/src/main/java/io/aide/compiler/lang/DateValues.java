package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;

import java.util.List;

/**
 * The values of the date family ({@link Dates}): today, now, an age, and the time between two dates or timestamps.
 * <pre>
 * value     := TODAY | NOW
 *            | [DIFFERENCE] unit (BETWEEN operand UNTIL operand | SINCE operand)      days / months / years between
 *            | AGE [column] [(AT | ON | SINCE) operand]                                age in completed years
 *            | "(" column MINUS column ")" (FROM | CAST) [DIFFERENCE] unit            "(end - start) in days"
 * unit      := DAY | WEEK | MONTH | YEAR | HOUR | MINUTE | SECOND
 * </pre>
 * Days count calendar days, months and years completed ones; hours, minutes and seconds are elapsed time.
 */
final class DateValues {

    private DateValues() {
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
        Expr lasted = duration(p);
        if (lasted != null) {
            return lasted;
        }
        p.reset(m);
        boolean inclusive = p.accept(Role.INCLUSIVE);
        boolean counted = p.accept(Role.DIFFERENCE);
        int lag = p.mark();
        Token noun = p.peekToken();
        if (noun != null && noun.kind() == Token.Kind.WORD && LAG_NOUNS.contains(noun.norm())) {
            // "Lag in days between ...", "Turnaround time in hours between ...": the difference named first
            p.next();
            p.acceptWord("time");
            if (!p.accept(Role.IN_COLUMN)) {
                p.reset(lag);
            }
        }
        int business = p.mark();
        boolean weekdays = false;
        if (p.accept(Role.BUSINESS)) {
            // "weekdays between a and b" says Monday to Friday; "business days" may leave out holidays too
            weekdays = p.tokens().get(business).norm().startsWith("weekday");
            if (!weekdays) {
                p.problem("only differences in calendar days are compiled: business or working days need a calendar of "
                        + "working days; write 'days between ... excluding weekends' to count Monday to Friday");
                p.reset(m);
                return null;
            }
            p.reset(business);
            p.next();
        }
        String unit = weekdays ? "DAY" : unit(p);
        if (unit != null) {
            Expr start;
            Expr end;
            if (p.accept(Role.BETWEEN)) {
                Expr[] both = coordinated(p);
                start = both != null ? both[0] : dateOperand(p);
                end = both != null ? both[1] : start != null && p.accept(Role.UNTIL) ? dateOperand(p) : null;
            } else if (p.accept(Role.SINCE)) {
                start = dateOperand(p);
                // "years since hire date as of today", "... as at the review date": the date counted to
                int r = p.mark();
                Expr asAt = (asOf(p) || p.acceptWord("at") || p.acceptWord("on")) ? dateOperand(p) : null;
                if (asAt == null) {
                    p.reset(r);
                }
                if (asAt == null && start instanceof Expr.Col since) {
                    // "days since the previous reading" on a row that also reads read_ts: up to which date is not said
                    List<Expr.Col> others = p.ctx().sources().stream().filter(c -> !c.equals(since)
                            && DateColumns.dated(p.ctx(), c)).toList();
                    if (others.size() == 1) {
                        p.problem("the count since " + since.column() + " does not say up to which date, and the row also "
                                + "reads " + others.get(0).column() + ": write '... as of " + others.get(0).column()
                                + "' or '... as of today'");
                        p.reset(m);
                        return null;
                    }
                }
                end = asAt != null ? asAt : new Expr.CurrentDate();
            } else if (p.acceptWord("until") || p.acceptWord("till") || p.acceptWord("before")) {
                // "Days until next due date": from today to the date (negative once it has passed)
                start = new Expr.CurrentDate();
                end = dateOperand(p);
            } else {
                start = null;
                end = null;
            }
            if (start != null && end != null) {
                weekdays |= unit.equals("DAY") && withoutWeekends(p);
                Expr diff = weekdays ? Weekdays.between(DateColumns.asDate(p.ctx(), start), DateColumns.asDate(p.ctx(), end))
                        : difference(unit, start, end, p);
                int m2 = p.mark();
                boolean paren = p.acceptOp("(");
                if (p.accept(Role.INCLUSIVE) && (!paren || p.acceptOp(")"))) {
                    inclusive = true;
                } else {
                    p.reset(m2);
                }
                if (diff != null && inclusive && !unit.equals("DAY")) {
                    p.problem("an inclusive count is read for days only");
                    diff = null;
                }
                if (diff != null) {
                    // "inclusive": both the first and the last day count
                    return inclusive ? new Expr.Bin("+", diff, new Expr.Lit(1L)) : diff;
                }
            } else if (counted && !p.atEnd() && !(p.peekToken() != null && p.peekToken().is(Token.Kind.WORD, "name"))) {
                // ("Full day name of order_ts" names the day, it counts nothing)
                // "Number of days it took": a count of days is a date difference, between dates the rule must name
                p.problem("a number of " + unit.toLowerCase(java.util.Locale.ROOT) + "s is a date difference: name the two "
                        + "dates ('between <start> and <end>' or 'since <date>')");
            }
        }
        p.reset(m);
        return null;
    }

    /**
     * word AND word noun-in-plural: "between start and end timestamps", "between ship and delivery dates" -- each word
     * with the noun names a column ("start timestamp", "delivery date"); null (cursor unchanged) otherwise.
     */
    private static Expr[] coordinated(Parser p) {
        int m = p.mark();
        Token a = p.next();
        boolean and = p.accept(Role.AND);
        Token b = p.next();
        Token noun = p.next();
        if (a == null || !and || b == null || noun == null || a.kind() != Token.Kind.WORD || b.kind() != Token.Kind.WORD
                || noun.kind() != Token.Kind.WORD || noun.norm().length() < 4) {
            p.reset(m);
            return null;
        }
        // "between ship and delivery dates", "between effective and expiry date": the noun shared, plural or not
        Token one = noun.norm().endsWith("s") ? Token.of(Token.Kind.WORD, noun.text().substring(0, noun.text().length() - 1)) : noun;
        Expr first = new Parser(List.of(a, one), p.ctx(), p.lexicon()).column();
        Expr second = new Parser(List.of(b, one), p.ctx(), p.lexicon()).column();
        if (!(first instanceof Expr.Col) || !(second instanceof Expr.Col) || first.equals(second)) {
            p.reset(m);
            return null;
        }
        return new Expr[]{first, second};
    }

    /** Nouns that say a word names a moment: "end time", "start date". */
    private static final java.util.Set<String> DATE_NOUNS = java.util.Set.of("time", "date", "timestamp", "datetime");

    /** Words that name how long something lasted. */
    private static final java.util.Set<String> DURATIONS = java.util.Set.of("duration", "length", "elapsed", "lasted", "time", "term",
            "tenure", "span");

    /**
     * [words] (duration | length | elapsed [time]) [IN] unit: "Session duration in seconds" over sess_start and
     * sess_end -- the time between the row's one pair of start and end columns; null (cursor moved) otherwise.
     */
    private static Expr duration(Parser p) {
        int words = 0;
        Token t;
        while (words < 3 && (t = p.peekToken()) != null && t.kind() == Token.Kind.WORD && !DURATIONS.contains(t.norm())
                && !p.lexicon().grammarWord(p.tokens(), p.mark())) {
            p.next();
            words++;
        }
        t = p.next();
        if (t == null || !DURATIONS.contains(t.norm())) {
            return null;
        }
        p.acceptWord("time");
        if (p.peekToken() != null && DURATIONS.contains(p.peekToken().norm())) {
            // "Term length in months": two words for how long
            p.next();
        }
        if (p.acceptWord("of")) {
            // "Length of stay in days": what lasted, in a word or two
            for (int w = 0; w < 2 && p.peekToken() != null && p.peekToken().kind() == Token.Kind.WORD
                    && !p.peekToken().is(Token.Kind.WORD, "in"); w++) {
                p.next();
            }
        }
        boolean paren = p.acceptOp("(");
        p.acceptWord("in");
        String unit = unit(p);
        if (unit == null || paren && !p.acceptOp(")")) {
            return null;
        }
        Expr[] pair;
        if (p.acceptOp("(")) {
            // "Policy term in days (expiry minus effective date)": the later date first
            Expr end = namedDate(p);
            Expr start = end != null && p.accept(Role.MINUS) ? namedDate(p) : null;
            pair = start == null || !p.acceptOp(")") ? null : new Expr[]{start, end};
        } else if (p.accept(Role.BETWEEN)) {
            // "Transit time in hours between ship and delivery timestamps"
            pair = coordinated(p);
            if (pair == null) {
                Expr start = dateOperand(p);
                Expr end = start != null && p.accept(Role.UNTIL) ? dateOperand(p) : null;
                pair = end == null ? null : new Expr[]{start, end};
            }
        } else {
            pair = startAndEnd(p.ctx().sources());
        }
        Token after = p.peekToken();
        if (pair == null || after != null && after.kind() != Token.Kind.SEP && !after.op(",")) {
            return null;
        }
        return difference(unit, pair[0], pair[1], p);
    }

    /** A column, or a date column named by one word ("expiry" for exp_dt); null otherwise. */
    private static Expr namedDate(Parser p) {
        int m = p.mark();
        Expr.Col dated = p.dateNamedByWord();
        Token kind = p.peekToken();
        if (dated != null && kind != null && kind.kind() == Token.Kind.WORD && DATE_NOUNS.contains(kind.norm())) {
            // "(end time minus start time)" for call_end and call_start: the word, then what kind of date it is
            p.next();
        }
        Token after = p.peekToken();
        if (dated != null && (after == null || after.op(")") || p.peek(Role.MINUS))) {
            return dated;
        }
        p.reset(m);
        return p.column();
    }

    /** Words for the first and the last of a pair of events, at the same index (admission and discharge, hire and termination). */
    private static final java.util.List<String> STARTS = java.util.List.of("start", "begin", "from", "open", "in", "admit",
            "admission", "arrival", "arr", "checkin", "hire", "eff", "effective", "pickup", "ship");
    private static final java.util.List<String> ENDS = java.util.List.of("end", "stop", "to", "close", "out", "disch",
            "discharge", "departure", "dep", "checkout", "term", "exp", "expiry", "dropoff", "deliv");

    /** The row's one pair of columns whose names differ only by start and end (sess_start, sess_end); else null. */
    private static Expr[] startAndEnd(List<Expr.Col> sources) {
        Expr.Col[] found = null;
        for (Expr.Col a : sources) {
            for (Expr.Col b : sources) {
                String[] x = ColumnWords.parts(a.column());
                String[] y = ColumnWords.parts(b.column());
                if (x.length != y.length || a.equals(b)) {
                    continue;
                }
                int differs = -1;
                boolean one = true;
                for (int i = 0; i < x.length && one; i++) {
                    if (!x[i].equals(y[i])) {
                        one = differs < 0;
                        differs = i;
                    }
                }
                if (one && differs >= 0 && STARTS.indexOf(x[differs]) >= 0 && STARTS.indexOf(x[differs]) == ENDS.indexOf(y[differs])) {
                    if (found != null) {
                        return null;
                    }
                    found = new Expr.Col[]{a, b};
                }
            }
        }
        return found;
    }

    /** A column or value, or today / now ("years between birth_dt and today"). */
    private static Expr dateOperand(Parser p) {
        if (p.accept(Role.TODAY)) {
            return new Expr.CurrentDate();
        }
        Expr done = DateSubjects.whenDone(p);
        if (done != null) {
            // "Days since the account was opened": the date column the verb names
            return done;
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
        } else {
            // "Patient age in years at admission": whose age, said first
            p.accept(Role.PERSON);
            p.acceptWord("'s");
        }
        if (!p.accept(Role.AGE)) {
            p.reset(m);
            return null;
        }
        int in = p.mark();
        if (!(p.accept(Role.IN_COLUMN) && (p.accept(Role.WHOLE) || true) && p.accept(Role.DATE_YEAR))) {
            // "age in years", "age in whole years": an age is always whole years
            p.reset(in);
        }
        Expr birth = null;
        Expr reference = null;
        while (!p.atEnd()) {
            int c = p.mark();
            if (p.accept(Role.IN_COLUMN) && (p.accept(Role.WHOLE) || true) && p.accept(Role.DATE_YEAR)) {
                // "Age of the insured in whole years as of today": the unit said after the person
                continue;
            }
            p.reset(c);
            if (person(p)) {
                continue;
            }
            // "as of today", "as at the load date"
            boolean at = p.accept(Role.AT_TIME) || p.accept(Role.SINCE) || p.acceptWord("on") || p.acceptWord("at")
                    || asOf(p);
            if (at) {
                // "at the time of loss": the time of an event is its date
                int t = p.mark();
                if (!(p.acceptWord("time") && p.acceptWord("of"))) {
                    p.reset(t);
                }
            }
            if (!at && !p.accept(Role.FROM)) {
                p.acceptWord("of");
            }
            Expr fixed = at && reference == null ? fixedDate(p) : null;
            if (fixed != null) {
                // "as of 2024-12-31": a date written out
                reference = fixed;
            } else if (p.accept(Role.TODAY) || p.accept(Role.LOAD_TIME) || load(p)) {
                reference = reference == null ? new Expr.CurrentDate() : null;
            } else if (p.accept(Role.NOW)) {
                reference = reference == null ? new Expr.CurrentTimestamp() : null;
            } else {
                Expr column = at ? dateOfEvent(p) : null;
                if (column == null) {
                    column = p.column();
                }
                if (column == null && at) {
                    // "age at admission": one word naming a date column ("admission" for admit_ts), perhaps after the
                    // row's table ("at policy start")
                    p.acceptWord("the");
                    int tableWord = p.mark();
                    column = p.dateNamedByWord();
                    Token t = p.peekToken();
                    if (column == null && t != null && RowTables.names(RowTables.of(p.ctx().row()), t.text())) {
                        p.next();
                        column = p.dateNamedByWord();
                        if (column == null) {
                            p.reset(tableWord);
                        }
                    }
                }
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
        if (birth instanceof Expr.Col c && !DateColumns.dated(p.ctx(), c) && ColumnWords.holdsAYear(c.column())) {
            // "Age of the vehicle at the loss date" from vehicle_year: a year, not a date (the years between them)
            SqlType own = p.ctx().typeOf(c);
            Expr year = own.kind() == SqlType.Kind.INTEGER || own.kind() == SqlType.Kind.BIGINT ? c
                    : new Expr.Cast(c, SqlType.INTEGER, true);
            return new Expr.Bin("-", new Expr.Extract("YEAR", reference), year);
        }
        return DateDifferences.years(birth, reference);
    }

    /** "the date the account was opened", "the day on which the policy was issued": a date column named by its event. */
    private static Expr dateOfEvent(Parser p) {
        int m = p.mark();
        if (p.acceptWord("date") || p.acceptWord("day")) {
            Expr column = DateSubjects.whenDone(p);
            if (column != null) {
                return column;
            }
        }
        p.reset(m);
        return null;
    }

    /** Nouns that name a difference of two dates before its unit: "Lag in days between ...". */
    private static final java.util.Set<String> LAG_NOUNS = java.util.Set.of("lag", "gap", "delay", "turnaround",
            "interval", "span", "elapsed", "wait", "waiting", "lead", "cycle");

    /** [","] (excluding | except | not counting | without) [the] (weekends | weekend days | saturdays and sundays). */
    private static boolean withoutWeekends(Parser p) {
        int m = p.mark();
        p.acceptOp(",");
        boolean open = p.acceptOp("(");
        boolean without = p.acceptWord("excluding") || p.acceptWord("except") || p.acceptWord("without")
                || p.acceptWord("not") && p.acceptWord("counting") || p.acceptWord("exclude");
        if (without && (p.acceptWord("weekends") || p.acceptWord("weekend") && (p.acceptWord("days") || true)
                || p.acceptWord("saturdays") && p.accept(Role.AND) && p.acceptWord("sundays")
                || p.acceptWord("saturday") && p.accept(Role.AND) && p.acceptWord("sunday")) && (!open || p.acceptOp(")"))) {
            return true;
        }
        p.reset(m);
        return false;
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
        // "issue_date minus application_date, in calendar days": the unit after a comma
        p.acceptOp(",");
        if (!(p.accept(Role.FROM) || p.accept(Role.CAST))) {
            return null;
        }
        p.accept(Role.DIFFERENCE);
        String unit = unit(p);
        return unit == null ? null : difference(unit, start, end, p);
    }

    /**
     * A shift moves a date by calendar units; hours, minutes and seconds move a timestamp, so they are read only where
     * the target is one (null otherwise).
     */
    static String shiftUnit(String unit, Parser p) {
        return unit == null || Expr.DateAdd.clock(unit) && p.targetType().kind() != SqlType.Kind.TIMESTAMP ? null : unit;
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

    static Expr difference(String unit, Expr start, Expr end, Parser p) {
        return switch (unit) {
            case "DAY" -> new Expr.DateDiff(start, end);
            case "MONTH" -> DateDifferences.months(start, end);
            case "YEAR" -> DateDifferences.years(start, end);
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


    /** "as of", "as at", "as on": the date something is counted at. */
    /**
     * (OF | FOR) [the] person: "of the insured", "for the patient", "of the member" -- whose age it is, said by a PERSON
     * word, the row's table, or the first word of one of the row's columns (insured for insured_dob); a remark.
     */
    private static boolean person(Parser p) {
        int m = p.mark();
        if (!(p.acceptWord("of") || p.acceptWord("for"))) {
            return false;
        }
        p.acceptWord("the");
        p.acceptWord("each");
        if (p.accept(Role.PERSON)) {
            return true;
        }
        Token t = p.peekToken();
        if (t != null && t.kind() == Token.Kind.WORD && t.text().matches("[A-Za-z]{3,}")
                && (RowTables.names(RowTables.of(p.ctx().row()), t.norm()) || p.ctx().sources().stream()
                .anyMatch(c -> c.column().toLowerCase(java.util.Locale.ROOT).startsWith(t.norm() + "_")))) {
            p.next();
            return true;
        }
        p.reset(m);
        return false;
    }

    private static boolean asOf(Parser p) {
        int m = p.mark();
        if (p.acceptWord("as") && (p.acceptWord("of") || p.acceptWord("at") || p.acceptWord("on"))) {
            return true;
        }
        p.reset(m);
        return false;
    }

    /** A date written out at the cursor ("2024-12-31"), or null (cursor unchanged). */
    private static Expr fixedDate(Parser p) {
        int m = p.mark();
        Expr e = p.literal();
        if (e instanceof Expr.Cast c && c.type().kind() == io.aide.compiler.plan.SqlType.Kind.DATE) {
            return e;
        }
        if (e instanceof Expr.Lit l && l.value() instanceof String text && text.trim().matches("\\d{4}-\\d{2}-\\d{2}")) {
            // "as of '2024-12-31'": quoted, it is still the day
            return new Expr.Cast(new Expr.Lit(text.trim()), io.aide.compiler.plan.SqlType.DATE, false);
        }
        p.reset(m);
        return null;
    }
}
