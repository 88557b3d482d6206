package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;

/**
 * Which date an operation of the date family reads ({@link Dates}): a column after FROM, VIA or OF, a date column named
 * by one word ("of the order") or by a verb ("the year the account was opened"), or, where the operation opens the
 * rule, the row's one date column.
 */
final class DateSubjects {
    private DateSubjects() {
    }

    static Expr ofColumn(Parser p) {
        int m = p.mark();
        if (p.accept(Role.FROM) || p.accept(Role.VIA)) {
            Expr c = p.column();
            if (c != null) {
                return c;
            }
        }
        p.reset(m);
        return null;
    }

    /** (FROM | VIA | OF) column, or null (cursor after "of" only when a column follows). */
    static Expr ofOrFromColumn(Parser p) {
        Expr column = ofColumn(p);
        if (column == null) {
            int m = p.mark();
            Token of = p.peekToken();
            if (of != null && of.is(Token.Kind.WORD, "of")) {
                p.next();
                column = p.column();
                if (column == null) {
                    p.reset(m);
                }
            }
        }
        return column != null ? column : namedDate(p);
    }

    /**
     * [when | that | (on | in) which] [the] noun [noun] (was | were) participle | [the] [table-noun] participle: "year the account was
     * opened" for open_dt, "month when the order was shipped" for ship_dt, "Year account opened" -- the one date column
     * of the row named by the verb (after "was", a verb naming none is the row's only date column); null (cursor
     * unchanged) otherwise.
     */
    static Expr whenDone(Parser p) {
        int m = p.mark();
        if (!p.acceptWord("when")) {
            p.acceptWord("that");
        }
        int on = p.mark();
        if (!((p.acceptWord("on") || p.acceptWord("in")) && p.acceptWord("which"))) {
            // "the date on which the account was opened"
            p.reset(on);
        }
        p.acceptWord("the");
        int nouns = 0;
        Token t;
        while (nouns < 2 && (t = p.peekToken()) != null && t.kind() == Token.Kind.WORD && !t.is(Token.Kind.WORD, "was")
                && !t.is(Token.Kind.WORD, "were") && !p.lexicon().grammarWord(p.tokens(), p.mark())) {
            p.next();
            nouns++;
        }
        Expr.Col found;
        if (nouns > 0 && (p.acceptWord("was") || p.acceptWord("were"))) {
            Token verb = p.next();
            found = WordNamedColumns.dateNamedByVerb(p, verb);
            if (found == null && verb != null && verb.kind() == Token.Kind.WORD && onlyDate(p) != null) {
                // "the week in which the shipment was sent" over ship_dt: a verb naming no column, where the row
                // reads one date only
                found = onlyDate(p);
            }
        } else {
            // "Year account opened", "Year opened": the participle last, the nouns before it naming the row's table
            Token verb = nouns == 0 ? null : p.tokens().get(p.mark() - 1);
            boolean tableNouns = true;
            for (int i = p.mark() - nouns; i < p.mark() - 1; i++) {
                tableNouns &= RowTables.names(RowTables.of(p.ctx().row()), p.tokens().get(i).text());
            }
            found = verb != null && tableNouns && (verb.norm().endsWith("ed") || verb.norm().endsWith("en"))
                    ? WordNamedColumns.dateNamedByVerb(p, verb) : null;
        }
        if (found == null) {
            p.reset(m);
            return null;
        }
        Token after = p.peekToken();
        if (found == null || after != null && after.kind() != Token.Kind.SEP && !after.op(",") && !after.op("(")) {
            p.reset(m);
            return null;
        }
        return found;
    }

    /** The one source column of the row that holds a date (by type or name), or null when there is none or more. */
    private static Expr.Col onlyDate(Parser p) {
        java.util.List<Expr.Col> dates = p.ctx().sources().stream().filter(c -> DateColumns.dated(p.ctx(), c)).toList();
        return dates.size() == 1 ? dates.get(0) : null;
    }

    /**
     * (FROM | OF) [the] word, where the word names one date column of the row leaving its kind out and the phrase ends
     * ("week number of the order" for ord_ts, "year of hire" for hire_dt); null (cursor unchanged) otherwise.
     */
    static Expr namedDate(Parser p) {
        int m = p.mark();
        if (!(p.accept(Role.FROM) || p.acceptWord("of"))) {
            return null;
        }
        p.acceptWord("the");
        Expr.Col dated = p.dateNamedByWord();
        Token after = p.peekToken();
        if (dated == null || after != null && after.kind() != Token.Kind.SEP && !after.op(",") && !after.op("(")) {
            p.reset(m);
            return null;
        }
        return dated;
    }

    /** Only words that ask for nothing stand before the cursor: it opens the rule ("Hour of day", "the year"). */
    static boolean headOfRule(Parser p) {
        for (int i = 0; i < p.mark(); i++) {
            Token t = p.tokens().get(i);
            if (!(t.is(Token.Kind.WORD, "the") || p.lexicon().match(Role.FILLER, p.tokens(), i) > 0)) {
                return false;
            }
        }
        return true;
    }

    /** The row reads one source column, and it holds a date or a timestamp by its type or its name. */
    static boolean readsADate(Parser p) {
        if (p.ctx().sources().size() != 1) {
            return false;
        }
        Expr.Col c = p.ctx().sources().get(0);
        SqlType t = p.ctx().typeOf(c);
        // a source read as text (a CSV's columns) still holds a date when its name says so
        return t.temporal() || (!t.known() || t.kind() == SqlType.Kind.VARCHAR) && ColumnWords.holdsADate(c.column());
    }

    /**
     * A verb, then the date: "extracted from the open date", "taken from ship_dt", "derived from the order" -- after a
     * part of it named first ("Year extracted from ..."); null (cursor unchanged) otherwise.
     */
    static Expr afterVerb(Parser p) {
        int m = p.mark();
        if (!(p.accept(Role.EXTRACT) || p.accept(Role.USE) || p.accept(Role.DERIVED))) {
            return null;
        }
        Expr column;
        if (p.tokens().get(p.mark() - 1).is(Token.Kind.WORD, "from")) {
            int c = p.mark();
            column = p.column();
            if (column == null) {
                p.reset(c);
                p.acceptWord("the");
                column = p.dateNamedByWord();
            }
        } else {
            column = ofColumn(p);
            if (column == null) {
                column = namedDate(p);
            }
        }
        if (column == null) {
            p.reset(m);
        }
        return column;
    }
}
