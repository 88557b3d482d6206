package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A rule followed by a sentence that adjusts its result under a condition on that result:
 * "ASTDT - ADSL.TRTSDT. If value >= 0 then add 1.", "Days between a and b; if the result is negative, set to 0",
 * "amount * rate. If less than 0 use 0".
 * <pre>
 * adjusted   := rule SEP IF [subject] test [,] [THEN] action | rule SEP [SET|USE] literal IF [subject] test
 * subject    := SELF | [the] (result | difference | outcome | number) | [its | the] length  -- "null if length is not 17"
 * test       := (GT|GE|LT|LE|EQUALS|NOT_EQUALS|BEFORE|AFTER) number | NEGATIVE | POSITIVE | ZERO_VALUE
 * action     := (PLUS|ADD) number | (MINUS|SUBTRACT) number | MULTIPLY [BY] number | DIVIDE [BY] number
 *             | [SET|USE] literal
 * </pre>
 * or by an exception on any columns: "ext_amt / qty, 0 when qty = 0", "amount * rate. If currency is null then 0"
 * (exception := literal (IF | WHEN) condition | (IF | WHEN) condition [THEN] literal | condition (SET | BECOMES) literal
 * | VERB condition (AS | TO | WITH) literal, as in "treat negative values as zero").
 * The rule before the sentence is read by the other families; the adjustment keeps the result when its test fails,
 * the exception gives its value when its condition holds.
 */
final class Adjustments {
    /** Verbs that open "treat negative values as zero", "set blank entries to 'N/A'", "replace zeros with null". */
    private static final Set<String> VERBS_FIRST = Set.of("treat", "count", "consider", "read", "set", "make", "force",
            "replace", "load", "default", "report", "show");
    /** Words that say why the values are replaced: "dates before 2000-01-01 are invalid and should be null". */
    private static final Set<String> INVALID = Set.of("invalid", "bad", "wrong", "incorrect", "erroneous", "bogus",
            "errors", "placeholders", "dummies", "dummy", "junk", "garbage", "unknown", "implausible", "impossible");
    private static final Set<String> MODALS = Set.of("must", "should", "will", "shall", "are", "is", "to", "can");
    private static final Set<String> LOADED = Set.of("loaded", "set", "treated", "stored", "recorded", "written", "shown",
            "reported", "kept", "saved", "defaulted", "replaced", "changed", "converted", "mapped", "output");
    private static final Set<String> KIND_NOUNS = Set.of("dates", "timestamps", "times", "amounts", "numbers", "entries",
            "records", "rows", "codes", "readings", "prices", "quantities", "scores", "ages", "counts");
    private static final Set<String> RESULT_WORDS = Set.of("result", "difference", "outcome", "number", "total", "duration");
    private static final Role[] TESTS = {Role.NOT_EQUALS, Role.GE, Role.LE, Role.GT, Role.LT, Role.EQUALS, Role.BEFORE,
            Role.AFTER};
    private static final String[] SYMBOLS = {"<>", ">=", "<=", ">", "<", "=", "<", ">"};

    private Adjustments() {
    }

    /**
     * The cell read as a rule and an adjustment of its last sentence, or null when its last sentence is no
     * adjustment or the rule before it is not understood.
     */
    static Recognition read(List<Token> tokens, Function<List<Token>, Parser> parsers, Function<List<Token>, Recognition> rule) {
        int end = tokens.size();
        while (end > 0 && tokens.get(end - 1).kind() == Token.Kind.SEP) {
            end--;
        }
        if (end > 2 && tokens.get(end - 1).op(")")) {
            // "annual_sales / sqft (null when sqft is 0)": the adjustment or exception in parentheses after the rule
            int depth = 0;
            for (int open = end - 1; open > 0; open--) {
                depth += tokens.get(open).op(")") ? 1 : tokens.get(open).op("(") ? -1 : 0;
                if (depth == 0) {
                    List<Token> sentences = new java.util.ArrayList<>(tokens.subList(0, open));
                    sentences.add(Token.of(Token.Kind.SEP, ";"));
                    sentences.addAll(tokens.subList(open + 1, end - 1));
                    Recognition r = read(sentences, parsers, rule);
                    if (r != null) {
                        return r;
                    }
                    break;
                }
            }
        }
        for (int split = end - 1; split > 0; split--) {
            // "... Never negative: if the result is below zero load 0": an adjustment after the colon of its label
            boolean colon = tokens.get(split).op(":");
            if (tokens.get(split).kind() != Token.Kind.SEP && !tokens.get(split).op(",") && !colon) {
                continue;
            }
            Parser p = parsers.apply(tokens.subList(split + 1, end));
            Adjustment a = adjustment(p);
            if (a == null && colon) {
                continue;
            }
            if (a == null) {
                p = parsers.apply(tokens.subList(split + 1, end));
                Expr.When exception = exception(p);
                if (exception == null) {
                    Recognition substituted = substituted(parsers.apply(tokens.subList(split + 1, end)),
                            tokens.subList(0, split), rule);
                    if (substituted != null) {
                        return substituted;
                    }
                    // no adjustment after this separator: perhaps after an earlier one ("a, b; if negative, set to 0")
                    continue;
                }
                Recognition before = rule.apply(tokens.subList(0, split));
                if (tokens.get(split).op(",") && before instanceof Recognition.Recognized constant && Expr.columns(constant.expr()).isEmpty()) {
                    // "00000000, blank or NULL -> NULL": a value and the missing ones listed together, no constant with an
                    // exception on the input it never reads
                    continue;
                }
                if (before instanceof Recognition.Recognized ok && Expr.hasAggregate(ok.expr())) {
                    // "Total credits, 0 when missing": an empty total is the value; any other test of a row's column
                    // cannot stand beside the aggregate of the rows
                    if (exception.condition() instanceof Expr.IsNull n && !n.negated()
                            && Expr.columns(ok.expr()).containsAll(Expr.columns(n.expr()))) {
                        return new Recognition.Recognized(new Expr.Fn("COALESCE", List.of(ok.expr(), p.typed(exception.result()))),
                                ok.lookupTable(), List.of(), ok.note() + ", a value when empty", ok.keepUnmatched());
                    }
                    return new Recognition.Flagged("a test of each row's values beside an aggregate of the rows: say it "
                            + "of the aggregate or of the rows aggregated");
                }
                if (before instanceof Recognition.Recognized ok && !(ok.expr() instanceof Expr.Case)) {
                    // "ext_amt / qty, 0 when qty = 0": the exception first, the rule otherwise
                    Expr otherwise = ok.expr() instanceof Expr.Col ? p.typed(ok.expr()) : ok.expr();
                    return new Recognition.Recognized(new Expr.Case(List.of(new Expr.When(BlankParts.missingAsRead(exception.condition(), ok.expr()),
                            p.typed(PartFallbacks.asJoined(exception.result(), ok.expr())))), otherwise), ok.lookupTable(), List.of(),
                            ok.note() + ", with an exception", ok.keepUnmatched());
                }
                return before instanceof Recognition.Recognized ? null : before;
            }
            Recognition before = rule.apply(tokens.subList(0, split));
            if (before instanceof Recognition.Recognized ok && !(ok.expr() instanceof Expr.Case)) {
                // a column kept as it is stands beside the number of the adjustment: read as the target's type, else a
                // number (the casts inside a computed result are the type coercion's)
                Expr result = ok.expr() instanceof Expr.Col ? p.typed(ok.expr(), a.bound() instanceof Expr.Lit l
                        && l.value() instanceof Long ? SqlType.BIGINT : SqlType.DOUBLE) : ok.expr();
                Expr adjusted = new Expr.Case(List.of(new Expr.When(a.holds(p, result), a.action().apply(result))), result);
                return new Recognition.Recognized(adjusted, ok.lookupTable(), List.of(),
                        ok.note() + ", adjusted when " + a.described(), ok.keepUnmatched());
            }
            // a conditional before an adjustment is not adjusted: the branches would have to say it
            return before instanceof Recognition.Recognized ? null : before;
        }
        return null;
    }

    /** A test of the result ({@code op bound}) or, for NUMERIC/NOT_NUMERIC, of the text it was read from; its action. */
    private record Adjustment(String op, Expr bound, Function<Expr, Expr> action, boolean length) {
        Adjustment(String op, Expr bound, Function<Expr, Expr> action) {
            this(op, bound, action, false);
        }

        Expr holds(Parser p, Expr result) {
            if (op.equals("NUMERIC") || op.equals("NOT_NUMERIC")) {
                // "cast to decimal; null if not numeric": the source text tested, before any cast read it
                Expr text = p.ctx().sources().size() == 1 ? p.ctx().sources().get(0) : result;
                Expr numeric = new Expr.IsNumeric(text);
                return op.equals("NUMERIC") ? numeric : new Expr.Bin("AND", new Expr.IsNull(text, true), new Expr.Not(numeric));
            }
            if (op.equals("BLANK")) {
                // "if nothing is left": no value, or only spaces
                return new Expr.Bin("OR", new Expr.IsNull(result, false), p.blank(result));
            }
            return new Expr.Bin(op, length ? new Expr.Fn("LENGTH", List.of(result)) : result, bound);
        }

        String described() {
            return bound == null ? "the value is " + op.toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    : "the result " + op + " " + bound;
        }
    }

    /** Words that say a value is the whole result, read raw ("its" is a filler elsewhere). */
    private static final List<List<String>> ALONE = List.of(List.of("alone"), List.of("on", "its", "own"),
            List.of("on", "their", "own"), List.of("by", "itself"));

    /** "on its own", "alone", "by itself": the value is the whole result; the cursor after the words, if any. */
    private static void alone(Parser p) {
        for (List<String> words : ALONE) {
            int m = p.mark();
            int read = 0;
            while (read < words.size() && p.rawPeek() != null && p.rawPeek().is(Token.Kind.WORD, words.get(read))) {
                p.rawNext();
                read++;
            }
            if (read == words.size()) {
                return;
            }
            p.reset(m);
        }
    }

    /**
     * An exception to the rule before it, on any columns: value (IF | WHEN) condition, or (IF | WHEN) condition [,]
     * [THEN] [SET | USE] value; the value a literal or NULL, or after the condition a column of the row. Null when the
     * words are no such exception.
     */
    private static Expr.When exception(Parser p) {
        int m = p.mark();
        Expr value = p.literal();
        if (value == null) {
            // "Initcap of kyc_stat, Unknown when null": a code written without quotes
            value = p.code();
        }
        if (value != null && (p.accept(Role.IF) || p.accept(Role.WHERE))) {
            Expr cond = conditionOfTheSource(p);
            if (cond != null) {
                // "NULL when ODO_IN is lower than ODO_OUT (bad keying)": why the rows are so, a remark
                NullHandling.parenthesisedRemark(p);
            }
            if (cond != null && p.atEnd()) {
                return new Expr.When(cond, value);
            }
        }
        p.reset(m);
        if (p.accept(Role.IF) || p.accept(Role.WHERE)) {
            Expr cond = conditionOfTheSource(p);
            if (cond == null) {
                return null;
            }
            p.acceptOp(",");
            ReplacementWords.verdict(p);
            p.accept(Role.THEN);
            if (!p.accept(Role.SET)) {
                p.accept(Role.USE);
            }
            int at = p.mark();
            Expr v = p.literal();
            if (v == null) {
                // "assume a single seat (1)": what the value stands for, then the value in brackets
                v = ReplacementWords.valueInBrackets(p);
            }
            if (v == null && ReplacementWords.treatedAsMissing(p)) {
                // "it is treated as missing (NULL)"
                v = new Expr.TypedNull(p.targetType());
            }
            if (v == null && !(cond instanceof Expr.IsNull) && p.accept(Role.TODAY)) {
                // "if it is in the future set it to today" (today standing in for a missing date is the substitution's)
                v = new Expr.CurrentDate();
            }
            if (v == null && !(cond instanceof Expr.IsNull)) {
                // "if report date is earlier than loss date then use loss date": another column of the row (a column
                // standing in for a missing one is the substitution's)
                p.reset(at);
                v = p.column() instanceof Expr.Col c && p.ctx().known(c) ? c : null;
            }
            if (v == null) {
                // "If the first name is empty or NULL use the trimmed last name on its own": an operation on another
                // column is the whole value then
                p.reset(at);
                Copies.Operation op = Copies.operation(p);
                v = op != null && op.column() instanceof Expr.Col c && p.ctx().known(c) ? op.apply().apply(c) : null;
            }
            if (v != null) {
                alone(p);
            }
            if (v != null && p.atEnd()) {
                return new Expr.When(cond, v);
            }
        }
        p.reset(m);
        // "treat negative values as zero", "set blank entries to 'N/A'": a verb, the condition, then its value
        Token verb = p.peekToken();
        if (verb != null && verb.kind() == Token.Kind.WORD && VERBS_FIRST.contains(verb.norm())) {
            p.next();
            Expr cond = conditionOfTheSource(p);
            if (cond != null && (p.acceptWord("as") || p.acceptWord("to") || p.acceptWord("with"))) {
                Expr v = p.acceptWord("zero") ? new Expr.Lit(0L) : p.literal();
                if (v != null && p.atEnd()) {
                    return new Expr.When(cond, v);
                }
            }
            p.reset(m);
        }
        // "negative values set to zero", "blank entries become 'N/A'": the condition, then its value
        Expr cond = conditionOfTheSource(p);
        if (cond != null) {
            // "dates before 2000-01-01 are invalid and should be null": why, then the value
            int why = p.mark();
            if ((p.acceptWord("are") || p.acceptWord("is")) && (p.acceptWord("not") && p.acceptWord("valid")
                    || p.peekToken() != null && INVALID.contains(p.peekToken().norm()) && p.next() != null)) {
                p.acceptOp(",");
                p.accept(Role.AND);
            } else {
                p.reset(why);
            }
        }
        if (cond != null) {
            // "must be loaded as null", "are to be stored as 0": a modal and a verb of loading before the value
            int modal = p.mark();
            boolean said = false;
            while (p.peekToken() != null && MODALS.contains(p.peekToken().norm())) {
                p.next();
                said |= p.acceptWord("be");
            }
            Token loaded = said ? p.peekToken() : null;
            if (loaded != null && LOADED.contains(loaded.norm()) && p.next() != null && (p.acceptWord("as") || p.acceptWord("to"))) {
                Expr v = p.acceptWord("zero") ? new Expr.Lit(0L) : p.literal();
                if (v != null && p.atEnd()) {
                    return new Expr.When(cond, v);
                }
            }
            p.reset(modal);
        }
        if (cond != null && (p.acceptWord("are") | p.accept(Role.SET) || p.accept(Role.BECOMES) || p.acceptOp("->")
                || p.acceptWord("to") || p.acceptWord("become"))) {
            p.acceptWord("to");
            Expr v = p.acceptWord("zero") ? new Expr.Lit(0L) : p.literal();
            if (v != null && p.atEnd()) {
                return new Expr.When(cond, v);
            }
        }
        return null;
    }

    /**
     * A stand-in for a missing column, taken into the rule before it: "close_dt - open_dt in days; use today when
     * close_dt is null", "if disch_dt is null use the current date". The stand-in is today, now or another column (a
     * literal is left to the exception, whose result it could also be); null when the words say no such thing or
     * the rule does not read the column.
     * <pre>substitute := USE value (IF | WHEN) missing | (IF | WHEN) missing [,] [THEN] USE value
     * missing    := column IS_NULL | NOT participle ("if not closed": the date column the verb names)</pre>
     */
    private static Recognition substituted(Parser p, List<Token> ruleTokens, Function<List<Token>, Recognition> rule) {
        Expr missing;
        Expr value;
        boolean blank;
        if (p.accept(Role.USE)) {
            value = standIn(p);
            if (value == null || !p.accept(Role.IF)) {
                return null;
            }
            Missing said = missing(p);
            if (said == null) {
                return null;
            }
            missing = said.column();
            blank = said.blank();
        } else if (p.accept(Role.IF)) {
            Missing said = missing(p);
            if (said == null) {
                return null;
            }
            missing = said.column();
            blank = said.blank();
            p.acceptOp(",");
            // THEN takes "use" too ("then use today", "use today")
            boolean then = p.accept(Role.THEN);
            if (!p.accept(Role.USE) && !then || (value = standIn(p)) == null) {
                return null;
            }
        } else {
            return null;
        }
        p.acceptOp(".");
        if (!p.atEnd()) {
            return null;
        }
        Recognition before = rule.apply(ruleTokens);
        if (!(before instanceof Recognition.Recognized ok) || !Expr.columns(ok.expr()).contains(missing)) {
            return null;
        }
        Expr col = missing;
        Expr filled = Expr.mapColumns(ok.expr(), c -> c.equals(col) ? filledIn(c, value, blank) : c);
        return new Recognition.Recognized(filled, ok.lookupTable(), List.of(), ok.note() + ", " + ((Expr.Col) missing).column()
                + " standing in when missing", ok.keepUnmatched());
    }

    private record Missing(Expr column, boolean blank) {
    }

    /**
     * missing := NOT participle | column (IS_NULL | IS_EMPTY): "not terminated", "not closed" (the date column the verb
     * names), "close_dt is null", "code is blank"; null when the words say no such thing.
     */
    private static Missing missing(Parser p) {
        int c = p.mark();
        Expr notYet = WordedTests.happened(p);
        if (notYet instanceof Expr.IsNull n && !n.negated()) {
            return new Missing(n.expr(), false);
        }
        p.reset(c);
        Expr column = p.column();
        if (!(column instanceof Expr.Col)) {
            return null;
        }
        boolean blank = p.accept(Role.IS_EMPTY);
        return blank || p.accept(Role.IS_NULL) ? new Missing(column, blank) : null;
    }

    /** Today, now or a column: what may stand in for a missing column. */
    private static Expr standIn(Parser p) {
        p.acceptWord("the");
        if (p.accept(Role.TODAY)) {
            return new Expr.CurrentDate();
        }
        if (p.accept(Role.NOW)) {
            return new Expr.CurrentTimestamp();
        }
        return p.column() instanceof Expr.Col c ? c : null;
    }

    /**
     * The missing column read as the stand-in's type (a text date beside today; a blank text reads as no date), or as
     * no value when blank where the words say so, then the stand-in.
     */
    private static Expr filledIn(Expr.Col missing, Expr standIn, boolean blank) {
        Expr read = standIn instanceof Expr.CurrentDate ? new Expr.Cast(missing, SqlType.DATE, true)
                : standIn instanceof Expr.CurrentTimestamp ? new Expr.Cast(missing, SqlType.TIMESTAMP, true)
                : blank ? new Expr.Fn("NULLIF", List.of(new Expr.Fn("TRIM", List.of(missing)), new Expr.Lit(""))) : missing;
        return new Expr.Fn("COALESCE", List.of(read, standIn));
    }

    /**
     * A condition, or the test of the row's one source column when the words leave it out ("upper case of stat_cd;
     * if blank, 'PENDING'"): the column the rule before transforms, tested as it arrives.
     */
    private static Expr conditionOfTheSource(Parser p) {
        int m = p.mark();
        Expr cond = p.condition();
        Token named = cond == null ? null : p.peekToken();
        if (named != null && named.kind() == Token.Kind.WORD && KIND_NOUNS.contains(named.norm())) {
            // "negative readings": the values named by their kind after the test
            p.next();
        }
        if (cond != null || p.ctx().sources().size() != 1) {
            return cond;
        }
        p.reset(m);
        Expr source = p.ctx().sources().get(0);
        Token kind = p.peekToken();
        if (kind != null && kind.kind() == Token.Kind.WORD && KIND_NOUNS.contains(kind.norm())) {
            // "dates before 2000-01-01", "amounts over 1,000": the values named by their kind
            p.next();
        }
        Expr test = p.accept(Role.NULL) ? new Expr.IsNull(source, false) : Conditions.comparisonOf(p, source);
        while (test != null) {
            // "if null or zero", "when blank or 'N/A'"
            int before = p.mark();
            if (!p.accept(Role.OR)) {
                break;
            }
            Expr more = p.accept(Role.NULL) ? new Expr.IsNull(source, false) : Conditions.comparisonOf(p, source);
            if (more == null) {
                p.reset(before);
                break;
            }
            test = new Expr.Bin("OR", test, more);
        }
        Token after = test == null ? null : p.peekToken();
        if (after != null && after.kind() == Token.Kind.WORD && KIND_NOUNS.contains(after.norm())) {
            // "negative readings": the values named by their kind after the test
            p.next();
        }
        return test;
    }

    private static Adjustment adjustment(Parser p) {
        int start = p.mark();
        if (!p.accept(Role.IF)) {
            // "null if negative", "set to 0 when the result is below 0", "default 0 if conversion fails": the value
            // first, then its test
            if (!p.accept(Role.SET) && !p.accept(Role.USE)) {
                p.accept(Role.DEFAULT);
            }
            Expr v = p.literal();
            if (v == null || !p.accept(Role.IF)) {
                p.reset(start);
                return null;
            }
            boolean length = subject(p);
            Adjustment test = test(p);
            return test != null && p.atEnd() ? new Adjustment(test.op(), test.bound(), e -> v, length) : null;
        }
        boolean length = subject(p);
        Adjustment test = test(p);
        if (test == null) {
            return null;
        }
        p.acceptOp(",");
        p.accept(Role.THEN);
        p.acceptOp(",");
        Function<Expr, Expr> action = action(p);
        return action != null && p.atEnd() ? new Adjustment(test.op(), test.bound(), action, length) : null;
    }

    /** test := (GT|GE|LT|LE|EQUALS|NOT_EQUALS) number | NEGATIVE | POSITIVE | ZERO_VALUE; the action left unset. */
    private static Adjustment test(Parser p) {
        String op = null;
        Expr bound = null;
        for (int i = 0; i < TESTS.length && op == null; i++) {
            int m = p.mark();
            if (p.accept(TESTS[i])) {
                bound = p.literal();
                op = bound instanceof Expr.Lit l && l.value() instanceof Number ? SYMBOLS[i] : null;
                if (op == null) {
                    p.reset(m);
                }
            }
        }
        if (op == null && nothingLeft(p)) {
            return new Adjustment("BLANK", null, null);
        }
        if (op == null && p.accept(Role.NOT_NUMERIC)) {
            return new Adjustment("NOT_NUMERIC", null, null);
        }
        if (op == null && p.accept(Role.NUMERIC)) {
            return new Adjustment("NUMERIC", null, null);
        }
        Role[] signs = {Role.NEGATIVE, Role.POSITIVE, Role.ZERO_VALUE};
        String[] signOps = {"<", ">", "="};
        for (int i = 0; i < signs.length && op == null; i++) {
            if (p.accept(signs[i])) {
                op = signOps[i];
                bound = new Expr.Lit(0L);
            }
        }
        if (op == null) {
            // "1 if 0": a number alone is the value the result equals
            int m = p.mark();
            Token t = p.peekToken();
            Expr n = t != null && t.kind() == Token.Kind.NUMBER ? p.literal() : null;
            if (n instanceof Expr.Lit l && l.value() instanceof Number && p.atEnd()) {
                op = "=";
                bound = n;
            } else {
                p.reset(m);
            }
        }
        return op == null ? null : new Adjustment(op, bound, null);
    }

    /** The subject of the test, left out or named; true when it is the result's length ("its length"). */
    private static boolean subject(Parser p) {
        if (p.acceptExact(Role.SELF) || p.accept(Role.SELF)) {
            return false;
        }
        int m = p.mark();
        if (p.acceptWord("its") | p.acceptWord("the") && p.acceptWord("length")) {
            return true;
        }
        p.reset(m);
        if (p.acceptWord("length")) {
            return true;
        }
        Token t = p.next();
        if (t == null || !RESULT_WORDS.contains(t.norm())) {
            p.reset(m);
        }
        return false;
    }

    private static Function<Expr, Expr> action(Parser p) {
        String[] ops = {"+", "-", "*", "/"};
        Role[][] verbs = {{Role.PLUS, Role.ADD}, {Role.MINUS, Role.SUBTRACT}, {Role.MULTIPLY}, {Role.DIVIDE}};
        for (int i = 0; i < ops.length; i++) {
            for (Role verb : verbs[i]) {
                int m = p.mark();
                if (p.accept(verb)) {
                    p.accept(Role.BY);
                    Expr n = p.literal();
                    if (n instanceof Expr.Lit l && l.value() instanceof Number) {
                        String op = ops[i];
                        return e -> new Expr.Bin(op, e, n);
                    }
                    p.reset(m);
                }
            }
        }
        if (!p.accept(Role.SET) && !p.accept(Role.USE)) {
            // "load NULL", "return 0"
            if (!p.acceptWord("load") && !p.acceptWord("return") && !p.acceptWord("output")) {
                p.acceptWord("give");
            }
        }
        Expr v = p.literal();
        return v == null ? null : e -> v;
    }

    /**
     * "nothing is left", "nothing remains" (after the operations before): the result is blank; a bracket that only says
     * what "nothing" covers ("(blank or only spaces)") goes with it. The cursor after the words, or unchanged (false).
     */
    private static boolean nothingLeft(Parser p) {
        int m = p.mark();
        if (!(p.acceptWord("nothing") && (p.acceptWord("is") && p.acceptWord("left") || p.acceptWord("remains")
                || p.acceptWord("left")))) {
            p.reset(m);
            return false;
        }
        int bracket = p.mark();
        if (p.acceptOp("(")) {
            Token t;
            while ((t = p.rawPeek()) != null && t.kind() == Token.Kind.WORD && (BLANK_WORDS.contains(t.norm()))) {
                p.rawNext();
            }
            if (!p.acceptOp(")")) {
                p.reset(bracket);
            }
        }
        p.acceptOp(",");
        return true;
    }

    private static final Set<String> BLANK_WORDS = Set.of("blank", "empty", "null", "or", "only", "spaces", "whitespace",
            "just", "all", "an", "a", "string", "blanks");
}
