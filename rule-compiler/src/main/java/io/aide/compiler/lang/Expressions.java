package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.rules.SqlExpressionParser;

import java.util.ArrayList;
import java.util.List;

/**
 * A SQL scalar expression written as the rule, parsed by JSqlParser (through {@link SqlExpressionParser}):
 * <pre>
 * rule := [label ":"] expression ["."]
 * </pre>
 * "amount / 100", "Convert cents to dollars: amount / 100", "COALESCE(a, b)", "ship_date + params.shift_years".
 * Every name must be a column of the row, another target column or a parameter; a bare column or literal is left to
 * the copy and constant families. A label before ':' describes the expression: it may not name a column nor hold a
 * condition (its words would be lost).
 */
final class Expressions implements Recognizer {

    @Override
    public Recognition recognize(Parser p) {
        if (p.tokens().stream().noneMatch(t -> t.kind() == Token.Kind.OP && !t.op(",") && !t.op(":"))) {
            // no operator, no call: nothing for a SQL parser (and it is the slowest step of the language)
            return Recognition.NOT_MINE;
        }
        String text = text(p.tokens());
        if (text == null) {
            return Recognition.NOT_MINE;
        }
        int colon = labelEnd(text);
        if (colon > 0) {
            List<Token> label = Lexer.tokens(text.substring(0, colon));
            if (!describes(label, p)) {
                return Recognition.NOT_MINE;
            }
            text = text.substring(colon + 1).trim();
        }
        if (text.isEmpty()) {
            return Recognition.NOT_MINE;
        }
        List<String> unknown = new ArrayList<>();
        Expr e;
        try {
            e = new SqlExpressionParser((q, n) -> {
                Expr r = p.ctx().resolve(q, n);
                if (r == null || q == null && r instanceof Expr.Col c && !p.ctx().known(c)) {
                    unknown.add(q == null ? n : q + "." + n);
                    return null;
                }
                return r;
            }).parse(text);
        } catch (SqlExpressionParser.NotCompilable ex) {
            return Recognition.NOT_MINE;
        } catch (RuntimeException ex) {
            return Recognition.NOT_MINE;
        }
        if (!unknown.isEmpty() || e == null || e instanceof Expr.Col || e instanceof Expr.Lit || e instanceof Expr.TypedNull
                || Expr.columns(e).isEmpty()) {
            return Recognition.NOT_MINE;
        }
        return new Recognition.Recognized(e, null, List.of(), "SQL expression");
    }

    /** The tokens as SQL text (remarks already left out), or null when a sentence break is inside. */
    private static String text(List<Token> tokens) {
        int end = tokens.size();
        while (end > 0 && tokens.get(end - 1).kind() == Token.Kind.SEP) {
            end--;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < end; i++) {
            Token t = tokens.get(i);
            switch (t.kind()) {
                case SEP -> {
                    return null;
                }
                case STRING -> sb.append('\'').append(t.text().replace("'", "''")).append('\'');
                case IDENT -> sb.append('"').append(t.text().replace("\"", "")).append('"');
                case DATE_PATTERN -> {
                    return null;
                }
                default -> sb.append(t.text());
            }
            sb.append(' ');
        }
        return sb.toString().trim();
    }

    /** The index of a ':' that ends a label (outside quotes and parentheses), or -1. */
    private static int labelEnd(String text) {
        char quote = 0;
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ':' && depth == 0 && (i + 1 >= text.length() || text.charAt(i + 1) != ':')) {
                return i;
            }
        }
        return -1;
    }

    /** A label that only describes: words, no column, no condition, no value. */
    private static boolean describes(List<Token> label, Parser p) {
        Lexicon lexicon = Lexicon.standard();
        for (int i = 0; i < label.size(); i++) {
            Token t = label.get(i);
            if (t.kind() != Token.Kind.WORD) {
                return false;
            }
            for (Role r : new Role[]{Role.IF, Role.WHERE, Role.ELSE, Role.NULL, Role.DEFAULT}) {
                if (lexicon.match(r, label, i) > 0) {
                    return false;
                }
            }
            if (p.ctx().resolve(null, t.text()) instanceof Expr.Col c && p.ctx().known(c)) {
                return false;
            }
        }
        return true;
    }
}
