package io.aide.parser;

import io.aide.events.spec.SourceRef;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Interpretation of individual cell texts: flags, data types, source column lists. */
final class CellValues {

    private static final Set<String> TRUE_WORDS = Set.of("y", "yes", "true", "t", "1", "x", "✓", "✔", "ja", "oui", "si");
    private static final Set<String> FALSE_WORDS = Set.of("n", "no", "false", "f", "0", "-", "nein", "non");
    private static final Set<String> NO_SOURCE = Set.of("n/a", "na", "none", "-", "--", "tbd", "tbc", "derived",
            "calculated", "calc", "computed", "hardcoded", "hard coded", "hardcode", "constant", "system generated",
            "system", "generated", "sequence", "surrogate", "n.a.", "null", "not applicable", "default", "?");
    private static final Pattern TYPE = Pattern.compile(
            "(?i)^\\s*(unsigned\\s+)?(tiny|small|medium|big)?int(eger)?\\d*(\\s*\\(\\s*\\d+\\s*\\))?(\\s+unsigned)?\\s*$"
                    + "|^\\s*(number|numeric|decimal|dec|money|smallmoney|float\\d*|double(\\s+precision)?|real)"
                    + "(\\s*\\(\\s*\\d+\\s*(,\\s*-?\\d+\\s*)?\\))?\\s*$"
                    + "|^\\s*(n?var)?char(acter)?(\\s+varying)?(\\d+)?(\\s*\\(\\s*(\\d+|max)\\s*(byte|char)?\\s*\\))?\\s*$"
                    + "|^\\s*(varchar2|nvarchar2|string|text|ntext|clob|nclob|long|tinytext|mediumtext|longtext|citext"
                    + "|varbinary|binary|blob|bytea|bytes|raw|image)(\\s*\\(\\s*(\\d+|max)\\s*\\))?\\s*$"
                    + "|^\\s*(date|datetime|datetime2|smalldatetime|datetimeoffset|time|timetz|timestamp|timestamptz"
                    + "|timestamp_ntz|timestamp_ltz|timestamp_tz|interval|year)(\\s*\\(\\s*\\d+\\s*\\))?"
                    + "(\\s+with(out)?\\s+(local\\s+)?time\\s+zone)?\\s*$"
                    + "|^\\s*(bool|boolean|bit|flag|uuid|uniqueidentifier|guid|json|jsonb|xml|variant|object|array"
                    + "|struct|map|geography|geometry|serial|bigserial|smallserial|int64|float64|bignumeric|bigdecimal"
                    + "|enum|set|alphanumeric|alpha|char|numeric|integer|whole number|currency|percent|percentage"
                    + "|email|phone|url|id|identifier|code|yes/no|y/n|decimal number|free text|list)"
                    + "(\\s*\\(\\s*\\d+\\s*(,\\s*\\d+\\s*)?\\))?\\s*$");
    private static final Pattern IDENT = Pattern.compile("^(\\[[^\\]]+\\]|\"[^\"]+\"|`[^`]+`|[\\p{L}_#@$][\\p{L}\\p{N}_#@$ \\-/]*)$");

    private CellValues() {
    }

    static boolean isRecognizedType(String type) {
        return TYPE.matcher(type).matches();
    }

    /** "PK", "Y", "Primary key", "x" mark a key; "FK" alone does not. */
    static boolean parseKey(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            return false;
        }
        if (TRUE_WORDS.contains(v)) {
            return true;
        }
        return v.contains("pk") || v.contains("primary") || v.equals("key") || v.contains("business key")
                || v.contains("natural key") || v.equals("bk") || v.equals("nk");
    }

    /**
     * A null-handling cell that only states the column's nullability ("Not null", "Never null", "Mandatory", "Always
     * populated in source"): the column is declared NOT NULL, which the checks test on data.
     */
    static boolean saysNotNull(String nullHandling) {
        return io.aide.events.spec.NullabilityWords.saysNotNull(nullHandling);
    }

    /** Nullable flag from a cell; {@code inverted} when the column says "mandatory"/"required"/"not null". */
    static Boolean parseNullable(String value, boolean inverted) {
        if (value == null) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        Boolean b;
        if (v.isEmpty()) {
            return null;
        } else if (v.equals("not null") || v.equals("notnull") || v.equals("nn") || v.equals("mandatory")
                || v.equals("m") || v.equals("required") || v.equals("req")) {
            return false;
        } else if (v.equals("null") || v.equals("nullable") || v.equals("optional") || v.equals("o")
                || v.equals("opt")) {
            return true;
        } else if (TRUE_WORDS.contains(v)) {
            b = true;
        } else if (FALSE_WORDS.contains(v)) {
            b = false;
        } else {
            return null;
        }
        return inverted ? !b : b;
    }

    /**
     * Source references in one cell: "Customer.FirstName, Customer.LastName", "crm.orders.order_date",
     * "[dbo].[Orders].[OrderDate]", "Product Group + Sub Classification".
     */
    static List<SourceRef> parseSources(String raw, String sourceTable, String sourceSystem) {
        if (raw == null) {
            return List.of();
        }
        String text = raw.strip();
        if (text.isEmpty() || NO_SOURCE.contains(text.toLowerCase(Locale.ROOT))) {
            return List.of();
        }
        if (isPlainName(text)) {
            return List.of(new SourceRef(sourceSystem, sourceTable, text));
        }
        List<SourceRef> out = new ArrayList<>();
        for (String part : splitTopLevel(text)) {
            String p = part.strip();
            if (p.isEmpty() || NO_SOURCE.contains(p.toLowerCase(Locale.ROOT))) {
                continue;
            }
            out.add(toRef(p, sourceTable, sourceSystem));
        }
        return out;
    }

    /** The common case, a bare column name: nothing to split or unquote. */
    private static boolean isPlainName(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == ';' || c == '\n' || c == '\r' || c == '|' || c == '+' || c == '&' || c == '.'
                    || c == '[' || c == '"' || c == '`' || c == '\'' || c == '(') {
                return false;
            }
        }
        return !s.contains(" and ");
    }

    private static SourceRef toRef(String part, String sourceTable, String sourceSystem) {
        List<String> pieces = splitDots(part);
        boolean identifiers = pieces.size() > 1 && pieces.size() <= 4
                && pieces.stream().allMatch(s -> IDENT.matcher(s).matches() && !s.isBlank()
                && !Character.isWhitespace(s.charAt(0)) && !Character.isWhitespace(s.charAt(s.length() - 1)));
        if (!identifiers) {
            return new SourceRef(sourceSystem, sourceTable, unquote(part));
        }
        String column = unquote(pieces.get(pieces.size() - 1));
        String table = unquote(pieces.get(pieces.size() - 2));
        String system = pieces.size() >= 3
                ? String.join(".", pieces.subList(0, pieces.size() - 2).stream().map(CellValues::unquote).toList())
                : sourceSystem;
        return new SourceRef(system, table, column);
    }

    private static List<String> splitDots(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                cur.append(c);
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '[') {
                quote = ']';
                cur.append(c);
            } else if (c == '"' || c == '`') {
                quote = c;
                cur.append(c);
            } else if (c == '.') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    private static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                cur.append(c);
                if (c == quote) {
                    quote = 0;
                }
                continue;
            }
            if (c == '\'' || c == '"' || c == '`') {
                quote = c;
            } else if (c == '[') {
                quote = ']';
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            }
            boolean separator = depth == 0 && (c == ',' || c == ';' || c == '\n' || c == '\r' || c == '|'
                    || (c == '+' && i > 0 && s.charAt(i - 1) == ' ' && i + 1 < s.length() && s.charAt(i + 1) == ' ')
                    || (c == '&' && i > 0 && s.charAt(i - 1) == ' ' && i + 1 < s.length() && s.charAt(i + 1) == ' '));
            if (separator) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        if (out.size() == 1) {
            String only = out.get(0);
            String[] and = only.split("\\s+and\\s+");
            if (and.length > 1 && java.util.Arrays.stream(and).allMatch(p -> p.strip().matches("[\\p{L}_][\\w.]*"))) {
                return List.of(and);
            }
        }
        return out;
    }

    private static String unquote(String s) {
        String t = s.strip();
        if (t.length() >= 2 && ((t.startsWith("[") && t.endsWith("]")) || (t.startsWith("\"") && t.endsWith("\""))
                || (t.startsWith("`") && t.endsWith("`")))) {
            return t.substring(1, t.length() - 1);
        }
        return t;
    }

    /** Renders an Excel number as the user sees it: no exponent, no trailing ".0". */
    static String number(BigDecimal value) {
        if (value == null) {
            return "";
        }
        // Excel shows at most 15 significant digits: 0.1+0.2 is displayed as 0.3
        BigDecimal v = value.round(new java.math.MathContext(15)).stripTrailingZeros();
        if (v.scale() < 0) {
            v = v.setScale(0);
        }
        return v.toPlainString();
    }

    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return number(new BigDecimal(Double.toString(value)));
    }

    /** ISO date, or ISO date-time when the value has a time of day. */
    static String date(LocalDateTime dt) {
        if (dt == null) {
            return "";
        }
        if (dt.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
            return dt.toLocalDate().toString();
        }
        if (dt.getYear() == 1899 || dt.getYear() == 1900 && dt.getDayOfYear() == 1 && dt.getMonthValue() == 1
                && dt.toLocalDate().toEpochDay() < -25560) {
            return dt.toLocalTime().toString();
        }
        return dt.withNano(0).toString().replace('T', ' ');
    }

    /** Text that a spreadsheet program would run as a formula if exported unescaped. */
    static boolean looksLikeFormula(String v) {
        if (v == null || v.length() < 2) {
            return false;
        }
        char c = v.charAt(0);
        if (c == '=' || c == '@') {
            return true;
        }
        if (c == '+' || c == '-') {
            return !Character.isDigit(v.charAt(1)) && v.charAt(1) != '.' && v.charAt(1) != ' ';
        }
        return c == '\t' || c == '\r';
    }

    /** The cell's text without surrounding white space; null when nothing is left. */
    static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    /** True when no cell of the row holds text. */
    static boolean isBlank(String[] cells) {
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                return false;
            }
        }
        return true;
    }

    /** How many cells of the row hold text. */
    static int nonEmpty(String[] cells) {
        int n = 0;
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                n++;
            }
        }
        return n;
    }
}
