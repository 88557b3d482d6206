package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;

import java.util.List;
import java.util.Set;

/**
 * A timestamp read from a text without seconds, then that its seconds are zero: "Convert to timestamp, seconds = 00",
 * "..., seconds always 00", "... (no seconds)". The parse gives zero seconds already, so the clause asks for nothing
 * more; said of a layout with seconds it is no such remark.
 */
final class SecondsSaidZero {
    private static final Set<String> WORDS = Set.of("seconds", "second", "secs", "are", "is", "always", "no", "zero", "set", "to",
            "with", "at", "as");

    private SecondsSaidZero() {
    }

    /** Where the clause that says the seconds are zero starts (at a comma or sentence end), or -1 when the tokens end with none. */
    static int clauseStart(List<Token> tokens) {
        for (int at = tokens.size() - 1; at > 0; at--) {
            Token t = tokens.get(at);
            if (t.op(",") || t.kind() == Token.Kind.SEP) {
                List<Token> clause = tokens.subList(at + 1, tokens.size()).stream()
                        .filter(x -> !(x.op("=") || x.op(":") || x.kind() == Token.Kind.SEP || x.op("(") || x.op(")"))).toList();
                boolean named = clause.stream().anyMatch(x -> x.kind() == Token.Kind.WORD && x.norm().startsWith("sec"));
                boolean zero = clause.stream().allMatch(x -> x.kind() == Token.Kind.WORD && WORDS.contains(x.norm())
                        || x.kind() == Token.Kind.NUMBER && x.text().matches("0+"));
                return named && zero && !clause.isEmpty() && clause.size() <= 4 ? at : -1;
            }
        }
        return -1;
    }

    /** The value parses a text laid out without seconds into a timestamp. */
    static boolean withoutSeconds(Expr value) {
        boolean[] parsed = {false};
        boolean[] seconds = {false};
        Expr.visit(value, x -> {
            if (x instanceof Expr.ParseDate d && d.timestamp()) {
                parsed[0] = true;
                seconds[0] |= d.strftime().contains("%S");
            }
        });
        return parsed[0] && !seconds[0];
    }
}
