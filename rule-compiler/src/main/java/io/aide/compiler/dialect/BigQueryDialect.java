package io.aide.compiler.dialect;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;

import java.util.List;
import java.util.Map;

/** BigQuery (GoogleSQL): INT64 / FLOAT64 / STRING, SAFE_CAST and SAFE. functions, strftime patterns first. */
public class BigQueryDialect extends AnsiDialect {
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

    @Override
    protected String function(String name, List<String> args) {
        if (name.equals("MD5")) {
            // MD5 gives BYTES here; the other engines give hex text
            return "TO_HEX(MD5(" + args.get(0) + "))";
        }
        return call(name, args);
    }

    @Override
    protected String modulo(Expr.Bin b, String left, String right) {
        return "MOD(" + left + ", " + right + ")";
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
    protected String formatDate(String expr, String strftime) {
        return (strftime.matches(".*%[HMS].*") ? "FORMAT_TIMESTAMP(" : "FORMAT_DATE(") + literal(strftime) + ", " + expr + ")";
    }

    @Override
    protected String dateAdd(String expr, Expr amount, String unit) {
        return "DATE_ADD(" + expr + ", INTERVAL " + render(amount) + " " + unit + ")";
    }

    @Override
    protected String dateDiff(String start, String end) {
        return "DATE_DIFF(" + end + ", " + start + ", DAY)";
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
        return "TIMESTAMP_SECONDS(CAST(" + expr + " AS INT64))";
    }
}
