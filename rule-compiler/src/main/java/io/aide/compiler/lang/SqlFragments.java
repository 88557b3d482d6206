package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.rules.SqlExpressionParser;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.SelectItem;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL written in a rule cell, parsed by JSqlParser: "SELECT bill_charges FROM patbill.",
 * "QUERY: SELECT target_concept_id FROM cte_vocab_map WHERE source_code = icd_code", "SELECT sum_dept_desc".
 * A label before the SELECT is allowed when it is one of the lexicon's labels; the SELECT reads one value: a column of
 * the row's own source table (a copy or an expression), or of another table matched by equalities (a lookup).
 */
final class SqlFragments implements Recognizer {
    private static final Pattern SELECT = Pattern.compile("(?is)\\bselect\\b");

    @Override
    public Recognition recognize(Parser p) {
        String text = Lexer.clean(p.ctx().row().transformation());
        Matcher m = SELECT.matcher(text);
        if (!m.find()) {
            return Recognition.NOT_MINE;
        }
        List<Token> before = Lexer.tokens(text.substring(0, m.start()));
        Parser label = new Parser(before, p.ctx(), Lexicon.standard());
        while (label.accept(Role.LABEL) || label.acceptOp(":") || label.acceptSeparator()) {
            // QUERY: SOURCE TO STANDARD:
        }
        if (!label.atEnd()) {
            return new Recognition.Flagged("not understood: '" + label.leftover() + "' before the SQL");
        }
        String sql = text.substring(m.start()).replaceAll("[\\s.;]+$", "")
                .replaceAll("\\[([^\\]]+)]", "\"$1\"").replaceAll("\\s+", " ");
        Statement st;
        try {
            st = CCJSqlParserUtil.parse(sql);
        } catch (Exception | Error e) {
            return new Recognition.Flagged("the SQL in the rule does not parse: " + abbreviate(sql));
        }
        if (!(st instanceof PlainSelect s) || s.getSelectItems().size() != 1 || s.getJoins() != null
                || s.getGroupBy() != null || s.getHaving() != null || s.getOrderByElements() != null
                || s.getDistinct() != null || s.getLimit() != null) {
            return new Recognition.Flagged("the SQL in the rule reads more than one value of one table: " + abbreviate(sql));
        }
        SelectItem<?> item = s.getSelectItems().get(0);
        String own = p.ctx().row().sourceTable();
        if (own == null) {
            // no source table cell: the table of the row's source columns ("PATBILL.BILL_COST") is its own
            own = p.ctx().row().sourceColumns().stream().map(io.aide.events.spec.SourceRef::table)
                    .filter(t -> t != null && !t.isBlank()).findFirst().orElse(null);
        }
        if (s.getFromItem() == null || s.getFromItem() instanceof Table t && own != null && sameTable(t, own)) {
            if (s.getWhere() != null) {
                return new Recognition.Flagged("a filter inside the rule's SQL on its own table: " + abbreviate(sql));
            }
            List<String> unknown = new ArrayList<>();
            try {
                Expr e = new SqlExpressionParser((q, n) -> {
                    Expr r = p.ctx().resolve(s.getFromItem() == null ? q : null, n);
                    if (r == null) {
                        unknown.add(n);
                    }
                    return r;
                }).parse(item.getExpression().toString());
                return new Recognition.Recognized(e, null, List.of(), "SQL expression");
            } catch (SqlExpressionParser.NotCompilable ex) {
                return new Recognition.Flagged(unknown.isEmpty() ? "the SQL in the rule cannot be compiled: "
                        + ex.getMessage() : "unknown column " + unknown.get(0) + " in the rule's SQL");
            }
        }
        if (!(s.getFromItem() instanceof Table table) || !(item.getExpression() instanceof Column value)) {
            return new Recognition.Flagged("the SQL in the rule reads a subquery or an expression of another table: "
                    + abbreviate(sql));
        }
        List<Expr.Match> matches = new ArrayList<>();
        List<Expression> conditions = new ArrayList<>();
        if (s.getWhere() != null) {
            flatten(s.getWhere(), conditions);
        }
        for (Expression c : conditions) {
            Expr.Match match = match(c, table, p);
            if (match == null) {
                return new Recognition.Flagged("the condition '" + c + "' of the rule's SQL is not '<column of "
                        + table.getName() + "> = <source column or value>'");
            }
            matches.add(match);
        }
        String name = unquote(table.getFullyQualifiedName());
        return new Recognition.Recognized(new Expr.Lookup(name, unquote(value.getColumnName()), matches), name, List.of(),
                "lookup in " + name + " (SQL)");
    }

    private static void flatten(Expression e, List<Expression> out) {
        if (e instanceof AndExpression a) {
            flatten(a.getLeftExpression(), out);
            flatten(a.getRightExpression(), out);
        } else {
            out.add(e);
        }
    }

    /** lookup_column = outer value, or lookup_column IN (values); the left side is the lookup table's. */
    private static Expr.Match match(Expression c, Table table, Parser p) {
        if (c instanceof EqualsTo eq && eq.getLeftExpression() instanceof Column left && inner(left, table)) {
            Expr outer = outer(eq.getRightExpression(), table, p);
            return outer == null ? null : new Expr.Match(unquote(left.getColumnName()), List.of(outer));
        }
        if (c instanceof InExpression in && !in.isNot() && in.getLeftExpression() instanceof Column left && inner(left, table)
                && in.getRightExpression() instanceof ParenthesedExpressionList<?> list) {
            List<Expr> items = new ArrayList<>();
            for (Object o : list) {
                Expr v = outer((Expression) o, table, p);
                if (!(v instanceof Expr.Lit)) {
                    return null;
                }
                items.add(v);
            }
            return new Expr.Match(unquote(left.getColumnName()), items);
        }
        return null;
    }

    private static boolean inner(Column c, Table table) {
        return c.getTable() == null || c.getTable().getName() == null || sameTable(c.getTable(), table.getName())
                || table.getAlias() != null && c.getTable().getName().equalsIgnoreCase(table.getAlias().getName());
    }

    private static Expr outer(Expression e, Table table, Parser p) {
        if (e instanceof Column c && c.getTable() != null && c.getTable().getName() != null
                && (sameTable(c.getTable(), table.getName())
                || table.getAlias() != null && c.getTable().getName().equalsIgnoreCase(table.getAlias().getName()))) {
            return null;
        }
        try {
            return new SqlExpressionParser((q, n) -> p.ctx().resolve(q, n)).parse(e.toString());
        } catch (SqlExpressionParser.NotCompilable ex) {
            return null;
        }
    }

    private static boolean sameTable(Table t, String name) {
        String a = unquote(t.getName()).toLowerCase(Locale.ROOT);
        String b = name.trim().toLowerCase(Locale.ROOT);
        return a.equals(b) || b.endsWith("." + a) || unquote(t.getFullyQualifiedName()).equalsIgnoreCase(b);
    }

    private static String unquote(String s) {
        return s.replace("\"", "").replace("`", "");
    }

    private static String abbreviate(String s) {
        return s.length() > 100 ? s.substring(0, 97) + "..." : s;
    }
}
