package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.rules.SqlExpressionParser;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A window function written as SQL: "row_number() over (partition by customer order by created_at)",
 * "LAG(status) OVER (PARTITION BY customer ORDER BY created_at).". The cell (without a trailing full stop) is parsed
 * by JSqlParser; names resolve like any column of the rule. A cell with OVER ( that does not parse is flagged.
 */
final class SqlWindows implements Recognizer {
    private static final Pattern OVER = Pattern.compile("(?i)\\)\\s*over\\s*\\(");

    @Override
    public Recognition recognize(Parser p) {
        String text = Lexer.clean(p.ctx().row().transformation()).replaceAll("[\\s.;]+$", "").replaceAll("\\s+", " ");
        if (!OVER.matcher(text).find()) {
            return Recognition.NOT_MINE;
        }
        List<String> unknown = new ArrayList<>();
        try {
            Expr e = new SqlExpressionParser((q, n) -> {
                Expr r = p.ctx().resolve(q, n);
                if (r == null) {
                    unknown.add(n);
                }
                return r;
            }).parse(text);
            return new Recognition.Recognized(e, null, List.of(), "SQL window function");
        } catch (SqlExpressionParser.NotCompilable ex) {
            return new Recognition.Flagged(unknown.isEmpty() ? "the window function in the rule cannot be compiled: "
                    + ex.getMessage() : "unknown column " + unknown.get(0) + " in the rule's window function");
        }
    }
}
