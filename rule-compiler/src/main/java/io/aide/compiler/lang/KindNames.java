package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;

import java.util.List;
import java.util.Locale;

/**
 * A source column named by the kind of value it holds: "the amount" for txn_amt, "the code" for the row's one column,
 * "the trimmed, upper-cased code" (participles of cleaning stand where "the" does).
 */
final class KindNames {
    private static final java.util.regex.Pattern KIND_WORD = java.util.regex.Pattern.compile("[A-Za-z]{4,}|[A-Z]{3}");

    private KindNames() {
    }

    /**
     * "the amount" for txn_amt, "the timestamp" for event_ts, "Description" for txn_desc: a word that the last part of
     * exactly one of the row's source columns stands for. A word of the grammar ("date", "timestamp") or one that changes
     * a value ("total") names a column so only after "the". Cursor after the word, or unchanged (null).
     */
    static Expr.Col column(Parser p, int at) {
        int word = at;
        while (word < p.tokens().size() && p.tokens().get(word).kind() == Token.Kind.WORD
                && p.lexicon().match(Role.FILLER, p.tokens(), word) == 1 && !p.tokens().get(word).is(Token.Kind.WORD, "value")) {
            word++;
        }
        if (word >= p.tokens().size()) {
            return null;
        }
        Token t = p.tokens().get(word);
        boolean the = word > 0 && p.tokens().get(word - 1).is(Token.Kind.WORD, "the") || afterCleaning(p, word);
        if (t.kind() != Token.Kind.WORD || !KIND_WORD.matcher(t.text()).matches() || !the
                && (p.lexicon().grammarWord(p.tokens(), word) || ColumnWords.MEANING_WORDS.contains(t.norm()))) {
            return null;
        }
        if (ColumnReferences.changedValue(p, t)) {
            // "the trimmed status code": a value changed by an operation, never a column's kind
            return null;
        }
        Expr.Col found = null;
        int matches = 0;
        for (Expr.Col c : p.ctx().sources()) {
            String[] parts = ColumnWords.parts(c.column());
            if (parts.length >= 2 && PhraseTable.abbreviates(parts[parts.length - 1], t.text())) {
                found = c;
                matches++;
            }
        }
        if (matches == 0 && the && p.ctx().sources().size() == 1 && OWN_KINDS.contains(t.norm())) {
            // "the code" over SERVICE_TYPE: a row reading one column calls it by the kind of value it holds
            found = p.ctx().sources().get(0);
            matches = 1;
        }
        if (matches != 1) {
            return null;
        }
        p.reset(word + 1);
        return found;
    }

    /**
     * "the trimmed, upper-cased code", "trimmed and upper-cased code", "the cleaned code": participles of trimming, case
     * or cleaning right before the word, which say it is a value as "the" does.
     */
    private static boolean afterCleaning(Parser p, int word) {
        List<Token> tokens = p.tokens();
        int j = word - 1;
        boolean any = false;
        while (j >= 0) {
            Token t = tokens.get(j);
            if (t.op(",") || t.is(Token.Kind.WORD, "and")) {
                j--;
                continue;
            }
            int from = t.kind() == Token.Kind.WORD && ColumnReferences.CLEANED.contains(t.norm()) ? j : -1;
            for (int k = Math.max(0, j - 3); k <= j && from < 0; k++) {
                for (Role r : new Role[]{Role.TRIM, Role.UPPER, Role.LOWER}) {
                    if (p.lexicon().match(r, tokens, k) == j - k + 1) {
                        from = k;
                    }
                }
            }
            if (from < 0) {
                break;
            }
            any = true;
            j = from - 1;
        }
        return any;
    }

    /** Kinds of value a row's one source column is called by whatever its name ("the code", "the flag"). */
    private static final java.util.Set<String> OWN_KINDS = java.util.Set.of("code", "flag", "indicator");
}
