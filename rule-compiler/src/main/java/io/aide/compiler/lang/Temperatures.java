package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A temperature converted between scales, which is not a ratio (units.txt holds only those), chained like the other
 * functions of {@link Functions}:
 * <pre>
 * temperature := [CAST] [column] [[FROM] scale] (IN | TO | INTO) scale [FROM scale]   -- "Temperature in Fahrenheit" over temp_c
 * scale       := celsius | centigrade | fahrenheit | kelvin | degrees C | degrees F | deg C | deg F
 * </pre>
 * The scale a value is read in comes from the words ("from Celsius") or from the column's name: a temperature's name
 * (temp, temperature, body_temp) ending with c, f, k or the scale's name (temp_c, body_temp_f, temperature_celsius).
 */
final class Temperatures {
    private static final Map<String, Character> SCALES = Map.of("celsius", 'C', "centigrade", 'C', "fahrenheit", 'F',
            "kelvin", 'K');

    private Temperatures() {
    }

    static Copies.Operation convert(Parser p) {
        int m = p.mark();
        p.accept(Lexicon.Role.CAST);
        Expr column = p.column();
        if (column == null) {
            column = temperatureNamed(p);
        }
        p.accept(Lexicon.Role.CAST);
        Character from = null;
        if (p.acceptWord("from")) {
            from = scale(p);
            if (from == null) {
                p.reset(m);
                return null;
            }
        } else {
            // "Fahrenheit to Celsius": the scale read in, named without "from"
            int s = p.mark();
            from = scale(p);
            Token next = p.peekToken();
            if (from == null || next == null || !(next.is(Token.Kind.WORD, "to") || next.is(Token.Kind.WORD, "into"))) {
                from = null;
                p.reset(s);
            }
        }
        if (!(p.acceptWord("in") || p.acceptWord("to") || p.acceptWord("into"))) {
            p.reset(m);
            return null;
        }
        Character to = scale(p);
        if (from == null && to != null) {
            // "Temperature in Celsius from Fahrenheit": the scale read in, said after
            int f = p.mark();
            from = p.acceptWord("from") ? scale(p) : null;
            if (from == null) {
                p.reset(f);
            }
        }
        if (from == null) {
            Expr read = column != null ? column : p.ctx().sources().size() == 1 ? p.ctx().sources().get(0) : null;
            from = read instanceof Expr.Col c ? ofName(c.column()) : null;
        }
        if (to == null || from == null || from.equals(to)) {
            p.reset(m);
            return null;
        }
        char a = from;
        char b = to;
        return new Copies.Operation(x -> fromCelsius(b, toCelsius(a, x)), column);
    }

    /**
     * "Temperature", "body temperature" for temp_c or body_temp_f: words naming the row's one temperature column
     * without its scale; null (cursor unchanged) otherwise.
     */
    private static Expr temperatureNamed(Parser p) {
        if (p.ctx().sources().size() != 1 || ofName(p.ctx().sources().get(0).column()) == null) {
            return null;
        }
        int m = p.mark();
        for (int words = 0; words < 3; words++) {
            Token t = p.next();
            if (t == null || t.kind() != Token.Kind.WORD) {
                break;
            }
            if (t.norm().startsWith("temp")) {
                return p.ctx().sources().get(0);
            }
        }
        p.reset(m);
        return null;
    }

    /** A scale's name at the cursor ("Fahrenheit", "degrees C", "deg F"), or null (cursor unchanged). */
    private static Character scale(Parser p) {
        int m = p.mark();
        boolean degrees = p.acceptWord("degrees") || p.acceptWord("degree") || p.acceptWord("deg");
        Token t = p.next();
        if (t != null && t.kind() == Token.Kind.WORD) {
            Character named = SCALES.get(t.norm());
            if (named != null) {
                return named;
            }
            if (degrees && t.norm().length() == 1 && "cfk".contains(t.norm())) {
                return Character.toUpperCase(t.norm().charAt(0));
            }
        }
        p.reset(m);
        return null;
    }

    /** The scale a temperature column's name ends with (temp_c, body_temp_f, temperature_celsius), or null. */
    static Character ofName(String column) {
        String[] parts = ColumnWords.parts(column);
        if (parts.length < 2 || java.util.Arrays.stream(parts).noneMatch(w -> w.startsWith("temp"))) {
            return null;
        }
        String last = parts[parts.length - 1];
        Character named = SCALES.get(last);
        if (named != null) {
            return named;
        }
        return last.length() == 1 && "cfk".contains(last) ? Character.toUpperCase(last.charAt(0))
                : last.matches("deg[cfk]") ? Character.toUpperCase(last.charAt(3)) : null;
    }

    private static Expr num(String n) {
        return new Expr.Lit(new java.math.BigDecimal(n));
    }

    /** The value in Celsius: no step when it is already (no rounding error added). */
    private static Expr toCelsius(char scale, Expr x) {
        Expr v = new Expr.Cast(x, io.aide.compiler.plan.SqlType.DOUBLE, true);
        return switch (scale) {
            case 'F' -> new Expr.Bin("/", new Expr.Bin("*", new Expr.Bin("-", v, num("32")), num("5")), num("9"));
            case 'K' -> new Expr.Bin("-", v, num("273.15"));
            default -> v;
        };
    }

    private static Expr fromCelsius(char scale, Expr c) {
        return switch (scale) {
            case 'F' -> new Expr.Bin("+", new Expr.Bin("/", new Expr.Bin("*", c, num("9")), num("5")), num("32"));
            case 'K' -> new Expr.Bin("+", c, num("273.15"));
            default -> c;
        };
    }
}
