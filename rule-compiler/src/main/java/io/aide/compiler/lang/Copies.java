package io.aide.compiler.lang;


import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;
import io.aide.compiler.rules.ReferenceData;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A value and the operations applied to it, in order:
 * value := COPY [FROM] [column] | USE column | column | (nothing: the row's own source value)
 * rule  := value (CHAIN? operation)*
 * operation := REMOVE text [PREFIX|SUFFIX] [FROM column] | REMOVE PREFIX|SUFFIX text | ADD text PREFIX|SUFFIX
 *            | (CAST | EXTRACT) [column (CAST | TO)] (type | UPPER | LOWER) [FROM column]
 *            | (TITLE_CASE | TRIM | UPPER | LOWER) [[OF] column]
 * "Copied as it is", "Copied from `x`", "ADSL.SITEID", "Remove 'M' prefix", "use x by removing the 'M' and convert into
 * an integer".
 */
final class Copies implements Recognizer {

    @Override
    public Recognition recognize(Parser p) {
        int start = p.mark();
        Recognition r = read(p, true);
        if (r instanceof Recognition.NotMine && p.problem() == null) {
            // "Domain of the URL" into domain: the first word named the target (the row's source), but it starts an
            // operation whose column follows; read again with no value at the head
            p.reset(start);
            Recognition again = read(p, false);
            return again instanceof Recognition.Recognized ? again : Recognition.NOT_MINE;
        }
        return r;
    }

    private Recognition read(Parser p, boolean headValue) {
        Expr value = null;
        boolean claimed = false;
        boolean sqlCall = false;
        boolean derived = false;
        int start = p.mark();
        if (p.atEnd() && p.ctx().sources().size() == 1) {
            // only words that keep the value: "As is", "N/A", "no transformation"
            return new Recognition.Recognized(p.ctx().sources().get(0), null, List.of(), "copy");
        }
        if (p.accept(Role.RENAME)) {
            // "Rename user_id to customer_id": the source under the target's name
            value = p.column();
            if (value == null || !p.accept(Role.CAST) || !namesTarget(p)) {
                p.reset(start);
                return Recognition.NOT_MINE;
            }
            claimed = true;
        } else if (p.accept(Role.COPY)) {
            claimed = true;
            p.accept(Role.FROM);
            value = p.column();
        } else if (p.accept(Role.DERIVED)) {
            derived = true;
            // "calculated from x" says what is read, the operations that follow say how: nothing follows, nothing said
            value = p.column();
            if (value == null && p.problem() != null) {
                return p.notUnderstood();
            }
            if (value == null || p.atEnd()) {
                p.reset(start);
                return Recognition.NOT_MINE;
            }
        } else if (p.accept(Role.USE)) {
            int afterUse = p.mark();
            boolean sameAs = p.tokens().subList(start, afterUse).stream().anyMatch(t -> t.is(Token.Kind.WORD, "same"));
            Token named = p.peekToken();
            value = p.column();
            if (sameAs && value != null && named != null && p.ctx().sources().size() == 1
                    && !Expr.columns(value).contains(p.ctx().sources().get(0))) {
                // "Same as effective_date (MM/DD/YYYY text to date)" in the row of EXP_DT, "Same as planned start
                // (DD/MM/YYYY)" in the row of PLANNED_END: the other column's rule on this row's own column
                // (SameRuleAs, or the restatement), never the other column's value
                p.reset(start);
                return Recognition.NOT_MINE;
            }
            if (value == null && p.problem() == null && operation(p) != null) {
                // "Take first 3 characters": the verb leads an operation on the row's own value
                p.reset(afterUse);
            } else if (value == null) {
                p.reset(start);
                return p.problem() != null ? p.notUnderstood() : Recognition.NOT_MINE;
            } else {
                claimed = true;
            }
        } else {
            int beforeFrom = p.mark();
            // "from `sex`" (after words that keep the value: "Verbatim from `sex`")
            boolean from = p.accept(Role.FROM);
            value = headValue || from ? p.column() : null;
            if (value == null && !from && headValue) {
                // "Upper(curr_cd), default 'USD' when null": a SQL call is the value the operations work on
                value = Expressions.call(p);
                sqlCall = value != null;
            }
            claimed = value != null;
            if (from && value == null) {
                p.reset(beforeFrom);
            }
        }
        if (p.problem() != null && claimed) {
            return p.notUnderstood();
        }
        UnaryOperator<Expr> ops = UnaryOperator.identity();
        UnaryOperator<Expr> input = UnaryOperator.identity();
        boolean converted = false;
        Kind last = null;
        int count = 0;
        Expr named = null;
        String stored = null;
        while (!p.atEnd()) {
            int m = p.mark();
            if ((value != null || named != null) && stored == null) {
                // "year part of hire_dt (DD/MM/YYYY)", "bill_period (YYYY-MM)": the pattern right after the column
                // says how it is stored, never how the value is written
                stored = storedPattern(p);
                if (stored != null) {
                    continue;
                }
            }
            boolean prior = false;
            if (claimed || count > 0) {
                p.acceptSeparator();
                int joint = p.mark();
                Token sign = p.rawPeek();
                if (count > 0 && sign != null && (sign.op("+") || sign.op("/"))) {
                    // "trim+upper", "trim/upper": operations named one after the other with a sign between
                    p.rawNext();
                    int next = p.mark();
                    Token word = p.rawPeek();
                    // only an operation of its own after the sign: "(a - b) / sale_amt" divides, it chains nothing
                    Operation ahead = word != null && word.kind() == Token.Kind.WORD ? operation(p) : null;
                    p.reset(ahead != null && ahead.column() == null && p.mark() > next ? next : joint);
                }
                // "First 2 digits after removing '+'": an operation read after PRIOR applies before those written first
                prior = !p.accept(Role.CHAIN) && count > 0 && p.accept(Role.PRIOR);
                // "..., then take the first 2 characters": the verb leads the next operation
                p.accept(Role.USE);
                Token by = p.peekToken();
                if (by != null && by.is(Token.Kind.WORD, "by")) {
                    p.next();
                }
            }
            Operation read = operation(p);
            // an operation that read nothing would be applied forever
            Operation op = read != null && p.mark() > m ? read : null;
            if (op == null) {
                // a value followed by words no operation places: commentary or another family's wording (a SQL call
                // followed by more SQL, "COALESCE(a, 0) + 1", is the SQL expression family's)
                return !sqlCall && (derived || p.problem() != null) ? p.notUnderstood() : Recognition.NOT_MINE;
            }
            if (op.column() != null) {
                if (named != null || value != null) {
                    p.reset(m);
                    return p.notUnderstood();
                }
                named = op.column();
            }
            if (op.kind() == Kind.NOTHING && count == 0 && !claimed && value == null) {
                // "remaining sentinels -> NULL" with no conversion before it, "otherwise copied" with no exception
                return Recognition.NOT_MINE;
            }
            if (op.kind() == Kind.OTHERWISE && last != Kind.INPUT) {
                p.reset(m);
                return p.notUnderstood();
            }
            last = op.kind();
            if (op.kind() == Kind.SENTINEL && !converted) {
                p.reset(m);
                return p.notUnderstood();
            }
            converted |= op.kind() == Kind.CONVERSION;
            UnaryOperator<Expr> before = ops;
            UnaryOperator<Expr> inBefore = input;
            if (prior && op.kind() != Kind.VALUE) {
                p.reset(m);
                return p.notUnderstood();
            }
            if (prior) {
                ops = x -> before.apply(op.apply().apply(x));
            } else if (op.kind() == Kind.INPUT) {
                input = x -> op.apply().apply(inBefore.apply(x));
            } else {
                ops = x -> op.apply().apply(before.apply(x));
            }
            count++;
            int after = p.mark();
            if (!(p.acceptWord("first") && (p.atEnd() || p.acceptSeparator() && p.atEnd()))) {
                // "trim/upper first": the operations come before what the next sentence does with the value
                p.reset(after);
            }
        }
        if (!claimed && count == 0) {
            return Recognition.NOT_MINE;
        }
        Expr source = value != null ? value : named != null ? named : p.self();
        UnaryOperator<Expr> in = input;
        if (source == null) {
            return p.notUnderstood();
        }
        ReferenceData.LookupMap map = p.lookedUp();
        Expr result = ops.apply(in.apply(source));
        if (datePartOfANumber(result)) {
            // "Year and month of d": a month is never taken of a year
            return p.notUnderstood();
        }
        if (stored != null && source instanceof Expr.Col col && readsAsDate(result)) {
            // the column read by its stored pattern wherever a date is worked on
            String fmt = stored;
            result = Expr.mapColumns(result, c -> c.equals(col) ? new Expr.ParseDate(c, fmt, fmt.matches(".*%[HMS].*")) : c);
        }
        return new Recognition.Recognized(result, map == null ? null : map.name(),
                map == null ? List.of() : map.entries().values().stream().distinct().toList(),
                count == 0 ? "copy" : count + " operation(s)");
    }

    /** "(DD/MM/YYYY)": a date pattern alone in parentheses, as strftime; null (cursor unchanged) otherwise. */
    private static String storedPattern(Parser p) {
        int m = p.mark();
        if (p.acceptOp("(")) {
            Token t = p.rawNext();
            if (t != null && t.kind() == Token.Kind.DATE_PATTERN && p.acceptOp(")")) {
                return t.text();
            }
        }
        p.reset(m);
        return null;
    }

    /** The value works on a date: a part, a format, a shift, a difference, a truncation. */
    private static boolean readsAsDate(Expr e) {
        boolean[] found = {false};
        Expr.visit(e, x -> found[0] |= x instanceof Expr.Extract || x instanceof Expr.FormatDate || x instanceof Expr.DateAdd
                || x instanceof Expr.DateDiff || x instanceof Expr.TruncDate || x instanceof Expr.LastDay);
        return found[0];
    }

    /** One production of an operation: the operation, or null when the words at the cursor are not it. */
    interface Production {
        Operation read(Parser p);
    }

    /** The first production that reads an operation at the cursor, or null (cursor unchanged). */
    static Operation first(Parser p, List<Production> productions) {
        int m = p.mark();
        for (Production production : productions) {
            Operation op = production.read(p);
            if (op != null && p.mark() > m) {
                return op;
            }
            // a production that read nothing is no operation (a chain would apply it forever)
            p.reset(m);
        }
        return null;
    }

    /** An operation and the column it names ("remove 'M' from member_id"), if any. */
    record Operation(UnaryOperator<Expr> apply, Expr column, Kind kind) {
        Operation(UnaryOperator<Expr> apply, Expr column) {
            this(apply, column, Kind.VALUE);
        }
    }

    /** VALUE: applies to the value so far; INPUT: to the source before any other operation (values that mean NULL);
     * CONVERSION: a safe conversion (NULL when the text does not convert); NOTHING: says nothing new about the value. */
    enum Kind {
        VALUE, INPUT, CONVERSION, NOTHING, SENTINEL, OTHERWISE
    }

    private static Operation basic(Parser p) {
        int m = p.mark();
        // "in euros using a fixed rate of 0.92" before a unit conversion (which knows no exchange rate)
        Operation op = Rates.atRate(p);
        if (op == null) {
            p.reset(m);
            // "trim leading zeros", "prefix with 'x'" before "trim", "prefix": the longer operation first
            op = Functions.operation(p);
        }
        if (op == null) {
            p.reset(m);
            op = valueOperation(p);
        }
        if (op == null) {
            // "add 2 weeks to x" (a date shift) before "add 5" (arithmetic): words shared with the families below
            p.reset(m);
            op = Dates.operation(p);
        }
        if (op == null) {
            p.reset(m);
            op = Operations.operation(p);
        }
        return op;
    }

    private static Operation valueOperation(Parser p) {
        int m = p.mark();
        Operation passive = removedAfter(p);
        if (passive != null) {
            return passive;
        }
        p.reset(m);
        if (p.accept(Role.REMOVE)) {
            Role side = p.accept(Role.PREFIX) ? Role.PREFIX : p.accept(Role.SUFFIX) ? Role.SUFFIX : null;
            Expr text = p.literal();
            if (!(text instanceof Expr.Lit l) || !(l.value() instanceof String || l.value() instanceof Long)) {
                p.reset(m);
                return null;
            }
            String affix = String.valueOf(l.value());
            if (side == null) {
                side = p.accept(Role.PREFIX) ? Role.PREFIX : p.accept(Role.SUFFIX) ? Role.SUFFIX : null;
            } else {
                // "the leading 'SKU-' prefix": the side said twice
                p.accept(side);
            }
            Expr column = null;
            if (p.accept(Role.FROM)) {
                column = p.column();
                if (column == null) {
                    p.reset(m);
                    return null;
                }
            }
            Role s = side;
            return new Operation(x -> s == Role.PREFIX ? removePrefix(x, affix) : s == Role.SUFFIX
                    ? removeSuffix(x, affix) : new Expr.Fn("REPLACE", List.of(x, new Expr.Lit(affix), new Expr.Lit(""))),
                    column);
        }
        if (p.accept(Role.ADD)) {
            Expr text = p.literal();
            p.accept(Role.CAST);
            Role side = p.accept(Role.PREFIX) ? Role.PREFIX : p.accept(Role.SUFFIX) ? Role.SUFFIX : null;
            if (!(text instanceof Expr.Lit) || side == null) {
                p.reset(m);
                return null;
            }
            return new Operation(x -> side == Role.PREFIX ? new Expr.Concat(List.of(text, x))
                    : new Expr.Concat(List.of(x, text)), null);
        }
        SqlType named = TypeWords.type(p);
        Token after = named == null ? null : p.peekToken();
        if (named != null && (p.acceptWord("cast") || p.acceptWord("conversion")
                // "Integer.", "Decimal(12,2), zero if not populated": the rule starts with the type alone
                || m == 0 && (after == null || after.kind() == Token.Kind.SEP || after.op(",")))) {
            // "Integer cast.", "decimal conversion": the type, then the verb's noun
            return new Operation(x -> new Expr.Cast(x, named, true), null, Kind.CONVERSION);
        }
        p.reset(m);
        if (p.accept(Role.CAST) || p.accept(Role.EXTRACT)) {
            // "convert to upper case", "cast created_at to date", "make them lower case", "extract date from x"
            int afterVerb = p.mark();
            if (p.peek(Role.EPOCH)) {
                // "convert epoch to timestamp": an epoch is read by the date family, which asks for its unit
                p.reset(m);
                return null;
            }
            Expr column = p.column();
            UnaryOperator<Expr> before = UnaryOperator.identity();
            if (column != null) {
                if (!(p.accept(Role.CAST) || p.accept(Role.TO))) {
                    p.reset(afterVerb);
                    column = null;
                }
            } else if (!p.acceptExact(Role.SELF)) {
                // "cast the trimmed text to a whole number": the value an operation gives, named, then its type
                UnaryOperator<Expr> done = TypeWords.changedSelf(p);
                if (done != null) {
                    before = done;
                }
            }
            SqlType type = TypeWords.type(p);
            if (type != null) {
                p.accept(Role.UNIT);
                Expr from = column;
                if (from == null && p.accept(Role.FROM)) {
                    from = p.column();
                    if (from == null) {
                        p.reset(m);
                        return null;
                    }
                }
                UnaryOperator<Expr> first = before;
                return new Operation(x -> new Expr.Cast(first.apply(x), type, true), from, Kind.CONVERSION);
            }
            String fn = p.accept(Role.UPPER) ? "UPPER" : p.accept(Role.LOWER) ? "LOWER" : p.accept(Role.TITLE_CASE) ? "INITCAP" : null;
            SqlType target = p.targetType();
            if (fn == null && column == null && p.atEnd() && m > 0 && (target.numeric() || target.temporal())
                    && p.tokens().get(m).is(Token.Kind.WORD, "cast")) {
                // "drop £, commas, spaces then cast": the last step of a clean-up, cast to the column's own type
                return new Operation(x -> new Expr.Cast(x, target, true), null, Kind.CONVERSION);
            }
            if (fn == null) {
                p.reset(m);
                return null;
            }
            return new Operation(x -> new Expr.Fn(fn, List.of(x)), column);
        }
        if (p.accept(Role.AT_TIME)) {
            // a date at midnight is the same instant as a timestamp; another time of day is not said how to add
            Token t = p.next();
            if (t == null || t.kind() != Token.Kind.TIME || !t.text().matches("0?0:00(:0+(\\.0+)?)?")) {
                p.reset(m);
                return null;
            }
            return new Operation(x -> new Expr.Cast(x, SqlType.TIMESTAMP, true), null);
        }
        if (p.accept(Role.SENTENCE_CASE) || SpelledCase.sentenceCase(p)) {
            // "in sentence case", "first letter capitalised and the rest lower case": the first character in upper case,
            // the rest in lower case (read before UPPER_FIRST, whose phrase begins this one)
            return new Operation(x -> new Expr.Concat(List.of(new Expr.Fn("UPPER", List.of(new Expr.Substr(x, new Expr.Lit(1L), new Expr.Lit(1L)))),
                    new Expr.Fn("LOWER", List.of(new Expr.Substr(x, new Expr.Lit(2L), null))))), operand(p));
        }
        if (p.accept(Role.UPPER_FIRST)) {
            // "with the first letter capitalised": the first character in upper case, the rest as it is
            return new Operation(Copies::upperFirst, operand(p));
        }
        for (Role r : new Role[]{Role.TITLE_CASE, Role.TRIM, Role.UPPER, Role.LOWER}) {
            if (p.accept(r)) {
                if ((p.peek(Role.FIRST_CHARS) || p.peek(Role.LAST_CHARS)) && !adverbFirst(p) && !namesColumn(p)) {
                    // "capitalise the first 3 letters": the rest of the value is kept, not cut off ("trimmed last
                    // name" names a column)
                    p.reset(m);
                    return null;
                }
                // "Trim the email address", "upper case of country": the column it works on may follow the verb
                String fn = r == Role.TITLE_CASE ? "INITCAP" : r.name();
                return new Operation(x -> new Expr.Fn(fn, List.of(x)), operand(p));
            }
        }
        return null;
    }

    /** A part or format of a date taken of a date part (a number): operations chained wrongly. */
    private static boolean datePartOfANumber(Expr e) {
        boolean[] found = {false};
        Expr.visit(e, x -> {
            Expr arg = x instanceof Expr.Extract ex ? ex.expr() : x instanceof Expr.FormatDate f ? f.expr() : null;
            while (arg instanceof Expr.Cast c) {
                arg = c.expr();
            }
            found[0] |= arg instanceof Expr.Extract;
        });
        return found[0];
    }

    /** A column of the row's sources is named at the cursor ("last name" for LAST_NAME); the cursor unmoved. */
    private static boolean namesColumn(Parser p) {
        int m = p.mark();
        Expr c = p.column();
        p.reset(m);
        return c instanceof Expr.Col col && p.ctx().known(col);
    }

    /** "trim first", "upper first; ...": "first" at the end of a sentence says when, not which characters. */
    private static boolean adverbFirst(Parser p) {
        List<Token> t = p.tokens();
        int i = p.mark();
        return i < t.size() && t.get(i).is(Token.Kind.WORD, "first")
                && (i + 1 == t.size() || t.get(i + 1).kind() == Token.Kind.SEP || t.get(i + 1).op(","));
    }

    /**
     * WITH [the] [word] (PREFIX | SUFFIX) [word] literal [PREFIX | SUFFIX] REMOVE: "with the plant prefix 'PLT1-' removed",
     * "with the leading '+' removed" -- the affix taken off where the value has it; null (cursor moved) otherwise.
     */
    private static Operation removedAfter(Parser p) {
        if (!p.accept(Role.WITH)) {
            return null;
        }
        Role side = null;
        for (int words = 0; words < 3 && side == null; words++) {
            side = p.accept(Role.PREFIX) ? Role.PREFIX : p.accept(Role.SUFFIX) ? Role.SUFFIX : null;
            if (side == null && (p.peekToken() == null || p.peekToken().kind() != Token.Kind.WORD || !p.next().text().matches("[A-Za-z]+"))) {
                return null;
            }
        }
        Expr text = p.literal();
        if (side == null || !(text instanceof Expr.Lit l) || !(l.value() instanceof String affix) || affix.isEmpty()) {
            return null;
        }
        p.accept(side);
        if (!p.accept(Role.REMOVE)) {
            return null;
        }
        Role s = side;
        return new Operation(x -> s == Role.PREFIX ? removePrefix(x, affix) : removeSuffix(x, affix), null);
    }

    /** The first character in upper case and the rest unchanged. */
    static Expr upperFirst(Expr x) {
        return new Expr.Concat(List.of(new Expr.Fn("UPPER", List.of(new Expr.Substr(x, new Expr.Lit(1L), new Expr.Lit(1L)))),
                new Expr.Substr(x, new Expr.Lit(2L), null)));
    }

    /** [of | from] column after an operation's verb, or null (cursor unchanged). */
    private static Expr operand(Parser p) {
        int m = p.mark();
        Token of = p.peekToken();
        if (of != null && (of.is(Token.Kind.WORD, "it") || of.is(Token.Kind.WORD, "them"))) {
            // "... and lower-case it": the value the steps before give
            p.next();
            return null;
        }
        if (of != null && (of.is(Token.Kind.WORD, "of") || of.is(Token.Kind.WORD, "from"))) {
            p.next();
        }
        Expr c = p.column();
        if (c == null) {
            p.reset(m);
            c = kindLeftOut(p);
        }
        return c;
    }

    /**
     * "Upper case status" over stat_cd: after an operation's verb one word names the one source column of the row whose
     * name is that word and a kind, where the phrase ends after it; null (cursor unchanged) otherwise.
     */
    private static Expr kindLeftOut(Parser p) {
        int m = p.mark();
        Token t = p.peekToken();
        if (t == null || t.kind() != Token.Kind.WORD || p.ctx().sources().size() != 1
                || !ColumnWords.namesLeavingKind(p.ctx().sources().get(0).column(), t)) {
            return null;
        }
        p.next();
        Token after = p.peekToken();
        if (after != null && after.kind() != Token.Kind.SEP && !after.op(",") && !after.is(Token.Kind.WORD, "unless")
                && !p.peek(Role.IF) && !p.peek(Role.ELSE)) {
            p.reset(m);
            return null;
        }
        return p.ctx().sources().get(0);
    }

    /** An operation of this family, or of the date, null-handling and reference-map families. */
    static Operation operation(Parser p) {
        int m = p.mark();
        Operation own = basic(p);
        if (own != null) {
            return own;
        }
        p.reset(m);
        Operation date = Dates.operation(p);
        if (date != null) {
            return date;
        }
        p.reset(m);
        Operation nulls = NullHandling.operation(p);
        if (nulls != null) {
            return nulls;
        }
        p.reset(m);
        Operation lookup = ReferenceMaps.operation(p);
        if (lookup != null) {
            return lookup;
        }
        p.reset(m);
        if (m > 0 && p.tokens().get(m - 1).op(",") && (p.acceptExact(Role.AS_IS) || p.accept(Role.COPY)) && p.atEnd()) {
            // "emp_id, straight move": the way the value is taken, said after it
            return new Operation(x -> x, null, Kind.VALUE);
        }
        p.reset(m);
        return null;
    }

    /** The target column's own name, bare or with its table. */
    private static boolean namesTarget(Parser p) {
        Token t = p.next();
        if (t == null || !t.nameLike()) {
            return false;
        }
        String col = p.ctx().row().targetColumn();
        String name = t.text();
        return name.equalsIgnoreCase(col) || name.toLowerCase(java.util.Locale.ROOT).endsWith("." + col.toLowerCase(java.util.Locale.ROOT));
    }

    /** Without the prefix when the value starts with it; unchanged otherwise. */
    static Expr removePrefix(Expr x, String prefix) {
        Expr starts = new Expr.Bin("=", new Expr.Substr(x, new Expr.Lit(1L), new Expr.Lit((long) prefix.length())),
                new Expr.Lit(prefix));
        return new Expr.Case(List.of(new Expr.When(starts, new Expr.Substr(x, new Expr.Lit(prefix.length() + 1L), null))), x);
    }

    /** Without the suffix when the value ends with it; unchanged otherwise. */
    static Expr removeSuffix(Expr x, String suffix) {
        Expr len = new Expr.Fn("LENGTH", List.of(x));
        Expr tailStart = new Expr.Bin("-", len, new Expr.Lit(suffix.length() - 1L));
        Expr ends = new Expr.Bin("=", new Expr.Substr(x, tailStart, null), new Expr.Lit(suffix));
        Expr kept = new Expr.Substr(x, new Expr.Lit(1L), new Expr.Bin("-", len, new Expr.Lit((long) suffix.length())));
        return new Expr.Case(List.of(new Expr.When(ends, kept)), x);
    }
}
