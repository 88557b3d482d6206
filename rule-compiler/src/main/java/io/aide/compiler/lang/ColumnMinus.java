package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.rules.RuleContext;

import java.util.ArrayList;
import java.util.List;

/**
 * A minus written without spaces between two of the row's names: "ADT-ADSL.TRTSDT+1" is ADT - ADSL.TRTSDT + 1. The
 * lexer joins "word-word" into one hyphenated word (system-generated, Mon-Fri, auto-increment); only where both words
 * name known columns is the hyphen an operator.
 */
final class ColumnMinus {

    private ColumnMinus() {
    }

    static List<Token> split(List<Token> tokens, RuleContext ctx, Lexicon lexicon) {
        List<Token> out = null;
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.hyphenated() || !known(t, ctx, lexicon) || !known(tokens.get(i + 1), ctx, lexicon)) {
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(tokens);
            }
            int at = i + (out.size() - tokens.size());
            out.set(at, new Token(t.kind(), t.text(), t.norm(), false));
            out.add(at + 1, Token.of(Token.Kind.OP, "-"));
        }
        return out == null ? tokens : out;
    }

    private static boolean known(Token t, RuleContext ctx, Lexicon lexicon) {
        if (t.kind() != Token.Kind.WORD && t.kind() != Token.Kind.NAME) {
            return false;
        }
        Parser p = new Parser(List.of(new Token(t.kind(), t.text(), t.norm(), false)), ctx, lexicon);
        return p.column() instanceof Expr.Col c && p.atEnd() && ctx.known(c);
    }
}
