package io.aide.compiler.dialect;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;

import java.util.List;
import java.util.Map;

/** BigQuery (GoogleSQL): INT64 / FLOAT64 / STRING, SAFE_CAST and SAFE. functions, strftime patterns first. */
public class BigQueryDialect extends SqlDialect {
    private static final Map<SqlType.Kind, String> TYPE_NAMES = ansiTypeNames(Map.of(SqlType.Kind.INTEGER, "INT64",
            SqlType.Kind.BIGINT, "INT64", SqlType.Kind.DOUBLE, "FLOAT64", SqlType.Kind.VARCHAR, "STRING",
            SqlType.Kind.BOOLEAN, "BOOL"));

    public BigQueryDialect() {
        super("bigquery", '`');
    }

    @Override
    protected Map<SqlType.Kind, String> typeNames() {
        return TYPE_NAMES;
    }

    @Override
    protected Map<String, String> functionNames() {
        return COMMON_FUNCTION_NAMES;
    }

    @Override
    protected boolean integerDivision() {
        return false;
    }

    @Override
    public String createView() {
        return "CREATE OR REPLACE VIEW ";
    }

    @Override
    protected String stringLiteral(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Override
    protected String decimalType(int precision, int scale) {
        return "NUMERIC(" + Math.min(precision, 29) + ", " + Math.min(scale, 9) + ")";
    }

    @Override
    public String safeCast(String expr, SqlType t) {
        return "SAFE_CAST(" + expr + " AS " + type(t) + ")";
    }

    /**
     * COALESCE needs one supertype of its arguments here (FLOAT64 and a text default have none): a cast of a
     * COALESCE holding a text literal casts each argument instead, with the same result.
     */
    @Override
    protected String castOf(Expr.Cast c) {
        if (!(c.expr() instanceof Expr.Fn f) || !f.name().equalsIgnoreCase("COALESCE")
                || f.args().stream().noneMatch(a -> a instanceof Expr.Lit l && l.value() instanceof String)) {
            return super.castOf(c);
        }
        List<String> args = f.args().stream().map(a -> castArgument(a, c.type(), c.safe())).toList();
        if (!c.safe()) {
            // a plain cast of a value that is not NULL is not NULL, so taking the first cast value is the same
            return call("COALESCE", args);
        }
        // a safe cast may turn a present value into NULL, which must not let a later argument through
        StringBuilder sb = new StringBuilder("CASE");
        for (int i = 0; i < args.size(); i++) {
            sb.append(" WHEN ").append(operand(f.args().get(i))).append(" IS NOT NULL THEN ").append(args.get(i));
        }
        return sb.append(" END").toString();
    }

    private String castArgument(Expr arg, SqlType t, boolean safe) {
        if (arg instanceof Expr.Lit l && l.value() instanceof String s && t.numeric() && s.trim().matches("[-+]?[0-9]+(\\.[0-9]+)?")) {
            // a numeric default is written as a number
            return new java.math.BigDecimal(s.trim()).toPlainString();
        }
        return safe ? safeCast(render(arg), t) : cast(render(arg), t);
    }

    @Override
    protected String function(String name, List<String> args) {
        if (name.equals("MD5") || name.equals("SHA256")) {
            // MD5 and SHA256 give BYTES here; the other engines give hex text
            return "TO_HEX(" + name + "(" + args.get(0) + "))";
        }
        if (name.equals("SPLIT_PART") && args.size() == 3) {
            // no SPLIT_PART: SPLIT gives an array, SAFE_OFFSET is 0-based and NULL past the end, where SPLIT_PART
            // gives '' (and NULL only for a NULL text)
            String n = args.get(2);
            String offset = n.matches("\\d+") ? String.valueOf(Long.parseLong(n) - 1) : n + " - 1";
            return "CASE WHEN " + args.get(0) + " IS NULL THEN NULL ELSE COALESCE(SPLIT(" + args.get(0) + ", "
                    + args.get(1) + ")[SAFE_OFFSET(" + offset + ")], '') END";
        }
        return call(name, args);
    }

    @Override
    protected String concat(List<String> parts) {
        return call("CONCAT", parts);
    }

    @Override
    protected String substring(String expr, String start, String length) {
        return "SUBSTR(" + expr + ", " + start + (length == null ? "" : ", " + length) + ")";
    }

    @Override
    protected String parseDate(String expr, String strftime, boolean timestamp) {
        return (timestamp ? "SAFE.PARSE_TIMESTAMP(" : "SAFE.PARSE_DATE(") + literal(strftime) + ", " + expr + ")";
    }

    @Override
    protected String truncTimestamp(String expr, String unit) {
        return "TIMESTAMP_TRUNC(" + expr + ", " + unit + ")";
    }

    @Override
    protected String truncDate(String expr, String unit) {
        // WEEK starts on Sunday here; ISOWEEK on Monday, as in the other engines
        return "DATE_TRUNC(" + expr + ", " + (unit.equals("WEEK") ? "ISOWEEK" : unit) + ")";
    }

    @Override
    protected String extract(String part, String expr) {
        if (part.equals("ISODOW")) {
            // DAYOFWEEK counts from Sunday (1) to Saturday (7)
            return "(MOD(EXTRACT(DAYOFWEEK FROM " + expr + ") + 5, 7) + 1)";
        }
        return "EXTRACT(" + part + " FROM " + expr + ")";
    }

    @Override
    protected String position(String text, String needle) {
        return "STRPOS(" + text + ", " + needle + ")";
    }

    @Override
    protected String formatDate(String expr, String strftime) {
        return (strftime.matches(".*%[HMS].*") ? "FORMAT_TIMESTAMP(" : "FORMAT_DATE(") + literal(strftime) + ", " + expr + ")";
    }

    @Override
    protected String dateAdd(String expr, Expr amount, String unit) {
        if (Expr.DateAdd.clock(unit)) {
            // a timestamp moved by hours, minutes or seconds stays a timestamp (whole units: INTERVAL takes an INT64)
            return "TIMESTAMP_ADD(" + expr + ", INTERVAL CAST(" + render(amount) + " AS INT64) " + unit + ")";
        }
        return "DATE_ADD(" + expr + ", INTERVAL " + render(amount) + " " + unit + ")";
    }

    @Override
    protected String dateDiff(String start, String end) {
        return "DATE_DIFF(" + end + ", " + start + ", DAY)";
    }

    @Override
    protected String secondsBetween(String start, String end) {
        return "(TIMESTAMP_DIFF(" + end + ", " + start + ", MICROSECOND) / 1000000)";
    }

    @Override
    protected String isNumeric(String expr) {
        return "SAFE_CAST(" + expr + " AS FLOAT64) IS NOT NULL";
    }

    @Override
    protected String currentTimestamp() {
        return "CURRENT_TIMESTAMP()";
    }

    @Override
    protected String epochSeconds(String expr) {
        // TIMESTAMP_SECONDS takes INT64 only, and a cast would round the fraction away: go through microseconds
        return "TIMESTAMP_MICROS(CAST(" + expr + " * 1000000 AS INT64))";
    }
    @Override
    protected String convertTimeZone(String ts, String from, String to) {
        // a DATETIME read in one zone is an instant (TIMESTAMP); DATETIME of it in another zone is its time there
        return "DATETIME(TIMESTAMP(" + ts + ", " + from + "), " + to + ")";
    }

}
