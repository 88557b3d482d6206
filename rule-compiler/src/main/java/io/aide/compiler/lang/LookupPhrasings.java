package io.aide.compiler.lang;

import java.util.ArrayList;
import java.util.List;

/**
 * Ways a lookup's table and key are written beside the forms {@link Lookups} reads: the table after a preposition
 * ("Lookup to DIM_PET.PET_SK on PET_ID") and words after the key that say both sides compare cleaned (", ignoring case
 * and leading/trailing spaces").
 */
final class LookupPhrasings {

    private LookupPhrasings() {
    }

    /**
     * "Lookup to DIM_TRACK on TRACK_ID", "Lookup to DIM_PET.PET_SK on PET_ID": the table after a preposition, then what
     * is matched; read as "TRACK_KEY from DIM_TRACK on TRACK_ID" (the target's own column of that table where the rule
     * names none). Null (cursor unchanged) when no table follows the preposition.
     */
    static Recognition toATable(Parser p) {
        int at = p.mark();
        if (!(p.acceptWord("to") || p.acceptWord("in") || p.acceptWord("into") || p.acceptWord("against"))) {
            return null;
        }
        Token named = p.peekToken();
        String table = null;
        String column = null;
        if (named != null && named.kind() == Token.Kind.NAME && named.text().indexOf('.') > 0) {
            table = named.text().substring(0, named.text().lastIndexOf('.'));
            column = named.text().substring(named.text().lastIndexOf('.') + 1);
        } else if (named != null && named.nameLike() && !p.ctx().columnsOf(named.text()).isEmpty()) {
            table = named.text();
            String own = p.ctx().row().targetColumn();
            column = own != null && p.ctx().columnsOf(table).contains(own.toLowerCase(java.util.Locale.ROOT)) ? own : null;
        }
        if (table == null || column == null || p.ctx().columnsOf(table).isEmpty()) {
            p.reset(at);
            return null;
        }
        p.next();
        int after = p.mark();
        List<Token> out = new ArrayList<>(p.tokens().subList(0, at));
        out.add(Token.of(Token.Kind.WORD, column));
        out.add(Token.of(Token.Kind.WORD, "from"));
        out.add(Token.of(Token.Kind.WORD, table));
        out.addAll(p.tokens().subList(after, p.tokens().size()));
        return new Lookups().recognize(new Parser(out, p.ctx(), Lexicon.standard()));
    }

    /** Words a lookup's key may be followed by that say both sides compare without case or spaces. */
    private static final java.util.Set<String> FOLD_WORDS = java.util.Set.of("case", "letter", "and", "leading", "trailing",
            "surrounding", "spaces", "space", "whitespace", "blanks", "padding", "the", "any", "/", "or");

    /**
     * ", ignoring case and leading/trailing spaces" after a lookup's key: both sides compared trimmed and in upper case;
     * the cursor after the words (true), or unchanged (false).
     */
    static boolean foldedBothSides(Parser p) {
        int m = p.mark();
        p.acceptOp(",");
        if (!(p.acceptWord("ignoring") || p.acceptWord("ignore") || p.acceptWord("regardless") && p.acceptWord("of"))) {
            p.reset(m);
            return false;
        }
        boolean caseSaid = false;
        boolean spacesSaid = false;
        Token t;
        while ((t = p.rawPeek()) != null && (t.kind() == Token.Kind.WORD && FOLD_WORDS.contains(t.norm()) || t.op("/"))) {
            caseSaid |= t.norm().equals("case");
            spacesSaid |= t.norm().startsWith("space") || t.norm().equals("whitespace") || t.norm().equals("padding");
            p.rawNext();
        }
        if (!caseSaid || !spacesSaid) {
            p.reset(m);
            return false;
        }
        return true;
    }
}
