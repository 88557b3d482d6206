package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Tests said in words rather than with an operator, read by {@link Conditions}: presence ("there is a close date",
 * "has an email", "the employee has no manager"), an adjective before its column ("negative amounts", "missing
 * emails", "negative values"), an event by its verb ("if cancelled", "not yet delivered"), a code column named by its
 * first word as a test's subject ("currency is USD"), a symbol written bare ("an @").
 */
final class WordedTests {

    private WordedTests() {
    }

    /**
     * "there is a deceased date", "the patient has a deceased date", "has an email": the column has a value. Null (cursor
     * unchanged) for anything else.
     */
    static Expr presence(Parser p) {
        int m = p.mark();
        Token subject = p.peekToken();
        if (subject != null && subject.kind() == Token.Kind.WORD && RowTables.names(RowTables.of(p.ctx().row()), subject.norm())) {
            // "the patient has ...": the row's own table named as its subject
            p.next();
        } else if (subject != null && subject.kind() == Token.Kind.WORD && !subject.is(Token.Kind.WORD, "there")
                && !subject.is(Token.Kind.WORD, "has") && !subject.is(Token.Kind.WORD, "have")) {
            // "the policy has at least one claim": a noun naming the record, then its verb
            p.next();
            Token verb = p.peekToken();
            if (verb == null || !(verb.is(Token.Kind.WORD, "has") || verb.is(Token.Kind.WORD, "have"))) {
                p.reset(m);
            }
        }
        boolean there = p.acceptWord("there") && (p.acceptWord("is") || p.acceptWord("are"));
        if (there || p.acceptWord("has") || p.acceptWord("have")) {
            Expr atLeast = atLeast(p);
            if (atLeast != null) {
                return atLeast;
            }
            p.acceptWord("an");
            p.acceptWord("any");
            Expr column = p.column();
            if (column instanceof Expr.Col) {
                return new Expr.IsNull(column, true);
            }
        }
        p.reset(m);
        return null;
    }

    /**
     * "at least one claim", "one or more visits", "at least 2 orders": the row's count column for the noun (claims_cnt,
     * visit_count) at least the number; null (cursor unchanged) otherwise.
     */
    private static Expr atLeast(Parser p) {
        int m = p.mark();
        Long n;
        if (p.acceptWord("at") && p.acceptWord("least")) {
            n = Operations.whole(p);
        } else {
            p.reset(m);
            n = Operations.whole(p);
            if (n == null || !(p.accept(Role.OR) && p.acceptWord("more"))) {
                p.reset(m);
                return null;
            }
        }
        Token noun = p.next();
        Expr.Col counted = noun == null || n == null || noun.kind() != Token.Kind.WORD ? null : countOf(p, noun);
        if (counted == null) {
            p.reset(m);
            return null;
        }
        return new Expr.Bin(">=", new Expr.Cast(counted, io.aide.compiler.plan.SqlType.DOUBLE, true), new Expr.Lit(n));
    }

    /** The one count column of the row whose first part is the noun, singular or plural (claims_cnt for "claim"). */
    private static Expr.Col countOf(Parser p, Token noun) {
        String one = RowTables.singular(noun.norm());
        Expr.Col found = null;
        int matches = 0;
        for (Expr.Col c : p.ctx().sources()) {
            String first = ColumnWords.parts(c.column())[0];
            if (ColumnWords.holdsACount(c.column()) && (RowTables.singular(first).equals(one) || PhraseTable.abbreviates(RowTables.singular(first), one))) {
                found = c;
                matches++;
            }
        }
        return matches == 1 ? found : null;
    }

    /** Nouns for the values of the row's one source column ("negative values", "blank entries"). */
    private static final java.util.Set<String> VALUE_NOUNS = java.util.Set.of("values", "value", "ones", "entries",
            "numbers", "amounts", "figures");

    private static final java.util.Set<String> ROW_WORDS = java.util.Set.of("rows", "records", "lines", "entries");

    /** The states an adjective before a column may say. */
    private static final java.util.Set<String> STATES = java.util.Set.of("negative", "positive", "zero", "missing", "null",
            "blank", "empty");

    /**
     * "negative amounts", "missing emails", "a blank name", "zero, negative or blank hours": the test said as adjectives
     * before the column (any of them holding), where the condition ends after it. Null (cursor unchanged) otherwise.
     */
    static Expr adjectiveFirst(Parser p) {
        int m = p.mark();
        p.acceptWord("a");
        p.acceptWord("an");
        List<String> said = new ArrayList<>();
        while (true) {
            Token adjective = p.peekToken();
            if (adjective == null || adjective.kind() != Token.Kind.WORD || !STATES.contains(adjective.norm())) {
                break;
            }
            p.next();
            said.add(adjective.norm());
            int or = p.mark();
            boolean comma = p.acceptOp(",") || p.acceptOp("/");
            // "zero, negative or blank", "zero and negative": each state said holds for the rows meant
            boolean joined = p.accept(Role.OR) || p.accept(Role.AND);
            if (!comma && !joined) {
                break;
            }
            Token next = p.peekToken();
            if (next == null || !STATES.contains(next.norm())) {
                p.reset(or);
                break;
            }
        }
        if (said.isEmpty()) {
            p.reset(m);
            return null;
        }
        Expr column = p.column();
        Token noun = column == null ? p.rawPeek() : null;
        if (noun != null && VALUE_NOUNS.contains(noun.norm()) && p.ctx().sources().size() == 1
                && !said.contains("zero") && !said.contains("null")) {
            // "negative values set to zero": the row's one source column
            p.rawNext();
            column = p.ctx().sources().get(0);
        }
        Token rows = p.peekToken();
        if (column != null && rows != null && rows.kind() == Token.Kind.WORD && ROW_WORDS.contains(rows.norm())) {
            // "Zero / blank hours rows": the rows named after the column tested
            p.next();
        }
        Token after = p.peekToken();
        // (the column as the target computes it where a target column is named: "zero or negative quantity")
        if (column == null || column instanceof Expr.Lit || Expr.columns(column).isEmpty() || after != null
                && after.kind() != Token.Kind.SEP && !after.op(",") && !p.peek(Role.THEN) && !p.peek(Role.ELSE)
                && !p.peek(Role.AND) && !p.peek(Role.OR)) {
            p.reset(m);
            return null;
        }
        Expr any = null;
        for (String a : said) {
            Expr one = switch (a) {
                case "negative" -> new Expr.Bin("<", column, new Expr.Lit(0L));
                case "positive" -> new Expr.Bin(">", column, new Expr.Lit(0L));
                case "zero" -> new Expr.Bin("=", column, new Expr.Lit(0L));
                case "missing", "null" -> new Expr.IsNull(column, false);
                default -> new Expr.Bin("OR", new Expr.IsNull(column, false), new Expr.Bin("=",
                        new Expr.Fn("TRIM", List.of(new Expr.Cast(column, io.aide.compiler.plan.SqlType.VARCHAR, false))), new Expr.Lit("")));
            };
            any = any == null ? one : new Expr.Bin("OR", any, one);
        }
        return any;
    }

    /**
     * "currency is 'USD'" over currency_cd: as the subject of a test, one word names the one column of the row whose
     * name is that word and a kind (code, date, name, ...); null (cursor unchanged) otherwise.
     */
    static Expr kindLeftOut(Parser p) {
        int m = p.mark();
        p.acceptWord("the");
        Token t = p.peekToken();
        if (t == null || t.kind() != Token.Kind.WORD || !t.text().matches("[A-Za-z]{4,}")
                || p.lexicon().grammarWord(p.tokens(), p.mark())) {
            p.reset(m);
            return null;
        }
        Expr.Col found = null;
        int matches = 0;
        for (Expr.Col c : p.ctx().sources()) {
            if (ColumnWords.namesLeavingKind(c.column(), t)) {
                found = c;
                matches++;
            }
        }
        if (matches != 1) {
            p.reset(m);
            return null;
        }
        p.next();
        return found;
    }

    /**
     * [the noun [noun]] [is | was | were | has been | have been] [not [yet] | never] participle: "if cancelled", "if the
     * subscription was cancelled", "NULL if not yet delivered", "if unpaid" -- whether the date column the verb names
     * (cancel_dt, deliv_ts, paid_dt) has a value. Only where the test ends after the verb; null (cursor unchanged) otherwise.
     */
    static Expr happened(Parser p) {
        int m = p.mark();
        p.acceptWord("the");
        int nouns = 0;
        Token t;
        while (nouns < 2 && (t = p.peekToken()) != null && t.kind() == Token.Kind.WORD && !AUXILIARIES.contains(t.norm())
                && !t.is(Token.Kind.WORD, "not") && !t.is(Token.Kind.WORD, "never") && !participle(t.norm())
                && !p.lexicon().grammarWord(p.tokens(), p.mark())) {
            if (t.text().contains("_") && (p.ctx().resolve(null, t.text()) instanceof Expr.Col c && p.ctx().known(c)
                    || p.ctx().namesTargetColumn(t.text()))) {
                // "when ACCOUNT_STATUS is Closed": a column's value compared, not an event of the row
                p.reset(m);
                return null;
            }
            p.next();
            nouns++;
        }
        boolean auxiliary = false;
        while ((t = p.peekToken()) != null && AUXILIARIES.contains(t.norm())) {
            p.next();
            auxiliary = true;
        }
        if (nouns > 0 && !auxiliary) {
            p.reset(m);
            return null;
        }
        boolean negated = p.acceptWord("not") || p.acceptWord("never");
        p.acceptWord("yet");
        Token verb = p.next();
        Expr.Col dated = WordNamedColumns.dateNamedByVerb(p, verb);
        if (dated == null && !negated && verb != null && verb.kind() == Token.Kind.WORD && verb.norm().startsWith("un")
                && verb.norm().length() > 5) {
            // "if unpaid", "NULL when undelivered": not paid, not delivered
            dated = WordNamedColumns.dateNamedByVerb(p, Token.of(Token.Kind.WORD, verb.norm().substring(2)));
            negated = dated != null;
        }
        Token after = p.peekToken();
        if (dated == null || after != null && after.kind() != Token.Kind.SEP && !after.op(",") && !p.peek(Role.THEN)
                && !p.peek(Role.ELSE) && !p.peek(Role.AND) && !p.peek(Role.OR)) {
            p.reset(m);
            return null;
        }
        return new Expr.IsNull(dated, !negated);
    }

    /**
     * [the noun] participle AND participle (on the same day | the same day | on one day): "admitted and discharged on the
     * same day" -- the calendar dates of the two columns the verbs name are equal; null (cursor unchanged) otherwise.
     */
    static Expr sameDay(Parser p) {
        int m = p.mark();
        p.acceptWord("the");
        Token t = p.peekToken();
        if (t != null && t.kind() == Token.Kind.WORD && !t.norm().endsWith("ed")) {
            p.next();
            while ((t = p.peekToken()) != null && AUXILIARIES.contains(t.norm())) {
                p.next();
            }
        }
        Expr.Col first = WordNamedColumns.dateNamedByVerb(p, p.next());
        Expr.Col second = first != null && p.accept(Role.AND) ? WordNamedColumns.dateNamedByVerb(p, p.next()) : null;
        p.acceptWord("on");
        p.acceptWord("the");
        boolean same = second != null && !second.equals(first) && p.acceptWord("same")
                && (p.acceptWord("day") || p.acceptWord("date"));
        if (!same) {
            p.reset(m);
            return null;
        }
        io.aide.compiler.plan.SqlType date = io.aide.compiler.plan.SqlType.DATE;
        return new Expr.Bin("=", new Expr.Cast(first, date, true), new Expr.Cast(second, date, true));
    }

    /** "cancelled", "paid", "unpaid": a word that may be a past participle, negated by "un" or not. */
    private static boolean participle(String word) {
        return word.endsWith("ed") || PhraseTable.IRREGULAR_PARTICIPLES.containsKey(word)
                || word.startsWith("un") && word.length() > 5 && participle(word.substring(2));
    }

    private static final java.util.Set<String> AUXILIARIES = java.util.Set.of("is", "was", "were", "are", "has", "have",
            "been", "had");

    /** "an @", "a #": a symbol written without quotes after its article or alone; null (cursor unchanged) otherwise. */
    static Expr symbol(Parser p) {
        int m = p.mark();
        Token t = p.rawPeek();
        if (t != null && (t.is(Token.Kind.WORD, "a") || t.is(Token.Kind.WORD, "an"))) {
            p.rawNext();
            t = p.rawPeek();
        }
        if (t != null && (t.kind() == Token.Kind.OP || t.kind() == Token.Kind.WORD) && t.text().matches("[@#$&%_*+=/\\\\-]")) {
            p.rawNext();
            Token named = p.rawPeek();
            if (named != null && named.kind() == Token.Kind.WORD && SYMBOL_NOUNS.contains(named.text().toLowerCase(java.util.Locale.ROOT))) {
                // "an @ sign", "a / character"
                p.rawNext();
            }
            return new Expr.Lit(t.text());
        }
        p.reset(m);
        return null;
    }

    private static final java.util.Set<String> SYMBOL_NOUNS = java.util.Set.of("sign", "symbol", "character", "char");

    /** "the employee has no manager", "has no email": the cursor moved to "no"; unchanged otherwise. */
    static void hasNo(Parser p) {
        int m = p.mark();
        Token subject = p.peekToken();
        if (subject != null && subject.kind() == Token.Kind.WORD && !subject.is(Token.Kind.WORD, "has")
                && !subject.is(Token.Kind.WORD, "have")) {
            p.next();
        }
        if ((p.acceptWord("has") || p.acceptWord("have")) && p.peekToken() != null && p.peekToken().is(Token.Kind.WORD, "no")) {
            return;
        }
        p.reset(m);
    }

    /**
     * "no impressions", "no items": something counted (a number column, a count or amount by its name, or a plural
     * noun); "no middle name", "no email": something that is there or not.
     */
    static boolean counted(Parser p, Expr column, Token last, Token first) {
        if (column instanceof Expr.Col c) {
            io.aide.compiler.plan.SqlType type = p.ctx().typeOf(c);
            if (type != null && type.kind() != io.aide.compiler.plan.SqlType.Kind.UNKNOWN
                    && type.kind() != io.aide.compiler.plan.SqlType.Kind.VARCHAR) {
                return type.numeric();
            }
            // numbers kept as text (a CSV sample, a staging table) are known by their name, as without a type
            if (ColumnWords.holdsAMeasure(c.column())) {
                return true;
            }
        }
        return last.kind() == Token.Kind.WORD && last.norm().endsWith("s") && !last.norm().endsWith("ss")
                || first.kind() == Token.Kind.WORD && first.norm().endsWith("s") && !first.norm().endsWith("ss");
    }

    /**
     * The value the words name as the target has it: "If there is no exit date then 'Current'" on a target whose
     * exit_date is EXIT_DT read as a date ("00000000 / blank / NULL means still enrolled - leave empty") asks whether
     * exit_date is missing, not whether the text is (00000000 is no exit date). The column itself where no other column
     * of the target is spelled by the words and reads it through a rule; null where that column's rule is not compiled,
     * so the test cannot be said.
     *
     * @param end the cursor after the words
     */
    private static Expr asTheTargetHasIt(Parser p, int end, Expr column) {
        if (!(column instanceof Expr.Col col)) {
            return column;
        }
        int start = end;
        while (start > 0 && p.tokens().get(start - 1).kind() == Token.Kind.WORD && !p.tokens().get(start - 1).is(Token.Kind.WORD, "no")) {
            start--;
        }
        String name = String.join("_", p.tokens().subList(start, end).stream().map(Token::norm).toList());
        String own = p.ctx().row().targetColumn();
        if (name.isEmpty() || own != null && name.equalsIgnoreCase(own.trim()) || name.equalsIgnoreCase(col.column())
                || !p.ctx().namesTargetColumn(name)) {
            return column;
        }
        Expr target = p.ctx().resolve(null, name);
        if (target == null || target instanceof Expr.TypedNull) {
            return null;
        }
        return !target.equals(col) && Expr.columns(target).contains(col) ? target : column;
    }

    /** Participles that say a value is there: "no duration given", "no end date recorded". */
    private static final java.util.Set<String> GIVEN = java.util.Set.of("given", "supplied", "provided", "entered", "recorded",
            "captured", "available", "present", "held", "known", "specified", "stated", "populated", "filled", "listed");

    /**
     * "no impressions", "there are no impressions" (a count or measure: missing or zero), "no middle name" (missing or
     * blank); null (cursor unchanged) otherwise.
     */
    static Expr none(Parser p) {
        int m = p.mark();
        if (!(p.acceptWord("there") && (p.acceptWord("is") || p.acceptWord("are")) && p.peekToken() != null
                && p.peekToken().is(Token.Kind.WORD, "no"))) {
            // "0 when there are no impressions"
            p.reset(m);
        }
        if (p.acceptWord("no")) {
            // "0 when no impressions": the column missing or zero; "blank if no middle name": missing or blank
            Token word = p.peekToken();
            Expr none = p.column();
            if (none == null) {
                // "no transaction in the last 365 days" for last_txn_dt: the date the word names
                none = p.dateNamedByWord();
            }
            int window = p.mark();
            Expr recent = none != null && DateColumns.dated(p.ctx(), none) ? RelativeDates.within(p, none) : null;
            if (recent != null) {
                // "no transaction in the last 365 days": none at all, or the last one before the window
                return new Expr.Bin("OR", new Expr.IsNull(none, false), new Expr.Not(recent));
            }
            p.reset(window);
            Token given = p.peekToken();
            if (none != null && given != null && given.kind() == Token.Kind.WORD && GIVEN.contains(given.norm())) {
                // "no duration given", "no end date recorded": the value's absence said with a participle
                p.next();
            }
            Token after = p.peekToken();
            // ... or the bracket that holds the test ("the line is still active (no deactivation date)")
            if (none != null && (after == null || after.kind() == Token.Kind.SEP || after.op(",") || after.op(")")
                    || p.peek(Role.THEN) || p.peek(Role.ELSE) || p.peek(Role.AND) || p.peek(Role.OR))) {
                Expr said = asTheTargetHasIt(p, window, none);
                if (said == null) {
                    p.reset(m);
                    return null;
                }
                if (said != none) {
                    // "no exit date" where exit_date reads EXIT_DT through a rule of its own: that value missing
                    return new Expr.IsNull(said, false);
                }
                return counted(p, none, p.tokens().get(window - 1), word)
                        ? new Expr.Bin("OR", new Expr.IsNull(none, false), new Expr.Bin("=", none, new Expr.Lit(0L)))
                        : new Expr.Bin("OR", new Expr.IsNull(none, false), new Expr.Bin("=",
                        new Expr.Fn("TRIM", List.of(new Expr.Cast(none, io.aide.compiler.plan.SqlType.VARCHAR, false))), new Expr.Lit("")));
            }
            p.reset(m);
        }
        return null;
    }

    /**
     * A sign, and the other side of zero with it: "is zero or less", "is zero or negative", "is negative or zero" (at
     * most zero), "is zero or more", "is zero or positive" (at least zero); the sign alone otherwise.
     */
    static Expr signRange(Parser p, Expr left, String op) {
        boolean zero = op.equals("=");
        if (zero && p.accept(Role.OR_LESS)) {
            return new Expr.Bin("<=", left, new Expr.Lit(0L));
        }
        if (zero && p.accept(Role.OR_MORE)) {
            return new Expr.Bin(">=", left, new Expr.Lit(0L));
        }
        int m = p.mark();
        if (p.accept(Role.OR)) {
            String other = p.accept(Role.NEGATIVE) ? "<" : p.accept(Role.POSITIVE) ? ">" : p.accept(Role.ZERO_VALUE) ? "=" : null;
            if (other != null && !other.equals(op) && (zero || other.equals("="))) {
                // one of the two is zero: the sign with zero included
                return new Expr.Bin((zero ? other : op) + "=", left, new Expr.Lit(0L));
            }
            p.reset(m);
        }
        return new Expr.Bin(op, left, new Expr.Lit(0L));
    }

    /**
     * The text starts (where {@code -1}), ends (1) or holds (0) the given text: LIKE with its wildcards around it; where
     * the text itself holds one of LIKE's wildcards ("begins with INT_"), its start or end compared as text (LIKE would
     * take the '_' for any character); null for such a text held anywhere.
     */
    static Expr textAt(int where, Expr tested, String s) {
        if (!s.contains("_") && !s.contains("%")) {
            return new Expr.Bin("LIKE", tested, new Expr.Lit((where < 0 ? "" : "%") + s + (where > 0 ? "" : "%")));
        }
        if (where == 0) {
            return null;
        }
        Expr length = new Expr.Lit((long) s.length());
        Expr start = where < 0 ? new Expr.Lit(1L) : new Expr.Bin("+", new Expr.Bin("-", new Expr.Fn("LENGTH", List.of(tested)), length),
                new Expr.Lit(1L));
        return new Expr.Bin("=", new Expr.Substr(tested, start, length), new Expr.Lit(s));
    }

    /**
     * "has no '@'", "contains no hyphen", "lacks a '/'", "without an @": the text does not contain the character or
     * the quoted text; null (cursor unchanged) otherwise. Only a symbol or quoted text: "has no email" is a missing value.
     */
    static Expr lacking(Parser p, Expr left) {
        int m = p.mark();
        boolean lacks = (p.acceptWord("has") || p.acceptWord("have") || p.acceptWord("contains") || p.acceptWord("contain"))
                && p.acceptWord("no")
                || p.acceptWord("lacks") || p.acceptWord("lacking") || p.acceptWord("without");
        if (lacks) {
            Expr v = WordedTests.symbol(p);
            Token t = v == null ? p.peekToken() : null;
            if (t != null && t.kind() == Token.Kind.STRING) {
                v = p.literal();
            }
            Expr contains = v instanceof Expr.Lit l && l.value() instanceof String s ? WordedTests.textAt(0, left, s) : null;
            if (contains != null) {
                return new Expr.Not(contains);
            }
        }
        p.reset(m);
        return null;
    }
}
