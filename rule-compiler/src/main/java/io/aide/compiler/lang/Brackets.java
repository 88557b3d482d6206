package io.aide.compiler.lang;

import java.util.ArrayList;
import java.util.List;

/** Brackets in a run of tokens. */
final class Brackets {

    private Brackets() {
    }

    /** The index of the bracket that closes the one at {@code open}, or -1. */
    static int closing(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            depth += tokens.get(i).op("(") ? 1 : tokens.get(i).op(")") ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * "Direct (trimmed)", "1:1 (cast to integer)": the copy's words, a comma and what its bracket holds, when the rule is
     * a copy and one bracket; null otherwise.
     */
    static List<Token> afterCopy(List<Token> tokens, Lexicon lexicon) {
        int copy = Math.max(lexicon.match(Lexicon.Role.COPY, tokens, 0), lexicon.match(Lexicon.Role.AS_IS, tokens, 0));
        if (copy == 0 || copy >= tokens.size() || !tokens.get(copy).op("(")) {
            return null;
        }
        int close = closing(tokens, copy);
        if (close < 0 || close - copy < 2 || close + 1 < tokens.size() && tokens.get(close + 1).kind() != Token.Kind.SEP) {
            return null;
        }
        List<Token> out = new ArrayList<>(tokens.subList(0, copy));
        out.add(Token.of(Token.Kind.OP, ","));
        out.addAll(tokens.subList(copy + 1, close));
        // "Direct (trim). One row per visit.": the sentences after it read as they are
        out.addAll(tokens.subList(close + 1, tokens.size()));
        return out;
    }
}
