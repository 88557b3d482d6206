package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
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
}
