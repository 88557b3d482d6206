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
        while (!p.atEnd()) {
            p.acceptSeparator();
            int m = p.mark();
            if (p.accept(Role.UNIQUE)) {
                if (!p.accept(Role.PER)) {
                    p.reset(m);
                    return p.notUnderstood();
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
                    // "for each COST record": one number per row of the target
                    p.reset(afterPer);
                    Token t = p.next();
                    Token r = p.next();
                    if (t == null || r == null || !(r.norm().equals("record") || r.norm().equals("row"))) {
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
        Expr key = unique ? new Expr.Window("DENSE_RANK", List.of(), partition, order)
                : new Expr.Window("ROW_NUMBER", List.of(), partition, order);
        return new Recognition.Recognized(key, null, List.of(), "generated key");
    }

    /** column ((, | + | and) column)* */
    static List<Expr> columns(Parser p) {
        List<Expr> out = new ArrayList<>();
        do {
            Expr c = p.column();
            if (c == null) {
                return null;
            }
            out.add(c);
        } while (p.acceptOp(",") || p.acceptOp("+") || p.accept(Role.AND));
        return out;
    }
}
