package io.aide.compiler.lang;

import io.aide.compiler.rules.RuleContext;

import java.util.List;

/** Words written before a rule as its label: the target's own name, or a part of a date that is no label. */
final class Labels {
    private Labels() {
    }

    /** The words spell the target column's name ("Nights" for nights, "Length of stay" for length_of_stay). */
    static boolean namesTarget(List<Token> words, RuleContext ctx) {
        String target = ctx.row().targetColumn();
        if (target == null) {
            return false;
        }
        String[] parts = ColumnWords.parts(target);
        String joined = words.stream().map(Token::norm).collect(java.util.stream.Collectors.joining("_"));
        return joined.equals(String.join("_", parts)) || ColumnWords.namedBy(parts, words, words.get(0));
    }

    private static final Lexicon.Role[] PARTS = {Lexicon.Role.DATE_YEAR, Lexicon.Role.DATE_QUARTER, Lexicon.Role.DATE_MONTH,
            Lexicon.Role.DATE_WEEK, Lexicon.Role.DATE_DAY, Lexicon.Role.DATE_HOUR, Lexicon.Role.DATE_MINUTE, Lexicon.Role.DATE_SECOND,
            Lexicon.Role.MONTH_NAME, Lexicon.Role.DAY_NAME, Lexicon.Role.MONTH_ABBREV, Lexicon.Role.DAY_ABBREV,
            Lexicon.Role.DAY_OF_WEEK, Lexicon.Role.WEEK_NUMBER, Lexicon.Role.DATE_KEY};

    /**
     * "Day taken from the open date", "Year of birth: from dob": the words before where the value comes from open with a
     * part of it (alone or followed by "of"), not a name of the value ("Night call" is a call).
     */
    static boolean namesAPart(Lexicon lexicon, List<Token> words) {
        int at = words.size() > 1 && words.get(0).is(Token.Kind.WORD, "the") ? 1 : 0;
        for (Lexicon.Role r : PARTS) {
            int n = lexicon.match(r, words, at);
            if (n > 0 && (at + n == words.size() || words.get(at + n).is(Token.Kind.WORD, "of"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The words ask for an operation ("first two digits of the cleaned MPAN", "trimmed code"): part of the rule, never a
     * label before it.
     */
    static boolean computes(Lexicon lexicon, List<Token> words) {
        for (int i = 0; i < words.size(); i++) {
            if (ColumnReferences.CLEANED.contains(words.get(i).norm())) {
                return true;
            }
            for (Lexicon.Role r : new Lexicon.Role[]{Lexicon.Role.TRIM, Lexicon.Role.UPPER, Lexicon.Role.LOWER, Lexicon.Role.ROUND}) {
                if (lexicon.match(r, words, i) > 0) {
                    return true;
                }
            }
            boolean edge = lexicon.match(Lexicon.Role.FIRST_CHARS, words, i) > 0 || lexicon.match(Lexicon.Role.LAST_CHARS, words, i) > 0;
            for (int j = i + 1; edge && j < Math.min(words.size(), i + 3); j++) {
                if (words.get(j).kind() == Token.Kind.NUMBER || Operations.CARDINALS.containsKey(words.get(j).norm())) {
                    return true;
                }
            }
        }
        return false;
    }
}
