package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A source column of the row named by one word that is not its name: a date by the word its kind leaves ("arrival" for
 * arr_dt) or by a past participle ("shipped" for ship_ts), any column by a word its parts spell ("bonus" for
 * bonus_amt).
 */
final class WordNamedColumns {

    private WordNamedColumns() {
    }

    /** A date column of the row named by one word that leaves its kind out ("arrival" for arr_dt), or null. */
    static Expr.Col dateNamedByWord(Parser p) {
        Token t = p.peekToken();
        if (t == null || t.kind() != Token.Kind.WORD || t.text().contains("_") && p.ctx().namesTargetColumn(t.text())) {
            // "event_ts" as written names the target's own column, never a source column its words spell
            return null;
        }
        Expr.Col found = null;
        int matches = 0;
        for (Expr.Col c : p.ctx().sources()) {
            if (ColumnWords.namesDate(ColumnWords.parts(c.column()), t)) {
                found = c;
                matches++;
            }
        }
        if (matches != 1) {
            return null;
        }
        p.next();
        return found;
    }

    /**
     * The one date column of the row a past participle names ("opened" for open_dt, "shipped" for ship_ts, "cancelled"
     * for cancel_dt, "created" for created_at), or null.
     */
    static Expr.Col dateNamedByVerb(Parser p, Token verb) {
        if (verb == null || verb.kind() != Token.Kind.WORD
                || !(verb.norm().endsWith("ed") && verb.norm().length() >= 5 || PhraseTable.IRREGULAR_PARTICIPLES.containsKey(verb.norm()))) {
            return null;
        }
        Expr.Col found = null;
        int matches = 0;
        for (Expr.Col c : p.ctx().sources()) {
            String[] parts = ColumnWords.parts(c.column());
            if (stems(verb.norm()).stream().anyMatch(stem -> ColumnWords.namesDate(parts, Token.of(Token.Kind.WORD, stem)))) {
                found = c;
                matches++;
            }
        }
        return matches == 1 ? found : null;
    }

    /**
     * The forms a past participle may come from: opened (open), hired (hire), shipped (ship), created (created, create),
     * paid (pay; participles.txt).
     */
    private static List<String> stems(String word) {
        String irregular = PhraseTable.IRREGULAR_PARTICIPLES.get(word);
        if (irregular != null) {
            return List.of(word, irregular);
        }
        String base = word.substring(0, word.length() - 2);
        List<String> stems = new ArrayList<>(List.of(word, base, word.substring(0, word.length() - 1)));
        if (base.length() > 2 && base.charAt(base.length() - 1) == base.charAt(base.length() - 2)) {
            stems.add(base.substring(0, base.length() - 1));
        }
        return stems;
    }

    /** A source column of the row named by one word ("bonus" for bonus_amt, "overtime" for ot_amt), or null. */
    static Expr.Col namedByWord(Parser p, String word) {
        Token t = Token.of(Token.Kind.WORD, word);
        if (!word.matches("[A-Za-z][A-Za-z0-9]*")) {
            return null;
        }
        Expr.Col found = null;
        int matches = 0;
        for (Expr.Col c : p.ctx().sources()) {
            if (ColumnWords.namedBy(ColumnWords.parts(c.column()), List.of(t), t)) {
                found = c;
                matches++;
            }
        }
        return matches == 1 ? found : null;
    }
}
