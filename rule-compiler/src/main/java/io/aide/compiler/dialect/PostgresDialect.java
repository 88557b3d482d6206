package io.aide.compiler.dialect;

import io.aide.compiler.plan.DatePatterns;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** PostgreSQL: no TRY_CAST (casts guarded by a pattern), TO_DATE / TO_CHAR patterns, TEXT, intervals as a count times one unit. */
public class PostgresDialect extends SqlDialect {
    private static final Map<SqlType.Kind, String> TYPE_NAMES = ansiTypeNames(Map.of(SqlType.Kind.VARCHAR, "TEXT"));
    private static final String NUMBER = "^\\s*[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?\\s*$";

    public PostgresDialect() {
        super("postgres", '"');
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
    public String createView() {
        return "CREATE OR REPLACE VIEW ";
    }

    /** PostgreSQL has no TRY_CAST: text casts are guarded with a pattern so bad values become NULL instead of failing. */
    @Override
    public String safeCast(String expr, SqlType t) {
        String type = type(t);
        String pattern = switch (t.kind()) {
            case INTEGER, BIGINT -> "^\\s*[-+]?[0-9]+(\\.0*)?\\s*$";
            case DECIMAL, DOUBLE -> NUMBER;
            case DATE, TIMESTAMP -> "^\\s*[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}";
            case BOOLEAN -> "^\\s*(true|false|t|f|yes|no|y|n|1|0)\\s*$";
            default -> null;
        };
        if (pattern == null) {
            return cast(expr, t);
        }
        String castFrom = t.kind() == SqlType.Kind.INTEGER || t.kind() == SqlType.Kind.BIGINT
                ? "CAST(CAST(" + expr + " AS TEXT) AS NUMERIC)" : "CAST(" + expr + " AS TEXT)";
        return "CASE WHEN CAST(" + expr + " AS TEXT) ~ '" + pattern + "' THEN CAST(" + castFrom + " AS " + type + ") END";
    }

    @Override
    protected String function(String name, List<String> args) {
        if (name.equals("SHA256") && args.size() == 1) {
            // SHA256 digests bytes: the text's UTF-8 bytes, the digest as hex text as the other engines give it
            return "ENCODE(SHA256(CONVERT_TO(" + args.get(0) + ", 'UTF8')), 'hex')";
        }
        if (name.equals("REGEXP_REPLACE") && args.size() == 3) {
            // every match, as the other engines replace by default
            return "REGEXP_REPLACE(" + String.join(", ", args) + ", 'g')";
        }
        if (name.equals("ROUND") && args.size() == 2) {
            // ROUND to a number of places is defined on NUMERIC only (none for DOUBLE PRECISION)
            return "ROUND(CAST(" + args.get(0) + " AS NUMERIC), " + args.get(1) + ")";
        }
        return call(name, args);
    }

    @Override
    protected String parseDate(String expr, String strftime, boolean timestamp) {
        // TO_DATE raises on text that does not fit; the pattern guard makes it NULL like the other dialects
        return "CASE WHEN " + expr + " ~ " + literal(DatePatterns.toRegex(strftime)) + " THEN "
                + (timestamp ? "CAST(TO_TIMESTAMP(" : "TO_DATE(") + expr + ", " + literal(datePattern(strftime))
                // TO_TIMESTAMP gives a TIMESTAMPTZ; the target is a local timestamp
                + (timestamp ? ") AS TIMESTAMP) END" : ") END");
    }

    @Override
    protected String dateAdd(String expr, Expr amount, String unit) {
        String n = render(amount);
        String units = (unit + "S").toLowerCase(Locale.ROOT);
        String moved = expr + " + " + (amount instanceof Expr.Lit ? "INTERVAL '" + n + " " + units + "'"
                : "CAST(" + n + " AS " + (unit.equals("SECOND") ? "DOUBLE PRECISION" : "INTEGER") + ") * INTERVAL '1 "
                + unit.toLowerCase(Locale.ROOT) + "'");
        // a timestamp moved by hours, minutes or seconds stays a timestamp
        return Expr.DateAdd.clock(unit) ? "(" + moved + ")" : "CAST(" + moved + " AS DATE)";
    }

    @Override
    protected String dateDiff(String start, String end) {
        return "(CAST(" + end + " AS DATE) - CAST(" + start + " AS DATE))";
    }

    @Override
    protected String secondsBetween(String start, String end) {
        return "CAST(EXTRACT(EPOCH FROM (" + end + " - " + start + ")) AS DOUBLE PRECISION)";
    }

    @Override
    protected String isNumeric(String expr) {
        return "CAST(" + expr + " AS TEXT) ~ '" + NUMBER + "'";
    }

    @Override
    protected String currentTimestamp() {
        return "LOCALTIMESTAMP";
    }

    @Override
    protected String epochSeconds(String expr) {
        return "(TO_TIMESTAMP(" + expr + ") AT TIME ZONE 'UTC')";
    }

    @Override
    protected String lastDay(String expr) {
        return "CAST(DATE_TRUNC('month', " + expr + ") + INTERVAL '1 month' - INTERVAL '1 day' AS DATE)";
    }
}
