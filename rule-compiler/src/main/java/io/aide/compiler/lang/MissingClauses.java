package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A rule, then a clause of its own saying what a missing operand counts as, in the analyst's sentence rather than a
 * set phrase:
 * <pre>
 * said    := rule ("," | SEP | "(") [IF] subject ["," | "then"] reading value [")"]
 * subject := MISSING [column]                      -- "null should be loaded as 0", "missing limit counts as zero"
 *          | column (IS_NULL | IS_EMPTY)           -- "if overdraft limit is null treat it as zero"
 * reading := [modal ["be"]] [verb] [SELF] [prep]   -- "treat it as", "should be loaded as", "use", "becomes"
 * modal   := (should | must | will | shall | is | are | to | can) ["be"], repeated ("are to be")
 * prep    := as | to | with | by | "="
 * </pre>
 * A named column is read as COALESCE(column, value) wherever the rule reads it (the rule must read it); a subject with
 * no column ("nulls ...") is about every column the rule reads. The stand-in may also follow its column at once:
 * <pre>
 * stand_in := rule_start column ("," OR | "(") (TODAY | NOW | literal) (IF | WHEN | WHERE) absence ("," | SEP | ")") ...
 *                         -- "years between open date and close date, or today if the account is still open"
 * absence  := words saying the value is not there yet: IS_NULL, IS_EMPTY, MISSING, not, no, still, yet, open, ongoing
 * </pre>
 * Without "or" or a parenthesis, or with a column that is the whole rule before it, or about several values ("if
 * either is missing"), the stand-in is the whole value's and the fallback shapes read it.
 */
final class MissingClauses {
    private MissingClauses() {
    }

    /** Verbs that give a missing value its stand-in; one of them or a preposition must come before the value. */
    private static final Set<String> VERBS = Set.of("treat", "treated", "count", "counted", "counts", "read", "take",
            "taken", "load", "loaded", "set", "default", "defaulted", "use", "used", "replace", "replaced", "fill",
            "filled", "consider", "considered", "substitute", "substituted", "populate", "populated", "show", "shown",
            "report", "reported", "map", "mapped", "convert", "converted", "become", "becomes", "assume", "assumed");
    private static final Set<String> MODALS = Set.of("should", "must", "will", "shall", "is", "are", "to", "can");
    private static final Set<String> PREPOSITIONS = Set.of("as", "to", "with", "by");

    static Recognition read(List<Token> tokens, Function<List<Token>, Parser> parsers,
                            Function<List<Token>, Recognition> rule) {
        for (int at = tokens.size() - 2; at > 0; at--) {
            Token before = tokens.get(at - 1);
            if (before.kind() != Token.Kind.SEP && !before.op(",") && !before.op("(")) {
                continue;
            }
            Parser p = parsers.apply(tokens.subList(at, tokens.size()));
            p.accept(Role.IF);
            Subject subject = subject(p);
            if (subject == null) {
                continue;
            }
            Expr column = subject.column();
            p.acceptOp(",");
            p.acceptWord("then");
            if (!reading(p)) {
                continue;
            }
            Expr value = p.literal();
            p.acceptOp(")");
            p.acceptSeparator();
            if (!(value instanceof Expr.Lit lit) || !p.atEnd()) {
                continue;
            }
            Expr.Col named = column instanceof Expr.Col c ? c : null;
            Recognition.Recognized ok = NullsAs.ruleBefore(tokens, at, rule, named);
            if (ok == null) {
                continue;
            }
            List<Expr.Col> read1 = Expr.columns(ok.expr()).stream().distinct().toList();
            if (named == null && read1.size() == 1 && lit.value() instanceof Boolean) {
                // "Y/N to true/false; blank = false": the value a missing source gives, not a stand-in for the source
                Expr.Col only = read1.get(0);
                Expr missing = subject.blank() ? new Expr.Bin("OR", new Expr.IsNull(only, false), p.blank(only))
                        : new Expr.IsNull(only, false);
                return new Recognition.Recognized(new Expr.Case(List.of(new Expr.When(missing, lit)), ok.expr()),
                        ok.lookupTable(), ok.accepted(), ok.note() + ", " + lit.value() + " where " + only.column()
                        + " is missing", ok.keepUnmatched());
            }
            if (named == null && !NullsAs.operands(ok.expr()) && !(lit.value() instanceof String)) {
                // "Strip the currency text ... and load the number. If blank, load 0": the number for a missing result,
                // never a number put into the text the rule works on
                return new Recognition.Recognized(new Expr.Fn("COALESCE", List.of(ok.expr(), lit)), ok.lookupTable(),
                        ok.accepted(), ok.note() + ", a missing value read as " + lit.value(), ok.keepUnmatched());
            }
            // blank text is missing too where the clause says so ("blank values set to 'N/A'")
            Expr read = Expr.mapColumns(ok.expr(), c -> named == null || c.equals(named)
                    ? subject.blank() && lit.value() instanceof String
                    ? new Expr.Fn("COALESCE", List.of(new Expr.Case(List.of(new Expr.When(p.blank(c),
                    new Expr.TypedNull(io.aide.compiler.plan.SqlType.VARCHAR))), c), lit))
                    : NullsAs.readAs(c, lit) : c);
            return new Recognition.Recognized(read, ok.lookupTable(), ok.accepted(), ok.note() + ", a missing "
                    + (named == null ? "value" : named.column()) + " read as " + lit.value(), ok.keepUnmatched());
        }
        return null;
    }

    /** Words of a clause saying a value is not there (yet): "if not closed", "when the account is still open". */
    private static final Set<String> ABSENCE = Set.of("not", "no", "still", "yet", "open", "ongoing", "active", "current",
            "missing", "null", "blank", "empty", "absent", "unknown", "none", "unset");

    static Recognition standIn(List<Token> tokens, Function<List<Token>, Parser> parsers,
                               Function<List<Token>, Recognition> rule) {
        for (int at = 1; at + 2 < tokens.size(); at++) {
            boolean paren = tokens.get(at).op("(");
            if (!paren && !tokens.get(at).op(",")) {
                continue;
            }
            Parser p = parsers.apply(tokens.subList(at + 1, tokens.size()));
            if (!p.acceptWord("or") && !paren) {
                // "Referrer, 'direct' when empty", "qty * price, 0 if either is missing": the whole value's fallback
                continue;
            }
            Expr value = p.accept(Role.TODAY) ? new Expr.CurrentDate() : p.accept(Role.NOW) ? new Expr.CurrentTimestamp()
                    : p.literal();
            if (value == null || !p.accept(Role.IF) && !p.accept(Role.WHERE)) {
                continue;
            }
            int clause = at + 1 + p.mark();
            int end = clause;
            boolean absent = false;
            boolean several = false;
            while (end < tokens.size() && !(paren ? tokens.get(end).op(")")
                    : tokens.get(end).kind() == Token.Kind.SEP || tokens.get(end).op(","))) {
                absent |= tokens.get(end).kind() == Token.Kind.WORD && ABSENCE.contains(tokens.get(end).norm());
                several |= tokens.get(end).kind() == Token.Kind.WORD && SEVERAL.contains(tokens.get(end).norm());
                end++;
            }
            if (!absent || several || paren && end == tokens.size()) {
                continue;
            }
            Expr.Col column = columnEndingAt(tokens, at, parsers);
            List<Token> without = new java.util.ArrayList<>(tokens.subList(0, at));
            without.addAll(tokens.subList(Math.min(tokens.size(), paren ? end + 1 : end), tokens.size()));
            if (column == null || !(rule.apply(without) instanceof Recognition.Recognized ok)
                    || !Expr.columns(ok.expr()).contains(column) || copies(ok.expr(), column)) {
                continue;
            }
            if (value instanceof Expr.TypedNull || value instanceof Expr.Lit l0 && l0.value() == null) {
                // "Year part of acq_date (NULL if no date)": NULL for a missing value, which a value without a fallback
                // of its own gives anyway; one with a fallback is told
                boolean[] fallback = {false};
                Expr.visit(ok.expr(), x -> fallback[0] |= x instanceof Expr.Case || x instanceof Expr.Fn f
                        && java.util.Set.of("COALESCE", "IFNULL", "NVL").contains(f.name().toUpperCase(java.util.Locale.ROOT)));
                Expr kept = fallback[0] ? new Expr.Case(List.of(new Expr.When(new Expr.IsNull(column, false),
                        new Expr.TypedNull(io.aide.compiler.plan.SqlType.UNKNOWN))), ok.expr()) : ok.expr();
                return new Recognition.Recognized(kept, ok.lookupTable(), ok.accepted(), ok.note(), ok.keepUnmatched());
            }
            // a date stand-in for a date kept as text: the text read as a date first (COALESCE needs one type)
            Expr own = value instanceof Expr.Lit ? column : DateColumns.asDate(p.ctx(), column);
            Expr read = Expr.mapColumns(ok.expr(), c -> c.equals(column) ? new Expr.Fn("COALESCE", List.of(own, value)) : c);
            return new Recognition.Recognized(read, ok.lookupTable(), ok.accepted(), ok.note() + ", a missing "
                    + column.column() + " read as " + (value instanceof Expr.Lit l ? l.value() : "today"), ok.keepUnmatched());
        }
        return null;
    }

    /** The value is the column itself ("Manager name, or 'No Manager' if empty"): the fallback shapes read it whole. */
    private static boolean copies(Expr value, Expr.Col column) {
        Expr x = value;
        while (x instanceof Expr.Cast c) {
            x = c.expr();
        }
        return x.equals(column);
    }

    /** Words of a clause about several values at once ("if either is missing"): the whole value's, not one operand's. */
    private static final Set<String> SEVERAL = Set.of("either", "any", "both", "all", "each", "neither");

    /**
     * The column written right before {@code at}, read whole, as one operand among others (words before it); null
     * when none ends there.
     */
    private static Expr.Col columnEndingAt(List<Token> tokens, int at, Function<List<Token>, Parser> parsers) {
        for (int from = Math.max(1, at - 4); from < at; from++) {
            Parser p = parsers.apply(tokens.subList(from, at));
            if (p.column() instanceof Expr.Col c && p.atEnd()) {
                return c;
            }
        }
        return null;
    }

    /** Any column: a marker standing for "every column the rule reads". */
    private static final Expr ANY = new Expr.Lit("any column");

    /** The column a clause is about ({@link #ANY} for missing values in general), and whether blank text is missing too. */
    private record Subject(Expr column, boolean blank) {
    }

    private static final Set<String> BLANK = Set.of("blank", "empty", "blanks", "empties");

    /** The subject at the cursor, or null when it is none. */
    private static Subject subject(Parser p) {
        int m = p.mark();
        Token t = p.peekToken();
        if (t != null && t.kind() == Token.Kind.WORD && NullsAs.MISSING.contains(t.norm())) {
            p.next();
            boolean blank = BLANK.contains(t.norm());
            int c = p.mark();
            Expr column = p.column();
            if (column instanceof Expr.Col) {
                return new Subject(column, blank);
            }
            p.reset(c);
            return new Subject(ANY, blank);
        }
        Expr column = p.column();
        if (column instanceof Expr.Col) {
            if (p.accept(Role.IS_NULL)) {
                return new Subject(column, false);
            }
            if (p.accept(Role.IS_EMPTY)) {
                return new Subject(column, true);
            }
        }
        p.reset(m);
        return null;
    }

    /** What the stand-in is to the missing value: a modal, a verb, a preposition (at least a verb or a preposition). */
    private static boolean reading(Parser p) {
        boolean said = false;
        Token t = p.peekToken();
        // "should be", "are to be", "is to be"
        while (t != null && t.kind() == Token.Kind.WORD && MODALS.contains(t.norm())) {
            p.next();
            p.acceptWord("be");
            t = p.peekToken();
        }
        if (t != null && t.kind() == Token.Kind.WORD && VERBS.contains(t.norm())) {
            p.next();
            said = true;
            p.accept(Role.SELF);
            t = p.peekToken();
        }
        if (t != null && (t.kind() == Token.Kind.WORD && PREPOSITIONS.contains(t.norm()) || t.op("="))) {
            p.next();
            said = true;
        }
        return said;
    }
}
