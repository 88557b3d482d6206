package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;

/**
 * The keys and values of a value map's pairs ({@link ValueMaps}): literals, codes and labels written without quotes
 * ("Female", "In Transit", "30 DPD"), words for no value ("blank", "missing").
 */
final class MapEntries {
    private MapEntries() {
    }

    /** Verbs that say which value a code's label goes to: "L = Late, counts as 'Present'". */
    private static final java.util.Set<String> COUNTED = java.util.Set.of("counts", "count", "counted", "treated", "reported",
            "shown", "grouped", "mapped", "goes", "go", "rolls", "rolled", "falls");

    /**
     * A literal, or a short text written without quotes ("Female"); "Late, counts as 'Present'": the code's label, then
     * the value it goes to, which is the value.
     */
    static Expr value(Parser p) {
        Expr said = labelOrValue(p);
        int at = p.mark();
        Token verb = p.acceptOp(",") ? p.rawPeek() : null;
        if (said != null && verb != null && verb.kind() == Token.Kind.WORD && COUNTED.contains(verb.norm())) {
            p.rawNext();
            p.acceptWord("up");
            if (p.acceptWord("as") || p.acceptWord("to") || p.acceptWord("under") || p.acceptWord("into")) {
                Expr value = p.literal();
                if (value instanceof Expr.Lit l && l.value() instanceof String) {
                    return value;
                }
            }
        }
        p.reset(at);
        return said;
    }

    private static Expr labelOrValue(Parser p) {
        int m = p.mark();
        Token first = p.rawPeek();
        Expr v = p.literal();
        Token arrow = m > 0 ? p.tokens().get(m - 1) : null;
        if (v instanceof Expr.Lit l && l.value() instanceof Number && first != null && first.kind() == Token.Kind.NUMBER
                && arrow != null && (arrow.op("->") || arrow.op("=>") || arrow.op("="))) {
            // "D30 -> 30 DPD", "D90 -> 90+ DPD": after an arrow, an unquoted value that starts with a number is the text up
            // to the pair's end (after ':' the number may be a band's: "FICO band: 800+ Excellent")
            StringBuilder text = new StringBuilder(first.text());
            int words = 0;
            Token t = p.rawPeek();
            boolean glued = false;
            while (t != null && t.kind() != Token.Kind.SEP && !t.op(",") && !p.peekExact(Role.ELSE) && !p.peekExact(Role.THEN)
                    && (t.op("+") || t.op("%") || t.op("-") && words == 0 && !glued && p.mark() + 1 < p.tokens().size()
                    && p.tokens().get(p.mark() + 1).kind() == Token.Kind.WORD
                    || t.kind() == Token.Kind.WORD && (glued || !Lexicon.standard().grammarWord(p.tokens(), p.mark())
                    && Character.isUpperCase(t.text().charAt(0))))) {
                // "P7 = 7-Day Pass": a hyphen after the number joins it to the word that follows
                p.rawNext();
                text.append(t.op("+") || t.op("%") || t.op("-") || glued ? "" : " ").append(t.text());
                glued = t.op("-");
                words += t.kind() == Token.Kind.WORD ? 1 : 0;
                t = p.rawPeek();
            }
            Token after = p.rawPeek();
            if (words > 0 && (after == null || after.kind() == Token.Kind.SEP || after.op(","))) {
                return new Expr.Lit(text.toString());
            }
            p.reset(m);
            v = p.literal();
        }
        if (v != null) {
            return v;
        }
        int before = p.mark();
        Expr words = key(p);
        int afterWords = p.mark();
        p.reset(before);
        Expr title = titled(p);
        boolean labelWord = words instanceof Expr.TypedNull && first != null && first.text().length() > 1
                && first.text().equals(Character.toUpperCase(first.text().charAt(0)) + first.text().substring(1).toLowerCase(java.util.Locale.ROOT))
                && java.util.Set.of("empty", "blank").contains(first.norm());
        if (title != null && (words == null || p.mark() > afterWords || labelWord)) {
            // "F = Full, E = Empty": a label in title case, never the word for no value
            // "Home & Living": the label in title case reads further than a code of plain words would
            return qualified(p, title);
        }
        p.reset(afterWords);
        return qualified(p, words);
    }

    /** Words in a bracket that say something about the map, never a part of a label. */
    private static final java.util.Set<String> REMARK_WORDS = java.util.Set.of("default", "usual", "typical", "legacy",
            "deprecated", "obsolete", "rare", "new", "old", "current", "recommended", "optional", "preferred", "fallback",
            "catch-all", "e.g", "eg", "i.e", "ie", "see", "note", "tbc", "tbd");

    /**
     * "PLT -> Platelets (apheresis)": a bracket of plain words right after a label, before the pair's end, is part of the
     * label as the analyst wrote it; a bracket that says how codes compare ("(case-insensitive)") or remarks on the map
     * ("(default)") is not. The label, longer or as it was (cursor after what is read).
     */
    private static Expr qualified(Parser p, Expr label) {
        if (!(label instanceof Expr.Lit l) || !(l.value() instanceof String text) || p.rawPeek() == null || !p.rawPeek().op("(")
                || text.equals(text.toUpperCase(java.util.Locale.ROOT))) {
            // "Blank = EUR (home currency)": a code in capitals, the bracket saying what it is
            return label;
        }
        int m = p.mark();
        int close = Brackets.closing(p.tokens(), m);
        if (close < 0 || close - m < 2 || close - m > 5) {
            return label;
        }
        java.util.List<Token> inside = p.tokens().subList(m + 1, close);
        Lexicon lexicon = Lexicon.standard();
        Token after = close + 1 < p.tokens().size() ? p.tokens().get(close + 1) : null;
        boolean pairEnds = after == null || after.kind() == Token.Kind.SEP || after.op(",");
        if (pairEnds && inside.stream().allMatch(w -> w.kind() == Token.Kind.WORD) && inside.stream().anyMatch(w -> REMARK_WORDS.contains(w.norm()))) {
            // "blank -> Dine-in (till default);": a remark on the pair, read over
            p.reset(close + 1);
            return label;
        }
        for (int i = 0; i < inside.size(); i++) {
            Token t = inside.get(i);
            if (t.kind() != Token.Kind.WORD || REMARK_WORDS.contains(t.norm()) || lexicon.grammarWord(inside, i)) {
                return label;
            }
        }
        if (!pairEnds) {
            return label;
        }
        StringBuilder out = new StringBuilder(text).append(" (");
        for (int i = 0; i < inside.size(); i++) {
            out.append(i == 0 ? "" : " ").append(inside.get(i).text());
        }
        p.reset(close + 1);
        return new Expr.Lit(out.append(")").toString());
    }

    /**
     * "T -> In Transit", "O -> On Hold": a label in title case whose first word is also one of the grammar; each word
     * capitalised, up to the pair's end; null (cursor unchanged) otherwise.
     */
    private static Expr titled(Parser p) {
        int m = p.mark();
        StringBuilder text = new StringBuilder();
        Token t = p.rawPeek();
        while (t != null && (t.kind() == Token.Kind.WORD && (Character.isUpperCase(t.text().charAt(0)) || connects(p, text)
                || text.length() > 0 && glued(p, 1))
                || t.op("/") && connects(p, text))
                && !(text.length() > 0 && p.mark() + 1 < p.tokens().size() && (p.tokens().get(p.mark() + 1).op("=")
                || p.tokens().get(p.mark() + 1).op("->") || p.tokens().get(p.mark() + 1).op("=>")))) {
            p.rawNext();
            boolean joined = t.op("/") || text.length() > 0 && (text.charAt(text.length() - 1) == '/' || text.charAt(text.length() - 1) == '-');
            text.append(text.length() > 0 && !joined ? " " : "").append(t.text()).append(t.hyphenated() ? "-" : "");
            t = p.rawPeek();
        }
        int acronym = p.mark();
        if (text.length() > 0 && t != null && t.op("(") && acronym + 2 < p.tokens().size()
                && p.tokens().get(acronym + 1).kind() == Token.Kind.WORD && ACRONYM.matcher(p.tokens().get(acronym + 1).text()).matches()
                && p.tokens().get(acronym + 2).op(")")) {
            // "Travel Agent (GDS)": an abbreviation in brackets is part of the label as it is shown
            text.append(" (").append(p.tokens().get(acronym + 1).text()).append(')');
            p.reset(acronym + 3);
            t = p.rawPeek();
        }
        if (text.length() == 0 || t != null && t.kind() != Token.Kind.SEP && !t.op(",")) {
            p.reset(m);
            return null;
        }
        return new Expr.Lit(text.toString());
    }

    /** The token before the cursor ends in a hyphen that joins it to the word at the cursor ("Dine-in"). */
    private static boolean glued(Parser p, int count) {
        return count > 0 && p.mark() > 0 && p.tokens().get(p.mark() - 1).hyphenated() && p.rawPeek() != null
                && p.rawPeek().kind() == Token.Kind.WORD;
    }

    private static final java.util.regex.Pattern ACRONYM = java.util.regex.Pattern.compile("[A-Z][A-Z0-9]{1,5}");

    /** Small words of a label in title case: "Return to Vendor", "Arrived at Delivery Location", "Department of Health". */
    private static final java.util.Set<String> SMALL_WORDS = java.util.Set.of("and", "of", "to", "at", "in", "on", "for", "by",
            "with", "from", "the", "per", "via");

    /**
     * "Home & Living", "Bed and Bath", "Return to Vendor", "Key/Card": a small word or a slash between two capitalised
     * words of a label.
     */
    private static boolean connects(Parser p, StringBuilder label) {
        Token t = p.rawPeek();
        int at = p.mark();
        // a small word after a code ("M to Male") is the pair's arrow, never part of a label
        boolean words = label.chars().anyMatch(Character::isLowerCase);
        return label.length() > 0 && t != null && (t.text().equals("&") || t.norm().equals("and") || t.norm().equals("of")
                || words && (t.op("/") || SMALL_WORDS.contains(t.norm())))
                && at + 1 < p.tokens().size() && p.tokens().get(at + 1).kind() == Token.Kind.WORD
                && Character.isUpperCase(p.tokens().get(at + 1).text().charAt(0));
    }

    /** Words in capitals that are a map's own words, never a code ("NULL -> 0", "OTHER -> 'X'"): "EACH", "CASE" are codes. */
    private static final java.util.Set<String> NOT_CODES = java.util.Set.of("NULL", "NULLS", "BLANK", "BLANKS", "EMPTY", "ELSE",
            "OTHER", "OTHERS", "NONE", "MISSING", "ANY", "THEN", "WHEN", "OTHERWISE", "DEFAULT", "UNKNOWN");

    /** Words that open a class of values ("any yes-value", "all others"), never a code. */
    private static final java.util.Set<String> QUANTIFIERS = java.util.Set.of("any", "all", "every", "each", "anything",
            "everything", "some", "whatever");

    /** Lower-case verbs of a sentence: a bare key or label holding one is a sentence, not a code. */
    private static final java.util.Set<String> COPULAS = java.util.Set.of("is", "are", "was", "were", "be", "been");

    /**
     * "Not yet inspected (blank) -> 'Pending'": a few words naming a state, then the no-value word that defines it in
     * brackets: the key for no value; null (cursor unchanged) otherwise.
     */
    private static Expr describedBlank(Parser p) {
        int m = p.mark();
        int words = 0;
        Token t;
        while ((t = p.rawPeek()) != null && t.kind() == Token.Kind.WORD && words < 5) {
            p.rawNext();
            words++;
        }
        if (words > 0 && p.rawPeek() != null && p.rawPeek().op("(")) {
            p.rawNext();
            Token inside = p.rawPeek();
            boolean blank = inside != null && (p.peekExact(Role.BLANK) || p.peekExact(Role.NULL) || inside.norm().equals("missing"));
            if (blank && (p.acceptExact(Role.BLANK) || p.acceptExact(Role.NULL) || p.rawNext() != null) && p.rawPeek() != null
                    && p.rawPeek().op(")")) {
                p.rawNext();
                return new Expr.TypedNull(io.aide.compiler.plan.SqlType.UNKNOWN);
            }
        }
        p.reset(m);
        return null;
    }

    static Expr key(Parser p) {
        Token t = p.rawPeek();
        if (t == null) {
            return null;
        }
        if (t.kind() == Token.Kind.STRING || t.kind() == Token.Kind.NUMBER) {
            return p.literal();
        }
        Expr described = describedBlank(p);
        if (described != null) {
            return described;
        }
        String first = t.text();
        if (t.kind() == Token.Kind.WORD && first.contains("_") && !first.equalsIgnoreCase(p.ctx().row().targetColumn())
                && (p.ctx().namesTargetColumn(first) || p.ctx().resolve(null, first) instanceof Expr.Col c && p.ctx().known(c))) {
            // "(IS_VOID = Y)": a column of the row's table or target compared with a value, a condition and never a code
            return null;
        }
        boolean unknown = t.kind() == Token.Kind.WORD && t.text().equals("unknown");
        if (t.kind() == Token.Kind.WORD && (p.peekExact(Role.BLANK) || p.peekExact(Role.NULL) || t.is(Token.Kind.WORD, "missing")
                || unknown)) {
            // "N or blank = false", "unknown -> 'n/a'": an unquoted word for "no value" is no code (the marker is read by
            // keyCondition); "Unknown" or "UNKNOWN" may be a code as written
            int m = p.mark();
            if (p.accept(Role.BLANK) || p.accept(Role.NULL) || p.acceptWord("missing") || unknown && p.rawNext() != null) {
                return new Expr.TypedNull(io.aide.compiler.plan.SqlType.UNKNOWN);
            }
            p.reset(m);
        }
        if (t.kind() == Token.Kind.WORD && (t.text().matches("[A-Z]{2,3}") || t.text().matches("[A-Z]{4,8}")
                && !NOT_CODES.contains(t.text())) && p.mark() + 1 < p.tokens().size()) {
            // "CA, OR, WA = West": a capitalised code that is also a word of the grammar, where list punctuation or
            // the arrow follows it
            Token after = p.tokens().get(p.mark() + 1);
            if (after.kind() == Token.Kind.SEP || after.op(",") || after.op("=") || after.op("-") || after.op(":") || after.op("->")
                    || after.op("=>") || after.op("/") || after.kind() == Token.Kind.WORD && ValueMaps.ARROW_VERBS.contains(after.norm())) {
                p.rawNext();
                return new Expr.Lit(t.text());
            }
        }
        if (t.kind() == Token.Kind.WORD && QUANTIFIERS.contains(t.norm())) {
            // "Any yes-value = true", "all other codes -> X": a class of values, never one code
            return null;
        }
        // a code written as words is short and holds no word of the grammar ("to", "where", "using", ...)
        StringBuilder words = new StringBuilder();
        int count = 0;
        while (t != null && t.kind() == Token.Kind.WORD && (glued(p, count) || !p.peekExact(Role.OR) && !p.peekExact(Role.AND)
                && !p.peekExact(Role.THEN) && !p.peekExact(Role.ELSE))) {
            if (glued(p, count)) {
                // "Dine-in", "Self-Employed": the word after a hyphen belongs to the one before, whatever it is
                Token word = p.rawNext();
                words.append(word.text()).append(word.hyphenated() ? "-" : " ");
                t = p.rawPeek();
                if (++count > 3) {
                    return null;
                }
                continue;
            }
            if (count > 0 && t.norm().equals("to")) {
                // "M to Male": "to" ends the key (the caller reads it as the pair's arrow); "up to 100k" is a bound
                Token next = p.mark() + 1 < p.tokens().size() ? p.tokens().get(p.mark() + 1) : null;
                if (next != null && next.kind() == Token.Kind.NUMBER) {
                    return null;
                }
                break;
            }
            if (COPULAS.contains(t.text())) {
                // "100k is 'LOW'": a sentence's verb, no code or label ("Is" capitalised may be one)
                return null;
            }
            for (Role r : ValueMaps.STRUCTURE) {
                if (p.peekExact(r)) {
                    return null;
                }
            }
            if (count > 0 && ValueMaps.ARROW_VERBS.contains(t.norm())) {
                // "REG stays REG": the verb ends the key
                break;
            }
            if (count > 0 && p.mark() + 1 < p.tokens().size() && (p.tokens().get(p.mark() + 1).op("=")
                    || p.tokens().get(p.mark() + 1).op("->") || p.tokens().get(p.mark() + 1).op("=>"))) {
                // "A=Actual E=Estimated": the word before the next arrow is the next key
                break;
            }
            Token word = p.rawNext();
            words.append(word.text()).append(word.hyphenated() ? "-" : " ");
            t = p.rawPeek();
            if (++count > 3) {
                return null;
            }
        }
        if (count > 0 && t != null && t.kind() == Token.Kind.NUMBER) {
            // "Band 1", "Tier 2": a label's number, where the pair ends after it
            int at = p.mark() + 1;
            Token after = at < p.tokens().size() ? p.tokens().get(at) : null;
            if (after == null || after.kind() == Token.Kind.SEP || after.op(",")) {
                words.append(p.rawNext().text());
            }
        }
        return words.isEmpty() ? null : new Expr.Lit(words.toString().replaceAll("[ -]+$", ""));
    }
}
