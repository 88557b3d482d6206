package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cleaning said before a value map, in the forms analysts give it:
 * <pre>
 * preamble := [MAP] cleaning [","] ["first"]                 "Trim and upper-case the code, then decode: ..."
 *           | [MAP] value "(" cleaning ["first"] ")"          "Decode the region code (trim and upper-case first): ..."
 *           | cleaning "," CASE_INSENSITIVE                   "Trimmed code, any case: A = Active, ..."
 *           | value "," CASE_AND_SPACES                       "Plan code to name, ignoring case and spaces: ..."
 * </pre>
 * The cleaning itself is read by the rule language; this only puts its words in the order it reads and notes a
 * comparison said to ignore case (the keys are then compared in upper case).
 */
final class MapPreambles {

    /** The cleaning's words as the rule language reads them, and whether the keys are compared ignoring case. */
    record Preamble(List<Token> tokens, boolean anyCase, boolean trimmed, boolean plainValue) {
        Preamble(List<Token> tokens, boolean anyCase) {
            this(tokens, anyCase, false);
        }

        Preamble(List<Token> tokens, boolean anyCase, boolean trimmed) {
            this(tokens, anyCase, trimmed, false);
        }
    }

    private static final java.util.Set<String> KIND_NOUNS = java.util.Set.of("code", "codes", "value", "flag", "indicator", "id",
            "status", "type", "key");

    private MapPreambles() {
    }

    static Preamble read(List<Token> written, Lexicon lexicon, String sourceColumn) {
        List<Token> tokens = new ArrayList<>(written);
        // "the cycle code" for billing_cycle: a part of the column's name before the kind noun says which value, as
        // "the code" does
        List<String> parts = List.of(ColumnWords.parts(sourceColumn));
        for (int i = tokens.size() - 2; i >= 1; i--) {
            Token t = tokens.get(i);
            if (t.kind() == Token.Kind.WORD && parts.contains(t.norm()) && tokens.get(i - 1).is(Token.Kind.WORD, "the")
                    && KIND_NOUNS.contains(tokens.get(i + 1).norm())) {
                tokens.remove(i);
            }
        }
        for (int k = 2; k < tokens.size(); k++) {
            // "the switch event code": words between "the" and the kind noun say which code, the row's value as "the code"
            if (tokens.get(k).kind() == Token.Kind.WORD && KIND_NOUNS.contains(tokens.get(k).norm())) {
                int from = k - 1;
                while (from > 0 && k - from <= 3 && tokens.get(from).kind() == Token.Kind.WORD && tokens.get(from).norm().matches("[a-z]+")
                        && !tokens.get(from).is(Token.Kind.WORD, "the")) {
                    from--;
                }
                if (from >= 0 && from < k - 1 && tokens.get(from).is(Token.Kind.WORD, "the")) {
                    tokens.subList(from + 1, k).clear();
                    break;
                }
            }
        }
        boolean anyCase = false;
        boolean trimmed = false;
        for (int i = 0; i < tokens.size(); i++) {
            int both = lexicon.match(Role.CASE_AND_SPACES, tokens, i);
            int n = both > 0 ? both : lexicon.match(Role.CASE_INSENSITIVE, tokens, i);
            trimmed = both > 0;
            if (n > 0) {
                tokens.subList(i, i + n).clear();
                if (i > 0 && tokens.get(i - 1).op(",")) {
                    tokens.remove(i - 1);
                }
                anyCase = true;
                break;
            }
        }
        trimEnd(tokens);
        for (int i = 1; i < tokens.size(); i++) {
            // "Trimmed, upper-cased status code mapped: ...": the map's verb after the value it maps
            int verb = lexicon.match(Role.MAP, tokens, i);
            if (verb > 0 && i + verb == tokens.size()) {
                tokens.subList(i, tokens.size()).clear();
                trimEnd(tokens);
                break;
            }
        }
        int after = tokens.size() - 1;
        while (after > 0 && !tokens.get(after).op("(")) {
            after--;
        }
        if (after > 0 && tokens.get(tokens.size() - 1).op(")") && tokens.get(after + 1).is(Token.Kind.WORD, "after")
                && tokens.subList(after + 1, tokens.size() - 1).stream().allMatch(t -> t.kind() == Token.Kind.WORD)) {
            // "Decode the cleaned tier_code (after the B default)": when, which is when the value it names is computed
            tokens.subList(after, tokens.size()).clear();
        }
        for (int i = 0; i + 1 < tokens.size(); i++) {
            // "Decode the code after trimming and upper-casing": the cleaning said after the value it applies to
            if (tokens.get(i).is(Token.Kind.WORD, "after") && onlyCleaning(tokens.subList(i + 1, tokens.size()), lexicon)) {
                List<Token> moved = new ArrayList<>(tokens.subList(i + 1, tokens.size()));
                moved.addAll(tokens.subList(Math.min(i, lexicon.match(Role.MAP, tokens, 0)), i));
                tokens = moved;
                break;
            }
        }
        int n = tokens.size();
        if (n >= 2 && KIND_NOUNS.contains(tokens.get(n - 1).norm()) && tokens.get(n - 2).is(Token.Kind.WORD, "the")
                && onlyCleaning(tokens.subList(0, n - 2), lexicon)) {
            // "Trim/upper the code": the value the cleaning applies to is the row's own
            tokens.subList(n - 2, n).clear();
        }
        int open = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).op("(")) {
                open = i;
                break;
            }
        }
        if (open > 0 && tokens.get(tokens.size() - 1).op(")")) {
            // "the region code (trim and upper-case first)": the cleaning in the bracket applies to the value before it
            List<Token> inside = new ArrayList<>(tokens.subList(open + 1, tokens.size() - 1));
            trimEnd(inside);
            if (!inside.isEmpty() && onlyCleaning(inside, lexicon)) {
                List<Token> moved = new ArrayList<>(inside);
                moved.addAll(tokens.subList(lexicon.match(Role.MAP, tokens, 0), open));
                return new Preamble(moved, anyCase, trimmed);
            }
        }
        return new Preamble(tokens, anyCase, trimmed);
    }

    /** Words a preamble uses besides cleaning and the map's verb: the value named, and the words that join them. */
    private static final java.util.Set<String> JOINING = java.util.Set.of("the", "a", "is", "are", "and", "then", "compared",
            "comparing", "matched", "match", "on", "of", "its", "to", "into", "before", "after", "first", "when", "while");
    /** What a value map gives, named after "to": "status code to description", "department code to name". */
    private static final java.util.Set<String> TARGET_NOUNS = java.util.Set.of("description", "descriptions", "name", "names",
            "label", "labels", "text", "meaning", "long", "form", "display");

    /**
     * "Code is trimmed/upper-cased and decoded", "Channel code compared case-insensitively after trimming", "EDI 214
     * status code to description", "Decode ignoring case and surrounding spaces": a preamble of the map's verb, cleaning
     * and case words, and words that name the row's one value (a kind noun, a part of its name, a standard's name before
     * them). Its cleaning as words the rule language reads ("trim and upper-case") and whether case is ignored; null when
     * a word is of none of these classes.
     */
    static Preamble byWordClass(List<Token> tokens, Lexicon lexicon, String sourceColumn) {
        List<String> parts = List.of(ColumnWords.parts(sourceColumn));
        boolean trim = false;
        boolean upper = false;
        boolean anyCase = false;
        boolean said = false;
        boolean described = false;
        int i = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            int n;
            if ((n = lexicon.match(Role.CASE_AND_SPACES, tokens, i)) > 0) {
                anyCase = true;
                trim = true;
            } else if ((n = lexicon.match(Role.CASE_INSENSITIVE, tokens, i)) > 0) {
                anyCase = true;
            } else if ((n = lexicon.match(Role.SPACES_IGNORED, tokens, i)) > 0 || (n = lexicon.match(Role.TRIM, tokens, i)) > 0) {
                trim = true;
            } else if ((n = lexicon.match(Role.UPPER, tokens, i)) > 0) {
                upper = true;
            } else if ((n = lexicon.match(Role.MAP, tokens, i)) > 0 || t.kind() == Token.Kind.WORD && TARGET_NOUNS.contains(t.norm())
                    && i > 0 && tokens.get(i - 1).is(Token.Kind.WORD, "to")) {
                described |= n == 0;
                n = Math.max(n, 1);
                said = true;
            } else if (t.op(",") || t.op("/") || t.op("-") || t.kind() == Token.Kind.WORD && (JOINING.contains(t.norm())
                    || KIND_NOUNS.contains(t.norm()) || parts.contains(t.norm()) || t.norm().equals(sourceColumn.toLowerCase(Locale.ROOT))
                    || t.norm().startsWith("case-insensitiv") || t.norm().equals("insensitively") || t.norm().equals("decoded"))) {
                n = 1;
                anyCase |= t.norm().startsWith("case-insensitiv");
                said |= t.norm().equals("decoded");
            } else if ((t.kind() == Token.Kind.NUMBER || t.kind() == Token.Kind.WORD && t.text().matches("[A-Z]{2,6}"))
                    && i + 1 < tokens.size()) {
                // "EDI 214 status code", "ISO 4217 currency code": a standard's name before the value it names
                n = 1;
            } else {
                return null;
            }
            i += n;
        }
        if (!said && !trim && !upper && !anyCase) {
            return null;
        }
        String cleaning = trim && upper ? "trim and upper-case" : trim ? "trim" : upper ? "upper-case" : null;
        List<Token> read = cleaning == null ? Lexer.tokens(sourceColumn) : Lexer.tokens(cleaning);
        // "EDI 214 status code to description: ...": the value itself, named for the map that follows
        return new Preamble(read, anyCase && !upper, trim, cleaning == null && !anyCase && described);
    }

    /** The pairs after their verb: "decode: WEB = Website, ..." read as "WEB = Website, ...". */
    static List<Token> withoutVerb(List<Token> tokens, Lexicon lexicon) {
        int at = lexicon.match(Role.MAP, tokens, 0);
        if (at > 0 && at < tokens.size() && tokens.get(at).op(":")) {
            at++;
        }
        return at > 0 && at < tokens.size() ? tokens.subList(at, tokens.size()) : tokens;
    }

    /** Every text key the map compares with is written in upper case. */
    static boolean upperKeys(Expr map) {
        if (!(map instanceof Expr.Case c)) {
            return false;
        }
        List<String> keys = new ArrayList<>();
        c.whens().forEach(w -> collect(w.condition(), keys));
        return !keys.isEmpty() && keys.stream().allMatch(k -> k.equals(k.toUpperCase(Locale.ROOT)));
    }

    private static void collect(Expr e, List<String> out) {
        if (e instanceof Expr.Lit l && l.value() instanceof String s) {
            out.add(s);
        } else if (e instanceof Expr.Bin b) {
            collect(b.left(), out);
            collect(b.right(), out);
        } else if (e instanceof Expr.InList in) {
            in.items().forEach(i -> collect(i, out));
        } else if (e instanceof Expr.Not n) {
            collect(n.expr(), out);
        }
    }

    /** Drops a closing comma and "first" ("Trim/upper the cycle code first"). */
    private static void trimEnd(List<Token> tokens) {
        while (!tokens.isEmpty() && (tokens.get(tokens.size() - 1).op(",")
                || tokens.get(tokens.size() - 1).is(Token.Kind.WORD, "first"))) {
            tokens.remove(tokens.size() - 1);
        }
    }

    /** Words of trimming and case only, joined by "and", "," or "/". */
    private static boolean onlyCleaning(List<Token> tokens, Lexicon lexicon) {
        int i = 0;
        boolean any = false;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (t.op(",") || t.op("/")) {
                i++;
                continue;
            }
            int n = Math.max(lexicon.match(Role.AND, tokens, i), Math.max(lexicon.match(Role.TRIM, tokens, i),
                    Math.max(lexicon.match(Role.UPPER, tokens, i), lexicon.match(Role.LOWER, tokens, i))));
            if (n == 0) {
                return false;
            }
            any |= lexicon.match(Role.AND, tokens, i) == 0;
            i += n;
        }
        return any;
    }
}
