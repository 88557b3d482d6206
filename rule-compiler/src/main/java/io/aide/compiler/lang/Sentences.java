package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.rules.RuleContext;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A cell of several sentences, each an instruction on the value the ones before it left: "Trim and lower-case. If the
 * address is empty or only spaces, leave NULL.", "Text field - convert to a number rounded to 2 decimal places. Blank =
 * 0.00.", "Cast to integer; blank means no renewals, so 0." Sentences that say nothing about the value (remarks: what
 * the column is, why) are left out. Each other sentence must read whole on its own, as an operation on the row's source
 * column; it then applies to the value so far: the source column in its values is that value, while its tests of a
 * blank or missing source keep reading the source as it arrives ("blank stays NULL" after a cast).
 * <pre>
 * cell := sentence (SEP sentence)+        each sentence: a rule of the row's source column, or a remark
 * </pre>
 * A sentence that ends in "first" ("Trim and upper-case the code first.") applies before the ones above it.
 * The first sentence that computes something gives the value; a later one that reads no source column of the row (a
 * constant, another table's column) does not follow from it, and the cell is not read this way.
 */
final class Sentences {

    private Sentences() {
    }

    /** The cell read sentence by sentence, or null when it is one sentence or a sentence does not read. */
    static Recognition read(List<Token> tokens, RuleContext ctx, Lexicon lexicon, Function<List<Token>, Recognition> rest) {
        List<List<Token>> sentences = split(tokens);
        if (sentences.size() < 2 || ctx.sources().size() != 1) {
            return null;
        }
        Expr.Col source = ctx.sources().get(0);
        Recognition.Recognized first = null;
        Expr value = null;
        int read = 0;
        for (List<Token> s : sentences) {
            if (Commentary.isRemark(s, ctx, lexicon, true)) {
                continue;
            }
            if (!(rest.apply(s) instanceof Recognition.Recognized ok)) {
                return null;
            }
            if (first == null) {
                first = ok;
                value = ok.expr();
            } else if (ok.lookupTable() != null || !reads(ok.expr(), source)) {
                return null;
            } else if (first(s)) {
                // "Map A = Active, .... Trim and upper-case the code first.": it applies before the sentences above
                value = applied(value, source, ok.expr());
            } else {
                value = applied(ok.expr(), source, value);
            }
            read++;
        }
        if (first == null || read < 2) {
            return null;
        }
        return new Recognition.Recognized(value, first.lookupTable(), first.accepted(),
                first.note() + ", then " + (read - 1) + " more sentence(s) on its value", first.keepUnmatched());
    }

    /**
     * NULL by design with the reasons around it: "NULL by design - microchip numbers are not captured in VetPro yet.",
     * "Not captured by the ILS. NULL for now - column reserved for the new registration form.", "Not populated in this
     * phase - always NULL. Will come from the CRM feed in phase 2." The cell's parts (its sentences, and the clauses
     * after a dash) are each NULL read on its own, a remark, or a statement that the value is absent or comes later; at
     * least one says NULL. Null otherwise.
     */
    static Recognition nullByDesign(List<Token> tokens, RuleContext ctx, Lexicon lexicon, Function<List<Token>, Recognition> rest) {
        List<List<Token>> parts = new ArrayList<>();
        for (List<Token> sentence : split(tokens)) {
            int start = 0;
            for (int i = 0; i <= sentence.size(); i++) {
                Token t = i < sentence.size() ? sentence.get(i) : null;
                if (t == null || (t.op("-") || t.op("–") || t.op("—")) && i > start) {
                    if (i > start) {
                        parts.add(sentence.subList(start, i));
                    }
                    start = i + 1;
                }
            }
        }
        if (parts.size() < 2) {
            return null;
        }
        Expr value = null;
        for (List<Token> part : parts) {
            Recognition r = rest.apply(part);
            if (r instanceof Recognition.Recognized ok && ok.expr() instanceof Expr.TypedNull) {
                value = ok.expr();
            } else if (!Commentary.isRemark(part, ctx, lexicon, true) && !absent(part, lexicon)) {
                return null;
            }
        }
        return value == null ? null : new Recognition.Recognized(value, null, List.of(), "NULL by design, its reasons beside it");
    }

    /** Words that say a value is not there yet: "not captured in VetPro yet", "will come from the CRM feed in phase 2". */
    private static boolean absent(List<Token> part, Lexicon lexicon) {
        if (part.stream().anyMatch(t -> t.kind() == Token.Kind.STRING || t.kind() == Token.Kind.OP && !t.op(",")
                && !t.op("(") && !t.op(")"))) {
            return false;
        }
        for (int i = 0; i < part.size(); i++) {
            if (lexicon.match(Lexicon.Role.IS_NULL, part, i) > 0 || lexicon.match(Lexicon.Role.NULL, part, i) > 0
                    || part.get(i).kind() == Token.Kind.WORD && LATER.contains(part.get(i).norm())) {
                return true;
            }
        }
        return false;
    }

    /** Words of a value that comes later or is held for later. */
    private static final java.util.Set<String> LATER = java.util.Set.of("later", "future", "reserved", "placeholder",
            "phase", "release", "yet", "sent");

    /** The sentences at the top level (a full stop or semicolon inside brackets ends none). */
    static List<List<Token>> split(List<Token> tokens) {
        List<List<Token>> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= tokens.size(); i++) {
            Token t = i < tokens.size() ? tokens.get(i) : null;
            if (t != null) {
                depth += t.op("(") ? 1 : t.op(")") ? -1 : 0;
            }
            if (t == null || t.kind() == Token.Kind.SEP && depth <= 0) {
                if (i > start) {
                    out.add(tokens.subList(start, i));
                }
                start = i + 1;
            }
        }
        return out;
    }

    /** The sentence says it comes first: its last word is "first" or "beforehand". */
    private static boolean first(List<Token> sentence) {
        Token last = sentence.get(sentence.size() - 1);
        return last.is(Token.Kind.WORD, "first") || last.is(Token.Kind.WORD, "beforehand");
    }

    private static boolean reads(Expr e, Expr.Col source) {
        return Expr.columns(e).stream().anyMatch(c -> same(c, source));
    }

    private static boolean same(Expr.Col a, Expr.Col b) {
        return a.column().equalsIgnoreCase(b.column())
                && (a.relation() == null || b.relation() == null || a.relation().equalsIgnoreCase(b.relation()));
    }

    /** The later sentence's expression with the value so far where it reads the source, its blank tests as they are. */
    static Expr applied(Expr later, Expr.Col source, Expr value) {
        if (blankTest(later, source)) {
            return later;
        }
        if (later instanceof Expr.Col c) {
            return same(c, source) ? value : c;
        }
        return Expr.children(later, x -> applied(x, source, value));
    }

    /** "x IS NULL", "TRIM(x) = ''", "x = ''": a test of the source as it arrives. */
    private static boolean blankTest(Expr e, Expr.Col source) {
        if (e instanceof Expr.IsNull n) {
            return n.expr() instanceof Expr.Col c && same(c, source);
        }
        if (e instanceof Expr.Bin b && b.op().equals("=") && b.right() instanceof Expr.Lit l && "".equals(l.value())) {
            Expr left = b.left() instanceof Expr.Fn f && f.name().equalsIgnoreCase("TRIM") && f.args().size() == 1 ? f.args().get(0) : b.left();
            return left instanceof Expr.Col c && same(c, source);
        }
        return false;
    }
}
