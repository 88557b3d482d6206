package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;

import java.util.ArrayList;
import java.util.List;

/**
 * Conditions with any number of branches, written as sentences or as SQL-like prose:
 * "If x is not null then x else 0", "When x = 'A' then set as 1, when x = 'B' then 2, otherwise 0",
 * "1 if x > 5; 2 when x > 3; else 0", "Null out readings below zero". A rule without an ELSE keeps the row's own value only when every condition
 * tests that value ("If value > 180, set to 180"); otherwise what happens when no condition holds is not said: flagged.
 */
final class Conditionals implements Recognizer {

    @Override
    public Recognition recognize(Parser p) {
        List<Expr.When> whens = new ArrayList<>();
        Expr otherwise = null;
        boolean elseSaid = false;
        List<String> accepted = new ArrayList<>();
        int labelled = p.mark();
        if (!(p.accept(Role.LABEL) && p.acceptOp(":"))) {
            // "Derived: 'High' when amount >= 100, ...": a label before the branches names nothing
            p.reset(labelled);
        }
        // "Case when payer like '%X%' then 'A' ... else 'B' end": SQL's CASE written in prose case
        boolean sqlCase = p.acceptWord("case");
        Expr subject = null;
        if (sqlCase && !p.peek(Role.IF)) {
            // "CASE lit_flag WHEN 'Y' THEN ...": each WHEN gives a value of the subject
            subject = p.operand();
            if (subject == null) {
                return Recognition.NOT_MINE;
            }
        }
        if (p.targetType().kind() == io.aide.compiler.plan.SqlType.Kind.BOOLEAN) {
            // a truth value written as its condition: "delivered_dt later than promised_dt"
            int m = p.mark();
            Expr truth = p.condition();
            if (truth != null && p.atEnd() && !(truth instanceof Expr.Col)) {
                return new Recognition.Recognized(truth, null, List.of(), "a condition as a truth value");
            }
            p.reset(m);
        }
        while (!p.atEnd()) {
            if (sqlCase && !whens.isEmpty() && p.acceptWord("end") && p.atEnd()) {
                break;
            }
            if (!whens.isEmpty()) {
                p.acceptSeparator();
                p.accept(Role.AND);
            }
            int m = p.mark();
            if (!whens.isEmpty() && (p.accept(Role.ELSE) || ElseLists.namedThenElse(p, false))) {
                // "N, blank, null or anything else = false": the values named are examples of the else
                p.acceptOp(",");
                p.acceptOp(":");
                if (p.peek(Role.IF)) {
                    // "else if amount > 10000 then 'MEDIUM'": another branch, read as one
                    continue;
                }
                int beforeOtherwise = p.mark();
                otherwise = result(p);
                if (otherwise != null && !elseSaid && p.peek(Role.IF)) {
                    // "If ... then 'No Charge'; otherwise 'Paid' when BALANCE_DUE = 0, 'Part Paid' when ..., else 'Open'":
                    // more branches after the word, their own else later
                    p.reset(beforeOtherwise);
                    otherwise = null;
                    continue;
                }
                if (otherwise == null) {
                    return p.notUnderstood();
                }
                // "otherwise false, including blank": a blank or NULL value falls to the else branch anyway
                ElseBranches.includedAside(p);
                elseSaid = true;
                collect(otherwise, accepted);
                continue;
            }
            if (p.accept(Role.IF)) {
                int atCondition = p.mark();
                Expr cond = subject == null ? p.condition() : caseValue(p, subject);
                Expr previous = whens.isEmpty() ? null : compared(whens.get(whens.size() - 1).condition());
                if (cond == null && previous != null) {
                    // "If x is 'E' then 'Employee', if 'C' then 'Contractor'": the column of the branch before
                    p.reset(atCondition);
                    cond = caseValue(p, previous);
                }
                Expr tested = whens.isEmpty() ? null : TestSubjects.of(whens.get(whens.size() - 1).condition());
                if (cond == null && tested != null) {
                    // "..., if starts with 2 then ...": the comparison's subject is the branch before's
                    p.reset(atCondition);
                    cond = Conditions.comparisonOf(p, tested);
                }
                Expr own = p.ctx().sources().size() == 1 ? p.ctx().sources().get(0) : null;
                if (cond == null && own != null && subject == null && statedAlone(p, atCondition)) {
                    // "If blank then 0, else as is": the state of the row's one source value, its subject left out
                    cond = Conditions.comparisonOf(p, own);
                }
                if (cond == null) {
                    return whens.isEmpty() && m == 0 && p.problem() == null ? Recognition.NOT_MINE : p.notUnderstood();
                }
                p.acceptOp(",");
                p.accept(Role.THEN);
                p.acceptOp(",");
                // "If qty is null, default to 0": after its condition a default is the branch's value
                p.accept(Role.DEFAULT);
                Expr value = result(p);
                if (value == null) {
                    return p.notUnderstood();
                }
                whens.add(new Expr.When(cond, value));
                collect(value, accepted);
                continue;
            }
            if (whens.isEmpty()) {
                // "Null out readings below zero", "Zero out negative balances": the value first, as a verb
                Expr out = p.accept(Role.NULL_OUT) ? new Expr.TypedNull(p.targetType()) : p.accept(Role.ZERO_OUT)
                        ? new Expr.Lit(0L) : null;
                Expr when = out == null ? null : p.condition();
                if (when != null) {
                    whens.add(new Expr.When(when, out));
                    continue;
                }
                p.reset(m);
            }
            // the condition without its "if": "`x` equals 'A' then 1 else 0"
            Expr bare = p.condition();
            Expr subjectBefore = whens.isEmpty() ? null : TestSubjects.of(whens.get(whens.size() - 1).condition());
            if (bare == null && subjectBefore != null) {
                // "fico >= 740 then 'A'; 670-739 then 'B'; below 580 'D'": the subject of the branch before
                p.reset(m);
                bare = Conditions.comparisonOf(p, subjectBefore);
                int beforeValue = p.mark();
                if (bare != null && !p.peek(Role.THEN) && p.peekToken() != null && p.peekToken().kind() == Token.Kind.STRING) {
                    // "below 580 'D'": the value right after its condition
                    Expr value = result(p);
                    if (value != null) {
                        whens.add(new Expr.When(bare, value));
                        collect(value, accepted);
                        continue;
                    }
                    p.reset(beforeValue);
                }
            }
            if (bare != null && (p.accept(Role.THEN) || p.acceptOp("->") || p.acceptOp("=>"))) {
                Expr value = result(p);
                if (value == null) {
                    return p.notUnderstood();
                }
                whens.add(new Expr.When(bare, value));
                collect(value, accepted);
                continue;
            }
            p.reset(m);
            if (!whens.isEmpty() && !elseSaid) {
                // the value before its "otherwise": "'Low' otherwise"
                Expr last = result(p);
                if (last != null && (p.accept(Role.ELSE) || ElseLists.namedThenElse(p, true)) && includedAside(p)
                        && (p.atEnd() || p.acceptSeparator())) {
                    otherwise = last;
                    elseSaid = true;
                    collect(last, accepted);
                    continue;
                }
                p.reset(m);
            }
            // result first: "1 if x > 5", "0 when x is empty"
            Expr value = result(p);
            Expr self = p.ctx().sources().size() == 1 ? p.ctx().sources().get(0) : null;
            Token on = p.peekToken();
            Expr onDays = value != null && on != null && on.is(Token.Kind.WORD, "on") && DateColumns.dated(p.ctx(), self)
                    ? Weekdays.test(p, self) : null;
            if (onDays != null) {
                // "True on Saturday and Sunday": the days the value holds on, of the row's one date
                whens.add(new Expr.When(onDays, value));
                collect(value, accepted);
                continue;
            }
            if (value == null || !p.accept(Role.IF)) {
                p.reset(m);
                return whens.isEmpty() ? Recognition.NOT_MINE : p.notUnderstood();
            }
            int atCondition = p.mark();
            Expr cond = p.condition();
            Expr tested = whens.isEmpty() ? null : TestSubjects.of(whens.get(whens.size() - 1).condition());
            if (cond == null && tested != null) {
                // "Asset if acct starts with 1, Liability if starts with 2": the subject of the branch before
                p.reset(atCondition);
                cond = Conditions.comparisonOf(p, tested);
            }
            Token op = p.tokens().size() > atCondition ? p.tokens().get(atCondition) : null;
            if (cond == null && op != null && op.kind() == Token.Kind.OP && java.util.List.of(">", ">=", "<", "<=", "=", "<>", "!=")
                    .contains(op.text())) {
                // "amount when >= 0, otherwise 0": the test of the value itself, its subject left out
                Expr itself = value instanceof Expr.Col ? value : self;
                p.reset(atCondition);
                cond = itself == null ? null : Conditions.comparisonOf(p, itself);
            }
            Expr previous = whens.isEmpty() ? null : compared(whens.get(whens.size() - 1).condition());
            if (cond == null && previous != null) {
                // "'Yes' if roaming_ind = 1, 'No' if 0": a value of the column of the branch before
                p.reset(atCondition);
                cond = caseValue(p, previous);
            }
            if (cond == null && self != null && statedAlone(p, atCondition)) {
                // "0 if blank, else as is", "'N/A' if null": the state of the row's one source value, its subject left out
                cond = Conditions.comparisonOf(p, self);
            }
            if (cond == null) {
                // "1 for 'OVERNIGHT', 2 for '2DAY'": a value for a key is a value map's pair, not a condition
                Token key = p.tokens().get(atCondition - 1).is(Token.Kind.WORD, "for") && atCondition < p.tokens().size()
                        ? p.tokens().get(atCondition) : null;
                boolean pair = key != null && (key.kind() == Token.Kind.STRING || key.kind() == Token.Kind.NUMBER
                        || key.kind() == Token.Kind.WORD);
                return whens.isEmpty() && pair ? Recognition.NOT_MINE : p.notUnderstood();
            }
            whens.add(new Expr.When(cond, value));
            collect(value, accepted);
        }
        if (whens.isEmpty()) {
            return Recognition.NOT_MINE;
        }
        if (!elseSaid) {
            // a list of "if x = v then r" reads as a value map: no value for an unlisted x; a threshold on the row's
            // own value ("if value > 180, set to 180") keeps the value otherwise; anything else is not said
            // bands of one number ("fico >= 740 then 'A'; 670-739 then 'B'; below 580 'D'") read as a value map too
            boolean valueMap = whens.stream().allMatch(w -> equalities(w.condition())) || bands(whens);
            Expr self = p.ctx().sources().size() == 1 ? p.ctx().sources().get(0) : null;
            boolean onSelf = self != null && whens.stream().allMatch(w -> !Expr.columns(w.condition()).isEmpty()
                    && Expr.columns(w.condition()).stream().allMatch(self::equals));
            Boolean truth = whens.size() == 1 && whens.get(0).result() instanceof Expr.Lit tl ? truthOf(tl, p) : null;
            if (truth != null) {
                // "Y if a discontinued date exists" into a true/false column: a truth value and its opposite
                return new Recognition.Recognized(new Expr.Case(List.of(new Expr.When(whens.get(0).condition(),
                        new Expr.Lit(truth))), new Expr.Lit(!truth)), null, List.of(), "a truth value and its opposite");
            }
            if (whens.size() == 1 && whens.get(0).result() instanceof Expr.Lit l && l.value() instanceof Boolean b) {
                // "True if qty is negative": a truth value is false when its condition does not hold
                return new Recognition.Recognized(new Expr.Case(whens, new Expr.Lit(!b)), null, List.of(),
                        "a truth value and its opposite");
            }
            if (whens.size() == 1 && p.targetType() != null && p.targetType().kind() == SqlType.Kind.BOOLEAN
                    && whens.get(0).result() instanceof Expr.Lit l && l.value() instanceof String label
                    && label.matches("[A-Za-z][A-Za-z ]{2,}") && !TRUTH_WORDS.contains(label.toLowerCase(java.util.Locale.ROOT))) {
                // "Flagship if store size is at least 50000" for a true/false column: the label names the true case
                return new Recognition.Recognized(new Expr.Case(List.of(new Expr.When(whens.get(0).condition(),
                        new Expr.Lit(true))), new Expr.Lit(false)), null, List.of(), "a truth value named '" + label + "'");
            }
            if (whens.size() == 1 && onSelf && !whens.get(0).result().equals(self)) {
                Expr kept = p.typed(self, literalType(whens, null, p.targetType()));
                return new Recognition.Recognized(fallback(whens.get(0), kept), null, List.of(), "value kept unless");
            }
            if ((!valueMap || whens.size() == 1) && !nullOrNot(whens)) {
                return new Recognition.Flagged("the rule does not say the value when no condition holds (add 'else ...')");
            }
        }
        boolean allLiteral = whens.stream().allMatch(w -> w.result() instanceof Expr.Lit)
                && (otherwise == null || otherwise instanceof Expr.Lit);
        SqlType besides = literalType(whens, otherwise, p.targetType());
        List<Expr.When> typed = whens.stream().map(w -> new Expr.When(w.condition(), p.typed(w.result(), besides))).toList();
        return new Recognition.Recognized(new Expr.Case(typed, p.typed(otherwise, besides)), null, allLiteral ? accepted : List.of(),
                whens.size() + " branch(es)");
    }


    /** Words that already say true or false: a branch giving one is no label of the true case. */
    private static final java.util.Set<String> TRUTH_WORDS = java.util.Set.of("yes", "true", "false", "off", "on");

    /**
     * A literal that is a truth value for a true/false target ('Y', 'N', 'Yes', 'T', 'F'): its truth; null for any
     * other literal or target.
     */
    private static Boolean truthOf(Expr.Lit l, Parser p) {
        if (p.targetType().kind() != SqlType.Kind.BOOLEAN || !(l.value() instanceof String text)) {
            return null;
        }
        return switch (text.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "Y", "YES", "T", "TRUE" -> Boolean.TRUE;
            case "N", "NO", "F", "FALSE" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** "v if x is null or empty" is COALESCE(NULLIF(TRIM(x), ''), v); otherwise CASE WHEN cond THEN v ELSE x END. */
    private static Expr fallback(Expr.When w, Expr self) {
        if (w.condition() instanceof Expr.Bin b && b.op().equals("OR") && b.left() instanceof Expr.IsNull n && !n.negated()
                && n.expr().equals(self) && b.right() instanceof Expr.Bin eq && eq.op().equals("=")
                && eq.right().equals(new Expr.Lit(""))) {
            Expr trimmed = new Expr.Fn("NULLIF", List.of(new Expr.Fn("TRIM", List.of(self)), new Expr.Lit("")));
            return new Expr.Fn("COALESCE", List.of(trimmed, w.result()));
        }
        return new Expr.Case(List.of(w), self);
    }

    /** "upper(cat)", "ROUND(x, 2)": a function call as a branch's value, read as SQL; null (cursor unchanged) if none. */
    private static Expr call(Parser p) {
        int m = p.mark();
        Token name = p.peekToken();
        p.next();
        if (name == null || name.kind() != Token.Kind.WORD || !p.acceptOp("(")) {
            p.reset(m);
            return null;
        }
        int depth = 1;
        List<Token> span = new ArrayList<>(List.of(name, Token.of(Token.Kind.OP, "(")));
        while (depth > 0) {
            Token t = p.rawNext();
            if (t == null) {
                p.reset(m);
                return null;
            }
            depth += t.op("(") ? 1 : t.op(")") ? -1 : 0;
            span.add(t);
        }
        Expr e = Expressions.parse(Expressions.text(span), p);
        if (e == null) {
            p.reset(m);
        }
        return e;
    }

    /** value {("*" | "/" | "+" | "-") operand}: "prem_amt * 12" as a branch's value, * and / before + and -. */
    private static Expr arithmetic(Parser p, Expr first) {
        List<Expr> terms = new ArrayList<>(List.of(first));
        List<String> ops = new ArrayList<>();
        while (true) {
            int m = p.mark();
            Token t = p.peekToken();
            if (t == null || t.kind() != Token.Kind.OP || !List.of("*", "/", "+", "-").contains(t.text())) {
                break;
            }
            p.next();
            Expr next = p.operand();
            if (next == null) {
                p.reset(m);
                break;
            }
            ops.add(t.text());
            terms.add(next);
        }
        for (String level : List.of("*/", "+-")) {
            for (int i = 0; i < ops.size(); ) {
                if (level.contains(ops.get(i))) {
                    terms.set(i, new Expr.Bin(ops.get(i), terms.get(i), terms.get(i + 1)));
                    terms.remove(i + 1);
                    ops.remove(i);
                } else {
                    i++;
                }
            }
        }
        return terms.get(0);
    }

    /** "'T' when term_dt is not null, 'A' when null": two branches, one for a value and one for none, hold for every row. */
    private static boolean nullOrNot(List<Expr.When> whens) {
        return whens.size() == 2 && whens.get(0).condition() instanceof Expr.IsNull a
                && whens.get(1).condition() instanceof Expr.IsNull b && a.expr().equals(b.expr()) && a.negated() != b.negated();
    }

    /** Two or more branches, each a range of one and the same column bounded by numbers. */
    private static boolean bands(List<Expr.When> whens) {
        Expr subject = TestSubjects.of(whens.get(0).condition());
        return whens.size() > 1 && subject != null && whens.stream().allMatch(w -> subject.equals(TestSubjects.of(w.condition()))
                && numericRange(w.condition()));
    }

    private static boolean numericRange(Expr c) {
        if (c instanceof Expr.Bin b && b.op().equals("AND")) {
            return numericRange(b.left()) && numericRange(b.right());
        }
        return c instanceof Expr.Bin b && java.util.Set.of("<", ">", "<=", ">=").contains(b.op())
                && b.right() instanceof Expr.Lit l && l.value() instanceof Number;
    }

    private static Expr compared(Expr condition) {
        if (condition instanceof Expr.Bin b && b.op().equals("=") && b.right() instanceof Expr.Lit) {
            return b.left();
        }
        return condition instanceof Expr.InList in && !in.negated() ? in.expr() : null;
    }

    /** A value (or values) of a simple CASE's subject: subject = v, or subject IN (v, ...). */
    private static Expr caseValue(Parser p, Expr subject) {
        List<Expr> values = new ArrayList<>();
        int comma = -1;
        do {
            Expr v = p.literal();
            if (v == null && comma >= 0) {
                // "'DENIED' when 'D', otherwise 'PENDING'": the comma closed the values
                p.reset(comma);
                break;
            }
            if (v == null) {
                return null;
            }
            values.add(v);
            comma = p.mark();
        } while (p.acceptOp(","));
        return values.size() == 1 ? new Expr.Bin("=", subject, values.get(0)) : new Expr.InList(subject, values, false);
    }

    /**
     * BIGINT when a branch gives a whole number, DOUBLE when a decimal one, else UNKNOWN; DOUBLE for a whole number too
     * where the target holds fractions ("Hours when the entry type is OT, otherwise 0" into DECIMAL(5,2): 2.5 hours
     * never cast to a whole number).
     */
    static SqlType literalType(List<Expr.When> whens, Expr otherwise, SqlType target) {
        SqlType found = literalType(whens, otherwise);
        boolean fractions = target != null && (target.kind() == SqlType.Kind.DOUBLE || target.kind() == SqlType.Kind.DECIMAL
                && (target.scale() == null || target.scale() > 0));
        return found == SqlType.BIGINT && fractions ? SqlType.DOUBLE : found;
    }

    /** BIGINT when a branch gives a whole number, DOUBLE when a decimal one, else UNKNOWN. */
    private static SqlType literalType(List<Expr.When> whens, Expr otherwise) {
        List<Expr> values = new java.util.ArrayList<>(whens.stream().map(Expr.When::result).toList());
        if (otherwise != null) {
            values.add(otherwise);
        }
        if (values.stream().anyMatch(v -> v instanceof Expr.Lit l && l.value() instanceof java.math.BigDecimal)) {
            return SqlType.DOUBLE;
        }
        return values.stream().anyMatch(v -> v instanceof Expr.Lit l && l.value() instanceof Long) ? SqlType.BIGINT
                : SqlType.UNKNOWN;
    }

    private static boolean equalities(Expr c) {
        if (c instanceof Expr.Bin b && (b.op().equals("AND") || b.op().equals("OR"))) {
            return equalities(b.left()) && equalities(b.right());
        }
        return c instanceof Expr.Bin b && b.op().equals("=") && b.right() instanceof Expr.Lit
                || c instanceof Expr.InList i && !i.negated();
    }

    /** The words at {@code at} (the cursor is put there) are a state of no value said alone: "blank", "null", "empty", "missing", "not populated". */
    private static boolean statedAlone(Parser p, int at) {
        p.reset(at);
        Token t = p.rawPeek();
        return t != null && (p.peekExact(Role.IS_EMPTY) || p.peekExact(Role.IS_NULL) || p.peekExact(Role.NOT_NULL)
                || p.peekExact(Role.NOT_BLANK) || t.is(Token.Kind.WORD, "null"));
    }

    /** [SET] (literal | column | the row's value | code); "x is 'A'" where x is the target column itself. */
    static Expr result(Parser p) {
        int m = p.mark();
        Token t = p.peekToken();
        if (t != null && t.nameLike() && t.text().equalsIgnoreCase(p.ctx().row().targetColumn())) {
            p.next();
            if (!p.accept(Role.SET) && !p.accept(Role.EQUALS) && !p.accept(Role.THEN)) {
                p.reset(m);
            }
        }
        if (!p.accept(Role.SET) && !p.accept(Role.USE)) {
            // "otherwise is 'condition'": the target column left out before its verb
            p.accept(Role.EQUALS);
        }
        int beforeValue = p.mark();
        // "otherwise as is", "else unchanged": the row's one source value
        Expr v = p.ctx().sources().size() == 1 && p.acceptExact(Role.AS_IS)
                && (p.atEnd() || p.peekToken().op(",") || p.peekToken().kind() == Token.Kind.SEP) ? p.ctx().sources().get(0) : null;
        if (v == null) {
            p.reset(beforeValue);
        }
        if (v == null) {
            v = call(p);
        }
        if (v == null) {
            v = p.operand();
        }
        if (v != null) {
            v = arithmetic(p, v);
            Expr joined = Concatenations.continued(p, v);
            v = joined != null ? joined : v;
        }
        if (v == null) {
            p.reset(beforeValue);
            v = p.code();
        }
        if (v == null) {
            p.reset(m);
        } else {
            aliased(p);
        }
        return v;
    }

    /** "then 'BMI' as SOURCE" where SOURCE is the target column: SQL's alias after a branch's value, read over. */
    private static void aliased(Parser p) {
        int m = p.mark();
        Token name = p.acceptWord("as") ? p.rawNext() : null;
        String target = p.ctx().row().targetColumn();
        if (name == null || target == null || !name.nameLike() || !(name.text().equalsIgnoreCase(target)
                || target.toLowerCase(java.util.Locale.ROOT).endsWith("_" + name.norm()))) {
            p.reset(m);
        }
    }

    private static void collect(Expr value, List<String> accepted) {
        if (value instanceof Expr.Lit l) {
            accepted.add(String.valueOf(l.value()));
        }
    }

    /** "false for every other value, blank or NULL": what the else branch covers besides; always true. */
    private static boolean includedAside(Parser p) {
        ElseBranches.includedAside(p);
        return true;
    }
}
