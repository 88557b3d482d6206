package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Generated surrogate keys: "System generated", "sequence number", "auto-increment", "incremental integer";
 * "unique per combination of a + b" gives one number per combination (DENSE_RANK), "per x ordered by y" numbers the
 * rows of each x (ROW_NUMBER ... PARTITION BY).
 */
final class GeneratedKeys implements Recognizer {

    @Override
    public Recognition recognize(Parser p) {
        p.accept(Role.SET);
        if (!p.accept(Role.GENERATED)) {
            return Recognition.NOT_MINE;
        }
        while (p.accept(Role.GENERATED)) {
            // "system generated sequence number"
        }
        List<Expr> partition = new ArrayList<>();
        List<Expr.Order> order = new ArrayList<>();
        boolean unique = false;
        Expr offset = null;
        while (!p.atEnd()) {
            p.acceptSeparator();
            int m = p.mark();
            if (p.acceptOp("+")) {
                // "+ 110000000000 (offset)": numbers start after an offset
                Expr n = p.literal();
                if (!(n instanceof Expr.Lit l) || !(l.value() instanceof Long) || offset != null) {
                    p.reset(m);
                    return p.notUnderstood();
                }
                offset = n;
            } else if (p.accept(Role.UNIQUE)) {
                if (!p.accept(Role.PER)) {
                    p.reset(m);
                    return p.notUnderstood();
                }
                if (perRow(p)) {
                    continue;
                }
                List<Expr> cols = columns(p);
                if (cols == null) {
                    return p.notUnderstood();
                }
                unique = true;
                cols.forEach(c -> order.add(new Expr.Order(c, false)));
            } else if (p.accept(Role.ORDERED_BY)) {
                List<Expr> cols = columns(p);
                if (cols == null) {
                    return p.notUnderstood();
                }
                cols.forEach(c -> order.add(new Expr.Order(c, false)));
            } else if (p.accept(Role.PER)) {
                int afterPer = p.mark();
                List<Expr> cols = columns(p);
                if (cols == null) {
                    // "for each COST record", "per each row in drug_exposure": one number per row of the target
                    p.reset(afterPer);
                    if (!perRow(p)) {
                        p.reset(m);
                        return p.notUnderstood();
                    }
                    continue;
                }
                partition.addAll(cols);
            } else {
                return p.notUnderstood();
            }
        }
        Expr window = unique ? new Expr.Window("DENSE_RANK", List.of(), partition, order)
                : new Expr.Window("ROW_NUMBER", List.of(), partition, order);
        Expr key = offset == null ? window : new Expr.Bin("+", window, offset);
        return new Recognition.Recognized(key, null, List.of(), "generated key");
    }

    /** column ((, | + | and) column)*; a separator not followed by a column is left for what follows ("+ 1000 (offset)"). */
    static List<Expr> columns(Parser p) {
        List<Expr> out = new ArrayList<>();
        int beforeSeparator = p.mark();
        do {
            Expr c = p.column();
            if (c == null) {
                if (out.isEmpty()) {
                    return null;
                }
                p.reset(beforeSeparator);
                break;
            }
            out.add(c);
            beforeSeparator = p.mark();
        } while (p.acceptOp(",") || p.acceptOp("+") || p.accept(Role.AND));
        return out;
    }

    /**
     * "each row in drug_exposure", "each row measurement", "each COST record": one number per row of the target; a
     * table named must be the row's own target or source table.
     */
    private static boolean perRow(Parser p) {
        int m = p.mark();
        Token first = p.next();
        if (first != null && ROW_WORDS.contains(first.norm())) {
            int afterRow = p.mark();
            p.accept(Role.FROM);
            Token table = p.next();
            if (table != null && table.nameLike() && (ownTable(table.text(), p.ctx().row().targetTable())
                    || ownTable(table.text(), p.ctx().row().sourceTable()))) {
                p.accept(Role.TABLE);
                return true;
            }
            p.reset(afterRow);
            return true;
        }
        Token second = p.next();
        if (first != null && second != null && first.nameLike() && ROW_WORDS.contains(second.norm())) {
            return true;
        }
        p.reset(m);
        return false;
    }

    private static final java.util.Set<String> ROW_WORDS = java.util.Set.of("row", "rows", "record", "records");

    private static boolean ownTable(String written, String table) {
        if (table == null) {
            return false;
        }
        String t = table.trim();
        return written.equalsIgnoreCase(t) || written.equalsIgnoreCase(t.substring(t.lastIndexOf('.') + 1));
    }
}
