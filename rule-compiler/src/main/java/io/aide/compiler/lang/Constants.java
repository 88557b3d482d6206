package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;

import java.util.List;

/**
 * A constant or NULL by design: "Set 0 for all", "Set 00:00:0000 for all" (a time as written), "NULL", "32836 (EHR physical examination)", "Set 32879 - 'Registry'",
 * "\"BIRTH_MOTHER\"", "Empty string". Labels after a code are comments.
 */
final class Constants implements Recognizer {

    @Override
    public Recognition recognize(Parser p) {
        boolean scoped = p.ownRecords();
        boolean set = p.accept(Role.SET);
        int m = p.mark();
        // "... should have a visit_type_concept_id = 32875", "Default domain is 'condition'" (default_domain): the
        // target column itself, as named or in words, then the value
        if (p.targetName() && (p.accept(Role.EQUALS) || p.accept(Role.SET))) {
            set = true;
        } else {
            p.reset(m);
        }
        Expr value = p.literal();
        Token time = p.peekToken();
        if (value == null && set && time != null && time.kind() == Token.Kind.TIME) {
            // "Set 00:00:0000 for all": a time of day written as the value, kept as written
            p.next();
            value = new Expr.Lit(time.text());
        }
        if (value == null && set) {
            Recognition word = bareWord(p);
            if (word != null) {
                return word;
            }
        }
        if (value == null && scoped) {
            return p.notUnderstood();
        }
        if (value == null) {
            return Recognition.NOT_MINE;
        }
        if (!p.atEnd()) {
            // "Set 0 when ...": a constant with more to it is flagged rather than half-read; a bare value followed by
            // other words is another family's wording (a value map, commentary)
            return set && !(value instanceof Expr.Lit l && l.value() instanceof String) ? p.notUnderstood()
                    : Recognition.NOT_MINE;
        }
        List<String> accepted = value instanceof Expr.Lit l ? List.of(String.valueOf(l.value())) : List.of();
        return new Recognition.Recognized(value, null, accepted, set || value instanceof Expr.Lit
                ? "constant" : "NULL by design");
    }

    /**
     * "Set to status", "Set to Closed": one unquoted word after SET and nothing else. A column written exactly so is
     * that column; a word that matches a column only in another case ("Active" and active) or looks like a name
     * (has an underscore) may be either: flagged; any other word is a code.
     */
    private static Recognition bareWord(Parser p) {
        int m = p.mark();
        Token t = p.next();
        if (t == null || t.kind() != Token.Kind.WORD || !p.atEnd()) {
            p.reset(m);
            return null;
        }
        Expr c = p.ctx().resolve(null, t.text());
        if (c instanceof Expr.Col col && p.ctx().known(col)) {
            if (col.column().equals(t.text())) {
                return new Recognition.Recognized(col, null, List.of(), "copy of " + col.column());
            }
            return new Recognition.Flagged("'" + t.text() + "' may be the column " + col.column() + " or a code; quote a code");
        }
        if (t.text().contains("_")) {
            return new Recognition.Flagged("'" + t.text() + "' may be a column or a code; quote a code");
        }
        p.reset(m);
        Expr code = p.code();
        if (code == null) {
            p.reset(m);
            return null;
        }
        return new Recognition.Recognized(code, null, List.of(t.text()), "constant");
    }
}
