package io.aide.compiler.lang;

import io.aide.compiler.rules.RuleContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Calls written with empty parentheses over the row's one source column: "upper(trim())" reads that column. */
final class ImplicitArguments {

    private ImplicitArguments() {
    }

    /** Functions of one value: written with empty parentheses ("upper(trim())"), they read the row's source column. */
    private static final Set<String> ONE_VALUE_FUNCTIONS = Set.of("upper", "lower", "trim", "ltrim",
            "rtrim", "initcap", "length", "len", "abs", "round", "floor", "ceil", "ceiling", "reverse", "md5", "sha256",
            "sha2", "ucase", "lcase", "proper", "strip", "squish", "clean");

    /** "upper(trim())" over one source column: the innermost empty call reads that column. */
    static List<Token> filled(List<Token> tokens, RuleContext ctx) {
        if (ctx.sources().size() != 1) {
            return tokens;
        }
        List<Token> out = null;
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (tokens.get(i).kind() == Token.Kind.WORD && ONE_VALUE_FUNCTIONS.contains(tokens.get(i).norm())
                    && tokens.get(i + 1).op("(") && tokens.get(i + 2).op(")")) {
                if (out == null) {
                    out = new ArrayList<>(tokens);
                }
                out.add(i + 2 + (out.size() - tokens.size()), Token.of(Token.Kind.IDENT, ctx.sources().get(0).column()));
            }
        }
        return out == null ? tokens : out;
    }
}
