package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;

/** A type said in words ("integer", "a decimal number", "varchar(32)"), as a cast's target. */
final class TypeWords {

    private TypeWords() {
    }

    /** A type word; a number keeps the target's numeric type when it has one. */
    static SqlType type(Parser p) {
        SqlType t = baseType(p);
        if (t != null) {
            precision(p);
        }
        return t;
    }

    /** "(10, 2)", "(32)" after a type: the target's declared type says the precision. */
    private static void precision(Parser p) {
        int m = p.mark();
        if (!p.acceptOp("(")) {
            return;
        }
        Token n = p.next();
        if (n == null || n.kind() != Token.Kind.NUMBER) {
            p.reset(m);
            return;
        }
        if (p.acceptOp(",")) {
            Token s = p.next();
            if (s == null || s.kind() != Token.Kind.NUMBER) {
                p.reset(m);
                return;
            }
        }
        if (!p.acceptOp(")")) {
            p.reset(m);
        }
    }

    private static SqlType baseType(Parser p) {
        SqlType target = p.targetType();
        if (p.peek(Role.DATE_KEY)) {
            // "as integer key YYYYMMDD": a date key, not a cast of the date to a number
            return null;
        }
        if (p.accept(Role.TYPE_INTEGER)) {
            return target.kind() == SqlType.Kind.BIGINT ? SqlType.BIGINT : SqlType.INTEGER;
        }
        if (p.accept(Role.TYPE_NUMBER)) {
            return target.numeric() ? target : SqlType.DOUBLE;
        }
        if (p.accept(Role.TYPE_TEXT)) {
            return target.kind() == SqlType.Kind.VARCHAR ? target : SqlType.VARCHAR;
        }
        if (p.accept(Role.TYPE_TIMESTAMP)) {
            return SqlType.TIMESTAMP;
        }
        if (p.accept(Role.TYPE_DATE)) {
            return SqlType.DATE;
        }
        return null;
    }

    /** Nouns a rule calls its own value by once an operation has changed it: "the trimmed text", "the cleaned code". */
    private static final java.util.Set<String> SELF_NOUNS = java.util.Set.of("text", "value", "string", "code", "number", "field",
            "id", "identifier", "result", "one");

    /**
     * "the trimmed text to", "the cleaned value as": the row's value after operations, named by a noun and followed by
     * "to" or "as"; the operations, the cursor before the type. Null (cursor unchanged) otherwise.
     */
    static java.util.function.UnaryOperator<Expr> changedSelf(Parser p) {
        int m = p.mark();
        p.acceptWord("the");
        Copies.Operation op = Copies.operation(p);
        // "the trimmed value": the noun may have gone with the operation's filler words
        Token noun = op != null && p.mark() > 0 && SELF_NOUNS.contains(p.tokens().get(p.mark() - 1).norm())
                ? p.tokens().get(p.mark() - 1) : p.next();
        if (op == null && noun != null && SELF_NOUNS.contains(noun.norm()) && p.ctx().sources().size() == 1) {
            // "Cast the text ID to integer": the row's one value named by what it is, no operation before it
            Token second = p.peekToken();
            if (second != null && second.kind() == Token.Kind.WORD && SELF_NOUNS.contains(second.norm())) {
                p.next();
            }
            op = new Copies.Operation(java.util.function.UnaryOperator.identity(), null);
        }
        if (op == null || op.column() != null || noun == null || noun.kind() != Token.Kind.WORD || !SELF_NOUNS.contains(noun.norm())
                || !(p.accept(Role.TO) || p.acceptWord("as") || p.accept(Role.CAST))) {
            p.reset(m);
            return null;
        }
        return op.apply();
    }
}
