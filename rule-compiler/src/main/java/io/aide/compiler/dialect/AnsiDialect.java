package io.aide.compiler.dialect;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;

/**
 * Standard SQL as it is, for engines the product has no dialect for. What the standard cannot say (parsing text
 * with a date pattern) is written as a typed NULL and flagged, never as a cast that would read another format.
 */
public class AnsiDialect extends SqlDialect {
    public AnsiDialect() {
        super("ansi", '"');
    }

    @Override
    protected String parseDate(String expr, String strftime, boolean timestamp) {
        return typedNull(timestamp ? SqlType.TIMESTAMP : SqlType.DATE);
    }

    @Override
    public String unsupported(Expr node) {
        if (node instanceof Expr.ParseDate p) {
            return "standard SQL cannot parse text with the date pattern '" + p.strftime()
                    + "' (a CAST reads only YYYY-MM-DD): write it with the target engine's function";
        }
        return null;
    }
}
