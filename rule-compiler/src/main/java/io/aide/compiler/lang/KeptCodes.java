package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;

import java.util.ArrayList;
import java.util.List;

/**
 * Codes kept as they are, and one value for any other:
 * <pre>
 * kept := [keep] code {("/" | "," | OR | AND) code} [AS_IS | kept | stay | remain] ["," | SEP] ELSE [BECOMES | "="] literal
 * </pre>
 * "M/F; anything else U", "M or F, anything else U", "Y, N kept; others 'U'", "Keep M and F, anything else U". The codes are compared as written
 * (trimmed); a missing value is "anything else" too.
 */
final class KeptCodes implements Recognizer {
    private static final java.util.Set<String> KEEP = java.util.Set.of("kept", "keep", "stay", "stays", "remain", "remains",
            "retained", "unchanged");

    @Override
    public Recognition recognize(Parser p) {
        List<Expr> codes = new ArrayList<>();
        p.accept(Role.USE);
        Token verb = p.peekToken();
        boolean keepFirst = verb != null && KEEP.contains(verb.norm());
        if (keepFirst) {
            // "Keep M and F, anything else U"
            p.next();
        }
        int separator = p.mark();
        while (true) {
            Token t = p.rawPeek();
            if (t == null || !(t.kind() == Token.Kind.STRING || t.kind() == Token.Kind.WORD && t.text().matches("[A-Z0-9]{1,4}")
                    || t.kind() == Token.Kind.NUMBER)) {
                if (codes.isEmpty()) {
                    return Recognition.NOT_MINE;
                }
                // "M or F, anything else U": the comma closes the list
                p.reset(separator);
                break;
            }
            p.rawNext();
            codes.add(new Expr.Lit(t.text()));
            separator = p.mark();
            if (!(p.acceptOp("/") || p.acceptOp(",") || p.accept(Role.OR) || p.accept(Role.AND))) {
                break;
            }
        }
        if (codes.size() < 2) {
            return Recognition.NOT_MINE;
        }
        Token keep = keepFirst ? null : p.peekToken();
        if (keep != null && KEEP.contains(keep.norm())) {
            p.next();
            p.accept(Role.AS_IS);
        } else {
            p.accept(Role.AS_IS);
        }
        p.acceptOp(",");
        p.acceptSeparator();
        if (!p.accept(Role.ELSE)) {
            return Recognition.NOT_MINE;
        }
        if (!p.acceptOp("=") && !p.acceptOp("->")) {
            p.accept(Role.BECOMES);
        }
        Expr other = p.literal();
        if (other == null) {
            Token code = p.rawPeek();
            if (code != null && code.kind() == Token.Kind.WORD && code.text().matches("[A-Z0-9]{1,4}")) {
                p.rawNext();
                other = new Expr.Lit(code.text());
            }
        }
        if (other == null || !p.atEnd() || p.ctx().sources().size() != 1) {
            return Recognition.NOT_MINE;
        }
        Expr x = p.ctx().sources().get(0);
        Expr trimmed = new Expr.Fn("TRIM", List.of(new Expr.Cast(x, SqlType.VARCHAR, false)));
        return new Recognition.Recognized(new Expr.Case(List.of(new Expr.When(new Expr.InList(trimmed, codes, false), trimmed)),
                other), null, codes.stream().map(c -> String.valueOf(((Expr.Lit) c).value())).toList(), "codes kept, others one value");
    }
}
