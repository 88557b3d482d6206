package io.aide.compiler.lang;

import io.aide.compiler.lang.Copies.Kind;
import io.aide.compiler.lang.Copies.Operation;
import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;

import java.util.ArrayList;
import java.util.List;

/**
 * Defaults and values that mean NULL. A whole cell:
 * <pre>
 * rule      := value (IF | WHEN) [column | SELF] (NULL | IS_NULL | BLANK | IS_EMPTY)      "'Unknown' if null", "0 when blank"
 * </pre>
 * and operations chained with the others (see {@link Copies}):
 * <pre>
 * operation := DEFAULT value [(IF | WHEN) null-words {OR text}]       "default 0", "default 'X' if null or 'N/A'"
 *            | [SENTINEL] ["("] literal {"," literal} [")"] BECOMES NULL  "'N/A' -> NULL", "sentinels ('-', 'n/a') -> NULL"
 *            | BLANK BECOMES NULL                                        "blank -> NULL"
 *            | REPLACE (BLANK | literal {"," literal}) (WITH | BY) NULL   "replace empty strings with NULL"
 *            | SENTINEL BECOMES NULL                                     after a safe conversion: what does not convert
 *            | ELSE (COPY | AS_IS)                                       "otherwise copied", after values that mean NULL
 *            | NULLS_KEPT                                                "NULL kept as NULL"
 *            | OTHER_COLUMN column (= | BECOMES) literal                "and flagged missing_flag=1": another column's rule
 * </pre>
 * Values that mean NULL apply to the source before any other operation (they are text of the source).
 */
final class NullHandling implements Recognizer {

    @Override
    public Recognition recognize(Parser p) {
        if (p.accept(Role.FIRST_NON_NULL)) {
            return firstNonNull(p);
        }
        Expr value = p.literal();
        if (value == null || value instanceof Expr.TypedNull || !(p.accept(Role.IF) || p.accept(Role.WHERE))) {
            return Recognition.NOT_MINE;
        }
        int m = p.mark();
        Expr tested = p.column();
        boolean named = tested != null;
        if (tested == null) {
            p.reset(m);
            p.acceptExact(Role.SELF);
            tested = p.ctx().sources().size() == 1 ? p.ctx().sources().get(0) : null;
        }
        Boolean blank = nullWords(p);
        if (blank == null || !p.atEnd()) {
            return Recognition.NOT_MINE;
        }
        if (tested == null) {
            return p.notUnderstood();
        }
        if (named && value instanceof Expr.Lit lit && lit.value() instanceof Boolean truth && tested instanceof Expr.Col c
                && !holdsATruth(p, c)) {
            // "True when termination date is null": a test of a column that is no flag, not a default for it
            Expr missing = new Expr.IsNull(blank ? blankToNull(tested) : tested, !truth);
            return new Recognition.Recognized(missing, null, List.of(), "a test of whether the value is missing");
        }
        return new Recognition.Recognized(coalesce(p, blank ? blankToNull(tested) : tested, value), null, List.of(),
                "default when missing");
    }

    /** FIRST_NON_NULL [of|from|among] operand {("," | OR | THEN | AND) operand}: COALESCE of two or more. */
    private static Recognition firstNonNull(Parser p) {
        p.accept(Role.FROM);
        boolean paren = p.acceptOp("(");
        List<Expr> candidates = new ArrayList<>();
        do {
            Expr e = p.operand();
            if (e == null) {
                break;
            }
            candidates.add(e);
        } while (p.acceptOp(",") || p.accept(Role.OR) || p.accept(Role.CHAIN));
        if (paren && !p.acceptOp(")")) {
            // "coalesce(qty * price, 0)": an expression inside, which the SQL expression family reads
            return Recognition.NOT_MINE;
        }
        if (paren && !p.atEnd()) {
            // "COALESCE(a, 0) + COALESCE(b, 0)": SQL, read by the SQL expression family
            return Recognition.NOT_MINE;
        }
        if (candidates.size() < 2 || !p.atEnd()) {
            return candidates.size() < 2 && p.atEnd()
                    ? new Recognition.Flagged("the first non-null of what? name two or more columns") : p.notUnderstood();
        }
        return new Recognition.Recognized(new Expr.Fn("COALESCE", candidates), null, List.of(), "first non-null");
    }

    /** NULL / IS_NULL (false) or BLANK / IS_EMPTY (true, a blank text counts as missing); null when neither. */
    static Boolean nullWords(Parser p) {
        if (p.accept(Role.IS_EMPTY) || p.accept(Role.BLANK)) {
            // "when blank or null": a blank counts as missing already
            int m = p.mark();
            if (!(p.accept(Role.OR) && (p.accept(Role.IS_NULL) || p.accept(Role.NULL) || p.acceptWord("missing")))) {
                p.reset(m);
            }
            return Boolean.TRUE;
        }
        if (p.accept(Role.IS_NULL) || p.accept(Role.NULL)) {
            int m = p.mark();
            if (p.accept(Role.OR) && (p.accept(Role.IS_EMPTY) || p.accept(Role.BLANK))) {
                return Boolean.TRUE;
            }
            p.reset(m);
            return Boolean.FALSE;
        }
        return null;
    }

    /** Words for "any operand of what came before" ("0 if either is missing"): a NULL operand gives a NULL result. */
    private static final java.util.Set<String> ANY_OPERAND = java.util.Set.of("either", "any", "one");

    /**
     * literal (IF | WHEN) [SELF | either | any | one of them] [is | are] null-words, after an operation: "qty * price,
     * 0 if either is missing", ", 'n/a' when null". A missing operand makes the result NULL, so the value stands for it.
     */
    private static Operation valueIfMissing(Parser p) {
        int m = p.mark();
        Expr value = p.literal();
        if (value == null || value instanceof Expr.TypedNull || !(p.accept(Role.IF) || p.accept(Role.WHERE))) {
            return reset(p, m);
        }
        Token t = p.peekToken();
        if (t != null && ANY_OPERAND.contains(t.norm())) {
            p.next();
            if (p.acceptWord("of")) {
                p.acceptExact(Role.SELF);
            }
            p.acceptWord("value");
            p.acceptWord("operand");
        } else {
            p.acceptExact(Role.SELF);
        }
        Boolean blank = nullWords(p);
        List<Expr> alsoMissing = blank == null ? List.of() : alsoMissing(p);
        Token after = p.peekToken();
        if (blank == null || after != null && after.kind() != Token.Kind.SEP && !after.op(",") && !after.op(")")) {
            return reset(p, m);
        }
        if (!alsoMissing.isEmpty()) {
            return new Operation(x -> orValues(p, blank ? blankToNull(x) : x, x, alsoMissing, value), null);
        }
        return new Operation(x -> coalesce(p, blank ? blankToNull(x) : x, value), null);
    }

    private static final java.util.Set<String> STAYS = java.util.Set.of("stays", "stay", "remains", "remain", "becomes",
            "become", "is", "are", "left", "goes");

    /** "A blank price stays NULL": the blank word, the value's noun, a verb of staying, NULL; cursor after, or unchanged. */
    private static boolean blankNounStaysNull(Parser p) {
        int m = p.mark();
        if (!p.accept(Role.BLANK)) {
            return false;
        }
        Token noun = p.rawPeek();
        if (noun != null && noun.kind() == Token.Kind.WORD && !STAYS.contains(noun.norm())) {
            p.rawNext();
        }
        Token verb = p.rawPeek();
        if (verb != null && STAYS.contains(verb.norm())) {
            p.rawNext();
            p.acceptWord("as");
            if (p.accept(Role.NULL)) {
                return true;
            }
        }
        p.reset(m);
        return false;
    }

    static Operation operation(Parser p) {
        int m = p.mark();
        if (p.accept(Role.NULLS_KEPT)) {
            return new Operation(x -> x, null, Kind.NOTHING);
        }
        if (p.accept(Role.BLANK_TO_NULL) || blankNounStaysNull(p)) {
            // "Convert to date; blank stays NULL": a date or number read from a blank is NULL already; a text's blank
            // becomes NULL
            SqlType.Kind kind = p.targetType().kind();
            boolean text = kind == SqlType.Kind.VARCHAR || kind == SqlType.Kind.UNKNOWN;
            return text ? new Operation(NullHandling::blankToNull, null) : new Operation(x -> x, null, Kind.NOTHING);
        }
        Operation nullWhen = nullWhen(p);
        if (nullWhen != null) {
            return nullWhen;
        }
        Operation valueFirst = valueIfMissing(p);
        if (valueFirst != null) {
            return valueFirst;
        }
        if (p.accept(Role.DEFAULT)) {
            // "if empty then 'Unnamed'", "when blank": a blank text is missing too
            boolean saysBlank = false;
            for (int i = m; i < p.mark(); i++) {
                String w = p.tokens().get(i).norm();
                saysBlank |= w.equals("blank") || w.equals("empty") || w.equals("blanks");
            }
            p.acceptOp(":");
            p.accept(Role.THEN);
            p.accept(Role.SET);
            // "default it to 'UNKNOWN'": the value so far, then its default
            if (p.acceptWord("it")) {
                p.acceptWord("to");
            }
            Expr operand = p.operand();
            // "default USD": a code written without quotes
            Expr value = operand != null ? operand : p.code();
            if (value == null || value instanceof Expr.TypedNull) {
                p.reset(m);
                return null;
            }
            boolean blank = saysBlank;
            int w = p.mark();
            if (p.accept(Role.IF) || p.accept(Role.WHERE)) {
                int c = p.mark();
                Expr tested = p.column();
                if (tested == null || !p.ctx().sources().contains(tested)) {
                    p.reset(c);
                    p.acceptExact(Role.SELF);
                }
                Boolean b = nullWords(p);
                if (b == null) {
                    p.reset(w);
                } else {
                    blank = b || saysBlank;
                }
            }
            List<Expr> alsoMissing = alsoMissing(p);
            boolean blanks = blank;
            if (!alsoMissing.isEmpty()) {
                return new Operation(x -> orValues(p, blanks ? blankToNull(x) : x, x, alsoMissing, value), null);
            }
            return new Operation(x -> coalesce(p, blanks ? blankToNull(x) : x, value), null);
        }
        if (p.accept(Role.ELSE)) {
            p.acceptOp(",");
            if (p.accept(Role.COPY) || p.accept(Role.AS_IS) || p.accept(Role.USE) && p.acceptExact(Role.SELF)) {
                p.accept(Role.AS_IS);
                return new Operation(x -> x, null, Kind.OTHERWISE);
            }
            p.reset(m);
            return null;
        }
        if (p.accept(Role.OTHER_COLUMN)) {
            Token t = p.next();
            if (t != null && t.nameLike() && !t.text().equalsIgnoreCase(p.ctx().row().targetColumn())
                    && (p.acceptOp("=") || p.accept(Role.BECOMES)) && p.literal() != null) {
                return new Operation(x -> x, null, Kind.NOTHING);
            }
            p.reset(m);
            return null;
        }
        Operation named = replacedMissing(p);
        if (named != null) {
            return named;
        }
        // "replace empty strings with NULL", "replace 'N/A' and '-' by null": the values first, then what they become
        boolean replace = p.accept(Role.REPLACE);
        boolean sentinelWord = p.accept(Role.SENTINEL);
        if (!sentinelWord && p.accept(Role.BLANK)) {
            if (becomesNull(p, replace)) {
                return new Operation(NullHandling::blankToNull, null, Kind.INPUT);
            }
            p.reset(m);
            return null;
        }
        boolean paren = p.acceptOp("(");
        List<Expr> values = new ArrayList<>();
        boolean blanks = false;
        do {
            int v = p.mark();
            Token t = p.peekToken();
            if (t != null && t.kind() == Token.Kind.STRING) {
                p.next();
                values.add(new Expr.Lit(t.text()));
            } else if (p.accept(Role.BLANK)) {
                blanks = true;
            } else {
                p.reset(v);
                break;
            }
        } while (p.acceptOp(",") || p.accept(Role.OR) || p.acceptOp("/"));
        if (paren && !p.acceptOp(")")) {
            p.reset(m);
            return null;
        }
        if (!becomesNull(p, replace)) {
            p.reset(m);
            return null;
        }
        parenthesisedRemark(p);
        if (values.isEmpty() && !blanks) {
            return sentinelWord ? new Operation(x -> x, null, Kind.SENTINEL) : reset(p, m);
        }
        boolean alsoBlank = blanks;
        return new Operation(x -> {
            Expr in = alsoBlank ? blankToNull(x) : x;
            return values.isEmpty() ? in : new Expr.Case(List.of(new Expr.When(new Expr.InList(in, values, false),
                    new Expr.TypedNull(SqlType.VARCHAR))), in);
        }, null, Kind.INPUT);
    }

    /**
     * REPLACE (NULL | "missing" | BLANK) column (WITH | BY) literal: "Replace null branch code with 'HQ'", "replace blank
     * region with 'N/A'"; null (cursor unchanged) otherwise.
     */
    private static Operation replacedMissing(Parser p) {
        int m = p.mark();
        if (!p.accept(Role.REPLACE)) {
            return null;
        }
        boolean blank = false;
        boolean missing = p.acceptWord("nulls") || p.acceptWord("missing") || p.accept(Role.NULL);
        if (!missing && p.accept(Role.BLANK)) {
            blank = true;
            missing = true;
        }
        Expr column = missing ? p.column() : null;
        Token by = p.peekToken();
        if (column == null || !(p.accept(Role.WITH) || by != null && by.is(Token.Kind.WORD, "by") && p.next() != null)) {
            p.reset(m);
            return null;
        }
        Expr value = p.literal();
        if (!(value instanceof Expr.Lit)) {
            p.reset(m);
            return null;
        }
        boolean blanks = blank;
        return new Operation(x -> coalesce(p, blanks ? blankToNull(x) : x, value), column);
    }

    /**
     * NULL (IF | WHEN) [SELF | column] [EQUALS | IN] text {("," | OR) text}: "null if 'N/A' or 'TBD'" after the value,
     * values of the source that mean NULL (as "'N/A' -> NULL" says them); null (cursor unchanged) otherwise.
     */
    private static Operation nullWhen(Parser p) {
        int m = p.mark();
        if (!(p.accept(Role.NULL) && (p.accept(Role.IF) || p.accept(Role.WHERE)))) {
            p.reset(m);
            return null;
        }
        int c = p.mark();
        if (!(p.column() instanceof Expr.Col) && !p.acceptExact(Role.SELF)) {
            p.reset(c);
        }
        if (!p.accept(Role.IN)) {
            p.accept(Role.EQUALS);
        }
        List<Expr> values = new ArrayList<>();
        do {
            Token t = p.peekToken();
            if (t == null || t.kind() != Token.Kind.STRING) {
                break;
            }
            p.next();
            values.add(new Expr.Lit(t.text()));
        } while (p.acceptOp(",") || p.accept(Role.OR));
        if (values.isEmpty()) {
            p.reset(m);
            return null;
        }
        return new Operation(x -> new Expr.Case(List.of(new Expr.When(new Expr.InList(x, values, false),
                new Expr.TypedNull(SqlType.VARCHAR))), x), null, Kind.INPUT);
    }

    /**
     * {OR value} after the words for missing: "if channel is null or 'N/A'", "if missing or zero", "1 if null or 0" --
     * values that stand for missing too (texts, or numbers); empty (cursor unchanged) when none follows.
     */
    private static List<Expr> alsoMissing(Parser p) {
        List<Expr> values = new ArrayList<>();
        int o = p.mark();
        while (p.accept(Role.OR)) {
            Token t = p.peekToken();
            if (t != null && t.kind() == Token.Kind.WORD && t.norm().equals("zero")) {
                p.next();
                values.add(new Expr.Lit(0L));
            } else if (t != null && (t.kind() == Token.Kind.STRING || t.kind() == Token.Kind.NUMBER)) {
                Expr v = p.literal();
                if (v == null) {
                    break;
                }
                values.add(v);
            } else {
                break;
            }
            o = p.mark();
        }
        p.reset(o);
        boolean numbers = values.stream().allMatch(v -> v instanceof Expr.Lit l && l.value() instanceof Number);
        boolean texts = values.stream().allMatch(v -> v instanceof Expr.Lit l && l.value() instanceof String);
        return numbers || texts ? values : List.of();
    }

    /** The value where x is missing or one of the values (numbers compared as numbers); x otherwise. */
    private static Expr orValues(Parser p, Expr missing, Expr x, List<Expr> values, Expr value) {
        boolean numbers = values.get(0) instanceof Expr.Lit l && l.value() instanceof Number;
        Expr compared = numbers ? new Expr.Cast(x, SqlType.DOUBLE, true) : x;
        // a number for missing or zero: the other values read as the target's type, as the number is
        return new Expr.Case(List.of(new Expr.When(new Expr.Bin("OR", new Expr.IsNull(missing, false),
                new Expr.InList(compared, values, false)), value)), numbers ? p.typed(x) : x);
    }

    /** BECOMES NULL, or after REPLACE: (WITH | BY) NULL. */
    private static boolean becomesNull(Parser p, boolean replace) {
        int m = p.mark();
        if (replace) {
            Token by = p.peekToken();
            if (p.accept(Role.WITH) || by != null && by.is(Token.Kind.WORD, "by") && p.next() != null) {
                if (p.accept(Role.NULL)) {
                    return true;
                }
            }
            p.reset(m);
        }
        if (!p.accept(Role.BECOMES)) {
            return false;
        }
        // "become null" is one phrase of BECOMES: its NULL is already read
        return p.tokens().get(p.mark() - 1).norm().equals("null") || p.accept(Role.NULL);
    }

    /** The column holds a truth value: typed BOOLEAN, or unknown and named as a flag (active_flag, is_deleted). */
    private static boolean holdsATruth(Parser p, Expr.Col c) {
        SqlType type = p.ctx().typeOf(c);
        if (type.known()) {
            return type.kind() == SqlType.Kind.BOOLEAN;
        }
        String[] parts = ColumnWords.parts(c.column());
        return parts.length >= 2 && (parts[0].equals("is") || parts[0].equals("has")) || ColumnWords.flagNamed(c.column());
    }

    private static Operation reset(Parser p, int m) {
        p.reset(m);
        return null;
    }

    /** "(not an Incoterm)" after "-> NULL": a remark on the values, when it names no column and asks for nothing. */
    static void parenthesisedRemark(Parser p) {
        int m = p.mark();
        if (!p.acceptOp("(")) {
            return;
        }
        int from = p.mark();
        int depth = 1;
        int end = -1;
        for (int i = from; i < p.tokens().size(); i++) {
            Token t = p.tokens().get(i);
            if (t.op("(")) {
                depth++;
            } else if (t.op(")") && --depth == 0) {
                end = i;
                break;
            }
        }
        if (end < 0 || !Commentary.isRemark(p.tokens().subList(from, end), p.ctx(), Lexicon.standard())) {
            p.reset(m);
            return;
        }
        p.reset(end + 1);
    }

    /** NULL for a blank text; any other value as it is (not trimmed: "blank as null" asks nothing of other values). */
    static Expr blankToNull(Expr x) {
        if (x instanceof Expr.Cast c && c.type().known() && c.type().kind() != io.aide.compiler.plan.SqlType.Kind.VARCHAR) {
            // "cast to integer, default 0 when blank": the text is blank before it is cast, never the number after
            return new Expr.Cast(blankToNull(c.expr()), c.type(), c.safe());
        }
        if (x instanceof Expr.Fn f && !f.args().isEmpty() && castInside(f.args().get(0))) {
            // "convert to decimal with 2 places, 0.00 when blank": ROUND of the cast number; the text is blank before it
            java.util.List<Expr> args = new java.util.ArrayList<>(f.args());
            args.set(0, blankToNull(args.get(0)));
            return new Expr.Fn(f.name(), args);
        }
        if (x instanceof Expr.Bin b && java.util.Set.of("+", "-", "*", "/", "%").contains(b.op())) {
            // "MOD_CENTS / 100, 0 if blank": arithmetic reads its text operands as numbers, and a blank one as no number
            // (the safe cast gives NULL), so the result is NULL already where a text is blank; a number is never blank
            return x;
        }
        java.util.Set<Expr.Col> read = new java.util.HashSet<>(Expr.columns(x));
        if (x instanceof Expr.Case c && read.size() == 1 && c.whens().stream().allMatch(w -> nonText(w.result()))
                && nonText(c.otherwise())) {
            // "true if a reason code is present, false if it is empty": a truth value or number is never blank; its one
            // input is
            Expr input = read.iterator().next();
            boolean truth = c.otherwise() instanceof Expr.Lit l && l.value() instanceof Boolean
                    || c.whens().stream().anyMatch(w -> w.result() instanceof Expr.Lit l && l.value() instanceof Boolean);
            return new Expr.Case(List.of(new Expr.When(new Expr.Bin("=", new Expr.Fn("TRIM", List.of(input)), new Expr.Lit("")),
                    new Expr.TypedNull(truth ? io.aide.compiler.plan.SqlType.BOOLEAN : io.aide.compiler.plan.SqlType.DOUBLE))), x);
        }
        Expr trimmed = x instanceof Expr.Fn f && f.name().equals("TRIM") ? x : new Expr.Fn("TRIM", List.of(x));
        return new Expr.Case(List.of(new Expr.When(new Expr.Bin("=", trimmed, new Expr.Lit("")),
                new Expr.TypedNull(io.aide.compiler.plan.SqlType.UNKNOWN))), x);
    }

    /** A cast to a type other than text, as it is or as the first argument of functions around it. */
    private static boolean castInside(Expr x) {
        if (x instanceof Expr.Cast c) {
            return c.type().known() && c.type().kind() != io.aide.compiler.plan.SqlType.Kind.VARCHAR;
        }
        return x instanceof Expr.Fn f && !f.args().isEmpty() && castInside(f.args().get(0));
    }

    /** A literal that is no text (a truth value, a number), or no value at all. */
    private static boolean nonText(Expr e) {
        return e == null || e instanceof Expr.Lit l && !(l.value() instanceof String);
    }

    private static Expr coalesce(Parser p, Expr x, Expr value) {
        if (value instanceof Expr.TypedNull || value instanceof Expr.Lit l && l.value() == null) {
            // "(NULL if no date)": NULL for NULL asks for nothing (a typed NULL would not mix with a date inside)
            return x;
        }
        // a column as the fallback: both read as the target's type (a text source and a date column do not mix)
        return value instanceof Expr.Lit ? new Expr.Fn("COALESCE", List.of(x, value))
                : new Expr.Fn("COALESCE", List.of(p.typed(x), p.typed(value)));
    }
}
