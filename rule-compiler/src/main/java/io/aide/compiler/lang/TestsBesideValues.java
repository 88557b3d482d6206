package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;

import java.util.List;

/**
 * Tests written right beside the value they test, with no verb between: a quoted code ("... or LAST_NM 'TEST'"), a
 * range of numbers ("store numbers 900-999"), and the word NULL written as text after a missing value ("blank or
 * 'NULL'"). Read on a {@link Parser}'s cursor, each leaving it unchanged when the words are no such test.
 */
final class TestsBesideValues {
    private TestsBesideValues() {
    }

    /**
     * "... or LAST_NM 'TEST'", "category TEST": a quoted code (or one in capitals) right after a column, where the list of
     * tests goes on or ends, is the column's value; null (cursor unchanged) otherwise.
     */
    static Expr quotedBeside(Parser p, Expr left) {
        if (Expr.columns(left).size() != 1 || left instanceof Expr.Lit) {
            return null;
        }
        int m = p.mark();
        Token quoted = p.rawPeek();
        boolean capitals = quoted != null && quoted.kind() == Token.Kind.WORD && quoted.text().matches("[A-Z][A-Z0-9]{1,9}")
                && !p.lexicon().grammarWord(p.tokens(), m);
        // "parcels of shipper account 999999": an identifier written as a number right after the column that holds it
        boolean identifier = quoted != null && quoted.kind() == Token.Kind.NUMBER && quoted.text().matches("\\d{3,}")
                && left instanceof Expr.Col c && IDENTIFIER.matcher(c.column()).matches();
        if (quoted == null || quoted.kind() != Token.Kind.STRING && !capitals && !identifier) {
            return null;
        }
        // "items in category TEST": a code in capitals stands as a quoted one does
        Expr code = capitals || identifier ? new Expr.Lit(p.rawNext().text()) : p.literal();
        Token after = p.rawPeek();
        if (code == null || after != null && !(after.kind() == Token.Kind.SEP || after.op(",") || after.op(")") || after.op(";")
                || after.op("(") || after.is(Token.Kind.WORD, "or") || after.is(Token.Kind.WORD, "and"))) {
            p.reset(m);
            return null;
        }
        return new Expr.Bin("=", left, code);
    }

    /** A column that holds identifiers: CUST_ID, SHIPPER_ACCT, ORDER_NO, STORE_CODE. */
    private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile(
            "(?i)(?:.*_)?(?:id|no|nbr|num|number|code|cd|key|ref|acct|account)");

    /**
     * "store numbers 900-999", "STORE_NO 900 to 999", "codes in the range 100 through 199": a range of whole numbers
     * written right after the value, both ends included; null (cursor unchanged) when none follows or its ends are
     * the wrong way round.
     */
    static Expr numberRange(Parser p, Expr left) {
        int m = p.mark();
        if (p.acceptWord("in")) {
            // "in the range 900-999", "in 900-999"
            p.acceptWord("range");
        } else {
            p.acceptWord("range");
        }
        Token low = p.rawPeek();
        if (low == null || low.kind() != Token.Kind.NUMBER) {
            p.reset(m);
            return null;
        }
        Expr from = p.literal();
        boolean to = from != null && (p.acceptOp("-") || p.acceptOp("\u2013") || p.accept(Role.TO) || p.acceptWord("through")
                || p.acceptWord("thru"));
        Token high = to ? p.rawPeek() : null;
        Expr upTo = high != null && high.kind() == Token.Kind.NUMBER ? p.literal() : null;
        Token after = upTo == null ? null : p.rawPeek();
        if (upTo == null || after != null && !(after.kind() == Token.Kind.SEP || after.op(",") || after.op(")") || after.op(";")
                || after.kind() == Token.Kind.WORD && (after.is(Token.Kind.WORD, "and") || after.is(Token.Kind.WORD, "or")))
                || !(from instanceof Expr.Lit a && a.value() instanceof Number na && upTo instanceof Expr.Lit b
                && b.value() instanceof Number nb && na.doubleValue() < nb.doubleValue())) {
            p.reset(m);
            return null;
        }
        return new Expr.Bin("AND", new Expr.Bin(">=", left, from), new Expr.Bin("<=", left, upTo));
    }

    /**
     * "blank or 'NULL'", "null or the text 'NULL'": a missing value, or the word NULL written as text in the cell (any case,
     * spaces around it); the test unchanged (cursor unchanged) when no such text follows.
     */
    static Expr orNullText(Parser p, Expr missing, Expr left) {
        int m = p.mark();
        if (p.accept(Role.OR) || p.acceptOp("/") || p.acceptOp(",")) {
            // "the text 'NULL'", "the string 'NULL'", "literal 'NULL'": words naming what the quotes hold
            boolean named = false;
            while (p.rawPeek() != null && p.rawPeek().kind() == Token.Kind.WORD
                    && java.util.Set.of("the", "text", "string", "word", "literal", "value").contains(p.rawPeek().norm())) {
                named |= !p.rawPeek().norm().equals("the");
                p.rawNext();
            }
            Token quoted = p.rawPeek();
            // ("the literal text NULL", "the word NULL": the word named as text, quotes or none)
            if (quoted != null && (quoted.kind() == Token.Kind.STRING || named && quoted.kind() == Token.Kind.WORD)
                    && quoted.text().strip().equalsIgnoreCase("null")) {
                p.rawNext();
                Expr text = left instanceof Expr.Col c && p.ctx().typeOf(c).known() && p.ctx().typeOf(c).kind() != io.aide.compiler.plan.SqlType.Kind.VARCHAR
                        ? new Expr.Cast(left, io.aide.compiler.plan.SqlType.VARCHAR, false) : left;
                Expr nullText = new Expr.Bin("=", new Expr.Fn("UPPER", List.of(new Expr.Fn("TRIM", List.of(text)))), new Expr.Lit("NULL"));
                return new Expr.Bin("OR", missing, nullText);
            }
        }
        p.reset(m);
        return missing;
    }
}
