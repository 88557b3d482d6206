package io.aide.compiler.dialect;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Snowflake: TRY_CAST / TRY_TO_DATE, MOD, SUBSTR, DATEADD / DATEDIFF with the unit first, its own date tokens. */
public class SnowflakeDialect extends AnsiDialect {
    private static final Map<SqlType.Kind, String> TYPE_NAMES = ansiTypeNames(Map.of(SqlType.Kind.DOUBLE, "FLOAT"));
    private static final Map<String, String> TIME_MAPPING = with(TO_CHAR_TIME_MAPPING, Map.of("%b", "MON", "%B", "MMMM"));

    public SnowflakeDialect() {
        super("snowflake", '"');
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
    public String createView() {
        return "CREATE OR REPLACE VIEW ";
    }

    /** Backslash starts an escape sequence in Snowflake's single-quoted strings, so a lone one would swallow the quote. */
    @Override
    protected String stringLiteral(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    @Override
    public String safeCast(String expr, SqlType t) {
        return "TRY_CAST(" + expr + " AS " + type(t) + ")";
    }

    @Override
    protected String function(String name, List<String> args) {
        return call(name, args);
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
    protected String isNumeric(String expr) {
        return "TRY_TO_DOUBLE(" + expr + ") IS NOT NULL";
    }

    @Override
    protected String epochSeconds(String expr) {
        return "TO_TIMESTAMP(" + expr + ")";
    }
}
