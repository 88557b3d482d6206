package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A value written out in a layout of placeholders and separators:
 * <pre>
 * layout := [VERB] [N "-" (digit | character)] [column] (AS | LIKE | TO | INTO | USING | IN [the] FORM [OF]) [MASK_NOUN] pattern
 * pattern := a quoted text, or written bare, of placeholder runs (X, x, 9, #, N) and separators ( ) - / . : and spaces
 *                                                 "Format the 9-digit tax id as XXX-XX-XXXX", "phone as '(999) 999-9999'"
 * </pre>
 * The value's letters and digits fill the placeholders in order (its own separators left out, so "123-45-6789" and
 * "123456789" give the same); a value with more or fewer letters and digits than the layout has placeholders is kept
 * as it is. A bare pattern is taken from the cell as written, its spaces included.
 */
final class Layouts {
    private Layouts() {
    }

    private static final Set<String> VERBS = Set.of("format", "formatted", "formatting", "display", "displayed",
            "present", "presented", "show", "shown", "write", "written", "render", "rendered", "output", "style", "styled");
    private static final Set<String> INTRODUCERS = Set.of("as", "like", "to", "into", "using");
    private static final Set<String> MASK_NOUNS = Set.of("pattern", "mask", "format", "layout", "template", "picture");
    private static final String PLACEHOLDERS = "Xx9#N";
    private static final Pattern SEPARATORS = Pattern.compile("[()\\-/.: ]*");

    static Copies.Operation layout(Parser p) {
        int m = p.mark();
        Token verb = p.next();
        if (verb == null || verb.kind() != Token.Kind.WORD || !VERBS.contains(verb.norm())) {
            // "card number in the form XXXX XXXX XXXX XXXX": after the column, the layout alone says it
            p.reset(m);
        }
        sizeAdjective(p);
        int c = p.mark();
        Expr column = p.column();
        if (!(column instanceof Expr.Col)) {
            p.reset(c);
            column = null;
        }
        if (!introducer(p)) {
            return null;
        }
        Token t = p.peekToken();
        while (t != null && t.kind() == Token.Kind.WORD && MASK_NOUNS.contains(t.norm())) {
            p.next();
            t = p.peekToken();
        }
        String pattern = pattern(p);
        if (pattern == null) {
            return null;
        }
        List<Piece> pieces = pieces(pattern);
        long slots = pieces.stream().filter(Piece::slot).mapToLong(Piece::length).sum();
        if (pieces.stream().filter(Piece::slot).count() < 2) {
            return null;
        }
        return new Copies.Operation(x -> written(x, pieces, slots), column);
    }

    /** "9-digit", "11-character": a size said before the column, which the layout says again. */
    private static void sizeAdjective(Parser p) {
        int m = p.mark();
        Token n = p.next();
        if (n != null && n.kind() == Token.Kind.NUMBER && p.acceptOp("-")) {
            Token unit = p.next();
            if (unit != null && (unit.norm().startsWith("digit") || unit.norm().startsWith("char") || unit.norm().startsWith("letter"))) {
                return;
            }
        }
        p.reset(m);
    }

    private static boolean introducer(Parser p) {
        Token t = p.peekToken();
        if (t != null && t.kind() == Token.Kind.WORD && INTRODUCERS.contains(t.norm())) {
            p.next();
            return true;
        }
        int m = p.mark();
        if (p.acceptWord("in")) {
            p.acceptWord("the");
            Token form = p.next();
            if (form != null && (form.norm().equals("form") || form.norm().equals("format") || form.norm().equals("shape"))) {
                p.acceptWord("of");
                return true;
            }
        }
        p.reset(m);
        return false;
    }

    /** The layout at the cursor: a quoted one, or the bare one as the cell writes it; null when none is there. */
    private static String pattern(Parser p) {
        int m = p.mark();
        Token t = p.next();
        if (t != null && t.kind() == Token.Kind.STRING && layoutText(t.text())) {
            return t.text();
        }
        p.reset(m);
        int tokens = 0;
        while ((t = p.peekToken()) != null && t.kind() != Token.Kind.SEP && !t.op(",")) {
            if (!bare(t)) {
                p.reset(m);
                return null;
            }
            p.next();
            tokens++;
        }
        if (tokens == 0) {
            return null;
        }
        // the cell as written keeps the spaces the tokens lost
        Matcher written = Pattern.compile("[(]?[" + PLACEHOLDERS + "#]+[)]?(?:[\\-/.: ]*[(]?[" + PLACEHOLDERS + "]+[)]?)+")
                .matcher(p.ctx().row().transformation());
        while (written.find()) {
            String found = written.group().trim();
            if (layoutText(found)) {
                return found;
            }
        }
        p.reset(m);
        return null;
    }

    /** A token of a bare layout: a run of one placeholder, or a separator. */
    private static boolean bare(Token t) {
        String s = t.text();
        if (t.kind() == Token.Kind.OP) {
            return s.equals("(") || s.equals(")") || s.equals("-") || s.equals("/") || s.equals(":");
        }
        return (t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.NUMBER) && !s.isEmpty()
                && s.chars().allMatch(ch -> ch == s.charAt(0) || Character.toUpperCase(ch) == Character.toUpperCase(s.charAt(0)))
                && PLACEHOLDERS.indexOf(s.charAt(0)) >= 0;
    }

    /** Only placeholders of one kind and separators, with at least one separator between two runs. */
    private static boolean layoutText(String text) {
        String placeholders = text.replaceAll("[()\\-/.: ]", "");
        if (placeholders.isEmpty() || placeholders.length() == text.length()) {
            return false;
        }
        char kind = Character.toUpperCase(placeholders.charAt(0));
        return PLACEHOLDERS.indexOf(placeholders.charAt(0)) >= 0
                && placeholders.chars().allMatch(ch -> Character.toUpperCase(ch) == kind)
                && SEPARATORS.matcher(text.replaceAll("[" + PLACEHOLDERS + "]", "")).matches();
    }

    private record Piece(boolean slot, String text, long length) {
    }

    private static List<Piece> pieces(String pattern) {
        List<Piece> out = new ArrayList<>();
        int i = 0;
        while (i < pattern.length()) {
            boolean slot = PLACEHOLDERS.indexOf(pattern.charAt(i)) >= 0;
            int j = i;
            while (j < pattern.length() && (PLACEHOLDERS.indexOf(pattern.charAt(j)) >= 0) == slot) {
                j++;
            }
            out.add(new Piece(slot, pattern.substring(i, j), j - i));
            i = j;
        }
        return out;
    }

    /** CASE WHEN the letters and digits fill the layout THEN the layout filled ELSE the value END. */
    private static Expr written(Expr x, List<Piece> pieces, long slots) {
        Expr text = new Expr.Cast(x, SqlType.VARCHAR, false);
        Expr clean = new Expr.Fn("REGEXP_REPLACE", List.of(text, new Expr.Lit("[^0-9A-Za-z]"), new Expr.Lit("")));
        List<Expr> parts = new ArrayList<>();
        long at = 1;
        for (Piece piece : pieces) {
            if (piece.slot()) {
                parts.add(new Expr.Substr(clean, new Expr.Lit(at), new Expr.Lit(piece.length())));
                at += piece.length();
            } else {
                parts.add(new Expr.Lit(piece.text()));
            }
        }
        return new Expr.Case(List.of(new Expr.When(new Expr.Bin("=", new Expr.Fn("LENGTH", List.of(clean)),
                new Expr.Lit(slots)), new Expr.Concat(parts))), text);
    }
}
