package io.aide.compiler.lang;


import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;
import io.aide.compiler.rules.ReferenceData;
import io.aide.compiler.rules.RuleContext;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A cursor over a rule cell's tokens with the productions every family shares: literals with their labels,
 * operands (columns, the row's own value), conditions and the words left unplaced.
 */
public final class Parser {
    private final List<Token> tokens;
    private final RuleContext ctx;
    private final Lexicon lexicon;
    private int pos;
    private String problem;
    private ReferenceData.LookupMap lookedUp;

    public Parser(List<Token> tokens, RuleContext ctx, Lexicon lexicon) {
        this.tokens = tokens;
        this.ctx = ctx;
        this.lexicon = lexicon;
    }

    public RuleContext ctx() {
        return ctx;
    }

    public List<Token> tokens() {
        return tokens;
    }

    public int mark() {
        return pos;
    }

    public void reset(int mark) {
        pos = mark;
    }

    /** Why the last production failed in a way the writer must hear about (an unknown column, no source), or null. */
    public String problem() {
        return problem;
    }

    /** Records the reference map a production reads, so the outcome names it (referential checks, accepted values). */
    void lookedUp(ReferenceData.LookupMap map) {
        lookedUp = map;
    }

    /** The reference map the cell reads, or null. */
    public ReferenceData.LookupMap lookedUp() {
        return lookedUp;
    }

    void problem(String p) {
        if (problem == null) {
            problem = p;
        }
    }

    // ---------------------------------------------------------------- words

    void skipFiller() {
        if (pos >= tokens.size()) {
            return;
        }
        if (fillerEnd == null) {
            fillerEnd = new int[tokens.size()];
        }
        int known = fillerEnd[pos];
        if (known > 0) {
            // where the filler words from here end, found before (the tokens never change)
            pos = known - 1;
            return;
        }
        int from = pos;
        int n;
        do {
            n = 0;
            for (Role r : FILLERS) {
                int m = lexicon.match(r, tokens, pos);
                if (m > 0) {
                    n = m;
                    pos += m;
                    break;
                }
            }
        } while (n > 0);
        fillerEnd[from] = pos + 1;
    }

    private static final Role[] FILLERS = {Role.FILLER, Role.SCOPE, Role.AS_IS};
    /** For each position, one more than where the filler words that start there end; 0 where not yet known. */
    private int[] fillerEnd;

    /** Accepts the longest phrase of the role at the cursor (after filler words). */
    public boolean accept(Role role) {
        int start = pos;
        skipFiller();
        int m = lexicon.match(role, tokens, pos);
        if (m > 0 && role == Role.REMOVE && lexicon.match(Role.TRIM, tokens, pos) > m + 1) {
            // "strip spaces from both ends", "remove spaces either side": a trim said at length, never a removal of
            // every space
            m = 0;
        }
        if (m > 0) {
            pos += m;
            return true;
        }
        pos = start;
        return false;
    }

    /** Accepts the role without skipping filler first (for roles whose phrases are filler words, such as SELF). */
    boolean acceptExact(Role role) {
        int m = lexicon.match(role, tokens, pos);
        pos += m;
        return m > 0;
    }

    /** The role starts exactly at the cursor (no filler skipped). */
    boolean peekExact(Role role) {
        return lexicon.match(role, tokens, pos) > 0;
    }

    public boolean peek(Role role) {
        int start = pos;
        boolean found = accept(role);
        pos = start;
        return found;
    }

    public Token peekToken() {
        int start = pos;
        skipFiller();
        Token t = pos < tokens.size() ? tokens.get(pos) : null;
        pos = start;
        return t;
    }

    public Token next() {
        skipFiller();
        return pos < tokens.size() ? tokens.get(pos++) : null;
    }

    /** The token at the cursor, filler words included (a code may be the letter "A"). */
    Token rawPeek() {
        return pos < tokens.size() ? tokens.get(pos) : null;
    }

    Token rawNext() {
        return pos < tokens.size() ? tokens.get(pos++) : null;
    }

    /** The longest phrase of the table at the cursor (after filler words), or null (cursor unchanged). */
    PhraseTable.Match phrase(PhraseTable table) {
        int start = pos;
        skipFiller();
        PhraseTable.Match m = table.at(tokens, pos);
        if (m == null) {
            pos = start;
            return null;
        }
        pos += m.length();
        return m;
    }

    /** The plain word at the cursor (after filler), consumed; false (cursor unchanged) otherwise. */
    boolean acceptWord(String word) {
        Token t = peekToken();
        if (t != null && t.is(Token.Kind.WORD, word)) {
            next();
            return true;
        }
        return false;
    }

    public boolean acceptOp(String symbol) {
        Token t = peekToken();
        if (t != null && t.op(symbol)) {
            next();
            return true;
        }
        return false;
    }

    /** A sentence end, ';', a line break or a comma. */
    public boolean acceptSeparator() {
        Token t = peekToken();
        if (t != null && (t.kind() == Token.Kind.SEP || t.op(","))) {
            next();
            return true;
        }
        return false;
    }

    public boolean atEnd() {
        int start = pos;
        while (true) {
            skipFiller();
            if (pos < tokens.size() && tokens.get(pos).kind() == Token.Kind.SEP) {
                pos++;
                continue;
            }
            break;
        }
        boolean end = pos >= tokens.size();
        pos = start;
        return end;
    }

    /** The content words from the cursor on, for "not understood: '...'". */
    public String leftover() {
        List<String> words = new ArrayList<>();
        int i = pos;
        while (i < tokens.size()) {
            int m = Math.max(lexicon.match(Role.FILLER, tokens, i), lexicon.match(Role.SCOPE, tokens, i));
            if (m > 0) {
                i += m;
                continue;
            }
            Token t = tokens.get(i++);
            if (t.kind() != Token.Kind.SEP) {
                words.add(t.toString());
            }
        }
        String s = String.join(" ", words);
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    /** Flagged with the words left, or with the problem met while reading them. */
    public Recognition.Flagged notUnderstood() {
        return new Recognition.Flagged(problem != null ? problem : "not understood: '" + leftover() + "'");
    }

    /**
     * "all records within the X table", "coming from the X table": a scope that names the row's own target or source
     * table says nothing more; another table is not a scope this cell can honour, so nothing is consumed.
     */
    public boolean ownRecords() {
        int m = pos;
        if (!acceptExact(Role.RECORDS)) {
            return false;
        }
        Token t = next();
        accept(Role.TABLE);
        if (t != null && t.nameLike() && (same(t.text(), ctx.row().targetTable()) || same(t.text(), ctx.row().sourceTable()))) {
            acceptOp(":");
            acceptOp(",");
            return true;
        }
        pos = m;
        return false;
    }

    private static boolean same(String written, String table) {
        if (table == null) {
            return false;
        }
        String t = table.trim();
        String last = t.substring(t.lastIndexOf('.') + 1);
        return written.equalsIgnoreCase(t) || written.equalsIgnoreCase(last);
    }

    // ---------------------------------------------------------------- literals

    /** A number, a quoted text, a backticked number, TRUE or FALSE, NULL or an empty string; followed by its label if any. */
    public Expr literal() {
        int start = pos;
        skipFiller();
        Expr day = DateLiterals.read(this);
        if (day != null) {
            return day;
        }
        pos = start;
        Token t = next();
        Expr out = null;
        if (t != null && t.op("-")) {
            Token n = next();
            out = n != null && n.kind() == Token.Kind.NUMBER ? number("-" + n.text()) : null;
        } else if (t != null && (t.kind() == Token.Kind.NUMBER || t.kind() == Token.Kind.IDENT && t.text().matches("-?\\d+(\\.\\d+)?"))) {
            out = number(t.text());
        } else if (t != null && t.kind() == Token.Kind.STRING) {
            out = t.text().indexOf('`') >= 0 ? template(t.text()) : new Expr.Lit(t.text());
            if (out == null) {
                pos = start;
                return null;
            }
        }
        if (out == null && t != null && t.kind() == Token.Kind.WORD && (t.norm().equals("true") || t.norm().equals("false"))) {
            return new Expr.Lit(t.norm().equals("true"));
        }
        if (out == null && t != null && t.kind() == Token.Kind.WORD && t.norm().equals("zero")) {
            // "greater than zero", "set to zero": the number
            return new Expr.Lit(0L);
        }
        if (out == null) {
            pos = start;
            if (accept(Role.EMPTY_STRING)) {
                // "blank" into a number or a date is no value at all: an empty text is not one of them
                return ctx.targetType().numeric() || ctx.targetType().temporal() ? new Expr.TypedNull(ctx.targetType())
                        : new Expr.Lit("");
            }
            if (accept(Role.NULL)) {
                return new Expr.TypedNull(ctx.targetType());
            }
            return null;
        }
        label(out);
        return out;
    }

    /** A quoted text with `names` inside ("SOURCE=`source`;INDEX=`index`") builds the text from those columns. */
    private Expr template(String text) {
        List<Expr> parts = new ArrayList<>();
        String[] pieces = text.split("`", -1);
        if (pieces.length % 2 == 0) {
            problem("unbalanced backticks in the text \"" + text + "\"");
            return null;
        }
        for (int i = 0; i < pieces.length; i++) {
            if (i % 2 == 0) {
                if (!pieces[i].isEmpty()) {
                    parts.add(new Expr.Lit(pieces[i]));
                }
            } else {
                String name = pieces[i].trim();
                int dot = name.lastIndexOf('.');
                Expr c = dot > 0 ? ctx.resolve(name.substring(0, dot), name.substring(dot + 1)) : ctx.resolve(null, name);
                if (c == null) {
                    problem("unknown column " + name + " in the text \"" + text + "\"");
                    return null;
                }
                parts.add(c);
            }
        }
        return new Expr.Concat(parts);
    }

    private static Expr number(String text) {
        return text.contains(".") ? new Expr.Lit(new BigDecimal(text)) : new Expr.Lit(Long.parseLong(text));
    }

    private boolean asksForSomething(List<Token> parenthesis) {
        for (Token t : parenthesis) {
            if (t.text().contains("_") && !t.text().equalsIgnoreCase(ctx.row().targetColumn()) && (ctx.namesTargetColumn(t.text())
                    || ctx.resolve(null, t.text()) instanceof Expr.Col c && ctx.known(c))) {
                // "12 (based on BILLING_FREQUENCY above)": a column named, which the rule reads; no label of the value
                return true;
            }
        }
        if (lexicon.find(Role.CASE_INSENSITIVE, parenthesis) || lexicon.find(Role.CASE_AND_SPACES, parenthesis)
                || lexicon.find(Role.SPACES_IGNORED, parenthesis)
                || lexicon.find(Role.ROUND, parenthesis)
                || lexicon.find(Role.ROUND_DOWN, parenthesis) || lexicon.find(Role.ROUND_UP, parenthesis)) {
            return true;
        }
        for (int i = 0; i < parenthesis.size(); i++) {
            if (NumberOperations.wholeUnits(parenthesis, i, lexicon) > 0) {
                return true;
            }
        }
        return false;
    }

    /** A label after a value is a comment: "32836 (EHR physical examination)", "32879 - 'Registry'". */
    void label(Expr value) {
        int start = pos;
        if (acceptOp("(")) {
            int depth = 1;
            while (pos < tokens.size() && depth > 0) {
                Token t = tokens.get(pos++);
                if (t.op("(")) {
                    depth++;
                } else if (t.op(")")) {
                    depth--;
                } else if (t.kind() == Token.Kind.SEP && !t.text().equals(".")) {
                    break;
                }
            }
            if (depth != 0 || asksForSomething(tokens.subList(start, pos))) {
                // "'ENROLLED' (case insensitive)" asks for a comparison, "12 (whole years)" for the whole part:
                // no label to pass over
                pos = start;
            }
            return;
        }
        if (value instanceof Expr.Lit l && l.value() instanceof Long && pos < tokens.size() && tokens.get(pos).op("-")
                && tokens.get(pos).hyphenated()) {
            // "7-Day Pass": the number is the start of a hyphenated word, no code before its label
            return;
        }
        if (value instanceof Expr.Lit l && l.value() instanceof Long && acceptOp("-")) {
            Token t = peekToken();
            if (t != null && t.kind() == Token.Kind.STRING) {
                next();
                return;
            }
            // "100 - discount" subtracts a column: a word that names a column is not a label; "3-character prefix"
            // is a size, not a label
            Token first = pos < tokens.size() ? tokens.get(pos) : null;
            if (first != null && first.kind() == Token.Kind.WORD && (ctx.resolve(null, first.text()) instanceof Expr.Col c
                    && ctx.known(c) || Operations.SIZE_UNITS.contains(first.norm()))) {
                pos = start;
                return;
            }
            int words = 0;
            while (pos < tokens.size() && tokens.get(pos).kind() == Token.Kind.WORD
                    && lexicon.match(Role.SCOPE, tokens, pos) == 0) {
                pos++;
                words++;
            }
            if (words == 0) {
                pos = start;
            }
        }
    }

    // ---------------------------------------------------------------- operands

    /**
     * The target column's own name at the cursor, as written in the document or in words ("Default domain" for
     * default_domain); the cursor moves past it when it is there.
     */
    boolean targetName() {
        String target = ctx.row().targetColumn();
        if (target == null || target.isBlank()) {
            return false;
        }
        String[] parts = target.trim().toLowerCase(Locale.ROOT).split("[_\\s]+");
        int start = pos;
        skipFiller();
        Token t = pos < tokens.size() ? tokens.get(pos) : null;
        if (t != null && t.nameLike() && t.text().equalsIgnoreCase(target.trim())) {
            pos++;
            return true;
        }
        for (String part : parts) {
            if (pos >= tokens.size() || tokens.get(pos).kind() != Token.Kind.WORD || !tokens.get(pos).norm().equals(part)) {
                pos = start;
                return false;
            }
            pos++;
        }
        return parts.length > 0;
    }

    /** The row's own source value: its single source column. */
    Expr self() {
        List<Expr.Col> sources = ctx.sources();
        if (sources.size() == 1) {
            return sources.get(0);
        }
        Expr.Col own = OwnSources.among(sources, ctx.row());
        if (own != null) {
            return own;
        }
        problem(sources.isEmpty() ? "the rule speaks of the source value but the row names no source column"
                : "the rule speaks of the source value but the row names " + sources.size() + " source columns");
        return null;
    }

    /**
     * A column written in the rule: `name`, [name], table.column, or a plain word that is a known column.
     * Unknown marked names are a problem (named in the flag); an unknown plain word is simply not a name.
     */
    public Expr column() {
        return ColumnReferences.column(this);
    }

    /** A date column of the row named by one word that leaves its kind out ("arrival" for arr_dt), or null. */
    Expr.Col dateNamedByWord() {
        return WordNamedColumns.dateNamedByWord(this);
    }

    /** A source column of the row named by one word ("bonus" for bonus_amt, "overtime" for ot_amt), or null. */
    Expr.Col namedByWord(String word) {
        return WordNamedColumns.namedByWord(this, word);
    }


    /**
     * A name compared with an operator symbol ("payment_method = 'coupon'"): a column even when no registered schema
     * confirms it, as a SQL reader would take it; only a snake_case name or one followed by a comparison symbol.
     */
    Expr comparedName() {
        int start = pos;
        skipFiller();
        Token t = pos < tokens.size() ? tokens.get(pos) : null;
        Token after = pos + 1 < tokens.size() ? tokens.get(pos + 1) : null;
        if (t == null || t.kind() != Token.Kind.WORD || ColumnReferences.isKeyword(this, pos) || after == null || after.kind() != Token.Kind.OP
                || !java.util.Set.of("=", "<>", "!=", ">", "<", ">=", "<=").contains(after.text()) || !t.text().contains("_")) {
            pos = start;
            return null;
        }
        Expr e = ctx.resolve(null, t.text());
        if (e == null) {
            pos = start;
            return null;
        }
        pos++;
        return e;
    }

    /** A column, the row's own value, today or now, or a literal. */
    public Expr operand() {
        int start = pos;
        skipFillerExceptSelf();
        if (acceptExact(Role.SELF)) {
            return self();
        }
        if (peekToken() != null && peekToken().kind() == Token.Kind.WORD) {
            // "True when today is between start_date and end_date"
            if (accept(Role.TODAY)) {
                return new Expr.CurrentDate();
            }
            if (accept(Role.NOW)) {
                return new Expr.CurrentTimestamp();
            }
        }
        pos = start;
        Expr c = column();
        return c != null ? c : literal();
    }

    /**
     * A code written without quotes where a value is expected ("Set to Y if ... else N", "Gold if ..."): one
     * upper-case word of letters and digits (Y, N, HIGH, A1) or one capitalised word (Gold) that is no column and no
     * word of the grammar; null otherwise.
     */
    Expr code() {
        Token t = rawPeek();
        // ("INT_": a prefix written with its separator, which no column's name ends in)
        if (t == null || t.kind() != Token.Kind.WORD || !t.text().matches("[A-Z][A-Z0-9]{0,11}|[A-Z][a-z]{1,15}|[A-Z][A-Z0-9]{0,11}[_-]")
                || ColumnReferences.isKeyword(this, pos)) {
            return null;
        }
        for (Role r : new Role[]{Role.ELSE, Role.THEN, Role.ACTION, Role.COPY, Role.USE, Role.CAST}) {
            if (lexicon.match(r, tokens, pos) > 0) {
                return null;
            }
        }
        if (ctx.resolve(null, t.text()) instanceof Expr.Col c && ctx.known(c)) {
            return null;
        }
        pos++;
        return new Expr.Lit(t.text());
    }

    private void skipFillerExceptSelf() {
        while (lexicon.match(Role.SELF, tokens, pos) == 0) {
            int m = lexicon.match(Role.FILLER, tokens, pos);
            if (m == 0) {
                return;
            }
            pos += m;
        }
    }

    // ---------------------------------------------------------------- conditions (see Conditions)

    /** cond := comparison ((AND|OR) comparison)*, AND binding tighter than OR. */
    public Expr condition() {
        return Conditions.condition(this);
    }

    Expr comparison() {
        return Conditions.comparison(this);
    }

    Lexicon lexicon() {
        return lexicon;
    }

    /** A value that stands beside literals of the target's type (CASE branches, a default): read as that type. */
    Expr typed(Expr e) {
        return typed(e, SqlType.UNKNOWN);
    }

    /** As {@link #typed(Expr)}; when the target's type is not known, the type of the literals beside it. */
    public Expr typed(Expr e, SqlType besides) {
        SqlType t = ctx.targetType().known() ? ctx.targetType() : besides;
        if (e == null) {
            return null;
        }
        if (e instanceof Expr.TypedNull n && !n.type().known() && t.known()) {
            return new Expr.TypedNull(t);
        }
        if (e instanceof Expr.Lit || e instanceof Expr.TypedNull || !t.known() || t.kind() == SqlType.Kind.VARCHAR) {
            return e;
        }
        if (e instanceof Expr.Bin b && java.util.Set.of("+", "-", "*", "/").contains(b.op())) {
            // arithmetic is typed by the type coercion, which casts its operands (a cast around it would not)
            return e;
        }
        return new Expr.Cast(e, t, true);
    }

    /** The text is empty once trimmed. */
    Expr blank(Expr x) {
        Expr text = x instanceof Expr.Col c && ctx.typeOf(c).known() && ctx.typeOf(c).kind() != SqlType.Kind.VARCHAR
                ? new Expr.Cast(x, SqlType.VARCHAR, false) : x;
        boolean trimmed = false;
        for (Expr f = x; f instanceof Expr.Fn fn && fn.args().size() == 1 && List.of("UPPER", "LOWER", "TRIM").contains(fn.name());
             f = fn.args().get(0)) {
            // UPPER(TRIM(x)) is trimmed already
            trimmed |= fn.name().equals("TRIM");
        }
        return new Expr.Bin("=", trimmed ? text : new Expr.Fn("TRIM", List.of(text)), new Expr.Lit(""));
    }

    /** ( value, value, ... ) or value, value or value. */
    List<Expr> list() {
        int start = pos;
        boolean paren = acceptOp("(");
        List<Expr> items = new ArrayList<>();
        do {
            Expr v = literal();
            if (v == null) {
                break;
            }
            items.add(v);
        } while (acceptOp(",") || accept(Role.OR));
        if (items.isEmpty() || paren && !acceptOp(")")) {
            pos = start;
            return null;
        }
        return items;
    }

    static String describe(List<Token> tokens) {
        return tokens.stream().map(Token::toString).collect(Collectors.joining(" ")).toLowerCase(Locale.ROOT);
    }

    public SqlType targetType() {
        return ctx.targetType();
    }
}
