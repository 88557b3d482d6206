package io.aide.compiler.lang;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a rule cell into tokens. Markup is not content: HTML tags such as {@code <br>} (a line break),
 * {@code <code>}, Markdown emphasis ({@code **}), escaped pipes and bullets at the start of a line are removed first;
 * typographic quotes are quotes.
 */
public final class Lexer {
    private static final java.util.regex.Pattern TIME = java.util.regex.Pattern.compile("\\d{1,2}:\\d{2}(?::\\d{2,4}(?:\\.\\d+)?)?(?!\\d)");
    /** An unquoted date pattern: strftime (%d-%b-%y) or analyst tokens (DD/MM/YYYY, yyyy-mm-dd hh:mi:ss, DD-Mon-YYYY). */
    private static final java.util.regex.Pattern DATE_PATTERN = java.util.regex.Pattern.compile(
            "(?i)(%[A-Za-z](?:[-/.: T,]*%[A-Za-z])*|(?:yyyy|yy|mmmm|mmm|mon|mm|dd|hh24|hh|mi|nn|ss)(?:(?:[-/.: ]|(?-i:T))?(?:yyyy|yy|mmmm|mmm|mon|mm|m|dd|d|hh24|hh|h|nn|mi|ss))+)(?![\\w%])");

    private Lexer() {
    }

    /** The cell without markup: line breaks kept as newlines, non-breaking spaces as spaces. */
    public static String clean(String cell) {
        if (cell == null) {
            return "";
        }
        String s = cell.replace('\u00a0', ' ');
        if (s.indexOf('<') >= 0) {
            s = BREAK.matcher(s).replaceAll("\n");
            s = INLINE_TAG.matcher(s).replaceAll(" ");
            s = LINK.matcher(s).replaceAll(" ");
        }
        s = s.replace("**", "").replace("__", "").replace("\\|", "|").replace("\\_", "_")
                .replace('\u2018', '\'').replace('\u2019', '\'').replace('\u201c', '"').replace('\u201d', '"')
                .replace('\u2013', '-').replace('\u2014', '-')
                // "× 0.092903", "a ÷ b": the multiplication and division signs of prose
                .replace('\u00d7', '*').replace('\u00f7', '/');
        // arrows typed as one character ("M\u2192Male", "A \u21d2 Active") are the arrow of a value map
        s = ARROWS.matcher(s).replaceAll(" -> ");
        // list markup: a bullet at the start of a line ("- F -> Woman", "* M = Male", "\u2022 ...")
        return BULLET.matcher(s).replaceAll("").trim();
    }

    /** Abbreviations written before a number ("US No. 1", "Vol. 2", "Apt. 4"): their full stop ends no sentence. */
    private static final java.util.Set<String> NUMBERED = java.util.Set.of("no", "nr", "num", "vol", "ver", "pt", "apt",
            "ste", "rm", "fig", "sec", "art", "ch", "bldg", "unit", "lvl", "gr");
    private static final java.util.regex.Pattern ARROWS = java.util.regex.Pattern.compile("\\s*[\u2192\u21d2\u2794\u27f6\u279c\u27a1]\\s*");
    private static final java.util.regex.Pattern BREAK = java.util.regex.Pattern.compile("(?i)</?br\\s*/?>");
    private static final java.util.regex.Pattern INLINE_TAG = java.util.regex.Pattern.compile(
            "(?i)</?(?:code|b|i|em|strong|p|span|sup|sub|ul|ol|li|u|pre)\\s*/?>");
    private static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile("(?i)<a\\s[^>]*>|</a>");
    private static final java.util.regex.Pattern BULLET = java.util.regex.Pattern.compile("(?m)^[ \\t]*[-*\u2022\u25e6\u25aa][ \\t]+");

    /** Words after which a value is written: "starts with TEST/", "is TEST/", "= TEST/". */
    private static final java.util.Set<String> COMPARING = java.util.Set.of("with", "is", "equals", "like", "contains", "containing",
            "prefix", "prefixed", "as", "of", "by");

    private static boolean comparing(Token t) {
        return t.kind() == Token.Kind.WORD && COMPARING.contains(t.norm()) || t.op("=");
    }

    /** The tokens of a cell, unmodifiable: rules and their parts are lexed again as each family reads them. */
    public static List<Token> tokens(String cell) {
        return cell == null ? lex(null) : TOKENS.get(cell);
    }

    private static final Memo<String, List<Token>> TOKENS = new Memo<>(20_000, cell -> List.copyOf(lex(cell)));

    private static List<Token> lex(String cell) {
        String s = clean(cell);
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            String pattern = (c == '%' || Character.isLetter(c)) && (i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1)))
                    ? datePattern(s, i) : null;
            if (pattern != null) {
                java.util.regex.Matcher d = DATE_PATTERN.matcher(s).region(i, n);
                d.lookingAt();
                out.add(new Token(Token.Kind.DATE_PATTERN, pattern, d.group().toLowerCase(java.util.Locale.ROOT)));
                i = d.end();
                continue;
            }
            if (c == '/' && i > 0 && Character.isLetterOrDigit(s.charAt(i - 1)) && (i + 1 == n || !Character.isLetterOrDigit(s.charAt(i + 1))
                    && s.charAt(i + 1) != '/' && s.charAt(i + 1) != '\'') && !out.isEmpty() && out.get(out.size() - 1).kind() == Token.Kind.WORD
                    && out.get(out.size() - 1).text().matches("[A-Z][A-Z0-9]+") && out.size() >= 2 && comparing(out.get(out.size() - 2))) {
                // "names starting with TEST/": a code whose slash ends it, written without quotes
                String code = out.remove(out.size() - 1).text() + "/";
                out.add(new Token(Token.Kind.STRING, code, code));
                i++;
                continue;
            }
            if (c == ';' && openParentheses(out) > 0) {
                // "ROUND(x; 2)": Excel's argument separator where the locale writes decimals with a comma
                out.add(Token.of(Token.Kind.OP, ","));
                i++;
            } else if (c == '\n' || c == ';') {
                addSep(out, c == '\n' ? "newline" : ";");
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                int end = s.indexOf(c, i + 1);
                if (end < 0) {
                    out.add(Token.of(Token.Kind.OP, String.valueOf(c)));
                    i++;
                } else {
                    out.add(new Token(Token.Kind.STRING, s.substring(i + 1, end), s.substring(i + 1, end)));
                    i = end + 1;
                }
            } else if (c == '`' || c == '[') {
                int end = s.indexOf(c == '`' ? '`' : ']', i + 1);
                if (end < 0 || end == i + 1) {
                    out.add(Token.of(Token.Kind.OP, String.valueOf(c)));
                    i++;
                } else {
                    String inner = s.substring(i + 1, end).trim();
                    i = end + 1;
                    int dot = inner.lastIndexOf('.');
                    out.add(dot > 0 && dot < inner.length() - 1 && !inner.matches("[\\d.]+")
                            ? Token.of(Token.Kind.NAME, inner) : Token.of(Token.Kind.IDENT, inner));
                }
            } else if (Character.isDigit(c) && grouped(s, i, out) != null) {
                // "1,000,000": thousands written with commas, outside a parenthesis (where "(100,200)" is a list)
                java.util.regex.Matcher g = GROUPED.matcher(s).region(i, n);
                g.lookingAt();
                out.add(Token.of(Token.Kind.NUMBER, g.group().replace(",", "")));
                i = g.end();
            } else if (Character.isDigit(c)) {
                int j = i;
                while (j < n && Character.isDigit(s.charAt(j))) {
                    j++;
                }
                if (j + 1 < n && s.charAt(j) == '.' && Character.isDigit(s.charAt(j + 1))) {
                    j++;
                    while (j < n && Character.isDigit(s.charAt(j))) {
                        j++;
                    }
                }
                java.util.regex.Matcher time = TIME.matcher(s).region(i, n);
                if (time.lookingAt()) {
                    out.add(Token.of(Token.Kind.TIME, time.group()));
                    i = time.end();
                    continue;
                }
                if (j < n && (s.charAt(j) == 'k' || s.charAt(j) == 'K') && (j + 1 >= n || !Character.isLetterOrDigit(s.charAt(j + 1))
                        && s.charAt(j + 1) != '_')) {
                    // "1k", "10K": thousands, as amounts are written in bands
                    out.add(Token.of(Token.Kind.NUMBER, new java.math.BigDecimal(s.substring(i, j))
                            .multiply(java.math.BigDecimal.valueOf(1000)).stripTrailingZeros().toPlainString()));
                    i = j + 1;
                    continue;
                }
                if (j < n && (Character.isLetter(s.charAt(j)) || s.charAt(j) == '_')) {
                    // 2nd, 15th, 3a: a word that starts with digits
                    while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
                        j++;
                    }
                    out.add(Token.of(Token.Kind.WORD, s.substring(i, j)));
                } else {
                    out.add(Token.of(Token.Kind.NUMBER, s.substring(i, j)));
                }
                i = j;
            } else if (Character.isLetter(c) || c == '_' || c == '#' || c == '@' || c == '$') {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) == '$')) {
                    j++;
                }
                String word = s.substring(i, j);
                // table.column: a dot between two names with no space
                if (j + 1 < n && s.charAt(j) == '.' && (Character.isLetter(s.charAt(j + 1)) || s.charAt(j + 1) == '_')) {
                    int k = j + 1;
                    while (k < n && (Character.isLetterOrDigit(s.charAt(k)) || s.charAt(k) == '_')) {
                        k++;
                    }
                    if (j - i == 1 && k - j == 2) {
                        // "e.g.", "i.e.": an abbreviation, not table.column
                        out.add(Token.of(Token.Kind.WORD, s.substring(i, k)));
                        i = k < n && s.charAt(k) == '.' ? k + 1 : k;
                        continue;
                    }
                    out.add(Token.of(Token.Kind.NAME, s.substring(i, k)));
                    i = k;
                    continue;
                }
                // an apostrophe right after a word is not a quote: "customer's" (a possessive), "customers'",
                // "don't", "O'Brien" (one word)
                if (j < n && s.charAt(j) == '\'') {
                    int k = j + 1;
                    while (k < n && Character.isLetter(s.charAt(k))) {
                        k++;
                    }
                    String after = s.substring(j + 1, k);
                    if (after.equalsIgnoreCase("s")) {
                        out.add(Token.of(Token.Kind.WORD, word));
                        out.add(Token.of(Token.Kind.WORD, "'s"));
                        i = k;
                        continue;
                    }
                    if (after.isEmpty() && word.endsWith("s") && (k >= n || Character.isWhitespace(s.charAt(k)))) {
                        out.add(Token.of(Token.Kind.WORD, word));
                        out.add(Token.of(Token.Kind.WORD, "'s"));
                        i = k;
                        continue;
                    }
                    if (!after.isEmpty() && (after.matches("(?i)t|re|ve|ll|d|m") || s.indexOf('\'', k) < 0)) {
                        out.add(Token.of(Token.Kind.WORD, s.substring(i, k)));
                        i = k;
                        continue;
                    }
                }
                if (j + 2 < n && s.charAt(j) == '.' && s.charAt(j + 1) == ' ' && Character.isDigit(s.charAt(j + 2))
                        && NUMBERED.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                    // "US No. 1", "Vol. 2": an abbreviation before a number, not the end of a sentence
                    out.add(Token.of(Token.Kind.WORD, word + "."));
                    i = j + 1;
                    continue;
                }
                out.add(Token.of(Token.Kind.WORD, word));
                i = j;
                // a hyphen inside a word joins its parts: system-generated, auto-increment, non-null
                if (i + 1 < n && s.charAt(i) == '-' && Character.isLetter(s.charAt(i + 1))) {
                    Token joined = out.remove(out.size() - 1);
                    out.add(new Token(joined.kind(), joined.text(), joined.norm(), true));
                    i++;
                } else if (i + 2 < n && s.charAt(i) == '-' && s.charAt(i + 1) == ' ' && Character.isLowerCase(s.charAt(i + 2))) {
                    // "System- generated": a hyphen split by a line wrap
                    i += 2;
                }
            } else if (c == '.') {
                addSep(out, ".");
                i++;
            } else {
                String two = i + 1 < n ? s.substring(i, i + 2) : "";
                if (two.equals("<>") || two.equals("!=") || two.equals(">=") || two.equals("<=") || two.equals("==")
                        || two.equals("->") || two.equals("=>") || two.equals("||")) {
                    out.add(Token.of(Token.Kind.OP, two));
                    i += 2;
                } else if (c == '&' && (i == 0 || Character.isWhitespace(s.charAt(i - 1))) && (i + 1 >= n
                        || Character.isWhitespace(s.charAt(i + 1)))) {
                    // "lower case & trim": an ampersand standing alone is "and" (R&D stays a name)
                    out.add(new Token(Token.Kind.WORD, "&", "and"));
                    i++;
                } else if (c == '-' && i > 0 && Character.isLetterOrDigit(s.charAt(i - 1)) && i + 1 < n
                        && Character.isLetter(s.charAt(i + 1))) {
                    // "7-Day Pass": a hyphen written between a number and a word, marked as joining them
                    out.add(new Token(Token.Kind.OP, "-", "-", true));
                    i++;
                } else {
                    out.add(Token.of(Token.Kind.OP, String.valueOf(c)));
                    i++;
                }
            }
        }
        while (!out.isEmpty() && out.get(out.size() - 1).kind() == Token.Kind.SEP) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** The strftime form of a date pattern starting at i, or null: it must hold a year or be strftime. */
    private static String datePattern(String s, int i) {
        java.util.regex.Matcher d = DATE_PATTERN.matcher(s).region(i, s.length());
        if (!d.lookingAt()) {
            return null;
        }
        String text = d.group();
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (!text.contains("%") && !lower.contains("yy") && !lower.matches("hh(24)?:(mm|mi)(:ss)?")) {
            // a date pattern holds a year; a time of day alone is HH:MM or HH:MM:SS
            return null;
        }
        return io.aide.compiler.plan.DatePatterns.fromExcel(text);
    }

    private static int openParentheses(List<Token> out) {
        int depth = 0;
        for (Token t : out) {
            depth += t.op("(") ? 1 : t.op(")") ? -1 : 0;
        }
        return depth;
    }

    private static void addSep(List<Token> out, String text) {
        if (!out.isEmpty() && out.get(out.size() - 1).kind() != Token.Kind.SEP) {
            out.add(Token.of(Token.Kind.SEP, text));
        }
    }

    /** Digits grouped by thousands with commas ("1,000,000", "25,000.50"), not followed by more of a word or list. */
    private static final java.util.regex.Pattern GROUPED = java.util.regex.Pattern.compile("\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?(?![\\d\\w]|,\\d)");

    /** The grouped number at {@code i}, or null: none there, or inside a parenthesis, or after a comma of a list. */
    private static String grouped(String s, int i, List<Token> out) {
        if (openParentheses(out) > 0 || !out.isEmpty() && out.get(out.size() - 1).op(",")) {
            return null;
        }
        java.util.regex.Matcher g = GROUPED.matcher(s).region(i, s.length());
        return g.lookingAt() ? g.group() : null;
    }
}
