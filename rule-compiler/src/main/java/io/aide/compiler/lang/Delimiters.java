package io.aide.compiler.lang;

import io.aide.compiler.lang.Copies.Operation;
import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;

import java.util.List;
import java.util.Set;

/**
 * The text on one side of the first occurrence of a character or a text:
 * <pre>
 * around := [TAKE] PIECE [(OF | FROM | IN) column] (AFTER | BEFORE) [FIRST_OCCURRENCE | [the] last [occurrence of]]
 *           delimiter [(OF | FROM | IN) column]
 * delimiter := 'text' | a symbol [SIGN] | a character named in characters.txt ("dash", "at sign", "space")
 * </pre>
 * "Part of email_addr after the @ sign", "everything before the first '-'", "the text following ':' in label".
 * After: the text that follows the first occurrence, NULL when the text does not hold it (nothing follows it).
 * Before: the text that precedes it, the whole text when it does not hold it (nothing cuts it).
 */
final class Delimiters {
    /** Words that may follow a symbol written bare: "the @ sign", "the # symbol". */
    private static final Set<String> SIGN_WORDS = Set.of("sign", "symbol", "character", "char", "mark", "delimiter",
            "separator");

    private Delimiters() {
    }

    static Operation around(Parser p) {
        int m = p.mark();
        Operation cut = cutFrom(p);
        if (cut != null) {
            return cut;
        }
        p.reset(m);
        Operation run = edgeRun(p);
        if (run != null) {
            return run;
        }
        p.reset(m);
        p.accept(Role.TAKE);
        if (!p.accept(Role.PIECE)) {
            p.reset(m);
            return null;
        }
        Expr column = DateSubjects.ofOrFromColumn(p);
        boolean after;
        if (p.accept(Role.AFTER)) {
            after = true;
        } else if (p.accept(Role.BEFORE)) {
            after = false;
        } else {
            p.reset(m);
            return null;
        }
        boolean last = lastOccurrence(p);
        if (!last) {
            p.accept(Role.FIRST_OCCURRENCE);
        }
        String delimiter = delimiter(p);
        if (delimiter == null) {
            p.reset(m);
            return null;
        }
        if (column == null) {
            column = DateSubjects.ofOrFromColumn(p);
        }
        Expr d = new Expr.Lit(delimiter);
        if (last) {
            return new Operation(x -> lastPiece(x, delimiter, after), column);
        }
        if (!after) {
            return new Operation(x -> new Expr.Fn("SPLIT_PART", List.of(x, d, new Expr.Lit(1L))), column);
        }
        return new Operation(x -> {
            Expr at = new Expr.Fn("STRPOS", List.of(x, d));
            Expr start = new Expr.Bin("+", at, new Expr.Lit((long) delimiter.length()));
            return new Expr.Case(List.of(new Expr.When(new Expr.Bin(">", at, new Expr.Lit(0L)),
                    new Expr.Substr(x, start, null))), null);
        }, column);
    }

    /**
     * The text from a delimiter on removed, which keeps what precedes it: "with everything from '?' removed", "without
     * the query string (everything from '?')", "remove everything from the first '#'", "everything after '?' dropped"
     * keeps the '?' too. Null (cursor moved) otherwise.
     */
    private static Operation cutFrom(Parser p) {
        boolean without = p.acceptWord("without");
        if (without) {
            // "without the query string (everything from '?')": the words before the parenthesis name the part
            int words = 0;
            while (words < 4 && p.peekToken() != null && p.peekToken().kind() == Token.Kind.WORD) {
                p.next();
                words++;
            }
            if (!p.acceptOp("(")) {
                return null;
            }
        } else {
            p.accept(Role.WITH);
        }
        boolean verb = !without && p.accept(Role.REMOVE);
        if (!p.acceptWord("everything") && !p.acceptWord("anything") && !p.acceptWord("all")) {
            return null;
        }
        p.acceptWord("text");
        boolean after;
        if (p.acceptWord("from") || p.acceptWord("starting")) {
            p.acceptWord("at");
            p.acceptWord("with");
            after = false;
        } else if (p.acceptWord("after") || p.acceptWord("following")) {
            after = true;
        } else {
            return null;
        }
        p.accept(Role.FIRST_OCCURRENCE);
        String delimiter = delimiter(p);
        if (delimiter == null) {
            return null;
        }
        boolean removed = verb || without && p.acceptOp(")") || p.accept(Role.REMOVE) || p.acceptWord("dropped")
                || p.acceptWord("cut") || p.acceptWord("trimmed");
        if (!removed) {
            return null;
        }
        Expr d = new Expr.Lit(delimiter);
        return new Operation(x -> {
            Expr kept = new Expr.Fn("SPLIT_PART", List.of(x, d, new Expr.Lit(1L)));
            // "everything after '?' removed": the delimiter stays where the text holds it
            return after ? new Expr.Case(List.of(new Expr.When(new Expr.Bin(">", new Expr.Fn("STRPOS", List.of(x, d)),
                    new Expr.Lit(0L)), new Expr.Concat(List.of(kept, d)))), x) : kept;
        }, null);
    }

    /**
     * [the] (leading | trailing) kind [OF column] | [the] kind AT the (start | beginning | end) OF column, where kind is
     * letters or digits (character-classes.txt): "Letters at the start of the postcode" keeps the run of letters the
     * text begins with (empty when it begins otherwise), written as REGEXP_REPLACE, which every dialect has. Null
     * (cursor moved) otherwise.
     */
    private static Operation edgeRun(Parser p) {
        p.acceptWord("the");
        Boolean start = p.acceptWord("leading") ? Boolean.TRUE : p.acceptWord("trailing") ? Boolean.FALSE : null;
        PhraseTable.Match kind = p.phrase(PhraseTable.CHARACTER_CLASSES);
        String set = kind == null ? null : kind.entries().get(0).key();
        if (set == null || !(set.equals("[A-Za-z]") || set.equals("[0-9]"))) {
            return null;
        }
        if (start == null) {
            if (!p.acceptWord("at")) {
                return null;
            }
            p.acceptWord("the");
            start = p.acceptWord("start") || p.acceptWord("beginning") || p.acceptWord("front") ? Boolean.TRUE
                    : p.acceptWord("end") ? Boolean.FALSE : null;
            if (start == null) {
                return null;
            }
        }
        Expr column = DateSubjects.ofOrFromColumn(p);
        String other = "[^" + set.substring(1);
        Expr pattern = new Expr.Lit(start ? other + ".*$" : "^.*" + other);
        return new Operation(x -> new Expr.Fn("REGEXP_REPLACE", List.of(x, pattern, new Expr.Lit(""))), column);
    }

    /** "the last", "the last occurrence of": the cursor after the words, or unchanged (false). */
    private static boolean lastOccurrence(Parser p) {
        int m = p.mark();
        p.acceptWord("the");
        if (!p.acceptWord("last") && !p.acceptWord("final")) {
            p.reset(m);
            return false;
        }
        if (p.acceptWord("occurrence") || p.acceptWord("instance")) {
            p.acceptWord("of");
        }
        return true;
    }

    /**
     * The text after the last delimiter (NULL when there is none) or before it (the whole text when there is none):
     * the first piece of the reversed text, reversed back, which every dialect writes with REVERSE and SPLIT_PART.
     */
    private static Expr lastPiece(Expr x, String delimiter, boolean after) {
        Expr d = new Expr.Lit(delimiter);
        Expr tail = new Expr.Fn("REVERSE", List.of(new Expr.Fn("SPLIT_PART", List.of(new Expr.Fn("REVERSE", List.of(x)),
                new Expr.Lit(new StringBuilder(delimiter).reverse().toString()), new Expr.Lit(1L)))));
        Expr holds = new Expr.Bin(">", new Expr.Fn("STRPOS", List.of(x, d)), new Expr.Lit(0L));
        if (after) {
            return new Expr.Case(List.of(new Expr.When(holds, tail)), null);
        }
        Expr keep = new Expr.Bin("-", new Expr.Bin("-", new Expr.Fn("LENGTH", List.of(x)), new Expr.Fn("LENGTH", List.of(tail))),
                new Expr.Lit((long) delimiter.length()));
        return new Expr.Case(List.of(new Expr.When(holds, new Expr.Substr(x, new Expr.Lit(1L), keep))), x);
    }

    private static String delimiter(Parser p) {
        int m = p.mark();
        Expr quoted = p.literal();
        if (quoted instanceof Expr.Lit l && l.value() instanceof String s && !s.isEmpty()) {
            acceptSignWord(p);
            return s;
        }
        p.reset(m);
        PhraseTable.Match named = p.phrase(PhraseTable.CHARACTERS);
        if (named != null) {
            return named.entries().get(0).key();
        }
        Token t = p.peekToken();
        if (t != null && (t.kind() == Token.Kind.OP || t.kind() == Token.Kind.WORD) && t.text().length() == 1 && "@#$%&*/\\|:;~^+=-_!?.".contains(t.text())) {
            p.next();
            acceptSignWord(p);
            return t.text();
        }
        p.reset(m);
        return null;
    }

    private static void acceptSignWord(Parser p) {
        Token t = p.peekToken();
        if (t != null && t.kind() == Token.Kind.WORD && SIGN_WORDS.contains(t.norm())) {
            p.next();
        }
    }
}
