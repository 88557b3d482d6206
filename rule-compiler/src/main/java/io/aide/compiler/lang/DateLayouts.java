package io.aide.compiler.lang;

import io.aide.compiler.lang.Copies.Operation;
import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parts of a date written together, laid out by an example or as a number of digits:
 * <pre>
 * parts  := part ((AND | ",") part)* [(OF | FROM) column] [","] shown      -- "Year and quarter of the ship date, like 2024Q3"
 * part   := DATE_YEAR | DATE_QUARTER | DATE_MONTH | DATE_DAY
 * shown  := (LIKE | AS | IN [the] (FORM | FORMAT) [OF] | E.G. | FOR EXAMPLE | SUCH AS) example
 *         | AS [a] [N "-"? DIGIT] NUMBER                                     -- "Year and month ... as a six digit number"
 * </pre>
 * The example is read piece by piece: a year of four digits (%Y), Q and a digit (the quarter), two digits (the month,
 * else the day, else a two-digit year), a month's name (%b or %B, upper-cased where the example is), anything else
 * as written. Every part named must be in the example (one part named alone may come with others the example
 * shows: "quarter ... in the form 2024Q1"). A number (two parts or more) writes the parts' digits in order (year, month,
 * day; a quarter as one digit) and, where the digits are said, must have that many.
 */
final class DateLayouts {
    private DateLayouts() {
    }

    private enum Part { YEAR, QUARTER, MONTH, DAY }

    private static final Set<String> INTRODUCERS = Set.of("like", "as", "eg", "e.g", "such", "example", "for");
    private static final Pattern MONTH_NAME = Pattern.compile("(?i)(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)"
            + "(uary|ruary|ch|il|e|y|ust|tember|ober|ember)?");

    static Operation layout(Parser p) {
        int m = p.mark();
        EnumSet<Part> parts = EnumSet.noneOf(Part.class);
        Part first = part(p);
        if (first == null) {
            return null;
        }
        parts.add(first);
        while (true) {
            int sep = p.mark();
            if (!(p.accept(Role.AND) || p.acceptOp(","))) {
                break;
            }
            Part next = part(p);
            if (next == null) {
                p.reset(sep);
                break;
            }
            parts.add(next);
        }
        Expr column = DateSubjects.ofOrFromColumn(p);
        p.acceptOp(",");
        Integer digits = parts.size() > 1 ? number(p) : null;
        if (digits != null) {
            return asNumber(p, parts, digits, column);
        }
        String example = example(p);
        if (example == null) {
            p.reset(m);
            return null;
        }
        // "quarter of the opening date in the form 2024Q1": one part named, the example shows the others it wants
        List<Piece> pieces = pieces(example, parts, parts.size() > 1 ? parts : EnumSet.allOf(Part.class));
        if (pieces == null) {
            p.problem("the example '" + example + "' does not show the " + parts.toString().toLowerCase(Locale.ROOT)
                    + " it names");
            p.reset(m);
            return null;
        }
        return new Operation(x -> written(DateColumns.asDate(p.ctx(), x), pieces), column);
    }

    private static Part part(Parser p) {
        return p.accept(Role.DATE_YEAR) ? Part.YEAR : p.accept(Role.DATE_QUARTER) ? Part.QUARTER
                : p.accept(Role.DATE_MONTH) ? Part.MONTH : p.accept(Role.DATE_DAY) ? Part.DAY : null;
    }

    /** "as a six digit number", "as a number", "as an 8-digit integer": the digits said (0 when not said); else null. */
    private static Integer number(Parser p) {
        int m = p.mark();
        if (!p.acceptWord("as")) {
            return null;
        }
        p.acceptWord("a");
        p.acceptWord("an");
        Long n = Operations.whole(p);
        p.acceptOp("-");
        boolean digit = n != null && (p.acceptWord("digit") || p.acceptWord("digits"));
        Token noun = p.next();
        if (noun == null || !(noun.norm().equals("number") || noun.norm().equals("integer")) || n != null && !digit) {
            p.reset(m);
            return null;
        }
        return n == null ? 0 : n.intValue();
    }

    private static Operation asNumber(Parser p, EnumSet<Part> parts, int digits, Expr column) {
        int written = 0;
        StringBuilder fmt = new StringBuilder();
        for (Part part : parts) {
            switch (part) {
                case YEAR -> { fmt.append("%Y"); written += 4; }
                case MONTH -> { fmt.append("%m"); written += 2; }
                case DAY -> { fmt.append("%d"); written += 2; }
                case QUARTER -> written += 1;
            }
        }
        if (digits != 0 && digits != written) {
            p.problem("the " + parts.toString().toLowerCase(Locale.ROOT) + " make " + written + " digits, not " + digits);
            return null;
        }
        boolean quarter = parts.contains(Part.QUARTER);
        if (quarter && (parts.contains(Part.MONTH) || parts.contains(Part.DAY))) {
            return null;
        }
        String pattern = fmt.toString();
        return new Operation(x -> {
            Expr date = DateColumns.asDate(p.ctx(), x);
            Expr text = quarter ? new Expr.Concat(List.of(new Expr.FormatDate(date, pattern), quarterOf(date)))
                    : new Expr.FormatDate(date, pattern);
            return new Expr.Cast(text, SqlType.BIGINT, true);
        }, column);
    }

    /** The example after its introducer, as written (tokens joined: operators close, words and numbers spaced). */
    private static String example(Parser p) {
        int m = p.mark();
        boolean introduced = false;
        if (p.acceptWord("in")) {
            p.acceptWord("the");
            Token form = p.next();
            introduced = form != null && (form.norm().equals("form") || form.norm().equals("format"));
            p.acceptWord("of");
        } else {
            Token t = p.peekToken();
            // "e.g." reads as a name with a dot
            while (t != null && (t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.NAME) && INTRODUCERS.contains(t.norm())) {
                p.next();
                introduced = true;
                p.acceptOp(".");
                p.acceptOp(":");
                t = p.peekToken();
            }
        }
        if (!introduced) {
            p.reset(m);
            return null;
        }
        StringBuilder text = new StringBuilder();
        Token t;
        Token before = null;
        while ((t = p.rawPeek()) != null && t.kind() != Token.Kind.SEP && !t.op(",") && !t.op(")")) {
            if (t.kind() != Token.Kind.WORD && t.kind() != Token.Kind.NUMBER && t.kind() != Token.Kind.OP
                    && t.kind() != Token.Kind.STRING) {
                p.reset(m);
                return null;
            }
            boolean spaced = before != null && before.kind() != Token.Kind.OP && t.kind() != Token.Kind.OP && !before.hyphenated();
            text.append(spaced ? " " : before != null && before.hyphenated() ? "-" : "").append(t.text());
            before = t;
            p.rawNext();
        }
        return text.isEmpty() ? null : text.toString();
    }

    /** A piece of the layout: a date pattern (strftime, perhaps upper-cased), a text as written, or the quarter. */
    private record Piece(String pattern, boolean upper, String text, boolean quarter) {
        static Piece pattern(String fmt, boolean upper) {
            return new Piece(fmt, upper, null, false);
        }

        static Piece text(String text) {
            return new Piece(null, false, text, false);
        }

        static final Piece QUARTER = new Piece(null, false, null, true);
    }

    /** The example as pieces; null when a part named is not shown or something in it is no part. */
    private static List<Piece> pieces(String example, EnumSet<Part> named, EnumSet<Part> parts) {
        List<Piece> out = new ArrayList<>();
        EnumSet<Part> shown = EnumSet.noneOf(Part.class);
        StringBuilder fmt = new StringBuilder();
        int i = 0;
        while (i < example.length()) {
            String rest = example.substring(i);
            Matcher name = MONTH_NAME.matcher(rest);
            if (rest.matches("(?s)(19|20)\\d{2}(?!\\d).*") && parts.contains(Part.YEAR) && shown.add(Part.YEAR)) {
                fmt.append("%Y");
                i += 4;
            } else if (rest.matches("(?s)[Qq][1-4](?!\\d).*") && parts.contains(Part.QUARTER) && shown.add(Part.QUARTER)) {
                flush(fmt, out, false);
                out.add(Piece.text(rest.substring(0, 1)));
                out.add(Piece.QUARTER);
                i += 2;
            } else if (rest.matches("(?s)\\d{2}(?!\\d).*")) {
                int v = Integer.parseInt(rest.substring(0, 2));
                if (parts.contains(Part.MONTH) && !shown.contains(Part.MONTH) && v >= 1 && v <= 12) {
                    shown.add(Part.MONTH);
                    fmt.append("%m");
                } else if (parts.contains(Part.DAY) && !shown.contains(Part.DAY) && v >= 1 && v <= 31) {
                    shown.add(Part.DAY);
                    fmt.append("%d");
                } else if (parts.contains(Part.YEAR) && shown.add(Part.YEAR)) {
                    fmt.append("%y");
                } else {
                    return null;
                }
                i += 2;
            } else if (Character.isLetter(rest.charAt(0)) && name.lookingAt() && parts.contains(Part.MONTH)
                    && shown.add(Part.MONTH)) {
                String word = name.group();
                boolean upper = word.equals(word.toUpperCase(Locale.ROOT));
                if (upper) {
                    // "JAN 2024": the name upper-cased, a piece of its own
                    flush(fmt, out, false);
                }
                fmt.append(word.length() > 4 ? "%B" : "%b");
                if (upper) {
                    flush(fmt, out, true);
                }
                i += word.length();
            } else if (Character.isLetterOrDigit(rest.charAt(0))) {
                return null;
            } else {
                fmt.append(rest.charAt(0) == '%' ? "%%" : String.valueOf(rest.charAt(0)));
                i++;
            }
        }
        flush(fmt, out, false);
        return shown.containsAll(named) ? out : null;
    }

    private static void flush(StringBuilder fmt, List<Piece> out, boolean upper) {
        if (!fmt.isEmpty()) {
            out.add(Piece.pattern(fmt.toString(), upper));
            fmt.setLength(0);
        }
    }

    private static Expr written(Expr date, List<Piece> pieces) {
        List<Expr> parts = new ArrayList<>();
        for (Piece piece : pieces) {
            if (piece.quarter()) {
                parts.add(quarterOf(date));
            } else if (piece.text() != null) {
                parts.add(new Expr.Lit(piece.text()));
            } else {
                Expr formatted = new Expr.FormatDate(date, piece.pattern());
                parts.add(piece.upper() ? new Expr.Fn("UPPER", List.of(formatted)) : formatted);
            }
        }
        return parts.size() == 1 ? parts.get(0) : new Expr.Concat(parts);
    }

    private static Expr quarterOf(Expr date) {
        return new Expr.Cast(new Expr.Extract("QUARTER", date), SqlType.VARCHAR, false);
    }
}
