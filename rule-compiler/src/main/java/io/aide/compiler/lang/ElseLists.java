package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;

/**
 * Values named before the else they belong to, as examples of it: "false for DOM, blank or anything else" (a branch's
 * value first), "N, blank or anything else = false" (a map's last key list). The named values go to the else like any
 * other value; an earlier branch that names one of them still comes first.
 * <pre>
 * named-else := [IF] item {("," | OR) item} ("," | OR) ELSE
 * item       := code (up to four capitals or digits) | 'text' | number | BLANK | NULL
 * </pre>
 */
final class ElseLists {
    private static final int MAX_ITEMS = 6;

    private ElseLists() {
    }

    /**
     * The cursor moves past the else when the words from it are such a list; otherwise it stays.
     *
     * @param withIf the list follows its branch's value ("false for ..."), so an IF word opens it
     */
    static boolean namedThenElse(Parser p, boolean withIf) {
        int m = p.mark();
        if (withIf && !p.accept(Role.IF)) {
            return false;
        }
        int items = 0;
        while (items <= MAX_ITEMS && !p.atEnd()) {
            if (items > 0 && p.accept(Role.ELSE)) {
                // a map's key list goes on to its value ("... or anything else = false"); "3 otherwise" is a value first
                Token next = p.peekToken();
                if (withIf || next != null && (next.op("=") || next.op("->") || next.op("=>") || next.op(":") || next.op(",")
                        || p.peek(Role.BECOMES))) {
                    return true;
                }
                break;
            }
            if (items > 0 && (p.acceptOp(",") || p.accept(Role.OR))) {
                continue;
            }
            if (p.accept(Role.BLANK) || p.accept(Role.NULL)) {
                items++;
                continue;
            }
            Token t = p.peekToken();
            if (t == null || !(t.kind() == Token.Kind.STRING || t.kind() == Token.Kind.NUMBER
                    || t.kind() == Token.Kind.WORD && t.text().matches("[A-Z0-9]{1,4}"))) {
                break;
            }
            p.next();
            items++;
        }
        p.reset(m);
        return false;
    }
}
