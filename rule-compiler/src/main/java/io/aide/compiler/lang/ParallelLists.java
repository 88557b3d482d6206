package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A value map written as two parallel lists: "'Yes'/'No' -> 1/0", "M/F => Male/Female", "'Y','N' -> true, false".
 * <pre>
 * rule := value {("/" | ",") value} ("->" | "=>" | ">" | TO | BECOMES) value {("/" | ",") value}
 * </pre>
 * Both lists must have the same length; the i-th input becomes the i-th output, any other value NULL. Outputs are read
 * as the target's type (1/0, yes/no, true/false for a boolean target).
 */
final class ParallelLists implements Recognizer {

    @Override
    public Recognition recognize(Parser p) {
        // "Map 1/0 to Yes/No", "Convert 'Y'/'N' to true/false": a verb before the lists says nothing more
        while (p.accept(io.aide.compiler.lang.Lexicon.Role.MAP) || p.acceptWord("convert") || p.acceptWord("converted")) {
            p.acceptOp(":");
        }
        List<Token> from = list(p);
        if (from.size() < 2 || !(p.acceptOp("->") || p.acceptOp("=>") || p.acceptOp(">") || p.accept(io.aide.compiler.lang.Lexicon.Role.TO)
                || p.accept(io.aide.compiler.lang.Lexicon.Role.BECOMES))) {
            return Recognition.NOT_MINE;
        }
        List<Token> to = list(p);
        if (to.size() != from.size() || !p.atEnd()) {
            return to.size() < 2 ? Recognition.NOT_MINE
                    : new Recognition.Flagged("a value map with " + from.size() + " inputs and " + to.size() + " outputs");
        }
        if (p.ctx().sources().size() != 1) {
            return new Recognition.Flagged("a value map needs one source column; the row names " + p.ctx().sources().size());
        }
        Expr source = p.ctx().sources().get(0);
        List<Expr.When> whens = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        for (int i = 0; i < from.size(); i++) {
            Expr out = output(to.get(i), p.targetType());
            if (out == null) {
                return new Recognition.Flagged("value map output " + to.get(i) + " is not a " + p.targetType());
            }
            whens.add(new Expr.When(new Expr.Bin("=", source, new Expr.Lit(from.get(i).text())), out));
            accepted.add(to.get(i).text());
        }
        return new Recognition.Recognized(new Expr.Case(whens, null), null, accepted, "value map (parallel lists)");
    }

    private static List<Token> list(Parser p) {
        List<Token> out = new ArrayList<>();
        do {
            Token t = p.rawPeek();
            if (t == null || !(t.kind() == Token.Kind.STRING || t.kind() == Token.Kind.NUMBER || t.kind() == Token.Kind.WORD)) {
                break;
            }
            p.rawNext();
            out.add(t);
        } while (p.acceptOp("/") || p.acceptOp(","));
        return out;
    }

    private static Expr output(Token t, SqlType target) {
        String v = t.text();
        String l = v.toLowerCase(Locale.ROOT);
        if (target.kind() == SqlType.Kind.BOOLEAN) {
            if (l.matches("1|true|yes|y|t")) {
                return new Expr.Lit(Boolean.TRUE);
            }
            if (l.matches("0|false|no|n|f")) {
                return new Expr.Lit(Boolean.FALSE);
            }
            return null;
        }
        if (t.kind() == Token.Kind.NUMBER && target.numeric()) {
            return v.contains(".") ? new Expr.Lit(new BigDecimal(v)) : new Expr.Lit(Long.parseLong(v));
        }
        if (t.kind() == Token.Kind.NUMBER && target.known() && target.kind() != SqlType.Kind.VARCHAR) {
            return null;
        }
        return l.equals("null") ? new Expr.TypedNull(target) : new Expr.Lit(v);
    }
}
