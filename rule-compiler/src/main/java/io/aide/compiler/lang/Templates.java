package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;

import java.util.ArrayList;
import java.util.List;

/**
 * A value written into a template of placeholders, chained like the other operations of {@link Copies}:
 * <pre>
 * template := [DATE_FORMAT] [column] [AS | LIKE | IN | INTO] [the format] pattern [format]
 * pattern  := 'quoted text of X, 9 or # and separators' | X-run {("-" | "/" | ".") X-run}
 * </pre>
 * "Format SSN as XXX-XX-XXXX", "phone formatted as '(999) 999-9999'". The value's letters and digits, separators
 * removed, fill the placeholders in order; a value whose count of letters and digits differs from the template's
 * placeholders is kept as it is (nothing is cut or invented).
 */
final class Templates {

    private Templates() {
    }

    static Copies.Operation template(Parser p) {
        int m = p.mark();
        boolean verb = p.accept(Role.DATE_FORMAT) || p.acceptWord("format") || p.acceptWord("reformat");
        Expr column = verb ? p.column() : null;
        boolean preposition = p.acceptWord("as") || p.acceptWord("like") || p.acceptWord("into") || p.acceptWord("in")
                || p.acceptWord("to");
        if (p.acceptWord("the")) {
            p.acceptWord("format");
            p.acceptWord("pattern");
            p.acceptWord("mask");
            p.acceptOp(":");
            p.acceptWord("of");
        }
        String pattern = pattern(p);
        int after = p.mark();
        if (pattern != null && (p.acceptWord("followed") && p.acceptWord("by") || p.acceptOp("+") || p.acceptOp("||"))) {
            // "output 'XXXX-XXXX-XXXX-' followed by its last 4 digits": a text the value is joined to, no template
            pattern = null;
        }
        p.reset(after);
        if (pattern == null || !verb && !preposition) {
            p.reset(m);
            return null;
        }
        p.acceptWord("format");
        p.acceptWord("pattern");
        String template = pattern;
        return new Copies.Operation(x -> filled(x, template), column);
    }

    /** The template at the cursor (cursor after it), or null: two placeholders or more, and a separator. */
    private static String pattern(Parser p) {
        Token t = p.rawPeek();
        if (t == null) {
            return null;
        }
        if (t.kind() == Token.Kind.STRING) {
            if (!placeholders(t.text())) {
                return null;
            }
            p.rawNext();
            return t.text();
        }
        StringBuilder text = new StringBuilder();
        int start = p.mark();
        boolean separator = false;
        while ((t = p.rawPeek()) != null) {
            boolean run = (t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.NUMBER) && t.text().matches("[Xx]+|9+|#+");
            boolean sep = t.op("-") || t.op("/") || t.op(".");
            if (!run && !(sep && text.length() > 0)) {
                break;
            }
            separator |= sep;
            text.append(t.text());
            p.rawNext();
            if (run && t.hyphenated()) {
                // XXX-XX-XXXX read as hyphenated words
                text.append('-');
                separator = true;
            }
        }
        if (!separator || !placeholders(text.toString()) || "-/.".indexOf(text.charAt(text.length() - 1)) >= 0) {
            p.reset(start);
            return null;
        }
        return text.toString();
    }

    private static boolean placeholders(String text) {
        return text.matches("[Xx9#\\-/. ()]+") && text.chars().filter(c -> "Xx9#".indexOf(c) >= 0).count() >= 2
                && text.chars().anyMatch(c -> "-/. ()".indexOf(c) >= 0);
    }

    /** CASE WHEN the value's letters and digits fill the template THEN the template filled ELSE the value END. */
    private static Expr filled(Expr x, String template) {
        Expr chars = new Expr.Fn("REGEXP_REPLACE", List.of(x, new Expr.Lit("[^0-9A-Za-z]"), new Expr.Lit("")));
        List<Expr> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        long next = 1;
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if ("Xx9#".indexOf(c) >= 0) {
                int j = i;
                while (j < template.length() && template.charAt(j) == c) {
                    j++;
                }
                if (!literal.isEmpty()) {
                    parts.add(new Expr.Lit(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(new Expr.Substr(chars, new Expr.Lit(next), new Expr.Lit((long) (j - i))));
                next += j - i;
                i = j;
            } else {
                literal.append(c);
                i++;
            }
        }
        if (!literal.isEmpty()) {
            parts.add(new Expr.Lit(literal.toString()));
        }
        Expr fits = new Expr.Bin("=", new Expr.Fn("LENGTH", List.of(chars)), new Expr.Lit(next - 1));
        return new Expr.Case(List.of(new Expr.When(fits, new Expr.Concat(parts))), x);
    }
}
