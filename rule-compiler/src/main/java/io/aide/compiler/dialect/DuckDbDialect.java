package io.aide.compiler.dialect;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;

import java.util.List;
import java.util.Map;

/** DuckDB: TRY_CAST, TRY_STRPTIME / STRFTIME with strftime patterns as they are, typed intervals. */
public class DuckDbDialect extends SqlDialect {
    private static final Map<SqlType.Kind, String> TYPE_NAMES = ansiTypeNames(Map.of(SqlType.Kind.DOUBLE, "DOUBLE"));

    public DuckDbDialect() {
        super("duckdb", '"');
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
    public String safeCast(String expr, SqlType t) {
        return "TRY_CAST(" + expr + " AS " + type(t) + ")";
    }

    @Override
    protected String function(String name, List<String> args) {
        if (name.equals("REGEXP_REPLACE") && args.size() == 3) {
            // every match, as the other engines replace by default
            return "REGEXP_REPLACE(" + String.join(", ", args) + ", 'g')";
        }
        if (name.equals("INITCAP") && args.size() == 1) {
            // no INITCAP here: each space-separated word with its first letter in upper case, the rest in lower
            return "ARRAY_TO_STRING(LIST_TRANSFORM(STRING_SPLIT(LOWER(" + args.get(0)
                    + "), ' '), w -> UPPER(LEFT(w, 1)) || SUBSTR(w, 2)), ' ')";
        }
        return call(name, args);
    }

    @Override
    protected String convertTimeZone(String ts, String from, String to) {
        // TIMEZONE(zone, timestamp) reads the time in the zone (an instant); TIMEZONE(zone, instant) gives its time there
        return "CAST(TIMEZONE(" + to + ", TIMEZONE(" + from + ", " + ts + ")) AS TIMESTAMP)";
    }

    @Override
    protected String modulo(Expr.Bin b, String left, String right) {
        return left + " % " + right;
    }

    @Override
    protected String parseDate(String expr, String strftime, boolean timestamp) {
        return "CAST(TRY_STRPTIME(" + expr + ", " + literal(strftime) + ") AS " + (timestamp ? "TIMESTAMP" : "DATE") + ")";
    }

    @Override
    protected String formatDate(String expr, String strftime) {
        return "STRFTIME(" + expr + ", " + literal(strftime) + ")";
    }

    @Override
    protected String dateAdd(String expr, Expr amount, String unit) {
        // "7 days before": minus an interval (DuckDB reads no "INTERVAL -7 DAY")
        boolean back = amount instanceof Expr.Neg neg && neg.expr() instanceof Expr.Lit;
        Expr size = back ? ((Expr.Neg) amount).expr() : amount;
        String n = render(size);
        String interval = size instanceof Expr.Lit ? "INTERVAL " + n + " " + unit
                : "TO_" + unit + "S(CAST(" + n + " AS " + (unit.equals("SECOND") ? "DOUBLE" : "INTEGER") + "))";
        String moved = expr + (back ? " - " : " + ") + interval;
        // a timestamp moved by hours, minutes or seconds stays a timestamp; a date moved by days, months or years a date
        return Expr.DateAdd.clock(unit) ? "(" + moved + ")" : "CAST(" + moved + " AS DATE)";
    }

    @Override
    protected String dateDiff(String start, String end) {
        return "DATE_DIFF('day', " + start + ", " + end + ")";
    }

    @Override
    protected String secondsBetween(String start, String end) {
        return "(EPOCH(" + end + ") - EPOCH(" + start + "))";
    }

    @Override
    protected String isNumeric(String expr) {
        return "TRY_CAST(" + expr + " AS DOUBLE) IS NOT NULL";
    }

    @Override
    protected String currentTimestamp() {
        return "LOCALTIMESTAMP";
    }

    @Override
    protected String epochSeconds(String expr) {
        // make_timestamp reads microseconds as UTC; to_timestamp gives a TIMESTAMPTZ whose cast depends on the session zone
        return "MAKE_TIMESTAMP(CAST(" + expr + " * 1000000 AS BIGINT))";
    }
}
