package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.rules.RuleContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * A text joined from two columns, and a last sentence that says what it is when one of them is blank: "Last name, a
 * comma and one space, then first name. If the first name is blank, surname only (no trailing comma).", "First name
 * blank -> last name only (no comma)." The value is then the other part alone where the named part is blank, the joined
 * text otherwise; nothing is said of the other part being blank, so nothing more is done for it.
 * <pre>
 * part-fallback := rule SEP [IF] part-words [IS] BLANK [","|":"|"->"] [USE] [the] words [ONLY | ALONE | ON ITS OWN]
 *                  ["(" no separator-word ")" | "," no separator-word]
 * </pre>
 * The named part is the joined column whose name the words spell; the words for the other part only describe it.
 */
final class PartFallbacks {
    private static final Set<String> BLANK = Set.of("blank", "empty", "missing", "null");
    private static final Set<String> ALONE = Set.of("only", "alone");
    /** Words of a remark after "only": "(no trailing comma)", ", no comma", "(no leading space)". */
    private static final Set<String> REMARK = Set.of("no", "trailing", "leading", "comma", "commas", "space", "spaces",
            "separator", "hyphen", "dash", "without", "a", "the");

    private PartFallbacks() {
    }

    static Recognition read(List<Token> tokens, RuleContext ctx, Function<List<Token>, Recognition> rest) {
        int end = tokens.size();
        while (end > 0 && tokens.get(end - 1).kind() == Token.Kind.SEP) {
            end--;
        }
        int sep = -1;
        for (int i = end - 1; i > 0; i--) {
            if (tokens.get(i).kind() == Token.Kind.SEP) {
                sep = i;
                break;
            }
        }
        if (sep < 1) {
            return null;
        }
        List<Token> sentence = tokens.subList(sep + 1, end);
        int at = 0;
        if (at < sentence.size() && (sentence.get(at).is(Token.Kind.WORD, "if") || sentence.get(at).is(Token.Kind.WORD, "when"))) {
            at++;
        }
        List<Token> named = new ArrayList<>();
        while (at < sentence.size() && sentence.get(at).kind() == Token.Kind.WORD && !BLANK.contains(sentence.get(at).norm())
                && !sentence.get(at).is(Token.Kind.WORD, "is") && named.size() < 4) {
            if (!sentence.get(at).is(Token.Kind.WORD, "the")) {
                named.add(sentence.get(at));
            }
            at++;
        }
        if (at < sentence.size() && sentence.get(at).is(Token.Kind.WORD, "is")) {
            at++;
        }
        if (named.isEmpty() || at >= sentence.size() || !BLANK.contains(sentence.get(at).norm())) {
            return null;
        }
        at++;
        boolean alone = false;
        int otherWords = 0;
        String caseSaid = null;
        String target = ctx.row().targetColumn() == null ? "" : ctx.row().targetColumn();
        boolean just = false;
        for (; at < sentence.size(); at++) {
            Token t = sentence.get(at);
            if (just && otherWords > 0 && (t.op("(") || t.op(","))) {
                // "just the last name (no comma)": the part said, then its remark
                break;
            }
            if (t.op(",") || t.op(":") || t.op("->") || t.op("(") || t.op(")") || t.is(Token.Kind.WORD, "use")
                    || t.is(Token.Kind.WORD, "the") || t.is(Token.Kind.WORD, "then") || t.is(Token.Kind.WORD, "in")
                    // "full_name is just last_name": the target named, then what it is
                    || t.text().equalsIgnoreCase(target) || t.is(Token.Kind.WORD, "is") || t.is(Token.Kind.WORD, "becomes")) {
                continue;
            }
            if (t.is(Token.Kind.WORD, "just") || t.is(Token.Kind.WORD, "simply")) {
                // "just the last name (no comma)": the other part alone, said before it
                just = true;
                continue;
            }
            if (t.kind() == Token.Kind.WORD && CASE_WORDS.contains(t.norm())) {
                // "the upper-cased surname", "surname (in capitals)": the part as the joined text writes it, checked below
                caseSaid = t.norm().startsWith("low") ? "LOWER" : "UPPER";
                continue;
            }
            if (t.kind() == Token.Kind.WORD && ALONE.contains(t.norm()) || t.is(Token.Kind.WORD, "on") && at + 2 < sentence.size()
                    && sentence.get(at + 1).is(Token.Kind.WORD, "its") && sentence.get(at + 2).is(Token.Kind.WORD, "own")) {
                alone = true;
                at += t.is(Token.Kind.WORD, "on") ? 3 : 1;
                break;
            }
            if (t.kind() != Token.Kind.WORD || ++otherWords > 3) {
                return null;
            }
        }
        alone |= just && otherWords > 0;
        if (!alone || !remark(sentence.subList(at, sentence.size()))) {
            return null;
        }
        if (!(rest.apply(tokens.subList(0, sep)) instanceof Recognition.Recognized ok)) {
            return null;
        }
        Expr value = ok.expr();
        // "..., joined with a single space and converted to upper case": the joined text inside the case said of it all
        List<String> around = cleaningAround(value);
        if (!(unwrapped(value) instanceof Expr.Concat c)) {
            return null;
        }
        List<Expr> parts = c.parts().stream().filter(x -> !(x instanceof Expr.Lit)).toList();
        if (parts.size() != 2) {
            return null;
        }
        int blankPart = -1;
        // "If first_name is NULL" over "cleaned first_name, one space, cleaned last_name": a part named as the target
        // column whose value it is
        String targetTable = ctx.row().targetTable();
        Expr namedValue = targetTable == null ? null : ctx.resolve(targetTable, String.join("_", named.stream().map(Token::text).toList()));
        boolean byTarget = false;
        for (int i = 0; i < 2; i++) {
            List<Expr.Col> cols = Expr.columns(parts.get(i));
            boolean source = cols.size() == 1 && spelled(named, cols.get(0).column());
            boolean ofTarget = parts.get(i).equals(namedValue);
            if (source || ofTarget) {
                if (blankPart >= 0) {
                    return null;
                }
                blankPart = i;
                byTarget = ofTarget && !source;
            }
        }
        if (blankPart < 0) {
            return null;
        }
        if (caseSaid != null && !writes(parts.get(1 - blankPart), caseSaid)) {
            // the other part said in capitals, where the joined text does not write it so
            return null;
        }
        Expr input = byTarget ? parts.get(blankPart) : Expr.columns(parts.get(blankPart)).get(0);
        Expr test = new Expr.Bin("OR", new Expr.IsNull(input, false), new Expr.Bin("=", new Expr.Fn("TRIM", List.of(input)),
                new Expr.Lit("")));
        // the other part as the whole is written: upper-cased where the joined text is
        Expr fallback = new Expr.Case(List.of(new Expr.When(test, wrapped(parts.get(1 - blankPart), around))), value);
        return new Recognition.Recognized(fallback, ok.lookupTable(), ok.accepted(), ok.note() + " (the other part alone where "
                + String.join(" ", named.stream().map(Token::text).toList()) + " is blank)", ok.keepUnmatched());
    }

    /** Words that say a part is written in one case ("upper-cased", "capitals"). */
    private static final Set<String> CASE_WORDS = Set.of("upper", "cased", "uppercase", "uppercased", "capitals", "capital",
            "caps", "lower", "lowercase", "lowercased");

    /** The part is written in that case (UPPER or LOWER among the trims and case changes around it). */
    private static boolean writes(Expr part, String fn) {
        Expr x = part;
        while (x instanceof Expr.Fn f && f.args().size() == 1 && Set.of("UPPER", "LOWER", "TRIM").contains(f.name().toUpperCase(Locale.ROOT))) {
            if (f.name().equalsIgnoreCase(fn)) {
                return true;
            }
            x = f.args().get(0);
        }
        return false;
    }

    /**
     * The words spell the column's name or its last parts ("first name" for first_name or owner_first_name), or name it
     * as written ("first_nm").
     */
    private static boolean spelled(List<Token> words, String column) {
        if (words.size() == 1 && words.get(0).text().equalsIgnoreCase(column)) {
            return true;
        }
        String[] parts = ColumnWords.parts(column);
        for (int from = 1; from < parts.length; from++) {
            // "first name" for owner_first_name: the column's last parts
            String tail = String.join("_", java.util.Arrays.copyOfRange(parts, from, parts.length));
            if (words.stream().allMatch(w -> w.kind() == Token.Kind.WORD) && RuleLanguage.spells(String.join(" ",
                    words.stream().map(Token::text).toList()), tail)) {
                return true;
            }
        }
        StringBuilder text = new StringBuilder();
        words.forEach(w -> text.append(text.length() == 0 ? "" : " ").append(w.text().toLowerCase(Locale.ROOT)));
        return words.stream().allMatch(w -> w.kind() == Token.Kind.WORD) && RuleLanguage.spells(text.toString(), column);
    }

    /** Nothing, or a remark on the separator: "(no trailing comma)", ", no comma". */
    private static boolean remark(List<Token> tokens) {
        for (Token t : tokens) {
            if (!(t.op("(") || t.op(")") || t.op(",") || t.kind() == Token.Kind.WORD && REMARK.contains(t.norm()))) {
                return false;
            }
        }
        return true;
    }

    private static final Set<String> CLEANING = Set.of("UPPER", "LOWER", "TRIM");

    /**
     * "First and last name, each trimmed, joined with a space and upper-cased. Where the first name is blank use the last
     * name on its own": a column the rule joins, as the joined text writes it (trimmed, upper-cased), not as it is held.
     */
    static Expr asJoined(Expr result, Expr rule) {
        if (!(result instanceof Expr.Col col) || !(unwrapped(rule) instanceof Expr.Concat c)) {
            return result;
        }
        for (Expr part : c.parts()) {
            if (unwrapped(part).equals(col)) {
                return wrapped(part, cleaningAround(rule));
            }
        }
        return result;
    }

    /** The value inside the trims and case changes around it. */
    private static Expr unwrapped(Expr e) {
        Expr x = e;
        while (x instanceof Expr.Fn f && f.args().size() == 1 && CLEANING.contains(f.name().toUpperCase(Locale.ROOT))) {
            x = f.args().get(0);
        }
        return x;
    }

    /** The trims and case changes around a value, innermost first. */
    private static List<String> cleaningAround(Expr e) {
        List<String> around = new ArrayList<>();
        for (Expr x = e; x instanceof Expr.Fn f && f.args().size() == 1 && CLEANING.contains(f.name().toUpperCase(Locale.ROOT));
             x = f.args().get(0)) {
            around.add(0, f.name());
        }
        return around;
    }

    private static Expr wrapped(Expr e, List<String> around) {
        Expr out = e;
        for (String fn : around) {
            out = new Expr.Fn(fn, List.of(out));
        }
        return out;
    }
}
