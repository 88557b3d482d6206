package io.aide.compiler.dialect;

import io.aide.compiler.plan.DatePatterns;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;

import java.util.List;
import java.util.Map;

/** Spark SQL: backquoted names, backslash escapes in literals, Java datetime patterns, CONCAT, ADD_MONTHS. */
public class SparkDialect extends SqlDialect {
    private static final Map<SqlType.Kind, String> TYPE_NAMES = ansiTypeNames(Map.of(SqlType.Kind.DOUBLE, "DOUBLE",
            SqlType.Kind.VARCHAR, "STRING"));
    /** strftime to Java datetime pattern letters, in the lenient one-letter form parsing accepts. */
    static final Map<String, String> JAVA_TIME_MAPPING = Map.ofEntries(Map.entry("%Y", "yyyy"), Map.entry("%y", "yy"),
            Map.entry("%m", "M"), Map.entry("%d", "d"), Map.entry("%b", "MMM"), Map.entry("%B", "MMMM"),
            Map.entry("%A", "EEEE"), Map.entry("%a", "EEE"), Map.entry("%H", "H"), Map.entry("%M", "m"), Map.entry("%S", "s"),
            Map.entry("%j", "D"));

    public SparkDialect() {
        super("spark", '`');
    }

    @Override
    protected String extract(String part, String expr) {
        // WEEK is the ISO week here too; the ISO day of the week is DAYOFWEEK_ISO
        String name = part.equals("ISOWEEK") ? "WEEK" : part.equals("ISODOW") ? "DAYOFWEEK_ISO" : part;
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
        return JAVA_TIME_MAPPING;
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

    /**
     * Spark drops the fraction when a number becomes an integer where the other engines round it (23 / 12 is 1 here,
     * 2 there): arithmetic cast to an integer type is rounded first, so every dialect gives the same value.
     */
    @Override
    protected String castOf(Expr.Cast c) {
        boolean integral = c.type().kind() == SqlType.Kind.INTEGER || c.type().kind() == SqlType.Kind.BIGINT;
        if (integral && c.expr() instanceof Expr.Bin b && List.of("+", "-", "*", "/").contains(b.op())) {
            String rounded = "ROUND(" + render(c.expr()) + ")";
            return c.safe() ? safeCast(rounded, c.type()) : cast(rounded, c.type());
        }
        return super.castOf(c);
    }

    @Override
    protected String function(String name, List<String> args) {
        if (name.equals("SHA256") && args.size() == 1) {
            return "SHA2(" + args.get(0) + ", 256)";
        }
        if (name.equals("TRUNC") && args.size() == 1) {
            // Spark's TRUNC is for dates only: the whole part of a number toward zero
            return "CASE WHEN " + args.get(0) + " < 0 THEN CEIL(" + args.get(0) + ") ELSE FLOOR(" + args.get(0) + ") END";
        }
        return super.function(name, args);
    }

    @Override
    public String safeCast(String expr, SqlType t) {
        return "TRY_CAST(" + expr + " AS " + type(t) + ")";
    }

    @Override
    protected String concat(List<String> parts) {
        return call("CONCAT", parts);
    }

    @Override
    protected String convertTimeZone(String ts, String from, String to) {
        return "FROM_UTC_TIMESTAMP(TO_UTC_TIMESTAMP(" + ts + ", " + from + "), " + to + ")";
    }

    @Override
    protected String modulo(Expr.Bin b, String left, String right) {
        return left + " % " + right;
    }

    @Override
    protected String parseDate(String expr, String strftime, boolean timestamp) {
        // fields written without separators (%Y%m%d) need fixed widths to be told apart
        String pattern = strftime.matches(".*%[A-Za-z]%.*") ? javaFormat(strftime) : datePattern(strftime);
        // TO_DATE / TO_TIMESTAMP raise on text that does not fit under ANSI mode (Spark 4's default); TRY_TO_TIMESTAMP gives NULL
        String parsed = "TRY_TO_TIMESTAMP(" + expr + ", " + literal(pattern) + ")";
        return timestamp ? parsed : "CAST(" + parsed + " AS DATE)";
    }

    @Override
    protected String formatDate(String expr, String strftime) {
        return "DATE_FORMAT(" + expr + ", " + literal(javaFormat(strftime)) + ")";
    }

    /** Java form for formatting: zero-padded fields (parsing accepts one digit, formatting must write two). */
    static String javaFormat(String strftime) {
        return DatePatterns.convert(strftime, JAVA_TIME_MAPPING)
                .replaceAll("(?<![Md])M(?!M)", "MM").replaceAll("(?<!d)d(?!d)", "dd")
                .replaceAll("(?<!H)H(?!H)", "HH").replaceAll("(?<!m)m(?!m)", "mm").replaceAll("(?<!s)s(?!s)", "ss");
    }

    @Override
    protected String dateAdd(String expr, Expr amount, String unit) {
        String n = render(amount);
        return switch (unit) {
            // whole units: TIMESTAMPADD takes an integral number
            case "HOUR", "MINUTE", "SECOND" -> "TIMESTAMPADD(" + unit + ", " + (amount instanceof Expr.Lit ? n : "CAST(" + n + " AS BIGINT)")
                    + ", " + expr + ")";
            case "YEAR" -> "ADD_MONTHS(" + expr + ", 12 * " + n + ")";
            case "MONTH" -> "ADD_MONTHS(" + expr + ", " + n + ")";
            default -> "DATE_ADD(" + expr + ", " + n + ")";
        };
    }

    @Override
    protected String dateDiff(String start, String end) {
        return "DATEDIFF(" + end + ", " + start + ")";
    }

    @Override
    protected String secondsBetween(String start, String end) {
        // microseconds since the epoch keep the fraction (UNIX_TIMESTAMP drops it)
        return "((UNIX_MICROS(" + end + ") - UNIX_MICROS(" + start + ")) / 1000000)";
    }

    @Override
    protected String isNumeric(String expr) {
        return "TRY_CAST(" + expr + " AS DOUBLE) IS NOT NULL";
    }

    @Override
    protected String currentTimestamp() {
        return "CURRENT_TIMESTAMP()";
    }

    @Override
    protected String epochSeconds(String expr) {
        return "TIMESTAMP_SECONDS(" + expr + ")";
    }
}
