package io.aide.compiler.dialect;

import io.aide.compiler.plan.DatePatterns;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Standard SQL, the base every dialect extends: one method per construct of the expression tree
 * (as Calcite's {@code SqlDialect.unparseCall} per kind), a table of type names, of function names and of
 * date-pattern tokens (as sqlglot's per-dialect generator with its TRANSFORMS and TIME_MAPPING).
 * A dialect overrides only what it writes differently; a new dialect is one subclass.
 */
public abstract class SqlDialect {
    /** Function names every dialect writes the same way: the vendor synonyms of COALESCE. */
    protected static final Map<String, String> COMMON_FUNCTION_NAMES = Map.of("NVL", "COALESCE", "IFNULL", "COALESCE");

    private static final Map<SqlType.Kind, String> TYPE_NAMES = typeNames(Map.of(
            SqlType.Kind.INTEGER, "INTEGER", SqlType.Kind.BIGINT, "BIGINT", SqlType.Kind.DOUBLE, "DOUBLE PRECISION",
            SqlType.Kind.VARCHAR, "VARCHAR", SqlType.Kind.DATE, "DATE", SqlType.Kind.TIMESTAMP, "TIMESTAMP",
            SqlType.Kind.BOOLEAN, "BOOLEAN"), Map.of());

    private static final Map<String, String> FUNCTION_NAMES = with(COMMON_FUNCTION_NAMES, Map.of("LENGTH", "CHAR_LENGTH"));

    /**
     * strftime (the plan's form) to TO_CHAR tokens: TO_CHAR is not in the standard, and PostgreSQL's form is the
     * most widely understood.
     */
    protected static final Map<String, String> TO_CHAR_TIME_MAPPING = Map.ofEntries(Map.entry("%Y", "YYYY"),
            Map.entry("%y", "YY"), Map.entry("%m", "MM"), Map.entry("%d", "DD"), Map.entry("%b", "Mon"),
            // names without the blank padding TO_CHAR adds to nine characters (FM: fill mode off for the next field)
            Map.entry("%B", "FMMonth"), Map.entry("%A", "FMDay"), Map.entry("%a", "Dy"), Map.entry("%H", "HH24"),
            Map.entry("%M", "MI"), Map.entry("%S", "SS"), Map.entry("%j", "DDD"));

    private final String id;
    private final char quote;

    protected SqlDialect(String id, char quote) {
        this.id = id;
        this.quote = quote;
    }

    public String id() {
        return id;
    }

    // ---- tables a dialect overrides ----

    /** Type name per kind (DECIMAL is written by {@link #decimalType}). */
    protected Map<SqlType.Kind, String> typeNames() {
        return TYPE_NAMES;
    }

    /** Function names written differently in this dialect (upper case on both sides). */
    protected Map<String, String> functionNames() {
        return FUNCTION_NAMES;
    }

    /** strftime token -> this dialect's token, for parsing and formatting dates. */
    protected Map<String, String> timeMapping() {
        return TO_CHAR_TIME_MAPPING;
    }

    /** The statement that (re)defines a view. */
    public String createView() {
        return "CREATE VIEW ";
    }

    // ---- names, literals and types ----

    public String quote(String identifier) {
        String q = String.valueOf(quote);
        return q + identifier.replace(q, q + q) + q;
    }

    public String literal(Object v) {
        if (v instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        if (v instanceof Number n) {
            return n instanceof BigDecimal bd ? bd.toPlainString() : n.toString();
        }
        return stringLiteral(v.toString());
    }

    protected String stringLiteral(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    public String type(SqlType t) {
        if (t.kind() == SqlType.Kind.DECIMAL) {
            return decimalType(t.precision(), t.scale());
        }
        return typeNames().get(t.kind() == SqlType.Kind.UNKNOWN ? SqlType.Kind.VARCHAR : t.kind());
    }

    protected String decimalType(int precision, int scale) {
        return "DECIMAL(" + Math.min(precision, 38) + ", " + Math.min(scale, 9) + ")";
    }

    /** A date pattern in this dialect's tokens. */
    protected String datePattern(String strftime) {
        return DatePatterns.convert(strftime, timeMapping());
    }

    // ---- expressions ----

    public String render(Expr e) {
        if (e instanceof Expr.Col c) {
            return column(c);
        } else if (e instanceof Expr.Lit l) {
            return literal(l.value());
        } else if (e instanceof Expr.TypedNull t) {
            return typedNull(t.type());
        } else if (e instanceof Expr.Cast c) {
            return castOf(c);
        } else if (e instanceof Expr.Fn f) {
            return function(f);
        } else if (e instanceof Expr.Bin b) {
            return binary(b);
        } else if (e instanceof Expr.Not n) {
            return "NOT (" + render(n.expr()) + ")";
        } else if (e instanceof Expr.Neg n) {
            return "-(" + render(n.expr()) + ")";
        } else if (e instanceof Expr.Case c) {
            return caseWhen(c);
        } else if (e instanceof Expr.InList i) {
            return render(i.expr()) + (i.negated() ? " NOT IN (" : " IN (")
                    + i.items().stream().map(this::render).collect(Collectors.joining(", ")) + ")";
        } else if (e instanceof Expr.IsNull i) {
            return operand(i.expr()) + (i.negated() ? " IS NOT NULL" : " IS NULL");
        } else if (e instanceof Expr.Agg a) {
            return aggregate(a);
        } else if (e instanceof Expr.Concat c) {
            List<String> parts = c.parts().stream().map(this::operand).toList();
            return parts.size() == 1 ? parts.get(0) : concat(parts);
        } else if (e instanceof Expr.Substr s) {
            return substring(render(s.expr()), render(s.start()), s.length() == null ? null : render(s.length()));
        } else if (e instanceof Expr.ParseDate p) {
            return parseDate(render(p.expr()), p.strftime(), p.timestamp());
        } else if (e instanceof Expr.DateAdd a) {
            return dateAdd(render(a.expr()), a.amount(), a.unit().toUpperCase(Locale.ROOT));
        } else if (e instanceof Expr.DateDiff dd) {
            return dateDiff(render(dd.start()), render(dd.end()));
        } else if (e instanceof Expr.SecondsBetween sb) {
            return secondsBetween(render(sb.start()), render(sb.end()));
        } else if (e instanceof Expr.Extract x) {
            return extract(x.part(), render(x.expr()));
        } else if (e instanceof Expr.IsNumeric n) {
            return isNumeric(render(n.expr()));
        } else if (e instanceof Expr.CurrentDate) {
            return "CURRENT_DATE";
        } else if (e instanceof Expr.CurrentTimestamp) {
            return currentTimestamp();
        } else if (e instanceof Expr.FormatDate f) {
            return formatDate(render(f.expr()), f.strftime());
        } else if (e instanceof Expr.EpochSeconds s) {
            return epochSeconds(render(s.expr()));
        } else if (e instanceof Expr.LastDay l) {
            return lastDay(render(l.expr()));
        } else if (e instanceof Expr.TruncDate t) {
            return truncDate(render(t.expr()), t.unit());
        } else if (e instanceof Expr.TruncTimestamp t) {
            return truncTimestamp(render(t.expr()), t.unit());
        } else if (e instanceof Expr.Window w) {
            return window(w);
        } else if (e instanceof Expr.Lookup l) {
            return lookup(l);
        } else if (e instanceof Expr.Tally t) {
            String of = t.arg() == null ? "*" : (t.distinct() ? "DISTINCT " : "") + render(t.arg());
            return "(SELECT " + t.fn() + "(" + of + ")" + fromMatching(t.table(), t.alias(), t.matches())
                    + (t.where() == null ? "" : (t.matches().isEmpty() ? " WHERE " : " AND ") + operand(t.where())) + ")";
        } else if (e instanceof Expr.Exists x) {
            return (x.negated() ? "NOT " : "") + "EXISTS (SELECT 1" + fromMatching(x.table(), x.alias(), x.matches())
                    + (x.where() == null ? "" : (x.matches().isEmpty() ? " WHERE " : " AND ") + operand(x.where())) + ")";
        }
        throw new IllegalArgumentException("cannot render " + e);
    }

    /** fn(args) OVER (PARTITION BY .. ORDER BY ..): the same words in every dialect. */
    protected String window(Expr.Window w) {
        StringBuilder over = new StringBuilder();
        if (!w.partitionBy().isEmpty()) {
            over.append("PARTITION BY ").append(w.partitionBy().stream().map(this::render).collect(Collectors.joining(", ")));
        }
        if (!w.orderBy().isEmpty()) {
            // engines differ in where NULLs sort by default (BigQuery and Spark first, DuckDB last, PostgreSQL and
            // Snowflake last ascending but first descending): always last, so a pick ranks real values first
            over.append(over.isEmpty() ? "" : " ").append("ORDER BY ").append(w.orderBy().stream()
                    .map(o -> render(o.expr()) + (o.descending() ? " DESC" : "") + " NULLS LAST")
                    .collect(Collectors.joining(", ")));
        }
        String args = w.args().isEmpty() && w.fn().equalsIgnoreCase("COUNT") ? "*"
                : w.args().stream().map(this::render).collect(Collectors.joining(", "));
        return w.fn() + "(" + args + ") OVER (" + over + ")";
    }

    /** A scalar subquery: more than one matching row is an error on the engine, never a silent pick. */
    protected String lookup(Expr.Lookup l) {
        return "(SELECT " + quote("lk") + '.' + quote(l.column()) + fromMatching(l.table(), "lk", l.matches()) + ")";
    }

    /** " FROM table AS lk WHERE lk.column = value AND ...": the rows of a lookup or a semi-join. */
    private String fromMatching(String table, String as, List<Expr.Match> matches) {
        String alias = quote(as);
        StringBuilder sb = new StringBuilder(" FROM ").append(java.util.Arrays.stream(table.split("\\.")).map(this::quote)
                .collect(Collectors.joining("."))).append(" AS ").append(alias);
        String sep = " WHERE ";
        for (Expr.Match m : matches) {
            String looked = alias + '.' + quote(m.column());
            for (String fn : m.cleaning()) {
                looked = render(new Expr.Fn(fn, List.of(new Expr.Col(as, m.column()))))
                        .replace(alias + '.' + quote(m.column()), looked);
            }
            sb.append(sep).append(looked);
            sb.append(m.values().size() == 1 ? " = " + render(m.values().get(0))
                    : " IN (" + m.values().stream().map(this::render).collect(Collectors.joining(", ")) + ")");
            sep = " AND ";
        }
        return sb.toString();
    }

    /** An operand of an operator, parenthesised when it is itself an operation. */
    protected String operand(Expr e) {
        String s = render(e);
        return e instanceof Expr.Bin || e instanceof Expr.Neg ? "(" + s + ")" : s;
    }

    protected String column(Expr.Col c) {
        return c.relation() == null ? quote(c.column()) : quote(c.relation()) + "." + quote(c.column());
    }

    protected String typedNull(SqlType t) {
        return "CAST(NULL AS " + type(t) + ")";
    }

    protected String castOf(Expr.Cast c) {
        return c.safe() ? safeCast(render(c.expr()), c.type()) : cast(render(c.expr()), c.type());
    }

    public String cast(String expr, SqlType t) {
        return "CAST(" + expr + " AS " + type(t) + ")";
    }

    /** A cast that gives NULL instead of failing on a value that does not convert. The standard has none. */
    public String safeCast(String expr, SqlType t) {
        return cast(expr, t);
    }

    protected String function(Expr.Fn f) {
        String name = f.name().toUpperCase(Locale.ROOT);
        if (name.equals("STRPOS") && f.args().size() == 2) {
            return position(render(f.args().get(0)), render(f.args().get(1)));
        }
        name = functionNames().getOrDefault(name, name);
        List<String> args = f.args().stream().map(this::render).toList();
        if (name.equals("CONVERT_TZ") && args.size() == 3) {
            return convertTimeZone(args.get(0), args.get(1), args.get(2));
        }
        return function(name, args);
    }

    /** A call by its (renamed) name; dialects override it for calls whose arguments they write differently. */
    protected String function(String name, List<String> args) {
        if ((name.equals("LTRIM") || name.equals("RTRIM")) && args.size() == 2) {
            // two-argument ltrim/rtrim orders its arguments differently across engines; the standard form is unambiguous
            return "TRIM(" + (name.equals("LTRIM") ? "LEADING " : "TRAILING ") + args.get(1) + " FROM " + args.get(0) + ")";
        }
        return call(name, args);
    }

    /** A timestamp's wall-clock time in zone {@code from} written as the wall-clock time in zone {@code to} (quoted names). */
    protected String convertTimeZone(String ts, String from, String to) {
        return "(" + ts + " AT TIME ZONE " + from + ") AT TIME ZONE " + to;
    }

    protected static String call(String name, List<String> args) {
        return name + "(" + String.join(", ", args) + ")";
    }

    protected String binary(Expr.Bin b) {
        String op = b.op().toUpperCase(Locale.ROOT);
        String l = operand(b.left());
        String r = operand(b.right());
        if (op.equals("%")) {
            return modulo(b, l, r);
        }
        if (op.equals("/")) {
            return divide(b, l, r);
        }
        return l + " " + op + " " + r;
    }

    /**
     * A quotient that is NULL when the divisor is 0 (engines disagree there: DuckDB gives Infinity, PostgreSQL,
     * BigQuery and Spark in ANSI mode raise), and a fraction even between integers.
     */
    protected String divide(Expr.Bin b, String left, String right) {
        boolean safeDivisor = b.right() instanceof Expr.Lit lit && lit.value() instanceof Number n && n.doubleValue() != 0;
        String dividend = integerDivision() && integral(b.left()) && integral(b.right()) ? "CAST(" + left + " AS NUMERIC)" : left;
        return dividend + " / " + (safeDivisor ? right : "NULLIF(" + right + ", 0)");
    }

    /** Whether / between two integers drops the fraction here (the standard leaves it to the engine; PostgreSQL does). */
    protected boolean integerDivision() {
        return true;
    }

    /**
     * The standard's MOD is defined on exact numbers only (PostgreSQL and BigQuery have no MOD or % on a double):
     * an operand not known to be an integer goes through NUMERIC.
     */
    protected String modulo(Expr.Bin b, String left, String right) {
        return "MOD(" + exactNumber(b.left(), left) + ", " + exactNumber(b.right(), right) + ")";
    }

    private String exactNumber(Expr e, String rendered) {
        return integral(e) ? rendered : "CAST(" + rendered + " AS NUMERIC)";
    }

    /** The expression is known to give a whole number without looking at data (literal, integer cast, count). */
    protected static boolean integral(Expr e) {
        if (e instanceof Expr.Lit l) {
            return l.value() instanceof Long || l.value() instanceof Integer || l.value() instanceof Short;
        } else if (e instanceof Expr.Cast c) {
            return c.type().kind() == SqlType.Kind.INTEGER || c.type().kind() == SqlType.Kind.BIGINT;
        } else if (e instanceof Expr.TypedNull t) {
            return t.type().kind() == SqlType.Kind.INTEGER || t.type().kind() == SqlType.Kind.BIGINT;
        } else if (e instanceof Expr.Neg n) {
            return integral(n.expr());
        } else if (e instanceof Expr.Bin b) {
            return List.of("+", "-", "*", "%").contains(b.op()) && integral(b.left()) && integral(b.right());
        } else if (e instanceof Expr.Agg a) {
            return a.fn().equalsIgnoreCase("COUNT");
        }
        return false;
    }

    protected String caseWhen(Expr.Case c) {
        StringBuilder sb = new StringBuilder("CASE");
        for (Expr.When w : c.whens()) {
            sb.append(" WHEN ").append(render(w.condition())).append(" THEN ").append(render(w.result()));
        }
        if (c.otherwise() != null) {
            sb.append(" ELSE ").append(render(c.otherwise()));
        }
        return sb.append(" END").toString();
    }

    protected String aggregate(Expr.Agg a) {
        if (a.arg() == null) {
            return a.fn() + "(*)";
        }
        return a.fn() + "(" + (a.distinct() ? "DISTINCT " : "") + render(a.arg()) + ")";
    }

    /** Two or more operands, already parenthesised where needed. */
    protected String concat(List<String> parts) {
        return String.join(" || ", parts);
    }

    /** 1-based start; length null = to the end. */
    protected String substring(String expr, String start, String length) {
        return "SUBSTRING(" + expr + ", " + start + (length == null ? "" : ", " + length) + ")";
    }

    /** Text to a date or timestamp with a strftime pattern, NULL (never an error) when the text does not fit. */
    protected abstract String parseDate(String expr, String strftime, boolean timestamp);

    /**
     * Why this dialect cannot express the node (its rendering is then a typed NULL the output flags), or null.
     * Only the node itself is judged; callers visit the tree.
     */
    public String unsupported(Expr node) {
        return null;
    }

    protected String formatDate(String expr, String strftime) {
        return "TO_CHAR(" + expr + ", " + literal(datePattern(strftime)) + ")";
    }

    /** unit: YEAR, MONTH or DAY. */
    protected String dateAdd(String expr, Expr amount, String unit) {
        if (amount instanceof Expr.Lit || amount instanceof Expr.Neg n && n.expr() instanceof Expr.Lit) {
            String n = amount instanceof Expr.Neg neg ? "-" + render(neg.expr()) : render(amount);
            return expr + " + INTERVAL '" + n + "' " + unit;
        }
        // a count computed per row: that many units (an interval times a number is standard)
        return expr + " + CAST(" + render(amount) + " AS INTEGER) * INTERVAL '1' " + unit;
    }

    /** Whole days from start to end. */
    protected String dateDiff(String start, String end) {
        return "(" + end + " - " + start + ")";
    }

    /** Seconds from one timestamp to another, with the fraction. The standard has no epoch: an interval's fields. */
    protected String secondsBetween(String start, String end) {
        String i = "(" + end + " - " + start + ") DAY(9) TO SECOND";
        return "(EXTRACT(DAY FROM " + i + ") * 86400 + EXTRACT(HOUR FROM " + i + ") * 3600 + EXTRACT(MINUTE FROM " + i
                + ") * 60 + EXTRACT(SECOND FROM " + i + "))";
    }

    protected String isNumeric(String expr) {
        return expr + " SIMILAR TO '[-+]?[0-9]+(.[0-9]+)?'";
    }

    protected String currentTimestamp() {
        return "CURRENT_TIMESTAMP";
    }

    /** Seconds since 1970-01-01 00:00:00 UTC as a timestamp without time zone. */
    protected String epochSeconds(String expr) {
        return "(TIMESTAMP '1970-01-01 00:00:00' + " + expr + " * INTERVAL '1' SECOND)";
    }

    protected String lastDay(String expr) {
        return "LAST_DAY(" + expr + ")";
    }

    /**
     * A part of a date; ISOWEEK (the ISO week of the year) and ISODOW (the ISO day of the week, Monday 1 .. Sunday 7)
     * are named differently per engine: WEEK and ISODOW here (DuckDB, PostgreSQL).
     */
    protected String extract(String part, String expr) {
        String name = part.equals("ISOWEEK") ? "WEEK" : part;
        return "EXTRACT(" + name + " FROM " + expr + ")";
    }

    /** The first day of the period holding a date; weeks start on Monday (ISO), as DATE_TRUNC's 'week' does. */
    protected String truncDate(String expr, String unit) {
        return "CAST(DATE_TRUNC('" + unit.toLowerCase(Locale.ROOT) + "', " + expr + ") AS DATE)";
    }

    /** The start of the hour or minute holding a timestamp, as a timestamp. */
    protected String truncTimestamp(String expr, String unit) {
        return "DATE_TRUNC('" + unit.toLowerCase(Locale.ROOT) + "', " + expr + ")";
    }

    /** POSITION(needle IN text): 1-based, 0 when absent. */
    protected String position(String text, String needle) {
        return "POSITION(" + needle + " IN " + text + ")";
    }

    // ---- helpers for the tables of subclasses ----

    /** The base table with some entries replaced or added. */
    protected static <K, V> Map<K, V> with(Map<K, V> base, Map<K, V> overrides) {
        Map<K, V> out = new LinkedHashMap<>(base);
        out.putAll(overrides);
        return Map.copyOf(out);
    }

    protected static Map<SqlType.Kind, String> typeNames(Map<SqlType.Kind, String> base, Map<SqlType.Kind, String> overrides) {
        Map<SqlType.Kind, String> out = new EnumMap<>(SqlType.Kind.class);
        out.putAll(base);
        out.putAll(overrides);
        return out;
    }

    protected static Map<SqlType.Kind, String> ansiTypeNames(Map<SqlType.Kind, String> overrides) {
        return typeNames(TYPE_NAMES, overrides);
    }

    @Override
    public String toString() {
        return id;
    }
}
