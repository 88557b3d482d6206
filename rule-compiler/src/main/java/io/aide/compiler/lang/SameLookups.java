package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.rules.RuleContext;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A value read from the row another column of the target looks up: "From the same ref_course match, DEPT_CD trimmed
 * and upper case", "Same ref_department lookup: division_nm, trimmed", "from the same ref_depot lookup as depot_name".
 * <pre>
 * same := [FROM] [the] SAME table (match | lookup | look-up | join | row) [AS column] ["," | ":"] rule
 * </pre>
 * The rule after it is read as any rule; each column of the reference table it reads becomes the lookup of that column
 * on the matches the other column's lookup makes (its cleaning included). Null when the words are no such thing; flagged
 * when no other column of the target looks the table up, or several do on different matches.
 */
final class SameLookups {
    private static final java.util.Set<String> KINDS = java.util.Set.of("match", "lookup", "look-up", "join", "row", "record",
            "entry", "reference");

    private SameLookups() {
    }

    static Recognition read(List<Token> tokens, RuleContext ctx, Function<List<Token>, Recognition> rule) {
        int i = 0;
        if (i < tokens.size() && tokens.get(i).is(Token.Kind.WORD, "from")) {
            i++;
        }
        if (i < tokens.size() && tokens.get(i).is(Token.Kind.WORD, "the")) {
            i++;
        }
        if (i + 2 >= tokens.size() || !tokens.get(i).is(Token.Kind.WORD, "same") || !tokens.get(i + 1).nameLike()) {
            return null;
        }
        String table = tokens.get(i + 1).text();
        i += 2;
        if (tokens.get(i).is(Token.Kind.WORD, "look") && i + 1 < tokens.size() && tokens.get(i + 1).is(Token.Kind.WORD, "up")) {
            i++;
        }
        if (!KINDS.contains(tokens.get(i).norm())) {
            return null;
        }
        i++;
        String sibling = null;
        if (i + 1 < tokens.size() && tokens.get(i).is(Token.Kind.WORD, "as") && tokens.get(i + 1).nameLike()) {
            sibling = tokens.get(i + 1).text();
            i += 2;
        }
        while (i < tokens.size() && (tokens.get(i).op(",") || tokens.get(i).op(":") || tokens.get(i).kind() == Token.Kind.SEP)) {
            i++;
        }
        if (i >= tokens.size()) {
            return null;
        }
        List<Expr.Match> matches = siblingMatches(ctx, table, sibling);
        if (matches == null) {
            return new Recognition.Flagged("no other column of the target looks up " + table + (sibling == null ? "" : " as "
                    + sibling + " is said to") + ": say what the lookup matches on");
        }
        if (!(rule.apply(tokens.subList(i, tokens.size())) instanceof Recognition.Recognized ok)) {
            return null;
        }
        boolean[] reads = {false};
        Expr looked = Expr.mapColumns(ok.expr(), c -> {
            if (c.relation() != null && c.relation().equalsIgnoreCase(table)) {
                reads[0] = true;
                return new Expr.Lookup(table, c.column(), matches);
            }
            return c;
        });
        if (!reads[0]) {
            return null;
        }
        return new Recognition.Recognized(looked, table, ok.accepted(), ok.note() + ", from the same lookup in " + table,
                ok.keepUnmatched());
    }

    /** The matches of the other columns' lookups in the table (the sibling's alone when named); null when none or they differ. */
    private static List<Expr.Match> siblingMatches(RuleContext ctx, String table, String sibling) {
        String target = ctx.row().targetTable();
        if (target == null) {
            return null;
        }
        List<List<Expr.Match>> found = new ArrayList<>();
        for (String column : ctx.targetColumnsFrom(table)) {
            if (sibling != null && !column.equalsIgnoreCase(sibling)) {
                continue;
            }
            Expr value = ctx.resolve(target, column);
            if (value == null) {
                continue;
            }
            Expr.visit(value, x -> {
                if (x instanceof Expr.Lookup l && l.table().equalsIgnoreCase(table) && !found.contains(l.matches())) {
                    found.add(l.matches());
                }
            });
        }
        return found.size() == 1 ? found.get(0) : null;
    }
}
