package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;

import java.util.ArrayList;
import java.util.List;

/**
 * How a compared value is cleaned by the words around it: participles before it ("the trimmed status code"), a bracket
 * or commas after it ("acct_name (trimmed)", "last_name, trimmed, is"), and a comparison said to ignore case or to
 * trim ("(either case, after trim)", ", any case", "after trimming and ignoring case").
 */
final class ComparedValues {

    private ComparedValues() {
    }

    /**
     * "the trimmed status code", "trimmed, upper-cased STATUS_CD": the operand as cleaned by the participles before it;
     * null (cursor anywhere) when no participle of trim or case leads, or no operand follows them.
     */
    static Expr prefixCleaned(Parser p) {
        p.acceptWord("the");
        List<String> ops = new ArrayList<>();
        while (true) {
            if (p.accept(Role.TRIM)) {
                ops.add("TRIM");
            } else if (p.accept(Role.UPPER)) {
                ops.add("UPPER");
            } else if (p.accept(Role.LOWER)) {
                ops.add("LOWER");
            } else {
                break;
            }
            if (!p.acceptOp(",")) {
                p.accept(Role.AND);
            }
        }
        if (ops.isEmpty()) {
            return null;
        }
        Expr out = p.operand();
        if (out == null) {
            return null;
        }
        for (String op : ops) {
            out = new Expr.Fn(op, List.of(out));
        }
        return out;
    }

    /**
     * "acct_name (trimmed)", "status (trimmed, upper-cased)": the compared value as cleaned in the bracket after it;
     * the value unchanged when no such bracket follows.
     */
    /** The functions of a bracketed cleaning at the cursor ("(trimmed and upper-cased)"), in order; empty (unmoved) if none. */
    static List<String> bracketedCleaning(Parser p) {
        return bracketedCleaning(p, null);
    }

    /**
     * @param named the column the bracket may name again before its cleaning ("on STUDENT_ID (enrolment STUDENT_ID
     *              trimmed and upper-cased)")
     */
    static List<String> bracketedCleaning(Parser p, String named) {
        Expr marker = new Expr.Lit("");
        Expr out = cleaned(p, marker, named);
        List<String> fns = new ArrayList<>();
        while (out instanceof Expr.Fn f) {
            fns.add(0, f.name());
            out = f.args().get(0);
        }
        return fns;
    }

    static Expr cleaned(Parser p, Expr value) {
        return cleaned(p, value, null, null);
    }

    /**
     * As {@link #cleaned(Parser, Expr)}, and the words may say the comparison ignores case ("CALL_STATUS_CD, trimmed and
     * in any case, is 'X'"): {@code fold[0]} is then set, for the caller to compare both sides in upper case.
     */
    static Expr cleaned(Parser p, Expr value, boolean[] fold) {
        return cleaned(p, value, null, fold);
    }

    /** The comparison with both sides in upper case; null when it compares no text. */
    static Expr caseFolded(Expr test) {
        return folded(test);
    }

    private static Expr cleaned(Parser p, Expr value, String named) {
        return cleaned(p, value, named, null);
    }

    private static Expr cleaned(Parser p, Expr value, String named, boolean[] fold) {
        int m = p.mark();
        // "acct_name (trimmed)", "last_name, trimmed, is 'TEST'"
        String close = p.acceptOp("(") ? ")" : p.acceptOp(",") ? "," : null;
        if (close == null) {
            return bareParticiples(p, value);
        }
        if (named != null && close.equals(")")) {
            // "(enrolment STUDENT_ID trimmed ...)": the column named again, perhaps after its table's noun
            int at = p.mark();
            for (int i = 0; i < 2 && i + at < p.tokens().size(); i++) {
                if (p.tokens().get(at + i).text().equalsIgnoreCase(named)) {
                    p.reset(at + i + 1);
                    break;
                }
            }
        }
        Expr out = value;
        boolean any = false;
        do {
            p.accept(Role.AND);
            if (p.accept(Role.TRIM)) {
                out = new Expr.Fn("TRIM", List.of(out));
            } else if (p.accept(Role.UPPER)) {
                out = new Expr.Fn("UPPER", List.of(out));
            } else if (p.accept(Role.LOWER)) {
                out = new Expr.Fn("LOWER", List.of(out));
            } else if (fold != null && p.accept(Role.CASE_INSENSITIVE)) {
                // "trimmed and in any case": the comparison ignores case, both sides folded by the caller
                fold[0] = true;
            } else {
                p.reset(m);
                if (fold != null) {
                    fold[0] = false;
                }
                return value;
            }
            any = true;
        } while (close.equals(")") && p.acceptOp(",") || p.peek(Role.AND));
        if (!any || !p.acceptOp(close)) {
            p.reset(m);
            if (fold != null) {
                fold[0] = false;
            }
            return value;
        }
        return out;
    }

    /**
     * "TXN_TYPE trimmed and upper-cased = 'PMT'": participles right after the value and before a comparison sign; the
     * value cleaned so, or as it is (cursor unchanged).
     */
    private static Expr bareParticiples(Parser p, Expr value) {
        int m = p.mark();
        Expr out = value;
        boolean any = false;
        while (true) {
            String fn = p.accept(Role.TRIM) ? "TRIM" : p.accept(Role.UPPER) ? "UPPER" : p.accept(Role.LOWER) ? "LOWER" : null;
            if (fn == null) {
                break;
            }
            out = new Expr.Fn(fn, List.of(out));
            any = true;
            if (!p.accept(Role.AND)) {
                p.acceptOp(",");
            }
        }
        Token next = p.peekToken();
        if (!any || next == null || !(next.op("=") || next.op("<>") || next.op("!="))) {
            p.reset(m);
            return value;
        }
        return out;
    }

    /**
     * "title contains 'Manager' (case-insensitive)": the comparison of texts with both sides in upper case; a test
     * that compares no text is left as it is and the words stay unread (the rule is then flagged).
     */
    static Expr caseInsensitive(Parser p, Expr test) {
        Expr out = test;
        while (true) {
            int m = p.mark();
            boolean paren = p.acceptOp("(");
            if (!paren) {
                // "sub_status = TRIAL, any case", "void_flag = 'Y', any case, after trimming", "after trimming and ignoring case"
                p.acceptOp(",");
                p.accept(Role.AND);
            }
            Expr next = out;
            int read = 0;
            do {
                // "(either case, after trim)": what the bracket holds, one after another
                Expr step = null;
                if (p.accept(Role.CASE_AND_SPACES)) {
                    Expr folded = folded(next);
                    step = folded == null ? null : trimmedLeft(folded);
                } else if (p.accept(Role.CASE_INSENSITIVE)) {
                    step = folded(next);
                } else if (p.acceptWord("after") && p.accept(Role.TRIM) || p.accept(Role.SPACES_IGNORED)) {
                    // "(any case, ignore spaces)": padding around the value does not count
                    step = trimmedLeft(next);
                }
                if (step == null && paren && label(p)) {
                    // "(reversed, any case)": what the code means, beside how it is compared
                    continue;
                }
                if (step == null) {
                    break;
                }
                next = step;
                read++;
            } while (paren && p.acceptOp(","));
            if (read == 0 || paren && !p.acceptOp(")")) {
                p.reset(m);
                return out;
            }
            out = next;
        }
    }

    /**
     * Up to three plain words ending at a comma or the closing bracket: a label of the code compared ("reversed"); the
     * cursor after them, or false (unmoved).
     */
    private static boolean label(Parser p) {
        int m = p.mark();
        int words = 0;
        Token t;
        while ((t = p.rawPeek()) != null && t.kind() == Token.Kind.WORD && words < 3) {
            p.rawNext();
            words++;
        }
        if (words > 0 && t != null && (t.op(",") || t.op(")"))) {
            return true;
        }
        p.reset(m);
        return false;
    }

    /** [the] "cleaned" (or a word like it) at the cursor, the cursor after it; false (unmoved) otherwise. */
    static boolean cleanedWord(Parser p) {
        int m = p.mark();
        p.acceptWord("the");
        Token t = p.next();
        if (t != null && t.kind() == Token.Kind.WORD && ColumnReferences.CLEANED.contains(t.norm())) {
            return true;
        }
        p.reset(m);
        return false;
    }

    /**
     * A comparison of a cleaned code with text codes: the value trimmed, both sides in upper case; null when the test
     * compares no text (a cleaned code then says nothing the rule can do).
     */
    static Expr asCleanedCode(Expr test) {
        Expr trimmed = trimmedLeft(test);
        return trimmed == null ? null : folded(trimmed);
    }

    /** The test with the value it compares trimmed (a comparison, an IN list, LIKE); null for any other test. */
    private static Expr trimmedLeft(Expr test) {
        if (test instanceof Expr.Bin b && (b.op().equals("AND") || b.op().equals("OR"))) {
            Expr l = trimmedLeft(b.left());
            Expr r = trimmedLeft(b.right());
            return l == null || r == null ? null : new Expr.Bin(b.op(), l, r);
        }
        if (test instanceof Expr.Bin b && java.util.Set.of("=", "<>", "LIKE", "NOT LIKE").contains(b.op())) {
            return new Expr.Bin(b.op(), new Expr.Fn("TRIM", List.of(b.left())), b.right());
        }
        if (test instanceof Expr.InList in) {
            return new Expr.InList(new Expr.Fn("TRIM", List.of(in.expr())), in.items(), in.negated());
        }
        return null;
    }

    private static Expr folded(Expr test) {
        if (test instanceof Expr.Bin b && (b.op().equals("AND") || b.op().equals("OR"))) {
            Expr l = folded(b.left());
            Expr r = folded(b.right());
            return l == null || r == null ? null : new Expr.Bin(b.op(), l, r);
        }
        if (test instanceof Expr.Bin b && java.util.Set.of("=", "<>", "LIKE", "NOT LIKE").contains(b.op())
                && b.right() instanceof Expr.Lit l && l.value() instanceof String text) {
            return new Expr.Bin(b.op(), upper(b.left()), new Expr.Lit(text.toUpperCase(java.util.Locale.ROOT)));
        }
        if (test instanceof Expr.InList in && in.items().stream().allMatch(i -> i instanceof Expr.Lit l && l.value() instanceof String)) {
            return new Expr.InList(upper(in.expr()), in.items().stream().map(i -> (Expr) new Expr.Lit(
                    ((String) ((Expr.Lit) i).value()).toUpperCase(java.util.Locale.ROOT))).toList(), in.negated());
        }
        return null;
    }

    private static Expr upper(Expr e) {
        return new Expr.Fn("UPPER", List.of(e));
    }

}
