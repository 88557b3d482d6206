package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

/**
 * A calendar date written as a value: 2024-12-31 (which the lexer reads as three numbers), 2024/12/31, 31-Dec-2024,
 * 31 December 2024, December 31, 2024, 31/12/2024 (a day of one reading only) or DATE '2024-12-31'. The value is that
 * date, never the subtraction or division the numbers would make. A quoted '2024-12-31' stays a text, compared as the
 * column is.
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
        Written w = written(p, t, i);
        if (w == null) {
            return null;
        }
        p.reset(i + w.length());
        return date(w.day());
    }

    /** A day and the number of tokens that write it. */
    private record Written(LocalDate day, int length) {
    }

    /**
     * 2024-12-31, 2024/12/31; 31-Dec-2024, 31 December 2024, December 31, 2024; 31/12/2024 or 12/31/2024 when only
     * one reading is a day (01/02/2024 is either, and is left for the analyst to write out).
     */
    private static Written written(Parser p, List<Token> t, int i) {
        if (i + 2 >= t.size()) {
            return null;
        }
        Token a = t.get(i);
        if (i + 4 < t.size() && a.kind() == Token.Kind.NUMBER && t.get(i + 2).kind() == Token.Kind.NUMBER
                && t.get(i + 4).kind() == Token.Kind.NUMBER && separator(t.get(i + 1)) && t.get(i + 3).op(t.get(i + 1).text())) {
            String x = a.text();
            String y = t.get(i + 2).text();
            String z = t.get(i + 4).text();
            if (x.matches("\\d{4}")) {
                LocalDate d = of(x, y, z);
                return d == null ? null : new Written(d, 5);
            }
            if (!z.matches("\\d{4}") || !t.get(i + 1).op("/") && !t.get(i + 1).op(".") && !t.get(i + 1).op("-")) {
                return null;
            }
            LocalDate dayFirst = of(z, y, x);
            LocalDate monthFirst = of(z, x, y);
            if (dayFirst != null && monthFirst != null && !dayFirst.equals(monthFirst)) {
                p.problem("'" + x + t.get(i + 1).text() + y + t.get(i + 1).text() + z + "' is a day of two months (day first or "
                        + "month first): write it as " + dayFirst + " or " + monthFirst);
                return null;
            }
            LocalDate d = dayFirst != null ? dayFirst : monthFirst;
            return d == null ? null : new Written(d, 5);
        }
        // 31-Dec-2024, 31 Dec 2024
        int j = i;
        if (a.kind() == Token.Kind.NUMBER && a.text().matches("\\d{1,2}")) {
            j++;
            boolean dashed = t.get(j).op("-");
            if (dashed) {
                j++;
            }
            Integer month = j < t.size() ? month(t.get(j)) : null;
            if (month != null) {
                j++;
                if (dashed && j < t.size() && t.get(j).op("-")) {
                    j++;
                } else if (dashed) {
                    return null;
                }
                if (j < t.size() && t.get(j).kind() == Token.Kind.NUMBER && t.get(j).text().matches("\\d{4}")) {
                    LocalDate d = of(t.get(j).text(), String.valueOf(month), a.text());
                    return d == null ? null : new Written(d, j + 1 - i);
                }
            }
            return null;
        }
        // December 31, 2024
        Integer month = month(a);
        if (month != null && t.get(i + 1).kind() == Token.Kind.NUMBER && t.get(i + 1).text().matches("\\d{1,2}")) {
            j = i + 2;
            if (t.get(j).op(",")) {
                j++;
            }
            if (j < t.size() && t.get(j).kind() == Token.Kind.NUMBER && t.get(j).text().matches("\\d{4}")) {
                LocalDate d = of(t.get(j).text(), String.valueOf(month), t.get(i + 1).text());
                return d == null ? null : new Written(d, j + 1 - i);
            }
        }
        return null;
    }

    private static boolean separator(Token t) {
        return t.op("-") || t.op("/") || t.op(".");
    }

    /** English month names in full and by their first three letters (and "sept"), lower case -> month number. */
    private static final java.util.Map<String, Integer> MONTHS = months();

    private static java.util.Map<String, Integer> months() {
        java.util.Map<String, Integer> out = new java.util.HashMap<>();
        for (java.time.Month m : java.time.Month.values()) {
            String name = m.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH).toLowerCase(java.util.Locale.ROOT);
            out.put(name, m.getValue());
            out.put(name.substring(0, 3), m.getValue());
        }
        out.put("sept", 9);
        return java.util.Map.copyOf(out);
    }

    /** The month a word names in English, in full or by its first three letters ("Dec", "September"); else null. */
    private static Integer month(Token t) {
        if (t.kind() != Token.Kind.WORD || t.text().length() < 3) {
            return null;
        }
        String w = t.norm();
        return MONTHS.get(w.endsWith(".") ? w.substring(0, w.length() - 1) : w);
    }

    private static LocalDate of(String year, String month, String day) {
        if (!year.matches("\\d{4}") || !month.matches("\\d{1,2}") || !day.matches("\\d{1,2}")) {
            return null;
        }
        return parse(year + "-" + month + "-" + day);
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
