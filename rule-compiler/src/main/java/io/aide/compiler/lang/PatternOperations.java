package io.aide.compiler.lang;

import io.aide.compiler.lang.Copies.Operation;
import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.DatePatterns;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Date patterns around a value (part of {@link Dates}): the words around one or two patterns say which is read and
 * which is written. A pattern is analyst notation (DD/MM/YYYY, 'YYYYMMDD', dd-Mon-yyyy, yyyy-mm-dd hh:mi:ss) or
 * strftime (%d-%b-%y); the source's layout may be stated first ("Source is text DD/MM/YYYY - convert to date",
 * "in European format DD.MM.YYYY") with remarks in brackets about the data.
 */
final class PatternOperations {

    private PatternOperations() {
    }


    /** Where a layout is usual: words before "format" that the pattern itself makes exact. */
    private static final java.util.Set<String> FORM_NOUNS = java.util.Set.of("number", "integer", "numeric", "int", "text",
            "string", "value", "layout", "format", "field");
    private static final java.util.Set<String> SIZE_NOUNS = java.util.Set.of("digit", "digits", "character", "characters", "char",
            "chars");
    private static final java.util.Set<String> ORDERS = java.util.Set.of("day", "month", "year");

    /**
     * [a | an] [N-digit | N-character] (number | integer | text | layout ...), (day | month | year)-first: a description
     * of the source's form before or after its date pattern; the cursor after it, or unchanged (false).
     */
    private static boolean sourceForm(Parser p) {
        int m = p.mark();
        Token t = p.rawPeek();
        boolean article = t != null && (t.is(Token.Kind.WORD, "a") || t.is(Token.Kind.WORD, "an"));
        if (article) {
            p.rawNext();
        }
        boolean described = false;
        t = p.rawPeek();
        if (t != null && t.kind() == Token.Kind.NUMBER && p.mark() + 2 < p.tokens().size() && p.tokens().get(p.mark() + 1).op("-")
                && SIZE_NOUNS.contains(p.tokens().get(p.mark() + 2).norm())) {
            // "8-digit", "10-character"
            p.rawNext();
            p.rawNext();
            p.rawNext();
            described = true;
        }
        t = p.rawPeek();
        if (t != null && ORDERS.contains(t.norm()) && t.hyphenated() && p.mark() + 1 < p.tokens().size()
                && p.tokens().get(p.mark() + 1).is(Token.Kind.WORD, "first")) {
            // "day-first", "month-first"
            p.rawNext();
            p.rawNext();
            described = true;
            t = p.rawPeek();
        }
        if (t != null && t.kind() == Token.Kind.WORD && FORM_NOUNS.contains(t.norm()) && (described || article)) {
            p.rawNext();
            return true;
        }
        if (described) {
            return true;
        }
        p.reset(m);
        return false;
    }

    private static final java.util.Set<String> REGIONS = java.util.Set.of("european", "us", "u.s.", "american", "uk",
            "british", "iso", "german", "french", "continental", "usa", "international");

    /**
     * A bracket holding no pattern, column or value the rule reads ("(zero padding not guaranteed, e.g. 3/7/2024)"),
     * the cursor after it; false (cursor unchanged) otherwise.
     */
    private static boolean remark(Parser p) {
        int m = p.mark();
        p.acceptOp("(");
        int depth = 1;
        while (!p.atEnd() && depth > 0) {
            Token t = p.rawNext();
            depth += t.op("(") ? 1 : t.op(")") ? -1 : 0;
            if (t.kind() == Token.Kind.DATE_PATTERN || t.kind() == Token.Kind.NAME || t.kind() == Token.Kind.IDENT
                    || t.kind() == Token.Kind.STRING) {
                p.reset(m);
                return false;
            }
        }
        if (depth > 0) {
            p.reset(m);
            return false;
        }
        return true;
    }

    /** Words around one or two date patterns: which is read, which is written. */
    static Operation pattern(Parser p) {
        List<String> patterns = new ArrayList<>();
        List<Boolean> afterFrom = new ArrayList<>();
        List<Boolean> afterTo = new ArrayList<>();
        boolean parseWords = false;
        boolean formatWords = false;
        boolean from = false;
        boolean to = false;
        boolean integer = false;
        // "in" before the pattern: the source's format ("received in YYYYMMDD") or the output's ("order date in YYYY-MM
        // format" into a text), which the column's kind decides
        boolean weakFrom = false;
        // two patterns joined by "or" / "and": layouts of the same source
        boolean alternatives = false;
        Expr column = null;
        while (true) {
            Token t = p.peekToken();
            if (t == null) {
                break;
            }
            String fmt = t.kind() == Token.Kind.DATE_PATTERN ? t.text()
                    : t.kind() == Token.Kind.STRING ? quotedPattern(t.text()) : null;
            if (fmt != null) {
                p.next();
                patterns.add(fmt);
                afterFrom.add(from);
                afterTo.add(to);
                from = false;
                to = false;
                continue;
            }
            if (!patterns.isEmpty() && t.op("(") && remark(p)) {
                // "(zero padding not guaranteed, e.g. 3/7/2024)": says something of the data, not of the conversion
                continue;
            }
            if (p.acceptOp(":") || p.acceptOp("(") || p.acceptOp(")")) {
                // "Parse start_str (MM/DD/YYYY) into a date"
                continue;
            }
            int comma = p.mark();
            if (p.acceptOp(",") && patterns.isEmpty() && p.tokens().subList(p.mark(), p.tokens().size()).stream()
                    .anyMatch(x -> x.kind() == Token.Kind.DATE_PATTERN)) {
                // "text, MM/DD/YYYY -> date": what the value is, then its pattern
                continue;
            }
            p.reset(comma);
            if (!patterns.isEmpty() && (p.acceptOp("-") || p.acceptOp(",") || p.acceptSeparator())) {
                // "Source is text DD/MM/YYYY - convert to date", "... in DD/MM/YYYY format. Convert to date.": a
                // statement of the source's layout, then what to do with it
                continue;
            }
            if (patterns.size() == 1 && (p.accept(Role.OR) || p.accept(Role.AND)) && p.peekToken() != null
                    && (p.peekToken().kind() == Token.Kind.DATE_PATTERN || p.peekToken().kind() == Token.Kind.STRING)) {
                // "'YYYY-MM-DD' or 'DD/MM/YYYY'": two layouts of the source
                alternatives = true;
                continue;
            }
            if (p.acceptWord("is") || p.acceptWord("are")) {
                // "hire_dt is stored as text in DD/MM/YYYY format", "Source is text DD/MM/YYYY"
                continue;
            }
            if (sourceForm(p)) {
                // "rcv_date is an 8-digit number yyyymmdd -> date", "European day-first layout DD.MM.YYYY": what the
                // source holds, which the pattern says exactly
                continue;
            }
            if (REGIONS.contains(t.norm()) && t.kind() == Token.Kind.WORD) {
                // "in European format DD.MM.YYYY", "US format MM/DD/YYYY": the pattern says which
                p.next();
                continue;
            }
            if (!patterns.isEmpty() && (p.acceptOp("->") || p.acceptOp("=>"))) {
                // "text, MM/DD/YYYY -> date"
                to = true;
                continue;
            }
            if (p.accept(Role.DATE_PARSE)) {
                parseWords = true;
            } else if (p.accept(Role.DATE_FORMAT)) {
                formatWords = true;
            } else if (p.accept(Role.TYPE_INTEGER)) {
                integer = true;
            } else if (p.accept(Role.FROM)) {
                from = true;
                weakFrom = p.tokens().get(p.mark() - 1).is(Token.Kind.WORD, "in");
            } else if (p.accept(Role.CAST)) {
                to = true;
            } else if (patterns.isEmpty() && p.accept(Role.TYPE_TEXT)) {
                // "Text YYYYMMDD", "arrives as text YYYYMMDD": the layout the text has, never one to write
                from = true;
            } else if (!(p.accept(Role.DATE_NOUN) || p.accept(Role.TYPE_DATE) || p.accept(Role.TYPE_TIMESTAMP)
                    || p.accept(Role.TYPE_TEXT) || p.accept(Role.SELF))) {
                // the column the patterns apply to: "format sale_dt as YYYY-MM", "YYYYMM of open_dt"
                int before = p.mark();
                Token of = p.peekToken();
                if (of != null && of.is(Token.Kind.WORD, "of")) {
                    p.next();
                }
                Expr c = column == null ? p.column() : null;
                if (c == null && column == null) {
                    // "Start month formatted as YYYYMM" for start_dt: the date named by its first word, then the period
                    // the pattern shows
                    p.reset(before);
                    Expr.Col dated = p.dateNamedByWord();
                    c = dated != null && (p.accept(Role.DATE_MONTH) || p.accept(Role.DATE_YEAR) || p.accept(Role.DATE_WEEK)
                            || p.accept(Role.DATE_QUARTER) || p.accept(Role.DATE_DAY) || p.accept(Role.DATE_HOUR)) ? dated : null;
                }
                if (c == null) {
                    p.reset(before);
                    break;
                }
                column = c;
                from = false;
            }
        }
        SqlType.Kind wanted = p.targetType().kind();
        if (patterns.isEmpty() && parseWords && !formatWords && (wanted == SqlType.Kind.DATE || wanted == SqlType.Kind.TIMESTAMP)
                && p.atEnd()) {
            // "parsed from text", "parsed from ISO 8601": no pattern, so the engine's own reading of a date or timestamp
            // (ISO 8601, with 'T' or a space); what does not read is NULL
            SqlType type = wanted == SqlType.Kind.DATE ? SqlType.DATE : SqlType.TIMESTAMP;
            return new Operation(x -> new Expr.Cast(x, type, true), column, Copies.Kind.CONVERSION);
        }
        if (patterns.isEmpty() || patterns.size() > 2) {
            if (patterns.size() > 2) {
                p.problem("more than two date patterns");
            }
            return null;
        }
        SqlType.Kind target = p.targetType().kind();
        boolean temporalTarget = target == SqlType.Kind.DATE || target == SqlType.Kind.TIMESTAMP;
        boolean ts = target == SqlType.Kind.TIMESTAMP;
        boolean integerTarget = integer || target == SqlType.Kind.INTEGER || target == SqlType.Kind.BIGINT;
        SqlType key = Dates.integerType(p);
        if (patterns.size() == 2 && temporalTarget && (alternatives || !afterTo.get(0) && !afterTo.get(1))) {
            // "Parse 'YYYY-MM-DD HH24:MI:SS' or 'DD/MM/YYYY HH24:MI'": a date or timestamp has no output layout, so two
            // layouts neither of which the rule converts to are both the source's; each value reads with the one it
            // fits, the first said first ("from A to B" keeps reading A alone)
            List<String> layouts = List.copyOf(patterns);
            return new Operation(x -> new Expr.Fn("COALESCE", layouts.stream().map(f -> (Expr) new Expr.ParseDate(
                    x instanceof Expr.Cast c && c.type().temporal() ? c.expr() : x, f, ts || f.contains("%H"))).toList()),
                    column, Copies.Kind.CONVERSION);
        }
        if (patterns.size() == 2) {
            int input = afterFrom.get(1) && !afterFrom.get(0) ? 1 : 0;
            String in = patterns.get(input);
            String out = patterns.get(1 - input);
            boolean inTs = ts || in.contains("%H");
            UnaryOperator<Expr> op = x -> {
                Expr parsed = new Expr.ParseDate(x, in, inTs);
                if (temporalTarget) {
                    return parsed;
                }
                Expr text = new Expr.FormatDate(parsed, out);
                return integerTarget ? new Expr.Cast(text, key, true) : text;
            };
            return new Operation(op, column, Copies.Kind.CONVERSION);
        }
        String fmt = patterns.get(0);
        boolean toPattern = afterTo.get(0);
        boolean fromPattern = afterFrom.get(0);
        if (temporalTarget || target == SqlType.Kind.UNKNOWN && !((formatWords || toPattern) && !parseWords && !fromPattern)) {
            boolean t = ts || fmt.contains("%H");
            // "Convert to date; source format is DD/MM/YYYY": one conversion said twice, the layout saying how
            return new Operation(x -> new Expr.ParseDate(x instanceof Expr.Cast c && c.type().temporal() ? c.expr() : x, fmt, t),
                    column, Copies.Kind.CONVERSION);
        }
        Expr subject = column != null ? column : p.ctx().sources().size() == 1 ? p.ctx().sources().get(0) : null;
        // "YYYYMM of sale date" into a text: the column is a date by its type or its name, so the pattern is the output's
        boolean ofADate = subject instanceof Expr.Col c && (p.ctx().typeOf(c).temporal() || ColumnWords.holdsADate(c.column()));
        boolean typedDate = subject instanceof Expr.Col c && p.ctx().typeOf(c).temporal();
        if (integerTarget && fromPattern && !typedDate && "%Y%m%d".equals(fmt) && !formatWords) {
            // "DOB arrives as text YYYYMMDD" into an integer: the date the text holds, as the same eight digits (NULL
            // where it is no date)
            return new Operation(x -> new Expr.Cast(new Expr.FormatDate(new Expr.ParseDate(x, fmt, false), fmt), key, true), column,
                    Copies.Kind.CONVERSION);
        }
        boolean format = (formatWords || toPattern || integerTarget || ofADate) && !parseWords
                && (!fromPattern || weakFrom && ofADate);
        if (!format) {
            p.problem(parseWords || fromPattern
                    ? "the text is read as a date but the target is " + target.name().toLowerCase(java.util.Locale.ROOT)
                    + " and no output format is given"
                    : "whether the pattern is the source's format or the output's is not said");
            return null;
        }
        if (integerTarget) {
            return new Operation(x -> new Expr.Cast(new Expr.FormatDate(asDate(p, x, fmt), fmt), key, true), column);
        }
        return new Operation(x -> new Expr.FormatDate(asDate(p, x, fmt), fmt), column);
    }

    /** A text column read as an ISO date (NULL when it is not one) before a date is written with a pattern. */
    static Expr asDate(Parser p, Expr x) {
        return asDate(p, x, "%Y");
    }

    /** ... read as a timestamp where the pattern writes a time of day ("HH:MM"). */
    private static Expr asDate(Parser p, Expr x, String strftime) {
        if (x instanceof Expr.Col c && p.ctx().typeOf(c).kind() == SqlType.Kind.VARCHAR) {
            return new Expr.Cast(x, strftime.matches(".*%[HMS].*") ? SqlType.TIMESTAMP : SqlType.DATE, true);
        }
        return x;
    }

    /** A quoted text that is a date pattern ('YYYYMMDD', "dd/mm/yyyy"), as strftime; else null. */
    static String quotedPattern(String text) {
        String t = text.trim();
        if (t.isEmpty() || !(t.contains("%") || t.toLowerCase(java.util.Locale.ROOT).contains("yy"))) {
            return null;
        }
        return DatePatterns.fromExcel(t);
    }
}
