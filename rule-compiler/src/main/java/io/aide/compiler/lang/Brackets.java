package io.aide.compiler.lang;

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
}
