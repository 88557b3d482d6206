package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;

import java.util.List;
import java.util.Set;

/**
 * The row's side of a lookup's match as the analyst cleans it before matching: "on trimmed upper-cased PLAN_CODE",
 * "on PLAN_CODE (trim + upper case the subscriber side first)", "where PRODUCT_CODE = ITEM_NO (trimmed, upper)",
 * "= upper(trim(PLAN_CODE))". The value is the row's column with TRIM, then UPPER or LOWER, as the words say.
 * <pre>
 * key      := {cleaning ["and" | "," | "+" | "/"]} operand [bracket | "," cleaning {...}]
 * bracket  := "(" {cleaning | "and" | "," | "+" | "/" | filler} ")"     -- filler: first, both sides, the x side ...
 * </pre>
 */
final class LookupKeys {
    /** Words in a cleaning bracket that say when or where, not how. */
    private static final Set<String> FILLER = Set.of("first", "both", "sides", "side", "the", "on", "before", "matching", "comparing",
            "compare", "and", "then", "of", "it", "value", "values", "code", "codes", "key", "keys", "case", "after", "source",
            "row", "row's", "our", "its", "their", "each", "match", "matched", "using");

    private LookupKeys() {
    }

    /** The cleaned key at the cursor (cursor after it), or null (cursor unchanged) when there is no operand there. */
    static Expr value(Parser p) {
        int m = p.mark();
        boolean[] how = new boolean[3];
        // "upper(trim(PLAN_CODE))" is a call, before "upper" is read as a word of cleaning
        Expr key = Expressions.call(p);
        if (key == null) {
            cleaning(p, how);
            key = Expressions.call(p);
        }
        if (key == null) {
            key = p.operand();
        }
        if (key == null) {
            p.reset(m);
            return null;
        }
        if (Expr.columns(key).isEmpty()) {
            // "= 'REIMB'": a value, which no cleaning words precede
            if (how[0] || how[1] || how[2]) {
                p.reset(m);
                return null;
            }
            return key;
        }
        int after = p.mark();
        if (p.acceptOp("(")) {
            if (!bracket(p, how)) {
                p.reset(after);
            }
        } else if (p.acceptOp(",") && !cleaning(p, how)) {
            p.reset(after);
        }
        return cleaned(key, how);
    }

    /** The key with TRIM, then UPPER or LOWER, as the flags say (trim, upper, lower). */
    static Expr cleaned(Expr key, boolean[] how) {
        Expr out = how[0] ? new Expr.Fn("TRIM", List.of(key)) : key;
        return how[1] ? new Expr.Fn("UPPER", List.of(out)) : how[2] ? new Expr.Fn("LOWER", List.of(out)) : out;
    }

    /** A bracket of cleaning words at the cursor ("(match on the trimmed, upper-case code)"): its flags, or null. */
    static boolean[] cleaningBracket(Parser p) {
        int m = p.mark();
        boolean[] how = new boolean[3];
        if (p.acceptOp("(") && bracket(p, how)) {
            return how;
        }
        p.reset(m);
        return null;
    }

    /** Cleaning words at the cursor (trim, upper, lower, joined); whether any was read. */
    private static boolean cleaning(Parser p, boolean[] how) {
        boolean any = false;
        while (true) {
            if (p.accept(Role.TRIM)) {
                how[0] = any = true;
            } else if (p.accept(Role.UPPER)) {
                how[1] = any = true;
            } else if (p.accept(Role.LOWER)) {
                how[2] = any = true;
            } else if (any && (p.acceptOp("/") || p.acceptOp("+") || p.acceptOp(",") || p.accept(Role.AND))) {
                continue;
            } else {
                return any;
            }
        }
    }

    /** A bracket after the key ("(trim + upper case the subscriber side first)"), cursor after it; false when none. */
    private static boolean bracket(Parser p, boolean[] how) {
        boolean[] said = new boolean[3];
        boolean any = false;
        while (true) {
            if (p.acceptOp(")")) {
                if (any) {
                    for (int i = 0; i < 3; i++) {
                        how[i] |= said[i];
                    }
                }
                return any;
            }
            if (cleaning(p, said)) {
                any = true;
                continue;
            }
            int insensitive = Lexicon.standard().match(Role.CASE_INSENSITIVE, p.tokens(), p.mark());
            if (insensitive > 0) {
                // "(trim, ignore case)": compared in upper case, as the keys are written
                for (int i = 0; i < insensitive; i++) {
                    p.rawNext();
                }
                said[1] = any = true;
                continue;
            }
            Token t = p.rawPeek();
            Token after = p.mark() + 1 < p.tokens().size() ? p.tokens().get(p.mark() + 1) : null;
            // "(trim + upper case the subscriber side first)": words of where or when, never a column of the row
            boolean word = t != null && t.kind() == Token.Kind.WORD && (FILLER.contains(t.norm())
                    || after != null && after.is(Token.Kind.WORD, "side") && !t.text().contains("_"));
            if (t == null || !(word || t.op(",") || t.op("+") || t.op("/") || t.op("-"))) {
                return false;
            }
            p.rawNext();
        }
    }
}
