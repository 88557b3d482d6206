package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;

import java.util.List;
import java.util.Set;

/**
 * A rule said by pointing at another column of the target: "As trip_start_ts.", "Same format and handling as
 * reported_at.", "Same as IMPORT_KWH". The other column's value, read from its one source column, is read the same way
 * from this row's one source column of the same table.
 * <pre>
 * same := (AS [FOR | PER] | SAME {kind-word | AND} AS | LIKE | IDENTICAL TO) target-column [SEP]
 * </pre>
 * Flagged when the other column's value reads anything else (another column, a lookup, a window) or this row has not
 * exactly one source column of that table: then "the same" cannot be said of it without guessing.
 */
final class SameRuleAs implements Recognizer {
    /** Words for what is the same ("Same format and handling as ..."). */
    private static final Set<String> KINDS = Set.of("format", "formatting", "handling", "rule", "rules", "logic", "cleaning",
            "cleansing", "clean-up", "cleanup", "conversion", "treatment", "parsing", "transformation", "derivation", "mapping",
            "approach", "method", "steps", "processing", "and", "the", "way");

    @Override
    public Recognition recognize(Parser p) {
        int m = p.mark();
        if (!lead(p)) {
            p.reset(m);
            return Recognition.NOT_MINE;
        }
        Token named = p.rawNext();
        String target = p.ctx().row().targetTable();
        if (named == null || target == null || named.kind() != Token.Kind.WORD
                || !p.ctx().namesTargetColumn(bare(named)) || bare(named).equalsIgnoreCase(p.ctx().row().targetColumn())) {
            p.reset(m);
            return Recognition.NOT_MINE;
        }
        if (!p.atEnd()) {
            // words after the column: a restatement or a change, read by other shapes
            p.reset(m);
            return Recognition.NOT_MINE;
        }
        Expr other = p.ctx().resolve(target, bare(named));
        List<Expr.Col> read = other == null ? List.of() : Expr.columns(other).stream().distinct().toList();
        List<Expr.Col> own = p.ctx().sources();
        if (read.size() != 1 || own.size() != 1 || read.get(0).relation() == null
                || !read.get(0).relation().equalsIgnoreCase(own.get(0).relation()) || windowOrAggregate(other)) {
            p.problem("'" + bare(named) + "' is said to be done the same way, but its value reads "
                    + (read.size() == 1 ? "a column this row cannot stand in for" : read.size() + " columns")
                    + ": write this column's rule out");
            return p.notUnderstood();
        }
        Expr.Col theirs = read.get(0);
        Expr.Col mine = own.get(0);
        Expr value = Expr.mapColumns(other, c -> c.equals(theirs) ? mine : c);
        p.reset(p.tokens().size());
        return new Recognition.Recognized(value, null, List.of(), "the rule of " + bare(named) + ", read from " + mine.column(),
                false);
    }

    /** AS [FOR | PER] | SAME {kind} AS | LIKE | IDENTICAL TO | SEE: the cursor after it, or false. */
    private static boolean lead(Parser p) {
        Token first = p.rawNext();
        if (first == null || first.kind() != Token.Kind.WORD) {
            return false;
        }
        switch (first.norm()) {
            case "as" -> {
                if (p.rawPeek() != null && (p.rawPeek().is(Token.Kind.WORD, "for") || p.rawPeek().is(Token.Kind.WORD, "per"))) {
                    p.rawNext();
                }
                return true;
            }
            case "like" -> {
                return true;
            }
            case "identical" -> {
                Token to = p.rawNext();
                return to != null && (to.is(Token.Kind.WORD, "to") || to.is(Token.Kind.WORD, "with"));
            }
            case "same" -> {
                Token t;
                while ((t = p.rawNext()) != null && t.kind() == Token.Kind.WORD && KINDS.contains(t.norm())) {
                    // "Same format and handling as"
                }
                return t != null && t.is(Token.Kind.WORD, "as");
            }
            default -> {
                return false;
            }
        }
    }

    private static String bare(Token t) {
        return t.text();
    }

    private static boolean windowOrAggregate(Expr e) {
        boolean[] found = {Expr.hasAggregate(e)};
        Expr.visit(e, x -> found[0] |= x instanceof Expr.Window);
        return found[0];
    }
}
