package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A timestamp's wall-clock time moved from one time zone to another, chained like the other date operations:
 * <pre>
 * convert := [CAST] [column] FROM zone (TO | INTO) zone        -- "Order timestamp converted from UTC to US/Eastern"
 * zone    := an IANA name (America/New_York, US/Eastern, Europe/Paris) | UTC | GMT | a zone in words or by its
 *            abbreviation ("US Eastern time", "PT", "UK time": time-zones.txt) [time [zone]]
 * </pre>
 * Zones are the Java runtime's list of IANA names, matched ignoring case; an abbreviation such as EST or CET is not a
 * zone here (which daylight rule it follows is not said), and the rule is then not read. The value is
 * {@code Fn CONVERT_TZ(ts, from, to)}, written by each dialect with its own functions.
 */
final class TimeZones {
    /** The IANA names by their lower-case form ("us/eastern" to "US/Eastern"). */
    private static final Map<String, String> ZONES = new TreeMap<>();

    /** Zones named in words or by abbreviation ({@code time-zones.txt}): "us eastern" to America/New_York. */
    private static final Map<String, String> NAMED = new TreeMap<>();

    static {
        for (String id : ZoneId.getAvailableZoneIds()) {
            if (id.contains("/") || id.equals("UTC") || id.equals("GMT")) {
                ZONES.put(id.toLowerCase(Locale.ROOT), id);
            }
        }
        try (java.io.InputStream in = TimeZones.class.getResourceAsStream("time-zones.txt")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                int colon = line.indexOf(':');
                if (line.isBlank() || line.startsWith("#") || colon < 0) {
                    continue;
                }
                String id = line.substring(0, colon).trim();
                for (String phrase : line.substring(colon + 1).split("\\|")) {
                    NAMED.put(phrase.trim(), id);
                }
            }
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("time-zones.txt cannot be read", e);
        }
    }

    private TimeZones() {
    }

    static Copies.Operation convert(Parser p) {
        int m = p.mark();
        p.accept(Role.CAST);
        Expr column = p.column();
        p.accept(Role.CAST);
        if (!p.acceptWord("from")) {
            p.reset(m);
            return null;
        }
        String from = zone(p);
        if (from != null && p.acceptWord("time")) {
            p.acceptWord("zone");
        }
        if (from == null || !(p.acceptWord("to") || p.acceptWord("into"))) {
            p.reset(m);
            return null;
        }
        p.acceptWord("the");
        String to = zone(p);
        if (to == null) {
            p.reset(m);
            return null;
        }
        if (p.acceptWord("time")) {
            p.acceptWord("zone");
        }
        return new Copies.Operation(x -> new Expr.Fn("CONVERT_TZ", List.of(x, new Expr.Lit(from), new Expr.Lit(to))), column);
    }

    /** A zone name at the cursor (words joined by '/'; "New York" read as New_York), cursor after it; null otherwise. */
    private static String zone(Parser p) {
        int m = p.mark();
        StringBuilder name = new StringBuilder();
        StringBuilder words = new StringBuilder();
        String found = null;
        int end = m;
        while (true) {
            Token t = p.rawPeek();
            if (t == null || t.kind() != Token.Kind.WORD && t.kind() != Token.Kind.STRING) {
                break;
            }
            p.rawNext();
            name.append(name.isEmpty() || name.charAt(name.length() - 1) == '/' ? "" : "_").append(t.text());
            words.append(words.isEmpty() || words.charAt(words.length() - 1) == '/' ? "" : " ").append(t.norm());
            String id = ZONES.get(name.toString().toLowerCase(Locale.ROOT));
            if (id == null) {
                // "US Eastern time", "PST": a zone named in words
                id = NAMED.get(words.toString());
            }
            if (id != null) {
                found = id;
                end = p.mark();
            }
            Token slash = p.rawPeek();
            if (slash != null && slash.op("/")) {
                p.rawNext();
                name.append('/');
            }
        }
        p.reset(found == null ? m : end);
        return found;
    }
}
