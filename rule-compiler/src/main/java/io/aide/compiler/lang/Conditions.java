package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Conditions, the production every family that tests a value shares: comparisons joined by AND and OR, with the
 * wordings analysts use for them ("is not blank", "equals 'A' or 'B'", "starts with X or Y", "like '%X%'",
 * "is between a and b", "is negative"). Read on a {@link Parser}'s cursor.
 */
final class Conditions {

    private Conditions() {
    }

    /** cond := comparison ((AND|OR) comparison)*, AND binding tighter than OR. */
    static Expr condition(Parser p) {
        Expr left = conjunction(p);
        if (left == null) {
            left = definedInBrackets(p);
        }
        while (left != null) {
            int m = p.mark();
            Expr listed = ListedTests.state(p, left);
            if (listed != null) {
                left = new Expr.Bin("OR", left, listed);
                continue;
            }
            boolean comma = p.acceptOp(",");
            if (!p.accept(Role.OR)) {
                p.reset(m);
                break;
            }
            int afterOr = p.mark();
            if (p.accept(Role.IF) && p.peekToken() != null && !p.peek(Role.IF)) {
                // "when either reading is missing, or when ODO_IN is lower": the condition goes on
                afterOr = p.mark();
            } else if (comma) {
                // ", or 'B' when ...": another branch, not more of this condition
                p.reset(m);
                break;
            } else {
                p.reset(afterOr);
            }
            Expr right = conjunction(p);
            Expr tested = right == null ? TestSubjects.of(left) : null;
            if (tested != null) {
                // "is zero or missing", "is zero or null", "starts with 9 or is blank": another test of the same column
                p.reset(afterOr);
                right = p.accept(Role.NULL) ? new Expr.IsNull(tested, false) : comparisonOf(p, tested);
            }
            if (right == null) {
                p.reset(m);
                break;
            }
            left = new Expr.Bin("OR", left, right);
        }
        return left;
    }

    /**
     * "the line is still active (no deactivation date)", "claim is tagged to CAT event (cat_event_cd populated)": words
     * that name a state, then the test that defines it in brackets; the test (cursor after the bracket), or null
     * (cursor unchanged). The words hold no value, operator or column of their own: they only name the test.
     */
    private static Expr definedInBrackets(Parser p) {
        int m = p.mark();
        int words = 0;
        Token t;
        while ((t = p.rawPeek()) != null && t.kind() == Token.Kind.WORD && words < 8) {
            if (p.ctx().resolve(null, t.text()) instanceof Expr.Col c && p.ctx().known(c)) {
                p.reset(m);
                return null;
            }
            p.rawNext();
            words++;
        }
        if (words == 0 || !p.acceptOp("(")) {
            p.reset(m);
            return null;
        }
        Expr test = conjunction(p);
        if (test == null || !p.acceptOp(")")) {
            p.reset(m);
            return null;
        }
        return test;
    }

    private static Expr conjunction(Parser p) {
        Expr left = comparison(p);
        while (left != null) {
            int m = p.mark();
            if (!p.accept(Role.AND)) {
                break;
            }
            int afterAnd = p.mark();
            Expr right = comparison(p);
            Expr tested = right == null ? TestSubjects.of(left) : null;
            if (tested != null) {
                // "starts with 0 and ends with 1": the second test of the same column
                p.reset(afterAnd);
                right = comparisonOf(p, tested);
            }
            if (right == null) {
                p.reset(m);
                break;
            }
            left = new Expr.Bin("AND", left, right);
        }
        return left;
    }

    /** Date parts that wrap around: an hour after 23 is 0 again. */
    private static final java.util.Set<String> CYCLIC = java.util.Set.of("HOUR", "MONTH", "DOW", "ISODOW", "MINUTE");

    /** operand (IS_NULL | NOT_NULL | op operand | [NOT] IN (values) | STARTS/ENDS/CONTAINS text). */
    /** "anything", "any value", "any code": in a filter said on a row of one source column, that column's value. */
    private static final java.util.Set<String> ANY = java.util.Set.of("anything", "any", "everything");

    /**
     * "Test depts (anything starting ZZ) are not to be loaded" said on DEPT_CODE: the row's own source column, the one
     * thing the words can mean there; null (cursor unchanged) elsewhere.
     */
    private static Expr ownValue(Parser p) {
        int m = p.mark();
        Token t = p.peekToken();
        if (t == null || t.kind() != Token.Kind.WORD || !ANY.contains(t.norm()) || !p.ctx().choosesRows()
                || p.ctx().row().sourceColumns().size() != 1) {
            return null;
        }
        p.next();
        if (t.is(Token.Kind.WORD, "any") && !(p.acceptWord("value") || p.acceptWord("code") || p.acceptWord("values")
                || p.acceptWord("codes"))) {
            p.reset(m);
            return null;
        }
        p.acceptWord("that");
        Expr own = p.ctx().resolve(null, p.ctx().row().sourceColumns().get(0).column());
        if (own == null) {
            p.reset(m);
        }
        return own;
    }

    static Expr comparison(Parser p) {
        int start = p.mark();
        Expr quantified = QuantifiedSubjects.test(p);
        if (quantified != null) {
            // "either reading is missing", "both dates are given": the test of each of the row's source columns
            return quantified;
        }
        if (p.acceptWord("any") || p.acceptWord("every")) {
            // "exclude any pet_id beginning with TST": the rows the test holds for, each one
            Expr each = p.peekToken() != null && !p.peekToken().is(Token.Kind.WORD, "other") ? comparison(p) : null;
            if (each != null) {
                return each;
            }
            p.reset(start);
        }
        WordedTests.hasNo(p);
        Expr none = WordedTests.none(p);
        if (none != null) {
            return none;
        }
        p.reset(start);
        Expr had = WordedTests.presence(p);
        if (had != null) {
            return had;
        }
        Expr described = WordedTests.adjectiveFirst(p);
        if (described != null) {
            return described;
        }
        Expr sameDay = WordedTests.sameDay(p);
        if (sameDay != null) {
            return sameDay;
        }
        Expr happened = WordedTests.happened(p);
        if (happened != null) {
            return happened;
        }
        Expr flagged = TruthValues.namedFlag(p);
        if (flagged != null) {
            return flagged;
        }
        Expr measured = lengthOf(p);
        if (measured != null) {
            // "length of msisdn = 11", "len(code) > 3": the operator and number follow as for any operand
            Expr test = lengthTest(p, measured);
            if (test != null) {
                return test;
            }
            p.reset(start);
        }
        Expr left = Dates.partOfColumn(p);
        if (left != null) {
            // "the hour of evt_ts is between 9 and 17", "year of ship_dt = 2024"
            Expr test = test(p, left);
            if (test != null) {
                return test;
            }
            p.reset(start);
        }
        Expr domain = UrlParts.compared(p);
        if (domain != null) {
            // "whose e-mail domain is qa.tunely.io": the text after the '@', compared as any value
            Expr test = UrlParts.isDomainName(p, domain);
            test = test != null ? test : test(p, domain);
            if (test != null) {
                return test;
            }
            p.reset(start);
        }
        left = ComparedValues.prefixCleaned(p);
        if (left == null) {
            p.reset(start);
            left = p.operand();
        }
        if (left == null) {
            p.reset(start);
            left = p.comparedName();
        }
        if (left == null) {
            p.reset(start);
            left = WordedTests.kindLeftOut(p);
        }
        if (left == null) {
            p.reset(start);
            left = ownValue(p);
        }
        boolean cleanedCode = false;
        if (left == null) {
            // "the cleaned status code is A": a code as cleaned for comparing, trimmed and in either case
            p.reset(start);
            cleanedCode = ComparedValues.cleanedWord(p);
            left = cleanedCode ? p.operand() : null;
        }
        if (left == null) {
            p.reset(start);
            return null;
        }
        boolean[] fold = {false};
        left = ComparedValues.cleaned(p, left, fold);
        Expr shared = ListedTests.shared(p, left);
        if (shared != null) {
            return shared;
        }
        Expr test = test(p, left);
        if (test != null && cleanedCode) {
            test = ComparedValues.asCleanedCode(test);
        }
        if (test != null && fold[0]) {
            // "CALL_STATUS_CD, trimmed and in any case, is 'X'"
            test = ComparedValues.caseFolded(test);
        }
        if (test == null) {
            p.reset(start);
            return null;
        }
        return ComparedValues.caseInsensitive(p, test);
    }

    /**
     * The comparison of a subject the words leave out, the one of the branch before ("Asset if acct starts with 1,
     * Liability if starts with 2"): op operand, STARTS text, IS_NULL ...; null (cursor unchanged) when none follows.
     */
    static Expr comparisonOf(Parser p, Expr subject) {
        int start = p.mark();
        Token low = p.peekToken();
        if (low != null && low.kind() == Token.Kind.NUMBER) {
            // "670-739 then 'B'": a range of the subject, both ends included
            Expr from = p.literal();
            if (from != null && (p.acceptOp("-") || p.accept(Role.TO))) {
                Token high = p.peekToken();
                Expr to = high != null && high.kind() == Token.Kind.NUMBER ? p.literal() : null;
                if (to != null) {
                    return new Expr.Bin("AND", new Expr.Bin(">=", subject, from), new Expr.Bin("<=", subject, to));
                }
            }
            p.reset(start);
        }
        Expr test = test(p, subject);
        if (test == null) {
            p.reset(start);
            Token t = p.peekToken();
            if (t != null && t.is(Token.Kind.WORD, "null") && p.next() != null) {
                // "'T' when term_dt is not null, 'A' when null": a bare NULL tests the subject for it
                return new Expr.IsNull(subject, false);
            }
        }
        return test;
    }

    /** What follows a comparison's left side; null when nothing does (the cursor then is the caller's to reset). */
    static Expr test(Parser p, Expr left) {
        int start = p.mark();
        Token relative = p.peekToken();
        if (relative != null && (relative.is(Token.Kind.WORD, "that") || relative.is(Token.Kind.WORD, "which"))) {
            // "reason codes that start with ZZ", "amounts which are negative": the test after a relative pronoun
            p.next();
            Expr after = test(p, left);
            if (after != null) {
                return after;
            }
            p.reset(start);
        }
        boolean weekend = p.accept(Role.WEEKEND);
        if (weekend || p.accept(Role.WEEKDAY)) {
            // "admit_ts falls on Saturday or Sunday": the ISO day of the week (Saturday 6, Sunday 7)
            Expr day = new Expr.Extract("ISODOW", left);
            return weekend ? new Expr.Bin(">=", day, new Expr.Lit(6L)) : new Expr.Bin("<=", day, new Expr.Lit(5L));
        }
        Expr named = DateColumns.dated(p.ctx(), left) ? Weekdays.test(p, left) : null;
        if (named == null && DateColumns.dated(p.ctx(), left)) {
            named = RelativeDates.test(p, left);
        }
        if (named != null) {
            return named;
        }
        Expr length = lengthTest(p, left);
        if (length != null) {
            return length;
        }
        if (p.accept(Role.NOT_BLANK)) {
            // "is not blank": a value, and not only spaces
            return new Expr.Not(new Expr.Bin("OR", new Expr.IsNull(left, false), p.blank(left)));
        }
        if (p.accept(Role.NOT_NULL)) {
            return new Expr.IsNull(left, true);
        }
        if (p.accept(Role.IS_EMPTY)) {
            int m = p.mark();
            // "is blank or only spaces", "is empty or whitespace": the second state is a blank text too
            if (!(p.accept(Role.OR) && (p.accept(Role.BLANK) || p.accept(Role.IS_EMPTY) || p.accept(Role.IS_NULL)))) {
                p.reset(m);
            }
            return TestsBesideValues.orNullText(p, new Expr.Bin("OR", new Expr.IsNull(left, false), p.blank(left)), left);
        }
        if (p.accept(Role.IS_NULL)) {
            int m = p.mark();
            // "is null or empty": the second state is a blank text
            if (p.accept(Role.OR) && (p.accept(Role.IS_EMPTY) || p.accept(Role.IS_NULL))) {
                return TestsBesideValues.orNullText(p, new Expr.Bin("OR", new Expr.IsNull(left, false), p.blank(left)), left);
            }
            p.reset(m);
            return TestsBesideValues.orNullText(p, new Expr.IsNull(left, false), left);
        }
        if (p.accept(Role.IN_FUTURE)) {
            return new Expr.Bin(">", left, new Expr.CurrentDate());
        }
        if (p.accept(Role.IN_PAST)) {
            return new Expr.Bin("<", left, new Expr.CurrentDate());
        }
        if (p.accept(Role.NOT_NUMERIC)) {
            // "is not numeric": a value that no cast reads as a number (a missing value is not "not numeric")
            return new Expr.Bin("AND", new Expr.IsNull(left, true), new Expr.Not(new Expr.IsNumeric(left)));
        }
        if (p.accept(Role.NUMERIC)) {
            return new Expr.IsNumeric(left);
        }
        if (!Expr.columns(left).isEmpty() && !(left instanceof Expr.Lit) && p.acceptWord("of")) {
            // "lines with a quantity of zero or less", "a status of 'X'": the column's value, then how it compares
            Expr value = p.accept(Role.ZERO_VALUE) ? new Expr.Lit(0L) : p.literal();
            if (value instanceof Expr.Lit) {
                return p.accept(Role.OR_LESS) ? new Expr.Bin("<=", left, value) : p.accept(Role.OR_MORE)
                        ? new Expr.Bin(">=", left, value) : new Expr.Bin("=", left, value);
            }
            p.reset(start);
        }
        Role[] signs = {Role.NEGATIVE, Role.POSITIVE, Role.ZERO_VALUE};
        String[] signOps = {"<", ">", "="};
        for (int i = 0; i < signs.length; i++) {
            if (p.accept(signs[i])) {
                return WordedTests.signRange(p, left, signOps[i]);
            }
        }
        Token between = p.peekToken();
        if (between != null && (between.is(Token.Kind.WORD, "is") || between.is(Token.Kind.WORD, "falls")
                || between.is(Token.Kind.WORD, "lies")) && p.mark() + 1 < p.tokens().size()
                && p.tokens().get(p.mark() + 1).is(Token.Kind.WORD, "between")) {
            // "today is between start_date and end_date"
            p.next();
            between = p.peekToken();
        }
        if (between != null && between.is(Token.Kind.WORD, "between")) {
            // "x between 500 and 999": both ends included, as in SQL
            p.next();
            Expr low = p.operand();
            Expr high = low != null && p.accept(Role.AND) ? p.operand() : null;
            if (high == null) {
                p.reset(start);
                return null;
            }
            if (low instanceof Expr.Lit l && l.value() instanceof Number a && high instanceof Expr.Lit h && h.value() instanceof Number b
                    && a.doubleValue() > b.doubleValue()) {
                if (left instanceof Expr.Extract x && CYCLIC.contains(x.part())) {
                    // "the hour is between 22 and 6": the range wraps around midnight (the month, the weekday likewise)
                    return new Expr.Bin("OR", new Expr.Bin(">=", left, low), new Expr.Bin("<=", left, high));
                }
                // "between 22 and 6" of a plain number holds for no value: swapped ends or a range that wraps, not said
                p.problem("the range's first end is above its second (" + a + " and " + b + "): say which values are meant");
                p.reset(start);
                return null;
            }
            return new Expr.Bin("AND", new Expr.Bin(">=", left, low), new Expr.Bin("<=", left, high));
        }
        Expr range = TestsBesideValues.numberRange(p, left);
        if (range != null) {
            return range;
        }
        Expr juxtaposed = TestsBesideValues.quotedBeside(p, left);
        if (juxtaposed != null) {
            return juxtaposed;
        }
        boolean notIn = p.accept(Role.NOT_IN);
        if (notIn || p.accept(Role.IN)) {
            List<Expr> items = p.list();
            if (items != null) {
                return new Expr.InList(left, items, notIn);
            }
            p.reset(start);
            return null;
        }
        Token likeWord = p.peekToken();
        if (likeWord != null && (likeWord.is(Token.Kind.WORD, "like") || likeWord.is(Token.Kind.WORD, "not")
                && p.mark() + 1 < p.tokens().size() && p.tokens().get(p.mark() + 1).is(Token.Kind.WORD, "like"))) {
            // "payer like '%MEDICARE%'": SQL's pattern, % and _ as SQL reads them
            int m = p.mark();
            boolean not = likeWord.norm().equals("not");
            p.next();
            if (not) {
                p.next();
            }
            Expr pattern = p.literal();
            if (pattern instanceof Expr.Lit l && l.value() instanceof String) {
                Expr test = new Expr.Bin("LIKE", left, pattern);
                return not ? new Expr.Not(test) : test;
            }
            p.reset(m);
        }
        Expr lacking = WordedTests.lacking(p, left);
        if (lacking != null) {
            return lacking;
        }
        int negation = p.mark();
        boolean negated = (p.acceptWord("does") || p.acceptWord("do")) && (p.acceptWord("not") || p.acceptWord("n't"))
                || p.acceptWord("doesn't") || p.acceptWord("doesnt") || p.acceptWord("not");
        if (!negated) {
            p.reset(negation);
        }
        for (Role r : new Role[]{Role.STARTS, Role.ENDS, Role.CONTAINS}) {
            if (p.accept(r)) {
                Expr v = WordedTests.symbol(p);
                if (v == null) {
                    v = p.literal();
                }
                boolean bare = v == null;
                if (bare) {
                    // "begins with TEST": a code written without quotes
                    v = p.code();
                }
                if (v instanceof Expr.Lit n && n.value() instanceof Long digits) {
                    // "starts with 1": the digit as text
                    v = new Expr.Lit(String.valueOf(digits));
                }
                if (v instanceof Expr.Lit l && l.value() instanceof String) {
                    // "starts with 'ICD' or 'MOP'": one pattern per value
                    Expr like = null;
                    // "account numbers starting with 999" in a filter: ' 9990000002' as the extract pads it starts so too
                    Expr tested = r != Role.CONTAINS && left instanceof Expr.Col && p.ctx().choosesRows()
                            ? new Expr.Fn("TRIM", List.of(left)) : left;
                    // "starts with TST or ZZ": the other codes written without quotes as well
                    for (Expr each : ComparedLists.alternatives(p, v, bare)) {
                        String s = String.valueOf(((Expr.Lit) each).value());
                        Expr one = WordedTests.textAt(r == Role.STARTS ? -1 : r == Role.ENDS ? 1 : 0, tested, s);
                        if (one == null) {
                            // "contains '_'": a wildcard of LIKE in the text sought, which no portable test takes as written
                            p.reset(start);
                            return null;
                        }
                        like = like == null ? one : new Expr.Bin("OR", like, one);
                    }
                    // "does not contain '@'": a missing value contains nothing, so it is no match either way
                    return negated ? new Expr.Not(like) : like;
                }
                p.reset(start);
                return null;
            }
        }
        if (negated) {
            p.reset(negation);
        }
        String op = null;
        // the longer phrases first: "not equal to" before "is", ">=" before ">"
        Role[] ops = {Role.NOT_EQUALS, Role.GE, Role.LE, Role.GT, Role.LT, Role.EQUALS};
        String[] symbols = {"<>", ">=", "<=", ">", "<", "="};
        int best = -1;
        int bestLen = 0;
        int at = p.mark();
        p.skipFiller();
        for (int i = 0; i < ops.length; i++) {
            int m = p.lexicon().match(ops[i], p.tokens(), p.mark());
            if (m > bestLen) {
                best = i;
                bestLen = m;
            }
        }
        if (best < 0) {
            p.reset(start);
            return null;
        }
        p.reset(p.mark() + bestLen);
        op = symbols[best];
        int beforeRight = p.mark();
        Expr right = p.operand();
        if (right instanceof Expr.Col bare && (op.equals("=") || op.equals("<>")) && p.mark() == beforeRight + 1
                && p.tokens().get(beforeRight).kind() == Token.Kind.WORD
                && !p.tokens().get(beforeRight).text().equalsIgnoreCase(bare.column())) {
            // "RECORD_TYPE = TEST": one bare word compared for equality is a code, not a column it is a part of (IS_TEST)
            right = null;
        }
        if (right == null && (op.equals("=") || op.equals("<>"))) {
            // "PAT.GENDER=M": a code written without quotes, and its label ("is V (valid)")
            p.reset(beforeRight);
            right = p.code();
            Expr coded = right == null ? null : ComparedLists.codeInBrackets(p);
            if (coded != null) {
                // "is Active (code A)": the code the bracket gives
                right = coded;
            } else if (right != null) {
                p.label(right);
            }
        }
        if (right instanceof Expr.Lit number && number.value() instanceof Number) {
            int beforeUnit = p.mark();
            PhraseTable.Match unit = p.phrase(PhraseTable.UNITS);
            if (unit != null && p.tokens().get(p.mark() - 1).text().length() < 2 && unit.length() == 1) {
                // "score >= 700 B ...": one letter after a number is no unit here
                unit = null;
            }
            if (unit != null) {
                // "at least 50000 sq ft", "over 10 lbs" (of weight_kg): the number in the column's unit
                right = Functions.inUnitOf(p, left instanceof Expr.Cast c ? c.expr() : left, number, unit);
            } else {
                p.reset(beforeUnit);
            }
        }
        if (right == null) {
            p.reset(start);
            return null;
        }
        if (right instanceof Expr.Lit && (op.equals("=") || op.equals("<>"))) {
            // "is Active (code A)": what the code means, then the code itself, which the column holds
            Expr coded = ComparedLists.codeInBrackets(p);
            right = coded != null ? coded : right;
        }
        if (op.equals("=") && right instanceof Expr.Lit) {
            // "is 15 minutes or less", "is 65 or more": the number is one end of the range
            if (p.accept(Role.OR_LESS)) {
                return new Expr.Bin("<=", left, right);
            }
            if (p.accept(Role.OR_MORE)) {
                return new Expr.Bin(">=", left, right);
            }
        }
        if (right instanceof Expr.TypedNull && (op.equals("=") || op.equals("<>"))) {
            // "equals NULL" / "not equals NULL" mean IS NULL / IS NOT NULL (a comparison with NULL is never true)
            return new Expr.IsNull(left, op.equals("<>"));
        }
        if (right instanceof Expr.Lit && (op.equals("=") || op.equals("<>"))) {
            // "equals 'OPER_IN' or 'OPER_OUT'", "is A, B or C": the values of one comparison; "is not A or B": neither
            List<Expr> values = ComparedLists.alternatives(p, right, p.tokens().get(beforeRight).kind() == Token.Kind.WORD);
            if (values.size() > 1) {
                return new Expr.InList(left, values, op.equals("<>"));
            }
        }
        return new Expr.Bin(op, left, right);
    }

    /** LENGTH [OF] column | LENGTH "(" column ")": the length of the column's text; null (cursor unchanged) otherwise. */
    private static Expr lengthOf(Parser p) {
        int m = p.mark();
        if (!p.accept(Role.LENGTH)) {
            return null;
        }
        boolean open = p.acceptOp("(");
        if (!open) {
            p.accept(Role.FROM);
        }
        Expr column = p.column();
        if (column == null || open && !p.acceptOp(")")) {
            p.reset(m);
            return null;
        }
        return new Expr.Fn("LENGTH", List.of(column));
    }

    /**
     * A test of a text's length: "is 11 digits long", "has 10 characters", "is longer than 5 characters", "has
     * fewer than 3 letters", or any comparison with a number when the length itself is the operand.
     * length_test := [HAS | IS] [op] n CHARS [LONG | IN LENGTH]; null (cursor unchanged) when the words are not one.
     */
    private static Expr lengthTest(Parser p, Expr left) {
        int m = p.mark();
        boolean measured = left instanceof Expr.Fn f && f.name().equals("LENGTH");
        Token t = p.peekToken();
        if (t != null && (t.is(Token.Kind.WORD, "has") || t.is(Token.Kind.WORD, "have"))) {
            p.next();
        }
        String op = "=";
        Role[] ops = {Role.NOT_EQUALS, Role.GE, Role.LE, Role.GT, Role.LT, Role.EQUALS};
        String[] symbols = {"<>", ">=", "<=", ">", "<", "="};
        int best = -1;
        int bestLen = 0;
        for (int i = 0; i < ops.length; i++) {
            int n = p.lexicon().match(ops[i], p.tokens(), p.mark());
            if (n > bestLen) {
                best = i;
                bestLen = n;
            }
        }
        boolean lengthWord = false;
        boolean longer = p.accept(Role.LONGER);
        if (longer || p.accept(Role.SHORTER)) {
            // "longer than 3 characters": a length, whatever follows the number
            op = longer ? ">" : "<";
            lengthWord = true;
        } else if (best >= 0) {
            p.reset(p.mark() + bestLen);
            op = symbols[best];
        }
        Token exactly = p.peekToken();
        if (exactly != null && exactly.is(Token.Kind.WORD, "exactly")) {
            p.next();
        }
        Token number = p.peekToken();
        if (number == null || number.kind() != Token.Kind.NUMBER || !number.text().matches("\\d{1,4}")) {
            p.reset(m);
            return null;
        }
        p.next();
        Expr n = new Expr.Lit(Long.parseLong(number.text()));
        if (measured) {
            p.accept(Role.CHARS);
            return new Expr.Bin(op, left, n);
        }
        if (!p.accept(Role.CHARS) && !lengthWord) {
            p.reset(m);
            return null;
        }
        Token after = p.peekToken();
        if (after != null && (after.is(Token.Kind.WORD, "long") || after.is(Token.Kind.WORD, "in"))) {
            p.next();
            Token word = p.peekToken();
            if (after.norm().equals("in") && (word == null || !word.is(Token.Kind.WORD, "length"))) {
                p.reset(p.mark() - 1);
            } else if (after.norm().equals("in")) {
                p.next();
            }
        }
        return new Expr.Bin(op, new Expr.Fn("LENGTH", List.of(left)), n);
    }
}
