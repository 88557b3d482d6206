package io.aide.compiler.plan;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Date patterns: strftime is the plan's form; Excel/Java-style patterns are read into it, dialects write it in their tokens. */
public final class DatePatterns {
    private DatePatterns() {
    }

    /** Rewrites a strftime pattern with a dialect's tokens (its TIME_MAPPING); unknown directives stay as written. */
    public static String convert(String strftime, Map<String, String> mapping) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < strftime.length(); i++) {
            char c = strftime.charAt(i);
            if (c == '%' && i + 1 < strftime.length()) {
                String directive = strftime.substring(i, i + 2);
                sb.append(mapping.getOrDefault(directive, directive));
                i++;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A regular expression that text in the strftime pattern matches (used to guard non-safe parsers). */
    public static String toRegex(String strftime) {
        StringBuilder sb = new StringBuilder("^\\s*");
        for (int i = 0; i < strftime.length(); i++) {
            char c = strftime.charAt(i);
            if (c == '%' && i + 1 < strftime.length()) {
                char f = strftime.charAt(++i);
                sb.append(switch (f) {
                    case 'Y' -> "[0-9]{4}";
                    case 'y' -> "[0-9]{2}";
                    case 'b' -> "[A-Za-z]{3}";
                    case 'B' -> "[A-Za-z]+";
                    case 'j' -> "[0-9]{1,3}";
                    default -> "[0-9]{1,2}";
                });
            } else if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            } else if (c == ' ') {
                sb.append("\\s+");
            } else {
                sb.append('\\').append(c);
            }
        }
        return sb.append("\\s*$").toString();
    }

    private static final Pattern EXCEL_TOKEN = Pattern.compile("(?i)yyyy|yy|mmmm|mmm|mon|mm|(?<=h|h24)mi|mi(?=[^a-z]|$)|m|dd|d|hh24|hh|h|nn|ss");
    private static final Pattern SEPARATED = Pattern.compile("(?i)[ymdhns]+([-/. :T]+[ymdhns]+)+");
    private static final Pattern COMPACT = Pattern.compile("(?i)(?:yyyy|yy|mm|mon|mmm|dd)(?:yyyy|yy|mm|mon|mmm|dd){2}(?:hh(?:24)?(?:mi|mm|nn)(?:ss)?)?");

    /**
     * Turns an Excel / Java / SAS-like pattern (dd-MMM-yyyy, MM/DD/YYYY, yyyy-mm-dd hh:mm) into strftime,
     * or returns null when the text is not a date pattern.
     */
    public static String fromExcel(String pattern) {
        String p = pattern.trim();
        if (p.contains("%")) {
            return p;
        }
        boolean compact = COMPACT.matcher(p).matches();
        if (!compact && !SEPARATED.matcher(p.replaceAll("(?i)mon", "mmm").replaceAll("(?i)hh24", "hh").replaceAll("(?i)mi", "nn")).matches()) {
            return null;
        }
        if (compact) {
            String lower = p.toLowerCase();
            // a year and a month at least (YYYYMM, YYYYMMDD, DDMMYYYY): a word of letters is no pattern
            if (!lower.contains("yy") || !(lower.contains("mm") || lower.contains("mon"))) {
                return null;
            }
        }
        Matcher m = EXCEL_TOKEN.matcher(p);
        StringBuilder sb = new StringBuilder();
        boolean seenHour = false;
        int last = 0;
        while (m.find()) {
            sb.append(p, last, m.start());
            String tok = m.group();
            String lower = tok.toLowerCase();
            String out;
            switch (lower) {
                case "yyyy" -> out = "%Y";
                case "yy" -> out = "%y";
                case "mmmm" -> out = "%B";
                case "mmm", "mon" -> out = "%b";
                case "dd", "d" -> out = "%d";
                case "hh", "h", "hh24" -> {
                    out = "%H";
                    seenHour = true;
                }
                case "nn", "mi" -> out = "%M";
                case "ss" -> out = "%S";
                default -> // mm / m: minutes after an hour, else month
                        out = seenHour ? "%M" : "%m";
            }
            sb.append(out);
            last = m.end();
        }
        sb.append(p.substring(last));
        return sb.toString();
    }
}
