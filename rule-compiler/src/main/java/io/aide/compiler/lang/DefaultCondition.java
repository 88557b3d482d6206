package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * When a default value applies, as the default cell says after its value ({@code 'UNDECLARED' if blank},
 * {@code NULL when no match or blank}, {@code NULL when DOB is null}):
 * <pre>
 * condition := case {(OR | AND | ",") case}
 * case      := [subject] (IS_EMPTY | BLANK)           blank: NULL, empty or only spaces
 *            | (BLANK | IS_EMPTY | NULL) subject       "Blank GVWR", "missing speed"
 *            | [subject] (IS_NULL | NULL | NOT_FOUND)  NULL: no value, no match of the row's lookup
 *            | "no" subject                            "no grade"
 * subject   := words naming the column itself: "the value", "source", its target or source column, a name its rule
 *              reads, or the initials of one ("DOB" for DATE_OF_BIRTH)
 * </pre>
 * A condition about anything else is not this cell's to read: {@link #read} answers null and the cell is flagged.
 */
final class DefaultCondition {

    /** What the default replaces. */
    enum Kind {
        /** a NULL value */
        NULL,
        /** a NULL value, an empty text or one of only spaces */
        BLANK
    }

    /**
     * The names a condition may use: the column's own (its target column, its one source column) and its inputs (the
     * other source columns, names its rule reads). A condition on an input ("QTY null means 1" for UNIT_AMT times QTY)
     * is no condition on the value: only NULL may be said for it, which the value gives anyway.
     */
    record Names(Set<String> own, Set<String> inputs) {
        static Names of(Set<String> own) {
            return new Names(own, Set.of());
        }
    }

    /**
     * What the condition says, whether it names an input of the value rather than the value, and the values it also
     * covers ("blank or 0": 0).
     */
    record Reading(Kind kind, boolean ofInput, List<io.aide.compiler.plan.Expr> values) {
    }

    private static final Set<String> SELF_WORDS = Set.of("the", "this", "it", "its", "value", "values", "source",
            "field", "column", "input", "result", "record", "data", "a", "an", "target");

    private DefaultCondition() {
    }

    /**
     * The condition of tokens {@code from} to the end, or null when a case names something other than the column.
     *
     * @param names names in lower case the condition may use
     */
    static Reading read(List<Token> tokens, int from, Names names, Lexicon lexicon) {
        List<io.aide.compiler.plan.Expr> values = new java.util.ArrayList<>();
        Kind own = read(tokens, from, names.own(), lexicon, values);
        if (own != null) {
            return new Reading(own, false, values);
        }
        java.util.Set<String> all = new java.util.HashSet<>(names.own());
        all.addAll(names.inputs());
        values.clear();
        Kind input = names.inputs().isEmpty() ? null : read(tokens, from, all, lexicon, values);
        return input == null ? null : new Reading(input, true, values);
    }

    /** @param values filled with the values the condition also covers ("blank, null or 0": 0) */
    private static Kind read(List<Token> tokens, int from, Set<String> names, Lexicon lexicon, List<io.aide.compiler.plan.Expr> values) {
        Kind kind = null;
        int start = from;
        for (int i = from; i <= tokens.size(); i++) {
            boolean end = i == tokens.size();
            int or = end ? 0 : Math.max(lexicon.match(Role.OR, tokens, i), lexicon.match(Role.AND, tokens, i));
            if (!end && !tokens.get(i).op(",") && or == 0) {
                continue;
            }
            io.aide.compiler.plan.Expr value = valueCase(tokens.subList(start, i), names, lexicon);
            Kind one = value == null ? oneCase(tokens.subList(start, i), names, lexicon) : null;
            if (value != null) {
                // "blank or 0": a value the default replaces too
                values.add(value);
                i += Math.max(or, 1) - 1;
                start = i + 1;
                continue;
            }
            if (one == null) {
                return null;
            }
            kind = kind == Kind.BLANK || one == Kind.BLANK ? Kind.BLANK : Kind.NULL;
            i += Math.max(or, 1) - 1;
            start = i + 1;
        }
        return kind;
    }

    /**
     * A case that is a number the value may hold ("0", "zero", "0.00", "the value is 0"): the number, else null. A
     * condition of values alone ("0 -> 1") is a value map, never a default: the caller asks for a missing case too.
     */
    private static io.aide.compiler.plan.Expr valueCase(List<Token> words, Set<String> names, Lexicon lexicon) {
        int at = 0;
        while (at < words.size() - 1 && (SELF_WORDS.contains(words.get(at).norm()) || lexicon.match(Role.EQUALS, words, at) > 0
                || subject(words.subList(0, at + 1), names) && words.get(at).nameLike())) {
            at++;
        }
        if (at != words.size() - 1) {
            return null;
        }
        Token t = words.get(at);
        if (t.kind() == Token.Kind.NUMBER) {
            String n = t.text();
            // "00000000, blank or NULL -> NULL": digits written with leading zeros are a code, the text the extract holds
            return n.length() > 1 && n.startsWith("0") && !n.contains(".") ? new io.aide.compiler.plan.Expr.Lit(n)
                    : n.contains(".") ? new io.aide.compiler.plan.Expr.Lit(new java.math.BigDecimal(n))
                    : new io.aide.compiler.plan.Expr.Lit(Long.parseLong(n));
        }
        if (t.kind() == Token.Kind.STRING && at == 0) {
            // "blank or 'N/A'", "blank or the text 'NULL'": a text the default replaces too
            return new io.aide.compiler.plan.Expr.Lit(t.text());
        }
        return t.is(Token.Kind.WORD, "zero") ? new io.aide.compiler.plan.Expr.Lit(0L) : null;
    }

    private static Kind oneCase(List<Token> words, Set<String> names, Lexicon lexicon) {
        if (words.isEmpty()) {
            return null;
        }
        if (words.get(0).norm().equals("no") && words.size() > 1 && subject(words.subList(1, words.size()), names)) {
            return Kind.NULL;
        }
        for (Role role : List.of(Role.BLANK, Role.IS_EMPTY, Role.NULL, Role.IS_NULL)) {
            // "Blank GVWR", "missing speed": the word before the column it says is missing
            int n = lexicon.match(role, words, 0);
            if (n > 0 && n < words.size() && subject(words.subList(n, words.size()), names)) {
                // "Missing DISC_PCT": a text with nothing in it is missing too
                return (role == Role.NULL || role == Role.IS_NULL) && !words.get(0).norm().equals("missing") ? Kind.NULL : Kind.BLANK;
            }
        }
        for (int at = 0; at < words.size(); at++) {
            if (!subject(words.subList(0, at), names)) {
                continue;
            }
            for (Role role : List.of(Role.IS_EMPTY, Role.BLANK, Role.IS_NULL, Role.NULL, Role.NOT_FOUND)) {
                if (lexicon.match(role, words, at) == words.size() - at) {
                    return role == Role.IS_EMPTY || role == Role.BLANK ? Kind.BLANK : Kind.NULL;
                }
            }
        }
        return null;
    }

    /** The words name the column: nothing, words such as "the value", or one of its names. */
    private static boolean subject(List<Token> words, Set<String> names) {
        List<Token> named = words.stream().filter(t -> !SELF_WORDS.contains(t.norm())).toList();
        if (named.size() == 1 && named.get(0).kind() == Token.Kind.WORD
                && names.stream().anyMatch(n -> ColumnWords.namesLeavingKind(n, named.get(0)))) {
            // "Blank GVWR" for gvwr_lbs: the name without the unit or kind it ends with
            return true;
        }
        if (named.size() == 1 && named.get(0).kind() == Token.Kind.WORD
                && names.stream().anyMatch(n -> n.endsWith("_" + named.get(0).norm()))) {
            // "Missing cost" for unit_cost: the noun its name ends with
            return true;
        }
        StringBuilder name = new StringBuilder();
        for (Token t : words) {
            if (SELF_WORDS.contains(t.norm())) {
                continue;
            }
            if (!t.nameLike()) {
                return false;
            }
            name.append(name.length() == 0 ? "" : "_").append(t.norm());
        }
        return name.length() == 0 || names.contains(name.toString()) || names.contains(name.toString().replace('.', '_'));
    }

    /** A column's names as a default cell may write them: as is, its last part after a dot, and its initials. */
    static void addNames(String column, Set<String> names) {
        if (column == null || column.isBlank()) {
            return;
        }
        String n = column.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        n = n.contains(".") ? n.substring(n.lastIndexOf('.') + 1) : n;
        names.add(n);
        String[] parts = n.split("_");
        if (parts.length >= 2) {
            StringBuilder initials = new StringBuilder();
            for (String p : parts) {
                if (!p.isEmpty()) {
                    initials.append(p.charAt(0));
                }
            }
            names.add(initials.toString());
        }
    }
}
