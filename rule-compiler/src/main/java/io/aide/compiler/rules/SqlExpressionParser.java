package io.aide.compiler.rules;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.BinaryExpression;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.DateValue;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExtractExpression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NotExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.WhenClause;
import net.sf.jsqlparser.expression.operators.arithmetic.Addition;
import net.sf.jsqlparser.expression.operators.arithmetic.Concat;
import net.sf.jsqlparser.expression.operators.arithmetic.Division;
import net.sf.jsqlparser.expression.operators.arithmetic.Modulo;
import net.sf.jsqlparser.expression.operators.arithmetic.Multiplication;
import net.sf.jsqlparser.expression.operators.arithmetic.Subtraction;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Parses a SQL expression written into a rule and converts it to the plan's expression tree. */
public final class SqlExpressionParser {

    /** Resolves a column name (qualifier may be null) to an expression, or returns null when unknown. */
    public interface ColumnResolver {
        Expr resolve(String qualifier, String name);
    }

    /** The expression is not SQL, or uses something the plan cannot express portably. */
    public static final class NotCompilable extends Exception {
        public NotCompilable(String message) {
            super(message);
        }
    }

    private static final Set<String> SCALAR = Set.of("UPPER", "LOWER", "TRIM", "LTRIM", "RTRIM", "COALESCE", "NULLIF",
            "ABS", "ROUND", "LENGTH", "REPLACE", "FLOOR", "CEIL", "CEILING", "NVL", "IFNULL", "GREATEST", "LEAST",
            "SIGN", "POWER", "SQRT", "LPAD", "RPAD", "INITCAP", "REVERSE", "MD5", "SHA256");
    private static final Set<String> AGG = Set.of("SUM", "COUNT", "MIN", "MAX", "AVG");

    private final ColumnResolver resolver;

    /** A function name this parser reads as a call ("UPPER" in "UPPER(TRIM(x))"), any case. */
    public static boolean knownFunction(String name) {
        String n = name.toUpperCase(java.util.Locale.ROOT);
        return SCALAR.contains(n) || AGG.contains(n);
    }

    public SqlExpressionParser(ColumnResolver resolver) {
        this.resolver = resolver;
    }

    /** True when the text parses as one SQL expression (without resolving names). */
    public static boolean isExpression(String text) {
        try {
            parseDirect(text);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static final java.util.regex.Pattern SQL_WORDS = java.util.regex.Pattern.compile(
            "(?i)\\b(is|null|not|and|or|in|like|between|case|when|then|else|end)\\b");
    private static final java.util.Map<String, Object> PARSED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.regex.Pattern CANNOT_BE_SQL = java.util.regex.Pattern.compile(
            "^[A-Za-z][\\w']*(?:\\s+[A-Za-z][\\w']*){2,}[.]?$");

    // Parsed once per text (documents repeat their rules); the tree is only read afterwards.
    private static Expression parseDirect(String text) throws Exception {
        if (CANNOT_BE_SQL.matcher(text).matches() && !SQL_WORDS.matcher(text).find()) {
            throw new JSQLParserException("prose");
        }
        Object cached = PARSED.get(text);
        if (cached == null) {
            try {
                cached = parseUncached(text);
            } catch (Exception | Error e) {
                cached = e.getClass().getSimpleName();
            }
            if (PARSED.size() > 20_000) {
                PARSED.clear();
            }
            PARSED.put(text, cached);
        }
        if (cached instanceof Expression e) {
            return e;
        }
        throw new JSQLParserException("not an expression");
    }

    private static final java.util.regex.Pattern CONDITIONAL_CALL = java.util.regex.Pattern.compile("(?i)\\b(IIF|IF)\\s*\\(");

    // Parses on the calling thread: CCJSqlParserUtil.parseExpression hands every parse to an executor with a timeout.
    private static Expression parseUncached(String text) throws Exception {
        // simple parsing, fast on the many cells that are no SQL; a condition as a call's argument (IIF(x = 'Y', 1, 0),
        // IF(...)) needs the complex grammar
        boolean conditionArgument = CONDITIONAL_CALL.matcher(text).find();
        net.sf.jsqlparser.parser.CCJSqlParser parser = CCJSqlParserUtil.newParser(text).withAllowComplexParsing(conditionArgument);
        Expression e = parser.Expression();
        if (parser.getNextToken().kind != net.sf.jsqlparser.parser.CCJSqlParserConstants.EOF) {
            throw new JSQLParserException("trailing text after the expression");
        }
        return e;
    }

    public Expr parse(String text) throws NotCompilable {
        Expression parsed;
        try {
            parsed = parseDirect(text);
        } catch (Exception | Error e) {
            throw new NotCompilable("not a SQL expression: " + text);
        }
        return convert(parsed);
    }

    /** Words the conversion of a column gives a meaning of their own. */
    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("true", "false", "current_date", "current_timestamp", "null");

    /** The word is a proper part at the end of the column's name: "TEST" of IS_TEST, not the name itself. */
    private static boolean partOf(String word, String column) {
        String w = word.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String col = column.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return !w.isEmpty() && col.length() > w.length() && col.endsWith(w);
    }

    private Expr convert(Expression e) throws NotCompilable {
        if (e instanceof Column c) {
            String q = c.getTable() == null || c.getTable().getName() == null ? null
                    : c.getTable().getFullyQualifiedName();
            String name = unquote(c.getColumnName());
            if (q == null && (name.equalsIgnoreCase("true") || name.equalsIgnoreCase("false"))) {
                return new Expr.Lit(Boolean.parseBoolean(name));
            }
            if (q == null && name.equalsIgnoreCase("current_date")) {
                return new Expr.CurrentDate();
            }
            if (q == null && name.equalsIgnoreCase("current_timestamp")) {
                return new Expr.CurrentTimestamp();
            }
            Expr resolved = resolver.resolve(q == null ? null : unquote(q), name);
            if (resolved == null) {
                throw new NotCompilable("unknown column " + (q == null ? "" : q + ".") + name);
            }
            return resolved;
        }
        if (e instanceof StringValue s) {
            return new Expr.Lit(s.getValue().replace("''", "'"));
        }
        if (e instanceof LongValue l) {
            return new Expr.Lit(l.getValue());
        }
        if (e instanceof DoubleValue dv) {
            return new Expr.Lit(new BigDecimal(dv.toString()));
        }
        if (e instanceof NullValue) {
            return new Expr.TypedNull(SqlType.UNKNOWN);
        }
        if (e instanceof DateValue dv) {
            return new Expr.Cast(new Expr.Lit(dv.getValue().toString()), SqlType.DATE, false);
        }
        if (e instanceof TimeKeyExpression t && t.getStringValue().toUpperCase(Locale.ROOT).startsWith("CURRENT_DATE")) {
            return new Expr.CurrentDate();
        }
        if (e instanceof TimeKeyExpression t && t.getStringValue().toUpperCase(Locale.ROOT).startsWith("CURRENT_TIMESTAMP")) {
            return new Expr.CurrentTimestamp();
        }
        if (e instanceof SignedExpression s) {
            Expr inner = convert(s.getExpression());
            return s.getSign() == '-' ? new Expr.Neg(inner) : inner;
        }
        if (e instanceof ParenthesedExpressionList<?> p) {
            if (p.size() != 1) {
                throw new NotCompilable("a list is not a value: " + e);
            }
            return convert(p.get(0));
        }
        if (e instanceof NotExpression n) {
            return new Expr.Not(convert(n.getExpression()));
        }
        if (e instanceof AndExpression a) {
            return new Expr.Bin("AND", convert(a.getLeftExpression()), convert(a.getRightExpression()));
        }
        if (e instanceof OrExpression o) {
            return new Expr.Bin("OR", convert(o.getLeftExpression()), convert(o.getRightExpression()));
        }
        if (e instanceof Concat c) {
            List<Expr> parts = new ArrayList<>();
            flattenConcat(c, parts);
            return new Expr.Concat(parts);
        }
        if (e instanceof Addition || e instanceof Subtraction || e instanceof Multiplication
                || e instanceof Division || e instanceof Modulo) {
            BinaryExpression b = (BinaryExpression) e;
            String op = e instanceof Addition ? "+" : e instanceof Subtraction ? "-" : e instanceof Multiplication ? "*"
                    : e instanceof Division ? "/" : "%";
            if (b.getRightExpression() instanceof IntervalExpression iv && (op.equals("+") || op.equals("-"))) {
                Expr amount = intervalAmount(iv);
                return new Expr.DateAdd(convert(b.getLeftExpression()), op.equals("-") ? new Expr.Neg(amount) : amount,
                        intervalUnit(iv));
            }
            return new Expr.Bin(op, convert(b.getLeftExpression()), convert(b.getRightExpression()));
        }
        if (e instanceof EqualsTo || e instanceof NotEqualsTo || e instanceof GreaterThan
                || e instanceof GreaterThanEquals || e instanceof MinorThan || e instanceof MinorThanEquals) {
            BinaryExpression b = (BinaryExpression) e;
            String op = e instanceof EqualsTo ? "=" : e instanceof NotEqualsTo ? "<>" : e instanceof GreaterThan ? ">"
                    : e instanceof GreaterThanEquals ? ">=" : e instanceof MinorThan ? "<" : "<=";
            // (a word with an underscore is a column's name, one the mapping may have misspelt: never a code)
            String word = (op.equals("=") || op.equals("<>")) && b.getRightExpression() instanceof Column c
                    && c.getTable() == null && c.getColumnName().matches("[A-Za-z][A-Za-z0-9]*")
                    && !KEYWORDS.contains(c.getColumnName().toLowerCase(Locale.ROOT)) ? c.getColumnName() : null;
            Expr named = word == null ? null : resolver.resolve(null, word);
            Expr right;
            if (word != null && (named == null || named instanceof Expr.Col found && partOf(word, found.column()))) {
                // "STATUS = F", "RECORD_TYPE = TEST": a bare word compared for equality that names no column, or only
                // ends a column's name (IS_TEST), is a code written without quotes
                right = new Expr.Lit(word);
            } else {
                right = convert(b.getRightExpression());
            }
            return new Expr.Bin(op, convert(b.getLeftExpression()), right);
        }
        if (e instanceof LikeExpression l) {
            if (!"LIKE".equalsIgnoreCase(l.getLikeKeyWord().toString()) && !"LIKE".equalsIgnoreCase(l.getStringExpression())) {
                throw new NotCompilable("only LIKE is portable: " + e);
            }
            Expr like = new Expr.Bin("LIKE", convert(l.getLeftExpression()), convert(l.getRightExpression()));
            return l.isNot() ? new Expr.Not(like) : like;
        }
        if (e instanceof IsNullExpression i) {
            return new Expr.IsNull(convert(i.getLeftExpression()), i.isNot());
        }
        if (e instanceof InExpression in) {
            if (!(in.getRightExpression() instanceof ExpressionList<?> list)) {
                throw new NotCompilable("IN with a subquery is not supported: " + e);
            }
            List<Expr> items = new ArrayList<>();
            for (Object o : list) {
                items.add(convert((Expression) o));
            }
            return new Expr.InList(convert(in.getLeftExpression()), items, in.isNot());
        }
        if (e instanceof Between b) {
            Expr left = convert(b.getLeftExpression());
            Expr range = new Expr.Bin("AND", new Expr.Bin(">=", left, convert(b.getBetweenExpressionStart())),
                    new Expr.Bin("<=", left, convert(b.getBetweenExpressionEnd())));
            return b.isNot() ? new Expr.Not(range) : range;
        }
        if (e instanceof CaseExpression c) {
            Expr subject = c.getSwitchExpression() == null ? null : convert(c.getSwitchExpression());
            List<Expr.When> whens = new ArrayList<>();
            for (WhenClause w : c.getWhenClauses()) {
                Expr cond = convert(w.getWhenExpression());
                whens.add(new Expr.When(subject == null ? cond : new Expr.Bin("=", subject, cond),
                        convert(w.getThenExpression())));
            }
            return new Expr.Case(whens, c.getElseExpression() == null ? null : convert(c.getElseExpression()));
        }
        if (e instanceof CastExpression c) {
            SqlType t = SqlType.parse(c.getColDataType().toString());
            if (!t.known()) {
                throw new NotCompilable("unknown type " + c.getColDataType());
            }
            String kw = c.keyword == null ? "CAST" : c.keyword.toUpperCase(Locale.ROOT);
            return new Expr.Cast(convert(c.getLeftExpression()), t, kw.contains("TRY") || kw.contains("SAFE"));
        }
        if (e instanceof ExtractExpression x) {
            String part = x.getName().toUpperCase(Locale.ROOT);
            if (!Set.of("YEAR", "MONTH", "DAY").contains(part)) {
                throw new NotCompilable("EXTRACT " + part + " is not supported");
            }
            return new Expr.Extract(part, convert(x.getExpression()));
        }
        if (e instanceof Function f) {
            return function(f);
        }
        if (e instanceof net.sf.jsqlparser.expression.AnalyticExpression a) {
            return window(a);
        }
        if (e instanceof net.sf.jsqlparser.expression.TrimFunction t) {
            if (t.getTrimSpecification() != null || t.getFromExpression() != null) {
                throw new NotCompilable("TRIM with a specification is not supported: " + e);
            }
            return new Expr.Fn("TRIM", List.of(convert(t.getExpression())));
        }
        throw new NotCompilable("unsupported SQL construct: " + e);
    }

    private static final Set<String> WINDOW = Set.of("ROW_NUMBER", "RANK", "DENSE_RANK", "LAG", "LEAD", "FIRST_VALUE",
            "LAST_VALUE", "SUM", "COUNT", "MIN", "MAX", "AVG");

    /** fn(args) OVER (PARTITION BY .. ORDER BY ..) with the default frame; frames, named windows and options are refused. */
    private Expr window(net.sf.jsqlparser.expression.AnalyticExpression a) throws NotCompilable {
        String name = a.getName().toUpperCase(Locale.ROOT);
        if (!WINDOW.contains(name) || a.getWindowElement() != null || a.getWindowName() != null || a.getKeep() != null
                || a.getFilterExpression() != null || a.isDistinct() || a.isUnique() || a.isIgnoreNulls()
                || a.isIgnoreNullsOutside() || a.getType() != net.sf.jsqlparser.expression.AnalyticType.OVER) {
            throw new NotCompilable("window function " + a + " is not portable across dialects");
        }
        List<Expr> args = new ArrayList<>();
        boolean star = a.isAllColumns() || a.getExpression() instanceof net.sf.jsqlparser.statement.select.AllColumns;
        if (star && !name.equals("COUNT")) {
            throw new NotCompilable("window function " + a + " reads * ");
        }
        for (Expression x : new Expression[]{star ? null : a.getExpression(), a.getOffset(), a.getDefaultValue()}) {
            if (x != null) {
                args.add(convert(x));
            }
        }
        List<Expr> partition = new ArrayList<>();
        if (a.getPartitionExpressionList() != null) {
            for (Object o : a.getPartitionExpressionList()) {
                partition.add(convert((Expression) o));
            }
        }
        List<Expr.Order> order = new ArrayList<>();
        if (a.getOrderByElements() != null) {
            for (net.sf.jsqlparser.statement.select.OrderByElement o : a.getOrderByElements()) {
                if (o.getNullOrdering() == net.sf.jsqlparser.statement.select.OrderByElement.NullOrdering.NULLS_FIRST) {
                    // every dialect renders NULLS LAST (engines differ in their default)
                    throw new NotCompilable("NULLS FIRST in a window is not supported: " + a);
                }
                order.add(new Expr.Order(convert(o.getExpression()), !o.isAsc()));
            }
        }
        return new Expr.Window(name, args, partition, order);
    }

    private void flattenConcat(Expression e, List<Expr> out) throws NotCompilable {
        if (e instanceof Concat c) {
            flattenConcat(c.getLeftExpression(), out);
            flattenConcat(c.getRightExpression(), out);
        } else {
            out.add(convert(e));
        }
    }

    private Expr intervalAmount(IntervalExpression iv) throws NotCompilable {
        if (iv.getExpression() != null) {
            return convert(iv.getExpression());
        }
        String p = iv.getParameter().replace("'", "").trim().split("\\s+")[0];
        try {
            return new Expr.Lit(Long.parseLong(p));
        } catch (NumberFormatException ex) {
            throw new NotCompilable("interval " + iv);
        }
    }

    private static String intervalUnit(IntervalExpression iv) throws NotCompilable {
        String unit = iv.getIntervalType();
        if (unit == null) {
            String[] parts = iv.getParameter().replace("'", "").trim().split("\\s+");
            unit = parts.length > 1 ? parts[1] : "DAY";
        }
        unit = unit.toUpperCase(Locale.ROOT).replaceAll("S$", "");
        if (!Set.of("YEAR", "MONTH", "DAY").contains(unit)) {
            throw new NotCompilable("interval unit " + unit);
        }
        return unit;
    }

    private Expr function(Function f) throws NotCompilable {
        String name = f.getName().toUpperCase(Locale.ROOT);
        if (VendorFunctions.NAMES.contains(name)) {
            List<Expression> params = new ArrayList<>();
            if (f.getParameters() != null) {
                for (Object o : f.getParameters()) {
                    params.add((Expression) o);
                }
            }
            return VendorFunctions.read(name, params, this::convert);
        }
        List<Expr> args = new ArrayList<>();
        if (f.getParameters() != null) {
            for (Object o : f.getParameters()) {
                args.add(convert((Expression) o));
            }
        }
        if (AGG.contains(name)) {
            if (f.isAllColumns() || args.isEmpty()) {
                return new Expr.Agg(name, null, false);
            }
            return new Expr.Agg(name, args.get(0), f.isDistinct());
        }
        switch (name) {
            case "CONCAT":
                return new Expr.Concat(args);
            case "SUBSTR":
            case "SUBSTRING":
                return new Expr.Substr(args.get(0), args.size() > 1 ? args.get(1) : new Expr.Lit(1L),
                        args.size() > 2 ? args.get(2) : null);
            case "LEFT":
                return new Expr.Substr(args.get(0), new Expr.Lit(1L), args.get(1));
            case "CEILING":
                return new Expr.Fn("CEIL", args);
            case "LEN":
                if (args.size() == 1) {
                    return new Expr.Fn("LENGTH", args);
                }
                break;
            case "YEAR":
            case "MONTH":
            case "DAY":
                if (args.size() == 1) {
                    return new Expr.Extract(name, args.get(0));
                }
                break;
            case "LAST_DAY":
                if (args.size() == 1) {
                    return new Expr.LastDay(args.get(0));
                }
                break;
            case "NVL":
            case "IFNULL":
                return new Expr.Fn("COALESCE", args);
            case "IIF":
            case "IF":
                if (args.size() == 3) {
                    return new Expr.Case(List.of(new Expr.When(args.get(0), args.get(1))), args.get(2));
                }
                break;
            case "TRY_CAST":
                break;
            default:
                if (SCALAR.contains(name)) {
                    return new Expr.Fn(name, args);
                }
        }
        throw new NotCompilable("function " + name + " is not portable across dialects");
    }

    private static String unquote(String s) {
        String t = s.trim();
        if (t.length() >= 2 && ((t.startsWith("\"") && t.endsWith("\"")) || (t.startsWith("`") && t.endsWith("`"))
                || (t.startsWith("[") && t.endsWith("]")))) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }
}
