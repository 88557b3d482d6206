package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.rules.SqlExpressionParser;

import java.util.ArrayList;
import java.util.List;

/**
 * A SQL scalar expression written as the rule, parsed by JSqlParser (through {@link SqlExpressionParser}):
 * <pre>
 * rule := [label ":" | name "="] expression ["."]
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
        String text = text(ArithmeticWords.rewrite(namesInWords(p), p));
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
        int equals = nameEnd(text, p);
        if (equals > 0) {
            // "Total = amount / 100": the words before '=' name the value, they do not test it
            text = text.substring(equals + 1).trim();
        }
        Expr e = parse(text, p);
        if (e == null || e instanceof Expr.Col || e instanceof Expr.Lit || e instanceof Expr.TypedNull
                || Expr.columns(e).isEmpty()) {
            return Recognition.NOT_MINE;
        }
        return new Recognition.Recognized(e, null, List.of(), "SQL expression");
    }

    /**
     * The tokens with each run of two or more words that names one of the row's columns ("departure date" for dep_dt,
     * "unit price" for unit_prc) written as that column's name, so that "departure date - arrival date" is SQL.
     */
    private static List<Token> namesInWords(Parser p) {
        List<Token> tokens = p.tokens();
        List<Token> out = new ArrayList<>(tokens.size());
        int start = p.mark();
        boolean changed = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == Token.Kind.WORD && i + 1 < tokens.size() && tokens.get(i + 1).kind() == Token.Kind.WORD) {
                p.reset(i);
                Expr named = p.column();
                int end = p.mark();
                if (named instanceof Expr.Col c && p.ctx().known(c) && end > i + 1
                        && tokens.subList(i, end).stream().allMatch(w -> w.kind() == Token.Kind.WORD)) {
                    out.add(c.relation() == null ? Token.of(Token.Kind.IDENT, c.column())
                            : Token.of(Token.Kind.NAME, c.relation() + "." + c.column()));
                    i = end - 1;
                    changed = true;
                    continue;
                }
            }
            out.add(t);
        }
        p.reset(start);
        return changed ? out : tokens;
    }

    /** A SQL expression over the row's names, or null when it does not parse or names an unknown column. */
    static Expr parse(String text, Parser p) {
        List<String> unknown = new ArrayList<>();
        Expr e;
        try {
            e = new SqlExpressionParser((q, n) -> {
                Expr r = p.ctx().resolve(q, n);
                if (q == null && (r == null || r instanceof Expr.Col c0 && !p.ctx().known(c0))) {
                    // "Base + overtime + bonus": a word naming one of the row's columns (base_amt, ot_amt, bonus_amt)
                    Expr.Col named = p.namedByWord(n);
                    r = named != null ? named : r;
                }
                if (r == null || q == null && r instanceof Expr.Col c && !p.ctx().known(c)) {
                    unknown.add(q == null ? n : q + "." + n);
                    return null;
                }
                return r;
            }).parse(text);
        } catch (SqlExpressionParser.NotCompilable ex) {
            return null;
        } catch (RuntimeException ex) {
            return null;
        }
        return unknown.isEmpty() ? e : null;
    }

    /**
     * A SQL function call at the cursor ("Upper(curr_cd)", "TRIM(UPPER(code))") over the row's columns, as the value
     * the operations after it work on ("Upper(curr_cd), default 'USD' when null"); null (cursor unchanged) otherwise.
     */
    static Expr call(Parser p) {
        int m = p.mark();
        Token name = p.rawPeek();
        if (name == null || name.kind() != Token.Kind.WORD) {
            return null;
        }
        p.rawNext();
        Token open = p.rawNext();
        if (open == null || !open.op("(")) {
            p.reset(m);
            return null;
        }
        List<Token> inner = inside(p);
        if (inner == null) {
            p.reset(m);
            return null;
        }
        String args = text(inner);
        Expr e = args == null || args.isEmpty() ? null : parse(name.text() + "(" + args + ")", p);
        if (e == null || Expr.columns(e).isEmpty()) {
            p.reset(m);
            return null;
        }
        return e;
    }

    /** The tokens up to the ")" matching a "(" just read, cursor after it; null when unbalanced. */
    private static List<Token> inside(Parser p) {
        List<Token> inner = new ArrayList<>();
        int depth = 1;
        while (true) {
            Token t = p.rawNext();
            if (t == null || t.kind() == Token.Kind.SEP) {
                return null;
            }
            if (t.op("(")) {
                depth++;
            } else if (t.op(")") && --depth == 0) {
                return inner;
            }
            inner.add(t);
        }
    }

    /** The tokens between the parser's cursor at "(" and its matching ")" as a SQL expression; cursor after ")". */
    static Expr parenthesised(Parser p) {
        int m = p.mark();
        if (!p.acceptOp("(")) {
            return null;
        }
        List<Token> inner = inside(p);
        if (inner == null) {
            p.reset(m);
            return null;
        }
        String text = text(inner);
        Expr e = text == null || text.isEmpty() ? null : parse(text, p);
        if (e == null) {
            p.reset(m);
        }
        return e;
    }

    /**
     * The index of an '=' whose left side only names the value: the target column's own name, or a single noun such
     * as "Total", "Sum", "Formula" that is no column (a column there would make the '=' a comparison); else -1.
     */
    private static int nameEnd(String text, Parser p) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq + 1 < text.length() && text.charAt(eq + 1) == '=' || "<>!".indexOf(text.charAt(eq - 1)) >= 0) {
            return -1;
        }
        List<Token> left = Lexer.tokens(text.substring(0, eq));
        if (left.isEmpty() || left.stream().anyMatch(t -> t.kind() != Token.Kind.WORD)) {
            return -1;
        }
        String joined = String.join("_", left.stream().map(Token::norm).toList());
        if (joined.equalsIgnoreCase(p.ctx().row().targetColumn().replace(' ', '_'))) {
            return eq;
        }
        if (left.size() != 1 || p.ctx().resolve(null, left.get(0).text()) instanceof Expr.Col c && p.ctx().known(c)) {
            return -1;
        }
        Lexicon lexicon = Lexicon.standard();
        for (Role r : new Role[]{Role.AGG_SUM, Role.AGG_COUNT, Role.AGG_AVG, Role.LABEL}) {
            if (lexicon.match(r, left, 0) == 1) {
                return eq;
            }
        }
        return -1;
    }

    /** The tokens as SQL text (remarks already left out), or null when a sentence break is inside. */
    static String text(List<Token> tokens) {
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
