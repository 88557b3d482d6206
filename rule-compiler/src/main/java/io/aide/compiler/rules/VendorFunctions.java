package io.aide.compiler.rules;

import io.aide.compiler.plan.DatePatterns;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.schema.Column;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Functions of one engine that analysts write in rules (Oracle, SQL Server, Excel habits), read as the portable
 * expression they mean: DECODE, ISNULL, TO_CHAR and TO_DATE with a format, DATEDIFF and DATEPART with a unit word,
 * TRUNC of a date, DATE_TRUNC to a month or a year, RIGHT. A unit word is an argument that is no column ("day"), so
 * these are read before the arguments are resolved as columns.
 */
final class VendorFunctions {
    /** Converts one argument as the parser converts any expression. */
    interface Converter {
        Expr convert(Expression e) throws SqlExpressionParser.NotCompilable;
    }

    static final Set<String> NAMES = Set.of("DECODE", "ISNULL", "TO_CHAR", "TO_DATE", "TO_TIMESTAMP", "DATEDIFF",
            "DATEPART", "DATE_PART", "TRUNC", "DATE_TRUNC", "RIGHT", "IIF", "IF");

    private static final Map<String, String> PARTS = Map.ofEntries(Map.entry("YEAR", "YEAR"), Map.entry("YY", "YEAR"),
            Map.entry("YYYY", "YEAR"), Map.entry("QUARTER", "QUARTER"), Map.entry("QQ", "QUARTER"), Map.entry("Q", "QUARTER"),
            Map.entry("MONTH", "MONTH"), Map.entry("MM", "MONTH"), Map.entry("M", "MONTH"), Map.entry("DAY", "DAY"),
            Map.entry("DD", "DAY"), Map.entry("D", "DAY"), Map.entry("HOUR", "HOUR"), Map.entry("HH", "HOUR"),
            Map.entry("MINUTE", "MINUTE"), Map.entry("MI", "MINUTE"), Map.entry("N", "MINUTE"), Map.entry("SECOND", "SECOND"),
            Map.entry("SS", "SECOND"), Map.entry("S", "SECOND"), Map.entry("WEEK", "WEEK"), Map.entry("WK", "WEEK"));

    private VendorFunctions() {
    }

    static Expr read(String name, List<Expression> params, Converter c) throws SqlExpressionParser.NotCompilable {
        int n = params.size();
        switch (name) {
            case "DECODE" -> {
                // DECODE(x, v1, r1, v2, r2, ..., default): the first equal value gives its result
                if (n < 3) {
                    break;
                }
                Expr subject = c.convert(params.get(0));
                List<Expr.When> whens = new ArrayList<>();
                for (int i = 1; i + 1 < n; i += 2) {
                    whens.add(new Expr.When(new Expr.Bin("=", subject, c.convert(params.get(i))), c.convert(params.get(i + 1))));
                }
                return new Expr.Case(whens, n % 2 == 0 ? c.convert(params.get(n - 1)) : null);
            }
            case "IIF", "IF" -> {
                // SQL Server's IIF(condition, a, b), Spark's and BigQuery's IF(condition, a, b): a CASE
                if (n == 3) {
                    return new Expr.Case(List.of(new Expr.When(c.convert(params.get(0)), c.convert(params.get(1)))),
                            c.convert(params.get(2)));
                }
            }
            case "ISNULL" -> {
                // SQL Server's two-argument ISNULL is a default
                if (n == 2) {
                    return new Expr.Fn("COALESCE", List.of(c.convert(params.get(0)), c.convert(params.get(1))));
                }
            }
            case "TO_CHAR" -> {
                String fmt = n == 2 ? format(params.get(1)) : null;
                if (fmt != null) {
                    return new Expr.FormatDate(c.convert(params.get(0)), fmt);
                }
            }
            case "TO_DATE", "TO_TIMESTAMP" -> {
                String fmt = n == 2 ? format(params.get(1)) : null;
                if (fmt != null) {
                    return new Expr.ParseDate(c.convert(params.get(0)), fmt, name.equals("TO_TIMESTAMP") || fmt.contains("%H"));
                }
            }
            case "DATEDIFF" -> {
                // SQL Server: DATEDIFF(unit, start, end) counts the unit's boundaries crossed
                String unit = n == 3 ? part(params.get(0)) : null;
                Expr diff = unit == null ? null : boundaries(unit, c.convert(params.get(1)), c.convert(params.get(2)));
                if (diff != null) {
                    return diff;
                }
            }
            case "DATEPART", "DATE_PART" -> {
                String unit = n == 2 ? part(params.get(0)) : null;
                if (unit != null) {
                    return new Expr.Extract(unit, c.convert(params.get(1)));
                }
            }
            case "TRUNC", "DATE_TRUNC" -> {
                // TRUNC(date) / DATE_TRUNC('month', date): the first day of the period, as a date
                Expression dateArg = name.equals("TRUNC") ? params.get(0) : n == 2 ? params.get(1) : null;
                String unit = name.equals("TRUNC") ? (n == 1 ? "DAY" : n == 2 ? part(params.get(1)) : null)
                        : n == 2 ? part(params.get(0)) : null;
                if (dateArg != null && unit != null) {
                    return truncated(unit, c.convert(dateArg));
                }
            }
            case "RIGHT" -> {
                if (n == 2) {
                    Expr x = c.convert(params.get(0));
                    Expr len = c.convert(params.get(1));
                    return new Expr.Substr(x, new Expr.Fn("GREATEST", List.of(new Expr.Bin("+", new Expr.Bin("-",
                            new Expr.Fn("LENGTH", List.of(x)), len), new Expr.Lit(1L)), new Expr.Lit(1L))), null);
                }
            }
            default -> {
            }
        }
        throw new SqlExpressionParser.NotCompilable(name + " with these arguments is not one the compiler reads");
    }

    /** A unit written as a bare word (day), a quoted word ('month') or its SQL Server abbreviation (dd). */
    private static String part(Expression e) {
        String word = e instanceof Column col ? col.getColumnName() : e instanceof StringValue s ? s.getValue() : null;
        return word == null ? null : PARTS.get(word.toUpperCase(Locale.ROOT));
    }

    /** A date format given as text ('YYYYMM', 'DD-MON-YYYY'), as strftime; null when it is no date format. */
    private static String format(Expression e) {
        return e instanceof StringValue s ? DatePatterns.fromExcel(s.getValue().replace("MON", "Mon").replace("mon", "Mon")) : null;
    }

    private static Expr boundaries(String unit, Expr start, Expr end) {
        Expr s = new Expr.Cast(start, SqlType.DATE, true);
        Expr e = new Expr.Cast(end, SqlType.DATE, true);
        return switch (unit) {
            case "DAY" -> new Expr.DateDiff(s, e);
            case "YEAR" -> new Expr.Bin("-", new Expr.Extract("YEAR", e), new Expr.Extract("YEAR", s));
            case "MONTH" -> new Expr.Bin("+", new Expr.Bin("*", new Expr.Bin("-", new Expr.Extract("YEAR", e),
                    new Expr.Extract("YEAR", s)), new Expr.Lit(12L)), new Expr.Bin("-", new Expr.Extract("MONTH", e),
                    new Expr.Extract("MONTH", s)));
            default -> null;
        };
    }

    private static Expr truncated(String unit, Expr date) throws SqlExpressionParser.NotCompilable {
        return switch (unit) {
            case "DAY" -> new Expr.Cast(date, SqlType.DATE, true);
            case "MONTH" -> new Expr.Cast(new Expr.FormatDate(new Expr.Cast(date, SqlType.DATE, true), "%Y-%m-01"), SqlType.DATE, true);
            case "YEAR" -> new Expr.Cast(new Expr.FormatDate(new Expr.Cast(date, SqlType.DATE, true), "%Y-01-01"), SqlType.DATE, true);
            default -> throw new SqlExpressionParser.NotCompilable("truncation to " + unit.toLowerCase(Locale.ROOT)
                    + " is not compiled; truncate to a day, a month or a year");
        };
    }
}
