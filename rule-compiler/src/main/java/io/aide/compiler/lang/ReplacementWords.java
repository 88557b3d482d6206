package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;

import java.util.Set;

/**
 * Words between a condition and the value it gives that say why the value is replaced, or that it becomes missing:
 * "If the value does not contain an '@' it is not a usable address - set to null", "... it is treated as missing
 * (NULL)". The first asks for nothing; the second is the value NULL. Words around the value itself: "assume a single
 * seat (1)", what the value stands for, then the value in brackets.
 */
final class ReplacementWords {
    private ReplacementWords() {
    }

    /** Words that judge a value: "it is not a usable address", "the value is invalid". */
    private static final Set<String> JUDGING = Set.of("usable", "valid", "invalid", "proper", "real", "genuine", "correct",
            "wrong", "bad", "good", "acceptable", "legal", "illegal", "unusable");

    /**
     * "If the value does not contain an '@' it is not a usable address - set to null": why the value is replaced, said
     * between the condition and what it becomes; the cursor after it (and the dash or comma), or unchanged.
     */
    static void verdict(Parser p) {
        int m = p.mark();
        if (!(p.acceptWord("it") || p.acceptWord("this") || p.acceptWord("that") || p.acceptWord("the") && p.acceptWord("value"))
                || !(p.acceptWord("is") || p.acceptWord("was"))) {
            p.reset(m);
            return;
        }
        Token t = p.rawPeek();
        while (t != null && (t.norm().equals("not") || t.norm().equals("a") || t.norm().equals("an"))) {
            p.rawNext();
            t = p.rawPeek();
        }
        if (t == null || !JUDGING.contains(t.norm())) {
            p.reset(m);
            return;
        }
        p.rawNext();
        Token noun = p.rawPeek();
        if (noun != null && noun.kind() == Token.Kind.WORD && !noun.norm().equals("and")) {
            p.rawNext();
        }
        if (!(p.acceptOp("-") || p.acceptOp(",") || p.acceptOp(":") || p.acceptOp(";") || p.acceptWord("so"))) {
            p.reset(m);
        }
    }

    /** "it is treated as missing (NULL)", "treat it as missing": the value becomes NULL; the cursor after, or false. */
    static boolean treatedAsMissing(Parser p) {
        int m = p.mark();
        p.acceptWord("it");
        p.acceptWord("is");
        if (!(p.acceptWord("treated") || p.acceptWord("treat") || p.acceptWord("considered") || p.acceptWord("regarded"))) {
            p.reset(m);
            return false;
        }
        p.acceptWord("it");
        if (!p.acceptWord("as") || !(p.acceptWord("missing") || p.accept(Role.NULL) || p.acceptWord("blank"))) {
            p.reset(m);
            return false;
        }
        int b = p.mark();
        if (!(p.acceptOp("(") && p.accept(Role.NULL) && p.acceptOp(")"))) {
            p.reset(b);
        }
        return true;
    }

    /** "a single seat (1)", "the unknown member (-1)": up to four words, then a literal alone in brackets; null (cursor unchanged) otherwise. */
    static Expr valueInBrackets(Parser p) {
        int m = p.mark();
        int words = 0;
        while (p.rawPeek() != null && p.rawPeek().kind() == Token.Kind.WORD && words < 4) {
            p.rawNext();
            words++;
        }
        Expr v = words > 0 && p.acceptOp("(") ? p.literal() : null;
        if (v instanceof Expr.Lit && p.acceptOp(")")) {
            return v;
        }
        p.reset(m);
        return null;
    }
}
