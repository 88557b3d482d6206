package io.aide.compiler.dialect;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Snowflake: TRY_CAST / TRY_TO_DATE, MOD, SUBSTR, DATEADD / DATEDIFF with the unit first, its own date tokens. */
public class SnowflakeDialect extends SqlDialect {
    private static final Map<SqlType.Kind, String> TYPE_NAMES = ansiTypeNames(Map.of(SqlType.Kind.DOUBLE, "FLOAT"));
    private static final Map<String, String> TIME_MAPPING = with(TO_CHAR_TIME_MAPPING, Map.of("%b", "MON", "%B", "MMMM",
            "%a", "DY"));
    private static final String[] DAY_NAMES = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

    private static final Pattern UNQUOTED = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
    private static final Set<String> TEXT_FUNCTIONS = Set.of("UPPER", "LOWER", "TRIM", "LTRIM", "RTRIM", "REPLACE",
            "LPAD", "RPAD", "SUBSTR", "SUBSTRING", "LEFT", "RIGHT", "CONCAT", "MD5", "SHA256", "INITCAP");
    /** Reserved and limited keywords (docs.snowflake.com/en/sql-reference/reserved-keywords). */
    private static final Set<String> RESERVED = Set.of("ACCOUNT", "ALL", "ALTER", "AND", "ANY", "AS", "BETWEEN", "BY",
            "CASE", "CAST", "CHECK", "COLUMN", "CONNECT", "CONNECTION", "CONSTRAINT", "CREATE", "CROSS", "CURRENT",
            "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_USER", "DATABASE", "DELETE", "DISTINCT", "DROP",
            "ELSE", "EXISTS", "FALSE", "FOLLOWING", "FOR", "FROM", "FULL", "GRANT", "GROUP", "GSCLUSTER", "HAVING", "ILIKE",
            "IN", "INCREMENT", "INNER", "INSERT", "INTERSECT", "INTO", "IS", "ISSUE", "JOIN", "LATERAL", "LEFT", "LIKE",
            "LOCALTIME", "LOCALTIMESTAMP", "MINUS", "NATURAL", "NOT", "NULL", "OF", "ON", "OR", "ORDER", "ORGANIZATION",
            "QUALIFY", "REGEXP", "REVOKE", "RIGHT", "RLIKE", "ROW", "ROWS", "SAMPLE", "SCHEMA", "SELECT", "SET", "SOME",
            "START", "TABLE", "TABLESAMPLE", "THEN", "TO", "TRIGGER", "TRUE", "TRY_CAST", "UNION", "UNIQUE", "UPDATE",
            "USING", "VALUES", "VIEW", "WHEN", "WHENEVER", "WHERE", "WINDOW", "WITH", "ASC", "DESC", "OUTER");

    public SnowflakeDialect() {
        super("snowflake", '"');
    }

    @Override
    protected String extract(String part, String expr) {
        // WEEK follows WEEK_OF_YEAR_POLICY and DAYOFWEEK WEEK_START; the ISO parts do not
        String name = part.equals("ISOWEEK") ? "WEEKISO" : part.equals("ISODOW") ? "DAYOFWEEKISO" : part;
        return "EXTRACT(" + name + " FROM " + expr + ")";
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
    protected Map<String, String> timeMapping() {
        return TIME_MAPPING;
    }

    @Override
    protected String formatDate(String expr, String strftime) {
        if (!strftime.contains("%A")) {
            return super.formatDate(expr, strftime);
        }
        // TO_CHAR has no full weekday name (DY is 'Mon'): the name by the ISO day number, pieces around it as usual
        StringBuilder name = new StringBuilder("DECODE(DAYOFWEEKISO(" + expr + ")");
        for (int d = 0; d < DAY_NAMES.length; d++) {
            name.append(", ").append(d + 1).append(", '").append(DAY_NAMES[d]).append("'");
        }
        name.append(")");
        List<String> parts = new ArrayList<>();
        String[] pieces = strftime.split("%A", -1);
        for (int i = 0; i < pieces.length; i++) {
            if (!pieces[i].isEmpty()) {
                parts.add(super.formatDate(expr, pieces[i]));
            }
            if (i < pieces.length - 1) {
                parts.add(name.toString());
            }
        }
        return parts.size() == 1 ? parts.get(0) : "(" + String.join(" || ", parts) + ")";
    }

    @Override
    protected boolean integerDivision() {
        return false;
    }

    @Override
    public String createView() {
        return "CREATE OR REPLACE VIEW ";
    }

    /** Backslash starts an escape sequence in Snowflake's single-quoted strings, so a lone one would swallow the quote. */
    @Override
    protected String stringLiteral(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    /** Unquoted names fold to upper case here, so a name is quoted only when it must keep its exact spelling. */
    @Override
    public String quote(String identifier) {
        boolean plain = UNQUOTED.matcher(identifier).matches();
        boolean mixedCase = !identifier.equals(identifier.toUpperCase(Locale.ROOT))
                && !identifier.equals(identifier.toLowerCase(Locale.ROOT));
        if (plain && !mixedCase && !RESERVED.contains(identifier.toUpperCase(Locale.ROOT))) {
            return identifier;
        }
        return super.quote(identifier);
    }

    @Override
    protected String castOf(Expr.Cast c) {
        if (!c.safe() || textual(c.expr())) {
            return super.castOf(c);
        }
        // TRY_CAST takes text only ("only works for string expressions"): a value of another type goes through VARCHAR
        return safeCast("CAST(" + render(c.expr()) + " AS VARCHAR)", c.type());
    }

    private static boolean textual(Expr e) {
        return e instanceof Expr.Lit l && l.value() instanceof String || e instanceof Expr.Concat || e instanceof Expr.Substr
                || e instanceof Expr.FormatDate || e instanceof Expr.Cast c && c.type().kind() == SqlType.Kind.VARCHAR
                || e instanceof Expr.Fn f && TEXT_FUNCTIONS.contains(f.name().toUpperCase(Locale.ROOT));
    }

    @Override
    public String safeCast(String expr, SqlType t) {
        return "TRY_CAST(" + expr + " AS " + type(t) + ")";
    }

    @Override
    protected String function(String name, List<String> args) {
        if (name.equals("SHA256") && args.size() == 1) {
            return "SHA2(" + args.get(0) + ", 256)";
        }
        return call(name, args);
    }

    @Override
    protected String convertTimeZone(String ts, String from, String to) {
        return "CONVERT_TIMEZONE(" + from + ", " + to + ", " + ts + ")";
    }

    @Override
    protected String modulo(Expr.Bin b, String left, String right) {
        return "MOD(" + left + ", " + right + ")";
    }

    @Override
    protected String substring(String expr, String start, String length) {
        return "SUBSTR(" + expr + ", " + start + (length == null ? "" : ", " + length) + ")";
    }

    @Override
    protected String parseDate(String expr, String strftime, boolean timestamp) {
        return (timestamp ? "TRY_TO_TIMESTAMP(" : "TRY_TO_DATE(") + expr + ", " + literal(datePattern(strftime)) + ")";
    }

    @Override
    protected String dateAdd(String expr, Expr amount, String unit) {
        return "DATEADD(" + unit.toLowerCase(Locale.ROOT) + ", " + render(amount) + ", " + expr + ")";
    }

    @Override
    protected String dateDiff(String start, String end) {
        return "DATEDIFF(day, " + start + ", " + end + ")";
    }

    @Override
    protected String secondsBetween(String start, String end) {
        // DATEDIFF counts boundaries crossed; nanoseconds elapsed keep the fraction
        return "(DATEDIFF(nanosecond, " + start + ", " + end + ") / 1000000000)";
    }

    @Override
    protected String isNumeric(String expr) {
        return "TRY_TO_DOUBLE(" + expr + ") IS NOT NULL";
    }

    @Override
    protected String epochSeconds(String expr) {
        return "TO_TIMESTAMP(" + expr + ")";
    }
}
