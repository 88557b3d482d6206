package io.aide.compiler;

import io.aide.compiler.plan.Expr;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a target's rules clean a code column before they compare it with codes ("Trim/upper, then HK = Confirmed, ..."),
 * or give it cleaned as a column of its own ("attendance_code: upper(trim())"):
 * the same comparison in a filter of that target ("only SEG_STATUS HK or TK is loaded") reads the column cleaned the
 * same way, so that ' hk' is kept by the filter as it is mapped by the rule. A column cleaned two ways is left as the
 * filter writes it.
 */
final class CodeCleaning {

    private CodeCleaning() {
    }

    /** Each source column the values compare with text codes after a cleaning (trim, upper), with that cleaning. */
    static Map<Expr.Col, Expr> of(Collection<Expr> values) {
        Map<Expr.Col, Expr> out = new HashMap<>();
        Map<Expr.Col, Boolean> ambiguous = new HashMap<>();
        for (Expr v : values) {
            if (v == null) {
                continue;
            }
            Expr.Col whole = cleanedColumn(v);
            if (whole != null) {
                // "attendance_code: upper(trim())": a column that is the code cleaned says how its codes are meant
                Expr before = out.putIfAbsent(whole, v);
                if (before != null && !before.equals(v)) {
                    ambiguous.put(whole, true);
                }
            }
            Expr.rewrite(v, x -> {
                Expr.Col col = null;
                Expr side = null;
                if (x instanceof Expr.Bin b && (b.op().equals("=") || b.op().equals("<>")) && b.right() instanceof Expr.Lit l
                        && l.value() instanceof String) {
                    side = b.left();
                } else if (x instanceof Expr.InList in) {
                    side = in.expr();
                }
                col = side == null ? null : cleanedColumn(side);
                if (col != null) {
                    Expr before = out.putIfAbsent(col, side);
                    if (before != null && !before.equals(side)) {
                        ambiguous.put(col, true);
                    }
                }
                return x;
            });
        }
        ambiguous.keySet().forEach(out::remove);
        return out;
    }

    /** The filter with each raw comparison of a cleaned column with upper-case codes made on the cleaned value. */
    static Expr apply(Expr filter, Map<Expr.Col, Expr> cleaned) {
        return apply(filter, cleaned, false);
    }

    /**
     * ... and, in a filter, each test of how a cleaned code starts or ends ("anything starting ZZ" on a code the rules
     * upper-case: ' zz1' starts so too).
     */
    static Expr applyToFilter(Expr filter, Map<Expr.Col, Expr> cleaned) {
        return apply(filter, cleaned, true);
    }

    private static Expr apply(Expr filter, Map<Expr.Col, Expr> cleaned, boolean likes) {
        if (cleaned.isEmpty()) {
            return filter;
        }
        return Expr.rewrite(filter, x -> {
            if (x instanceof Expr.Bin b && (b.op().equals("=") || b.op().equals("<>")) && b.left() instanceof Expr.Col c
                    && cleaned.containsKey(c) && upperCode(b.right())) {
                return new Expr.Bin(b.op(), cleaned.get(c), b.right());
            }
            if (likes && x instanceof Expr.Bin like && like.op().equals("LIKE") && upperCode(like.right())) {
                // "anything starting ZZ" on a code the rules upper-case: ' zz1' starts so too
                Expr.Col c = like.left() instanceof Expr.Col bare ? bare : cleanedColumn(like.left());
                if (c != null && cleaned.containsKey(c) && wrappers(cleaned.get(c)).containsAll(wrappers(like.left()))) {
                    // (never a weaker cleaning than the test has: "UPPER(TRIM(code)) LIKE 'TST%'" stays)
                    return new Expr.Bin("LIKE", cleaned.get(c), like.right());
                }
            }
            if (x instanceof Expr.InList in && in.expr() instanceof Expr.Col c && cleaned.containsKey(c)
                    && in.items().stream().allMatch(CodeCleaning::upperCode)) {
                return new Expr.InList(cleaned.get(c), in.items(), in.negated());
            }
            return x;
        });
    }

    /** The names of the UPPER and TRIM calls around a column. */
    private static java.util.Set<String> wrappers(Expr e) {
        java.util.Set<String> out = new java.util.HashSet<>();
        Expr x = e;
        while (x instanceof Expr.Fn f && f.args().size() == 1) {
            out.add(f.name().toUpperCase(Locale.ROOT));
            x = f.args().get(0);
        }
        return out;
    }

    /** UPPER(TRIM(col)), TRIM(UPPER(col)), TRIM(col), UPPER(col): the column; null for anything else. */
    private static Expr.Col cleanedColumn(Expr e) {
        Expr x = e;
        int wrappers = 0;
        while (x instanceof Expr.Fn f && f.args().size() == 1 && List.of("UPPER", "TRIM").contains(f.name().toUpperCase(Locale.ROOT))) {
            x = f.args().get(0);
            wrappers++;
        }
        return wrappers > 0 && x instanceof Expr.Col c ? c : null;
    }

    private static boolean upperCode(Expr e) {
        return e instanceof Expr.Lit l && l.value() instanceof String s && s.equals(s.toUpperCase(Locale.ROOT)) && s.equals(s.trim());
    }
}
