package io.aide.compiler.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A relative clause after a name, said of it as a bracket would be: "Parse tap_dttm, which is text in MM/DD/YYYY
 * HH24:MI:SS" reads as "Parse tap_dttm (text in MM/DD/YYYY HH24:MI:SS)". The clause runs to the end of its sentence or
 * the next comma; the bracket is then read as any other (a layout, a remark, or words the rule cannot place).
 */
final class RelativeClauses {
    private static final Set<String> VERBS = Set.of("is", "are", "was", "holds", "hold", "contains", "arrives", "comes", "carries");

    private RelativeClauses() {
    }

    static List<Token> bracketed(List<Token> tokens) {
        for (int i = 1; i + 3 < tokens.size(); i++) {
            if (!tokens.get(i).op(",") || !tokens.get(i - 1).nameLike()
                    || !(tokens.get(i + 1).is(Token.Kind.WORD, "which") || tokens.get(i + 1).is(Token.Kind.WORD, "that"))
                    || !VERBS.contains(tokens.get(i + 2).norm())) {
                continue;
            }
            int end = i + 3;
            int depth = 0;
            while (end < tokens.size() && !(depth == 0 && (tokens.get(end).kind() == Token.Kind.SEP || tokens.get(end).op(",")))) {
                depth += tokens.get(end).op("(") ? 1 : tokens.get(end).op(")") ? -1 : 0;
                end++;
            }
            if (depth != 0 || end == i + 3) {
                continue;
            }
            List<Token> out = new ArrayList<>(tokens.subList(0, i));
            out.add(Token.of(Token.Kind.OP, "("));
            out.addAll(tokens.subList(i + 3, end));
            out.add(Token.of(Token.Kind.OP, ")"));
            out.addAll(tokens.subList(end, tokens.size()));
            return out;
        }
        return tokens;
    }
}
