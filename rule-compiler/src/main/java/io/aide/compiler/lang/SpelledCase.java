package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;

/** The case of a value spelled out in words rather than named ("first character upper case, the rest lower case"). */
final class SpelledCase {

    private SpelledCase() {
    }

    /**
     * The case of a sentence spelled out: [UPPER-verb (":" | "," | "-")] FIRST_LETTER UPPER [(AND | "," | ";")]
     * REST_LETTERS LOWER ("capitalise: first character upper case, remaining characters lower case"); the cursor moves
     * past it when it is there.
     */
    static boolean sentenceCase(Parser p) {
        int m = p.mark();
        if (p.accept(Role.UPPER) && !(p.acceptOp(":") || p.acceptOp(",") || p.acceptOp("-"))) {
            p.reset(m);
        }
        // "first letter capital, rest lower"
        if (p.accept(Role.FIRST_LETTER) && (p.accept(Role.UPPER) || p.acceptWord("capital"))) {
            boolean joined = p.acceptOp(",") || p.acceptOp(";");
            if (!p.accept(Role.AND) && !joined) {
                p.acceptOp("-");
            }
            if (p.accept(Role.REST_LETTERS) && p.accept(Role.LOWER)) {
                return true;
            }
        }
        p.reset(m);
        return false;
    }

}
