package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;
import io.aide.events.spec.MappingRow;

import java.util.ArrayList;
import java.util.List;

/**
 * What the other cells of a row say about its value: the default value cell, and the null-handling / notes cell read
 * with the lexicon:
 * <pre>
 * note := value (IF | WHERE) {word} missing-word {word}     "0 when the order has no coupon payment"
 *       | DEFAULT value                                      "default 'Unknown'", "if null then 0"
 *       | IN list                                            "One of placed, shipped, completed"  (accepted values)
 *       | ... KEEP_UNMATCHED ... | INCLUDING ... without ... "including customers without orders"  (rows kept)
 * </pre>
 *
 * @param defaultValue   applied after aggregation and joins (COALESCE), or null
 * @param blankToo       the default (or NULL, without one) also replaces a blank text
 * @param accepted       values the column takes, when the note lists them
 * @param keepUnmatched  the note keeps rows that have no match (the row's join is an outer one)
 * @param problem        why the default value cell cannot be used (the column is then not compiled), or null
 * @param nullCellRead   the null-handling cell said one of these things (false when it is blank or says something else)
 * @param alsoFor        values the default replaces besides a missing one ("Blank or 0 → 1": 0)
 */
public record RowNotes(Expr defaultValue, boolean blankToo, List<String> accepted, boolean keepUnmatched, String problem, boolean nullCellRead,
                       List<Expr> alsoFor) {

    public static RowNotes read(MappingRow row) {
        Lexicon lexicon = Lexicon.standard();
        Expr defaultValue = null;
        String problem = null;
        boolean blankToo = false;
        List<Expr> alsoFor = List.of();
        if (row.defaultValue() != null && !row.defaultValue().isBlank()) {
            DefaultCell cell = DefaultCell.read(row.defaultValue(), SqlType.parse(row.targetType()), lexicon, names(row));
            defaultValue = cell.value();
            problem = cell.problem();
            blankToo = cell.blankToo();
            alsoFor = cell.alsoFor();
        }
        List<String> accepted = new ArrayList<>();
        boolean keep = false;
        boolean read = false;
        String nullCell = row.nullHandling() == null ? null : withDefault(row.nullHandling(), row.defaultValue());
        if (nullCell != null && !nullCell.isBlank()) {
            List<Token> tokens = Lexer.tokens(nullCell);
            if (builtValue(tokens, lexicon)) {
                // "'Unnamed Stop ' || stop_id", "'Unnamed Stop ' followed by stop_id": a value built from a column, which
                // no reading here gives; left unread, so the cell is flagged rather than cut to its first text
                return new RowNotes(defaultValue, blankToo, List.of(), false, problem, false, alsoFor);
            }
            // "'UNK' when blank or missing": the condition read first, so a blank counts as missing where it says so (the
            // plain default grammar reads the value and leaves the condition)
            DefaultCell said = DefaultCell.conditional(nullCell, SqlType.parse(row.targetType()), lexicon, names(row));
            if (said != null && said.problem() != null) {
                said = null;
            }
            Expr d = said == null ? defaultOf(tokens, lexicon) : null;
            if (said != null) {
                // "Blank GVWR → 'Unclassified'", "NULL when fuel_used_l is NULL": the default and when it applies
                defaultValue = said.value();
                blankToo = said.blankToo();
                alsoFor = said.alsoFor();
            }
            if (d != null) {
                defaultValue = d;
            }
            if (d == null && said == null && !bareValue(tokens) && valueThenRemark(tokens)) {
                // "'N' - assume dryland when not stated": the value, then after a dash why and when it is given
                DefaultCell bare = DefaultCell.read(tokens.get(0).kind() == Token.Kind.STRING ? "'" + tokens.get(0).text().replace("'", "''")
                        + "'" : tokens.get(0).text(), SqlType.parse(row.targetType()), lexicon, names(row));
                if (bare.problem() == null && bare.value() != null) {
                    d = bare.value();
                    defaultValue = d;
                }
            }
            if (d == null && said == null && bareValue(tokens)) {
                // "0.00", "Unknown", "35.00 (standard contractor rate)" in an "If Missing" column: the value for a missing one
                DefaultCell bare = DefaultCell.read(nullCell, SqlType.parse(row.targetType()), lexicon, names(row));
                if (bare.problem() == null && bare.value() != null) {
                    d = bare.value();
                    defaultValue = d;
                }
            }
            accepted.addAll(oneOf(tokens, lexicon));
            keep = keepsUnmatched(tokens, lexicon);
            // "No match in DIM_CARRIER → -1": rows kept, and a value for them this reading does not give; the cell is then
            // read with the rule (or flagged), never taken as read
            boolean valueUnread = d == null && said == null && tokens.stream().anyMatch(t -> t.kind() == Token.Kind.NUMBER
                    || t.kind() == Token.Kind.STRING);
            read = d != null || said != null || !accepted.isEmpty() || keep && !valueUnread;
        }
        return new RowNotes(defaultValue, blankToo, accepted, keep, problem, read, alsoFor);
    }

    /** Words after the dash that say the value stands for a missing one: "when not stated", "if unknown", "default". */
    private static final java.util.Set<String> MISSING_WORDS = java.util.Set.of("stated", "given", "provided", "supplied", "known",
            "unknown", "recorded", "blank", "empty", "missing", "null", "absent", "default", "defaults", "set");

    /** "'N' - assume dryland when not stated": a quoted text or a number, a dash, then words that say when it is given. */
    private static boolean valueThenRemark(List<Token> tokens) {
        return tokens.size() >= 3 && (tokens.get(0).kind() == Token.Kind.STRING || tokens.get(0).kind() == Token.Kind.NUMBER)
                && tokens.get(1).op("-") && tokens.subList(2, tokens.size()).stream().allMatch(t -> t.kind() == Token.Kind.WORD
                || t.kind() == Token.Kind.SEP || t.op(",")) && tokens.stream().anyMatch(t -> MISSING_WORDS.contains(t.norm()));
    }

    /** The cell joins a text to something else: "||", "+", "followed by", "concatenated with", "and then". */
    private static boolean builtValue(List<Token> tokens, Lexicon lexicon) {
        for (int i = 1; i < tokens.size(); i++) {
            if ((tokens.get(i).op("||") || tokens.get(i).op("+") || lexicon.match(Role.CONCAT_JOIN, tokens, i) > 0
                    && !tokens.get(i).is(Token.Kind.WORD, "and") && !tokens.get(i).is(Token.Kind.WORD, "with"))
                    && tokens.subList(0, i).stream().anyMatch(t -> t.kind() == Token.Kind.STRING)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The cell is a value alone: a number, a quoted text or up to three capitalised words, and at most a remark in brackets
     * after it; no word of a sentence ("Not null", "leave empty", "use 1") and no word for a missing value.
     */
    private static boolean bareValue(List<Token> tokens) {
        int end = tokens.size();
        while (end > 0 && tokens.get(end - 1).kind() == Token.Kind.SEP) {
            end--;
        }
        if (end > 0 && tokens.get(end - 1).op(")")) {
            int open = end - 1;
            while (open > 0 && !tokens.get(open).op("(")) {
                open--;
            }
            end = open > 0 ? open : end;
        }
        List<Token> value = tokens.subList(0, end);
        if (value.size() == 1 && (value.get(0).kind() == Token.Kind.NUMBER || value.get(0).kind() == Token.Kind.STRING)) {
            return true;
        }
        if (value.size() == 2 && value.get(0).op("-") && value.get(1).kind() == Token.Kind.NUMBER) {
            return true;
        }
        if (value.size() == 2 && value.get(0).text().equals("NOT") && value.get(1).kind() == Token.Kind.WORD
                && value.get(1).text().equals(value.get(1).text().toUpperCase(java.util.Locale.ROOT)) && !java.util.Set.of("null", "blank",
                "empty", "applicable", "required", "mandatory", "nullable", "allowed", "populated", "used").contains(value.get(1).norm())) {
            // "NOT REGISTERED", "NOT KNOWN" in capitals in a default column: a label to write, never a nullability
            return true;
        }
        return !value.isEmpty() && value.size() <= 3 && value.stream().allMatch(t -> t.kind() == Token.Kind.WORD
                && Character.isUpperCase(t.text().charAt(0)) && !java.util.Set.of("null", "blank", "empty", "missing", "none", "n/a",
                "not", "no", "never", "always", "mandatory", "required", "nullable", "optional", "y", "n", "yes").contains(t.norm()));
    }

    /** The null-handling cell says its default is also the value of codes the rule does not list ("(also for any code not listed)"). */
    public static boolean saysAlsoElse(String cell) {
        return DefaultCell.saysAlsoElse(cell);
    }

    /** A value for a missing one, whether a blank text counts as missing, and the values it replaces besides. */
    public record Fallback(Expr value, boolean blankToo, List<Expr> alsoFor) {
        public Fallback(Expr value, boolean blankToo) {
            this(value, blankToo, List.of());
        }
    }

    /**
     * A sentence of a rule that says what a missing value becomes ("Missing cost defaults to 0.00", "Empty → NULL", "If
     * blank or null, load 'UNMAPPED'"), or null when it says something else.
     */
    public static Fallback fallback(String sentence, MappingRow row) {
        DefaultCell cell = DefaultCell.conditional(sentence, SqlType.parse(row.targetType()), Lexicon.standard(), names(row));
        return cell == null ? null : new Fallback(cell.value(), cell.blankToo(), cell.alsoFor());
    }

    /** The names a default cell may use for the row's column: its target and source columns, the names its rule reads. */
    private static DefaultCondition.Names names(MappingRow row) {
        java.util.Set<String> own = new java.util.HashSet<>();
        java.util.Set<String> inputs = new java.util.HashSet<>();
        DefaultCondition.addNames(row.targetColumn(), own);
        if (row.sourceColumns() != null) {
            // the one source column is the value's own; one of several is an input of it
            java.util.Set<String> sources = row.sourceColumns().size() == 1 ? own : inputs;
            row.sourceColumns().forEach(s -> DefaultCondition.addNames(s.column(), sources));
        }
        if (row.transformation() != null) {
            for (Token t : Lexer.tokens(row.transformation())) {
                if (t.kind() == Token.Kind.NAME || t.kind() == Token.Kind.IDENT || t.text().contains("_")) {
                    DefaultCondition.addNames(t.text(), inputs);
                }
            }
        }
        inputs.removeAll(own);
        return new DefaultCondition.Names(own, inputs);
    }

    static Expr literal(Token t) {
        if (t.kind() == Token.Kind.STRING) {
            return new Expr.Lit(t.text());
        }
        if (t.kind() == Token.Kind.NUMBER) {
            return t.text().contains(".") ? new Expr.Lit(new java.math.BigDecimal(t.text())) : new Expr.Lit(Long.parseLong(t.text()));
        }
        return null;
    }

    static Expr defaultOf(List<Token> tokens, Lexicon lexicon) {
        if (tokens.isEmpty()) {
            return null;
        }
        int at = 0;
        int d = lexicon.match(Role.DEFAULT, tokens, 0);
        if (d > 0) {
            at = d;
            while (at < tokens.size() && (lexicon.match(Role.THEN, tokens, at) > 0 || lexicon.match(Role.SET, tokens, at) > 0
                    || tokens.get(at).op(":"))) {
                at++;
            }
            return at < tokens.size() ? literal(tokens.get(at)) : null;
        }
        Expr value = literal(tokens.get(0));
        if (value == null || tokens.size() < 3 || lexicon.match(Role.IF, tokens, 1) == 0 && lexicon.match(Role.WHERE, tokens, 1) == 0) {
            return null;
        }
        // "0 when the order has no coupon payment": a value for rows where something is missing
        for (int i = 2; i < tokens.size(); i++) {
            String w = tokens.get(i).norm();
            if (w.equals("no") || w.equals("none") || w.equals("without") || lexicon.match(Role.IS_NULL, tokens, i) > 0
                    || lexicon.match(Role.NULL, tokens, i) > 0 || lexicon.match(Role.IS_EMPTY, tokens, i) > 0) {
                return value;
            }
        }
        return null;
    }

    private static List<String> oneOf(List<Token> tokens, Lexicon lexicon) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            int m = lexicon.match(Role.IN, tokens, i);
            if (m > 0 && tokens.get(i).norm().equals("one")) {
                int j = i + m;
                if (j < tokens.size() && tokens.get(j).op(":")) {
                    j++;
                }
                boolean item = true;
                for (; j < tokens.size(); j++) {
                    Token t = tokens.get(j);
                    if (t.kind() == Token.Kind.SEP) {
                        break;
                    }
                    if (t.op(",") || lexicon.match(Role.OR, tokens, j) > 0) {
                        item = true;
                        continue;
                    }
                    if (!item || t.kind() == Token.Kind.OP) {
                        // "If one of the two is blank, use the other": a sentence, no list of the values allowed
                        return List.of();
                    }
                    item = false;
                    out.add(t.text());
                }
                return out;
            }
        }
        return out;
    }

    private static boolean keepsUnmatched(List<Token> tokens, Lexicon lexicon) {
        boolean including = false;
        for (int i = 0; i < tokens.size(); i++) {
            if (lexicon.match(Role.KEEP_UNMATCHED, tokens, i) > 0) {
                return true;
            }
            if (lexicon.match(Role.INCLUDING, tokens, i) > 0) {
                including = true;
            } else if (including && tokens.get(i).norm().equals("without")) {
                return true;
            } else if (tokens.get(i).kind() == Token.Kind.SEP) {
                including = false;
            }
        }
        return false;
    }

    /** "Default when blank", "If blank use the default value": the row's default named, not a value of its own. */
    private static final java.util.regex.Pattern DEFAULT_NAMED = java.util.regex.Pattern.compile("(?i)\\b(?:the\\s+)?default(?:\\s+value)?\\b(?!\\s*(?:to|of|is|=|:|->)\\b|\\s*[=:'\"])");

    /** A bracket that only says what the case includes or points elsewhere: "(incl. excluded test candidates)", "(see G4)". */
    private static final java.util.regex.Pattern ASIDE = java.util.regex.Pattern.compile("(?i)\\s*\\((?:incl\\.?|including|includes|e\\.?g\\.?"
            + "|for\\s+example|see)\\s[^()]*\\)");

    /**
     * The null-handling cell with the row's default written where it names it, without its asides; the cell as it is
     * otherwise.
     */
    public static String withDefault(String cell, String defaultValue) {
        cell = ASIDE.matcher(cell).replaceAll("");
        if (defaultValue == null || defaultValue.isBlank()) {
            return cell;
        }
        String v = defaultValue.strip();
        String literal = v.matches("-?\\d+(?:\\.\\d+)?") || v.matches("'.*'") ? v : "'" + v.replace("'", "''") + "'";
        return DEFAULT_NAMED.matcher(cell).replaceAll(java.util.regex.Matcher.quoteReplacement(literal));
    }
}
