package io.aide.validation.compare;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Set;

/** Type-aware equality: numbers within a tolerance, ISO dates, NULL equals NULL, booleans 1/0/true/false/yes/no alike. */
public final class ValueNormalizer {
    private static final Set<String> TRUE = Set.of("1", "true", "t", "yes", "y");
    private static final Set<String> FALSE = Set.of("0", "false", "f", "no", "n");

    private final double tolerance;

    public ValueNormalizer(double tolerance) {
        this.tolerance = tolerance;
    }

    /** Blank and the usual NULL spellings become null; text is trimmed. */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        String t = value.trim();
        if (t.isEmpty() || t.equalsIgnoreCase("null") || t.equals("NaN") && false) {
            return null;
        }
        return t;
    }

    public boolean equal(String expected, String actual) {
        String e = clean(expected);
        String a = clean(actual);
        if (e == null || a == null) {
            return e == null && a == null;
        }
        if (e.equals(a)) {
            return true;
        }
        BigDecimal en = number(e);
        BigDecimal an = number(a);
        if (en != null && an != null) {
            return en.subtract(an).abs().doubleValue() <= tolerance;
        }
        Boolean eb = bool(e);
        Boolean ab = bool(a);
        if (eb != null && ab != null) {
            return eb.equals(ab);
        }
        LocalDateTime ed = dateTime(e);
        LocalDateTime ad = dateTime(a);
        if (ed != null && ad != null) {
            return ed.equals(ad);
        }
        return false;
    }

    static BigDecimal number(String s) {
        if (!s.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static Boolean bool(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        if (TRUE.contains(l)) {
            return true;
        }
        if (FALSE.contains(l)) {
            return false;
        }
        return null;
    }

    static LocalDateTime dateTime(String s) {
        String t = s.replace('T', ' ');
        try {
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay();
            }
            if (t.length() >= 16 && t.charAt(10) == ' ') {
                String date = t.substring(0, 10);
                String time = t.substring(11).replaceAll("(Z|[+-]\\d{2}(:?\\d{2})?)$", "");
                return LocalDate.parse(date).atTime(LocalTime.parse(time.length() == 5 ? time + ":00" : time));
            }
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            return null;
        }
        return null;
    }
}
