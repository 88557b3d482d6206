package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

/**
 * A calendar date written as a value: 2024-12-31 (which the lexer reads as three numbers) or DATE '2024-12-31'. The
 * value is that date, never the subtraction the numbers would make. A quoted '2024-12-31' stays a text, compared as
 * the column is.
 */
final class DateLiterals {

    private DateLiterals() {
    }

    /** The date at the cursor (moved past it), or null (cursor unchanged). */
    static Expr read(Parser p) {
        List<Token> t = p.tokens();
        int i = p.mark();
        boolean typed = i < t.size() && t.get(i).is(Token.Kind.WORD, "date") && i + 1 < t.size()
                && t.get(i + 1).kind() == Token.Kind.STRING;
        if (typed) {
            LocalDate d = parse(t.get(i + 1).text());
            if (d != null) {
                p.reset(i + 2);
                return date(d);
            }
            return null;
        }
        if (i + 4 >= t.size() || t.get(i).kind() != Token.Kind.NUMBER || !t.get(i).text().matches("\\d{4}")
                || !t.get(i + 1).op("-") || t.get(i + 2).kind() != Token.Kind.NUMBER || !t.get(i + 3).op("-")
                || t.get(i + 4).kind() != Token.Kind.NUMBER) {
            return null;
        }
        LocalDate d = parse(t.get(i).text() + "-" + t.get(i + 2).text() + "-" + t.get(i + 4).text());
        if (d == null) {
            return null;
        }
        p.reset(i + 5);
        return date(d);
    }

    private static LocalDate parse(String text) {
        String[] parts = text.trim().split("-");
        if (parts.length != 3 || !parts[0].matches("\\d{4}") || !parts[1].matches("\\d{1,2}") || !parts[2].matches("\\d{1,2}")) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Expr date(LocalDate d) {
        return new Expr.Cast(new Expr.Lit(d.toString()), SqlType.DATE, false);
    }
}
