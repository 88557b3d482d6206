package io.aide.compiler;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Types of compiled expressions: infers the type of an expression from the registered schema and its operators,
 * and inserts the casts text sources need (arithmetic, date arithmetic, comparisons) and the cast to the target type.
 */
final class TypeCoercion {
    private final SourceTables tables;
    /** Literals read from parameters whose name says their unit ("grace_days"): date arithmetic adds that unit. */
    private final Map<Expr.Lit, String> unitHints;

    TypeCoercion(SourceTables tables, Map<Expr.Lit, String> unitHints) {
        this.tables = tables;
        this.unitHints = unitHints;
    }

    /** Inserts the casts text sources need (arithmetic, date arithmetic, comparisons) and the cast to the target type. */
    Expr coerce(Expr e, SqlType target) {
        Expr typed = typeFix(e, target);
        return castToTarget(typed, target);
    }

    /** The CASE with each NULL branch of no known type given the type. */
    private static Expr.Case withUntypedNulls(Expr.Case c, SqlType type) {
        java.util.function.UnaryOperator<Expr> typed = r -> r instanceof Expr.TypedNull n && !n.type().known() ? new Expr.TypedNull(type) : r;
        return new Expr.Case(c.whens().stream().map(w -> new Expr.When(w.condition(), typed.apply(w.result()))).toList(),
                c.otherwise() == null ? null : typed.apply(c.otherwise()));
    }

    Expr castToTarget(Expr e, SqlType target) {
        if (!target.known()) {
            return e;
        }
        if (target.kind() == SqlType.Kind.BOOLEAN && e instanceof Expr.Case c && truthCodes(c)) {
            // "Y if email contains '@' else N" for a true/false column: the codes are the truth values (a cast of 'Y'
            // to BOOLEAN fails on BigQuery, which reads only 'true' and 'false')
            return new Expr.Case(c.whens().stream().map(w -> new Expr.When(w.condition(), truth(w.result()))).toList(),
                    c.otherwise() == null ? null : truth(c.otherwise()));
        }
        if (e instanceof Expr.Case c) {
            // "CASE WHEN ... THEN CAST(VOL_ML AS INTEGER) ELSE NULL END": a NULL of no type is one of the column's type
            e = withUntypedNulls(c, target);
        }
        SqlType actual = infer(e);
        if (e instanceof Expr.TypedNull) {
            return new Expr.TypedNull(target);
        }
        if (actual.kind() == target.kind() && (target.kind() != SqlType.Kind.DECIMAL
                || (Objects.equals(actual.precision(), target.precision()) && Objects.equals(actual.scale(), target.scale())))) {
            return e;
        }
        if (target.kind() == SqlType.Kind.VARCHAR && (actual.kind() == SqlType.Kind.VARCHAR || actual.kind() == SqlType.Kind.UNKNOWN)) {
            return e;
        }
        if (e instanceof Expr.Cast c && c.type().kind() == target.kind()) {
            return new Expr.Cast(c.expr(), target, c.safe());
        }
        boolean text = actual.kind() == SqlType.Kind.VARCHAR || actual.kind() == SqlType.Kind.UNKNOWN;
        return new Expr.Cast(e, target, text);
    }

    private static final List<String> DAY_NAMES = List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday");

    /**
     * "day of week of d IN ('Saturday','Sunday')": the day's number compared with days written as names, each name read as
     * its number (ISO: Monday 1 .. Sunday 7; DOW: Sunday 0 .. Saturday 6); the expression unchanged otherwise.
     */
    private static Expr dayNumbers(Expr e) {
        Expr day = e instanceof Expr.InList in ? in.expr() : e instanceof Expr.Bin b && Set.of("=", "<>").contains(b.op()) ? b.left() : null;
        if (!(day instanceof Expr.Extract x) || !Set.of("ISODOW", "DOW").contains(x.part())) {
            return e;
        }
        List<Expr> values = e instanceof Expr.InList in ? in.items() : List.of(((Expr.Bin) e).right());
        List<Expr> numbers = new ArrayList<>();
        for (Expr v : values) {
            int i = v instanceof Expr.Lit l && l.value() instanceof String name ? DAY_NAMES.indexOf(name.strip().toLowerCase(Locale.ROOT)) : -1;
            if (i < 0) {
                return e;
            }
            numbers.add(new Expr.Lit((long) (x.part().equals("ISODOW") ? i + 1 : (i + 1) % 7)));
        }
        return e instanceof Expr.InList in ? new Expr.InList(in.expr(), numbers, in.negated())
                : new Expr.Bin(((Expr.Bin) e).op(), day, numbers.get(0));
    }

    private static final Set<String> TRUE_CODES = Set.of("Y", "YES", "T", "TRUE", "1");
    private static final Set<String> FALSE_CODES = Set.of("N", "NO", "F", "FALSE", "0");

    /** Every branch gives a text code of truth (Y/N, Yes/No, T/F, 1/0) or NULL. */
    private static boolean truthCodes(Expr.Case c) {
        List<Expr> results = new ArrayList<>(c.whens().stream().map(Expr.When::result).toList());
        if (c.otherwise() != null) {
            results.add(c.otherwise());
        }
        return results.stream().allMatch(r -> r instanceof Expr.TypedNull || r instanceof Expr.Lit l && l.value() instanceof String s
                && (TRUE_CODES.contains(s.trim().toUpperCase(Locale.ROOT)) || FALSE_CODES.contains(s.trim().toUpperCase(Locale.ROOT))))
                && results.stream().anyMatch(r -> r instanceof Expr.Lit);
    }

    private static Expr truth(Expr r) {
        if (r instanceof Expr.Lit l && l.value() instanceof String s) {
            return new Expr.Lit(TRUE_CODES.contains(s.trim().toUpperCase(Locale.ROOT)));
        }
        return r instanceof Expr.TypedNull ? new Expr.TypedNull(SqlType.BOOLEAN) : r;
    }

    Expr typeFix(Expr e, SqlType target) {
        if (e == null) {
            return null;
        }
        Expr numbered = dayNumbers(e);
        if (numbered != e) {
            return typeFix(numbered, target);
        }
        if (e instanceof Expr.Bin b) {
            Expr l = typeFix(b.left(), Set.of("+", "-").contains(b.op()) ? target : null);
            Expr r = typeFix(b.right(), null);
            String op = b.op();
            if (Set.of("+", "-", "*", "/", "%").contains(op)) {
                SqlType lt = infer(l);
                SqlType rt = infer(r);
                if ((op.equals("+") || op.equals("-")) && dateNamed(l) && (dateNamed(r) || rt.numeric())) {
                    // "svc_to_dt - svc_from_dt + 1" over columns of no registered type: their names say they are
                    // dates, and numbers subtracted from dates would be a silent error
                    l = new Expr.Cast(l, SqlType.DATE, true);
                    lt = SqlType.DATE;
                    if (dateNamed(r)) {
                        r = new Expr.Cast(r, SqlType.DATE, true);
                        rt = SqlType.DATE;
                    }
                }
                if ((op.equals("+") || op.equals("-")) && target != null && target.temporal() && textual(lt)
                        && !(l instanceof Expr.Lit) && rt.numeric()) {
                    l = new Expr.Cast(l, SqlType.DATE, true);
                    lt = SqlType.DATE;
                }
                if (op.equals("-") && rt.temporal() && !lt.temporal() && dateNamed(l)) {
                    // "Departure date minus booking_date": a date-named text column less a date is a date too
                    l = new Expr.Cast(l, SqlType.DATE, true);
                    lt = SqlType.DATE;
                }
                if (op.equals("-") && lt.temporal() && !rt.temporal() && dateNamed(r)) {
                    // "COALESCE(closed_dt, CURRENT_DATE) - loss_dt": a date-named column of no registered type taken
                    // from a date is a date too, never a number of days
                    r = new Expr.Cast(r, SqlType.DATE, true);
                    rt = SqlType.DATE;
                }
                if ((op.equals("+") || op.equals("-")) && lt.temporal() && (rt.numeric() || rt.kind() == SqlType.Kind.UNKNOWN)) {
                    String unit = r instanceof Expr.Lit lit && unitHints.containsKey(lit) ? unitHints.get(lit) : "DAY";
                    return new Expr.DateAdd(l, op.equals("-") ? new Expr.Neg(r) : r, unit);
                }
                if (op.equals("-") && lt.temporal() && rt.temporal()) {
                    return new Expr.DateDiff(r, l);
                }
                if (op.equals("+") && textual(lt) && textual(rt) && (textLiteral(l) || textLiteral(r)
                        || l instanceof Expr.Concat || r instanceof Expr.Concat)) {
                    // "first_name + ' ' + last_name": + with a text literal joins text
                    List<Expr> parts = new ArrayList<>();
                    for (Expr x : List.of(l, r)) {
                        if (x instanceof Expr.Concat c) {
                            parts.addAll(c.parts());
                        } else {
                            parts.add(x);
                        }
                    }
                    return new Expr.Concat(parts);
                }
                if (op.equals("/") && integral(lt) && (integral(rt) || rt.kind() == SqlType.Kind.UNKNOWN)) {
                    // "amount / 100" means a division; PostgreSQL and ANSI would truncate two integers
                    return new Expr.Bin(op, new Expr.Cast(l, SqlType.DOUBLE, false), numericOperand(r));
                }
                return new Expr.Bin(op, numericOperand(l), numericOperand(r));
            }
            if (Set.of("=", "<>", "<", ">", "<=", ">=").contains(op)) {
                SqlType lt = infer(l);
                SqlType rt = infer(r);
                if (dateNamed(l) && (dateNamed(r) || rt.temporal())) {
                    // two dates by their names compare as dates, not as text
                    l = new Expr.Cast(l, SqlType.DATE, true);
                    lt = SqlType.DATE;
                }
                if (dateNamed(r) && lt.temporal()) {
                    r = new Expr.Cast(r, SqlType.DATE, true);
                    rt = SqlType.DATE;
                }
                SqlType lw = timestampNamed(l) ? SqlType.TIMESTAMP : dateNamed(l) ? SqlType.DATE : lt;
                SqlType rw = timestampNamed(r) ? SqlType.TIMESTAMP : dateNamed(r) ? SqlType.DATE : rt;
                if (lw.temporal() && rw.temporal() && (lw.kind() != rw.kind() || timestampNamed(l) || timestampNamed(r))) {
                    // "delivered after the promised date": a timestamp beside a date compares by its calendar date (10:00
                    // on the promised day is not after it); two timestamps by their names compare as timestamps
                    SqlType common = lw.kind() == SqlType.Kind.DATE || rw.kind() == SqlType.Kind.DATE ? SqlType.DATE : SqlType.TIMESTAMP;
                    l = lt.kind() == common.kind() ? l : asKind(l, lw, common);
                    r = rt.kind() == common.kind() ? r : asKind(r, rw, common);
                    lt = common;
                    rt = common;
                }
                if (Set.of("<", ">", "<=", ">=").contains(op) && textual(lt) && textual(rt) && !(l instanceof Expr.Lit)
                        && !(r instanceof Expr.Lit) && (measureNamed(l) || measureNamed(r))) {
                    // "dr_amt > cr_amt" over text columns: amounts compare as numbers ('100' > '20'), not as text
                    l = new Expr.Cast(l, SqlType.DOUBLE, true);
                    r = new Expr.Cast(r, SqlType.DOUBLE, true);
                } else if (textual(lt) && rt.numeric() && !(l instanceof Expr.Lit)) {
                    l = new Expr.Cast(l, SqlType.DOUBLE, true);
                } else if (textual(rt) && lt.numeric() && !(r instanceof Expr.Lit)) {
                    r = new Expr.Cast(r, SqlType.DOUBLE, true);
                } else if (textual(lt) && rt.temporal()) {
                    l = new Expr.Cast(l, rt, true);
                } else if (textual(rt) && lt.temporal()) {
                    r = new Expr.Cast(r, lt, true);
                }
            }
            return new Expr.Bin(op, l, r);
        }
        if (e instanceof Expr.Agg a) {
            Expr arg = typeFix(a.arg(), null);
            if (arg instanceof Expr.Case c && (a.fn().equals("SUM") || a.fn().equals("AVG"))) {
                // "Sum of duration_sec for VOICE events": each value the condition lets through is added as a number
                arg = new Expr.Case(c.whens().stream().map(w -> new Expr.When(w.condition(), numericOperand(w.result()))).toList(),
                        c.otherwise() == null ? null : numericOperand(c.otherwise()));
            } else if (arg != null && (a.fn().equals("SUM") || a.fn().equals("AVG"))) {
                arg = numericOperand(arg);
            } else if (arg != null && (a.fn().equals("MIN") || a.fn().equals("MAX")) && target != null
                    && (target.numeric() || target.temporal()) && textual(infer(arg))) {
                arg = castArg(arg, target);
            }
            return new Expr.Agg(a.fn(), arg, a.distinct());
        }
        if (e instanceof Expr.Window w && !w.args().isEmpty() && List.of("SUM", "AVG").contains(w.fn())) {
            // a running total adds numbers: a text column is read as one
            List<Expr> args = new ArrayList<>(w.args());
            args.set(0, numericOperand(typeFix(args.get(0), null)));
            return new Expr.Window(w.fn(), args, w.partitionBy(), w.orderBy());
        }
        if (e instanceof Expr.DateAdd d) {
            Expr base = typeFix(d.expr(), null);
            if (Expr.DateAdd.clock(d.unit()) && infer(base).kind() != SqlType.Kind.TIMESTAMP) {
                // minutes added to a date or a text: the value read as a timestamp
                base = new Expr.Cast(base, SqlType.TIMESTAMP, true);
            } else if (!infer(base).temporal()) {
                base = new Expr.Cast(base, SqlType.DATE, true);
            }
            return new Expr.DateAdd(base, numericOperand(typeFix(d.amount(), null)), d.unit());
        }
        if (e instanceof Expr.InList in && textual(infer(in.expr())) && !(in.expr() instanceof Expr.Lit)
                && in.items().stream().anyMatch(TypeCoercion::numberLiteral)) {
            // "1, 2 = Low" over a text code: numbers alone compare as numbers (as one code does, '01' = 1); beside
            // text codes ("3 or SG") they are codes written as they are sent
            boolean allNumbers = in.items().stream().allMatch(TypeCoercion::numberLiteral);
            return allNumbers ? new Expr.InList(new Expr.Cast(typeFix(in.expr(), null), SqlType.DOUBLE, true), in.items(), in.negated())
                    : new Expr.InList(typeFix(in.expr(), null), in.items().stream().map(i -> numberLiteral(i)
                            ? new Expr.Lit(((Expr.Lit) i).value().toString()) : i).toList(), in.negated());
        }
        if (e instanceof Expr.Case c) {
            List<Expr.When> whens = c.whens().stream().map(w -> new Expr.When(typeFix(w.condition(), null),
                    typeFix(w.result(), target))).toList();
            return new Expr.Case(whens, typeFix(c.otherwise(), target));
        }
        if (e instanceof Expr.DateDiff dd) {
            return new Expr.DateDiff(temporalOperand(typeFix(dd.start(), null)), temporalOperand(typeFix(dd.end(), null)));
        }
        if (e instanceof Expr.SecondsBetween sb) {
            return new Expr.SecondsBetween(timestampOperand(typeFix(sb.start(), null)), timestampOperand(typeFix(sb.end(), null)));
        }
        if (e instanceof Expr.Extract x) {
            Expr operand = typeFix(x.expr(), null);
            // the hour, minute or second of a text read as a date would always be 0: read it as a timestamp
            boolean clock = Set.of("HOUR", "MINUTE", "SECOND").contains(x.part());
            return new Expr.Extract(x.part(), clock && !infer(operand).temporal()
                    ? new Expr.Cast(operand, SqlType.TIMESTAMP, true) : temporalOperand(operand));
        }
        if (e instanceof Expr.LastDay l) {
            return new Expr.LastDay(temporalOperand(typeFix(l.expr(), null)));
        }
        if (e instanceof Expr.TruncTimestamp t) {
            // the hour or minute of a timestamp: a text or a date is read as a timestamp first
            Expr x = typeFix(t.expr(), null);
            return new Expr.TruncTimestamp(t.unit(), infer(x).kind() == SqlType.Kind.TIMESTAMP ? x
                    : new Expr.Cast(x, SqlType.TIMESTAMP, true));
        }
        if (e instanceof Expr.TruncDate t) {
            // the period of the calendar date: a timestamp or a text is read as a date first (BigQuery truncates a DATE)
            Expr x = typeFix(t.expr(), null);
            return new Expr.TruncDate(t.unit(), infer(x).kind() == SqlType.Kind.DATE ? x : new Expr.Cast(x, SqlType.DATE, true));
        }
        if (e instanceof Expr.Cast c && c.expr() instanceof Expr.FormatDate) {
            // a date written with a pattern and read back as a number ("YYYYMM of d as integer"): the inner value too
            return new Expr.Cast(typeFix(c.expr(), null), c.type(), c.safe());
        }
        if (e instanceof Expr.Cast c) {
            // "CAST(ABS(amount) AS DECIMAL)": the operands inside a cast are typed as anywhere else
            Expr inner = typeFix(c.expr(), null);
            return inner == c.expr() ? c : new Expr.Cast(inner, c.type(), c.safe());
        }
        if (e instanceof Expr.FormatDate f) {
            Expr x = typeFix(f.expr(), null);
            Expr inner = x;
            while (inner instanceof Expr.Cast c) {
                inner = c.expr();
            }
            if (inner instanceof Expr.FormatDate again && again.strftime().equals(f.strftime())) {
                // "year and month of d as a six-digit number YYYYMM": the layout said twice is written once
                return inner;
            }
            // BigQuery formats a DATE with FORMAT_DATE and a TIMESTAMP with FORMAT_TIMESTAMP: the value must be the kind the pattern needs
            SqlType needed = f.strftime().matches(".*%[HMS].*") ? SqlType.TIMESTAMP : SqlType.DATE;
            SqlType actual = infer(x);
            if (actual.kind() != needed.kind()) {
                x = new Expr.Cast(x, needed, textual(actual));
            }
            return new Expr.FormatDate(x, f.strftime());
        }
        if (e instanceof Expr.EpochSeconds es) {
            return new Expr.EpochSeconds(numericOperand(typeFix(es.expr(), null)));
        }
        if (e instanceof Expr.Fn f && Set.of("ABS", "FLOOR", "CEIL", "TRUNC", "SIGN", "SQRT").contains(f.name().toUpperCase(Locale.ROOT))
                && f.args().size() == 1) {
            return new Expr.Fn(f.name(), List.of(numericOperand(typeFix(f.args().get(0), null))));
        }
        if (e instanceof Expr.Fn f && Set.of("LENGTH", "MD5", "SHA256", "LPAD", "RPAD", "LTRIM", "RTRIM", "REPLACE", "UPPER", "LOWER", "TRIM",
                "STRPOS", "SPLIT_PART")
                .contains(f.name().toUpperCase(Locale.ROOT)) && !f.args().isEmpty()) {
            List<Expr> args = new ArrayList<>(f.args().stream().map(x -> typeFix(x, null)).toList());
            SqlType t = infer(args.get(0));
            if (!textual(t)) {
                args.set(0, new Expr.Cast(args.get(0), SqlType.VARCHAR, false));
            }
            return new Expr.Fn(f.name(), args);
        }
        if (e instanceof Expr.Fn f && Set.of("GREATEST", "LEAST").contains(f.name().toUpperCase(Locale.ROOT))) {
            // "GREATEST(rsv_amt - paid_amt, 0)": beside a number the arguments are numbers (text would not compare)
            List<Expr> args = new ArrayList<>(f.args().stream().map(x -> typeFix(x, null)).toList());
            if (args.stream().anyMatch(a -> infer(a).numeric())) {
                args.replaceAll(a -> a instanceof Expr.Lit ? a : numericOperand(a));
            }
            return new Expr.Fn(f.name(), args);
        }
        if (e instanceof Expr.Fn f && Set.of("COALESCE", "NVL", "IFNULL").contains(f.name().toUpperCase(Locale.ROOT))) {
            // "COALESCE(paid_amt, 0)" over a text column: one type for all arguments (PostgreSQL and BigQuery have no
            // common type of text and a number), the column read as a number (a whole-number default such as 0 says
            // nothing of the column's fraction: '12.50' stays 12.5)
            List<Expr> args = new ArrayList<>(f.args().stream().map(x -> typeFix(x, null)).toList());
            if (args.stream().anyMatch(a -> a instanceof Expr.Lit l && l.value() instanceof Number)) {
                args.replaceAll(a -> a instanceof Expr.Col && textual(infer(a)) ? new Expr.Cast(a, SqlType.DOUBLE, true) : a);
            }
            return new Expr.Fn(f.name(), args);
        }
        if (e instanceof Expr.Fn f && f.name().equals("CONVERT_TZ") && f.args().size() == 3) {
            // a wall-clock time moved between zones: a timestamp (text read as one)
            List<Expr> args = new ArrayList<>(f.args());
            args.set(0, timestampOperand(typeFix(args.get(0), null)));
            return new Expr.Fn(f.name(), args);
        }
        if (e instanceof Expr.Fn f && Set.of("POWER", "POW").contains(f.name().toUpperCase(Locale.ROOT)) && f.args().size() == 2) {
            // "(height in metres) squared": base and exponent are numbers
            return new Expr.Fn("POWER", f.args().stream().map(x -> numericOperand(typeFix(x, null))).toList());
        }
        if (e instanceof Expr.Fn f && f.name().equalsIgnoreCase("ROUND")) {
            List<Expr> args = new ArrayList<>(f.args().stream().map(x -> typeFix(x, null)).toList());
            args.set(0, numericOperand(args.get(0)));
            return new Expr.Fn(f.name(), args);
        }
        if (e instanceof Expr.Concat c) {
            return new Expr.Concat(c.parts().stream().map(p -> {
                Expr x = typeFix(p, null);
                SqlType t = infer(x);
                return t.kind() == SqlType.Kind.VARCHAR || t.kind() == SqlType.Kind.UNKNOWN ? x : new Expr.Cast(x, SqlType.VARCHAR, false);
            }).toList());
        }
        if (e instanceof Expr.IsNull n) {
            // "(amount_cents / 100) IS NULL": the value tested is typed as anywhere else
            return new Expr.IsNull(typeFix(n.expr(), null), n.negated());
        }
        if (e instanceof Expr.Not n) {
            return new Expr.Not(typeFix(n.expr(), null));
        }
        if (e instanceof Expr.InList in) {
            // "day of week of SESS_DATE IN (6, 7)": the value tested is typed as anywhere else
            Expr tested = typeFix(in.expr(), null);
            return tested == in.expr() ? e : new Expr.InList(tested, in.items(), in.negated());
        }
        return e;
    }

    static boolean textLiteral(Expr e) {
        return e instanceof Expr.Lit l && l.value() instanceof String v && !v.trim().matches("[-+]?\\d+(\\.\\d+)?");
    }

    private static boolean numberLiteral(Expr e) {
        return e instanceof Expr.Lit l && l.value() instanceof Number;
    }

    static boolean textual(SqlType t) {
        return t.kind() == SqlType.Kind.VARCHAR || t.kind() == SqlType.Kind.UNKNOWN;
    }

    Expr castArg(Expr arg, SqlType target) {
        if (target.temporal() || target.kind() == SqlType.Kind.DECIMAL || target.numeric()) {
            return new Expr.Cast(arg, target.kind() == SqlType.Kind.DECIMAL || target.numeric() ? SqlType.DOUBLE : target, true);
        }
        return arg;
    }

    static boolean integral(SqlType t) {
        return t.kind() == SqlType.Kind.INTEGER || t.kind() == SqlType.Kind.BIGINT;
    }

    /** Text read as a date (ISO text; NULL when it is not one) where a date function needs a date. */
    Expr temporalOperand(Expr e) {
        SqlType t = infer(e);
        if (t.temporal()) {
            return e;
        }
        return new Expr.Cast(e, SqlType.DATE, true);
    }

    /** A timestamp where a clock difference needs one: a date at midnight, a text read as a timestamp. */
    Expr timestampOperand(Expr e) {
        SqlType t = infer(e);
        if (t.kind() == SqlType.Kind.TIMESTAMP) {
            return e;
        }
        return new Expr.Cast(e, SqlType.TIMESTAMP, !t.temporal());
    }

    Expr numericOperand(Expr e) {
        SqlType t = infer(e);
        if (t.numeric()) {
            return e;
        }
        if (e instanceof Expr.Case || e instanceof Expr.Lit) {
            return e;
        }
        return new Expr.Cast(e, SqlType.DOUBLE, true);
    }

    /**
     * A column of no registered type, or of text, whose name says it holds a date (order_date, svc_to_dt,
     * date_of_birth, dob): subtracted or compared, it is read as a date.
     */
    private boolean dateNamed(Expr e) {
        return e instanceof Expr.Col c && textual(tables.columnType(c)) && io.aide.compiler.plan.ColumnNames.date(c.column());
    }

    /** A value of kind {@code was} (by type or name) as {@code kind}: a timestamp's text is read as a timestamp first. */
    private static Expr asKind(Expr e, SqlType was, SqlType kind) {
        Expr read = was.kind() == SqlType.Kind.TIMESTAMP && kind.kind() == SqlType.Kind.DATE && !(e instanceof Expr.Cast)
                ? new Expr.Cast(e, SqlType.TIMESTAMP, true) : e;
        return new Expr.Cast(read, kind, true);
    }

    /** A column of no registered type, or of text, whose name says it holds a timestamp (created_ts). */
    private boolean timestampNamed(Expr e) {
        return e instanceof Expr.Col c && textual(tables.columnType(c)) && io.aide.compiler.plan.ColumnNames.timestamp(c.column());
    }

    /** A column of no registered type, or of text, whose name says it holds a measure (amount, qty, price ...). */
    private boolean measureNamed(Expr e) {
        return e instanceof Expr.Col c && textual(tables.columnType(c)) && !dateNamed(e) && MeasureNames.measure(c.column());
    }


    SqlType infer(Expr e) {
        if (e == null) {
            return SqlType.UNKNOWN;
        }
        if (e instanceof Expr.Col c) {
            return tables.columnType(c);
        }
        if (e instanceof Expr.Lit l) {
            Object v = l.value();
            return v instanceof Long ? SqlType.BIGINT : v instanceof java.math.BigDecimal ? SqlType.DOUBLE
                    : v instanceof Boolean ? SqlType.BOOLEAN : SqlType.VARCHAR;
        }
        if (e instanceof Expr.TypedNull t) {
            return t.type();
        }
        if (e instanceof Expr.Cast c) {
            return c.type();
        }
        if (e instanceof Expr.ParseDate p) {
            return p.timestamp() ? SqlType.TIMESTAMP : SqlType.DATE;
        }
        if (e instanceof Expr.DateAdd d) {
            return Expr.DateAdd.clock(d.unit()) ? SqlType.TIMESTAMP : SqlType.DATE;
        }
        if (e instanceof Expr.Tally t) {
            return t.fn().equals("COUNT") ? SqlType.BIGINT : Set.of("SUM", "AVG").contains(t.fn()) ? SqlType.DOUBLE : SqlType.UNKNOWN;
        }
        if (e instanceof Expr.DateDiff || e instanceof Expr.Extract) {
            return SqlType.BIGINT;
        }
        if (e instanceof Expr.SecondsBetween) {
            return SqlType.DOUBLE;
        }
        if (e instanceof Expr.Bin b) {
            if (Set.of("+", "-", "*", "/", "%").contains(b.op())) {
                SqlType l = infer(b.left());
                SqlType r = infer(b.right());
                if (b.op().equals("/") || l.kind() == SqlType.Kind.DOUBLE || r.kind() == SqlType.Kind.DOUBLE
                        || l.kind() == SqlType.Kind.DECIMAL || r.kind() == SqlType.Kind.DECIMAL) {
                    return SqlType.DOUBLE;
                }
                return l.numeric() && r.numeric() ? SqlType.BIGINT : SqlType.DOUBLE;
            }
            return SqlType.BOOLEAN;
        }
        if (e instanceof Expr.Not || e instanceof Expr.InList || e instanceof Expr.IsNull || e instanceof Expr.IsNumeric) {
            return SqlType.BOOLEAN;
        }
        if (e instanceof Expr.Neg n) {
            return infer(n.expr());
        }
        if (e instanceof Expr.Agg a) {
            if (a.fn().equals("COUNT")) {
                return SqlType.BIGINT;
            }
            SqlType t = infer(a.arg());
            return a.fn().equals("AVG") ? SqlType.DOUBLE : t;
        }
        if (e instanceof Expr.Case c) {
            for (Expr.When w : c.whens()) {
                SqlType t = infer(w.result());
                if (!(w.result() instanceof Expr.TypedNull) && t.known()) {
                    return t;
                }
            }
            return c.otherwise() == null ? SqlType.UNKNOWN : infer(c.otherwise());
        }
        if (e instanceof Expr.Concat || e instanceof Expr.Substr) {
            return SqlType.VARCHAR;
        }
        if (e instanceof Expr.Fn f) {
            String n = f.name().toUpperCase(Locale.ROOT);
            if (Set.of("UPPER", "LOWER", "TRIM", "LTRIM", "RTRIM", "REPLACE", "LPAD", "RPAD", "INITCAP", "REVERSE").contains(n)) {
                return SqlType.VARCHAR;
            }
            if (n.equals("LENGTH") || n.equals("STRPOS")) {
                return SqlType.BIGINT;
            }
            if (n.equals("MD5") || n.equals("SHA256")) {
                return SqlType.VARCHAR;
            }
            if (!f.args().isEmpty()) {
                return infer(f.args().get(0));
            }
        }
        if (e instanceof Expr.CurrentDate || e instanceof Expr.LastDay || e instanceof Expr.TruncDate) {
            return SqlType.DATE;
        }
        if (e instanceof Expr.TruncTimestamp) {
            return SqlType.TIMESTAMP;
        }
        if (e instanceof Expr.Window w && List.of("ROW_NUMBER", "RANK", "DENSE_RANK", "COUNT").contains(w.fn())) {
            return SqlType.BIGINT;
        }
        if (e instanceof Expr.Window w && !w.args().isEmpty()) {
            return w.fn().equals("AVG") ? SqlType.DOUBLE : infer(w.args().get(0));
        }
        if (e instanceof Expr.CurrentTimestamp || e instanceof Expr.EpochSeconds) {
            return SqlType.TIMESTAMP;
        }
        if (e instanceof Expr.FormatDate) {
            return SqlType.VARCHAR;
        }
        return SqlType.UNKNOWN;
    }
}
