package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * "unit_price is text with '$', thousands commas and sometimes a leading space; strip those and read it as a number",
 * "... sometimes with a £ sign, thousands separated with commas. Strip all of that and store as a decimal": the
 * characters named while describing the data, then removed by a pronoun ("those", "all of that"). Rewritten as the
 * removal of each named character, followed by what the rule says after the pronoun:
 * <pre>
 * rule := description-naming-characters REMOVE (those | these | them | that | all of that | all of those | it all) rest
 * </pre>
 * The description may do nothing else: a word that asks for an operation there leaves the rule as written.
 */
final class NamedThenStripped {
    private static final List<List<String>> PRONOUNS = List.of(List.of("all", "of", "that"), List.of("all", "of", "those"),
            List.of("all", "of", "them"), List.of("all", "that"), List.of("it", "all"), List.of("those"), List.of("these"),
            List.of("them"), List.of("that"));

    private NamedThenStripped() {
    }

    /** The rule with its pronoun replaced by the characters it stands for, or null when it is not so written. */
    static List<Token> rewritten(List<Token> tokens, Lexicon lexicon) {
        for (int r = 1; r < tokens.size() - 1; r++) {
            int verb = lexicon.match(Role.REMOVE, tokens, r);
            if (verb == 0) {
                continue;
            }
            int pronoun = pronoun(tokens, r + verb);
            if (pronoun == 0) {
                continue;
            }
            Set<String> named = named(tokens.subList(0, r), lexicon);
            if (named == null || named.isEmpty()) {
                return null;
            }
            List<Token> out = new ArrayList<>(tokens.subList(r, r + verb));
            for (String c : named) {
                if (out.size() > verb) {
                    out.add(Token.of(Token.Kind.OP, ","));
                }
                out.add(new Token(Token.Kind.STRING, c, c));
            }
            out.addAll(tokens.subList(r + verb + pronoun, tokens.size()));
            return out;
        }
        return null;
    }

    private static int pronoun(List<Token> tokens, int at) {
        for (List<String> words : PRONOUNS) {
            boolean all = at + words.size() <= tokens.size();
            for (int k = 0; k < words.size() && all; k++) {
                all = tokens.get(at + k).kind() == Token.Kind.WORD && tokens.get(at + k).norm().equals(words.get(k));
            }
            if (all) {
                return words.size();
            }
        }
        return 0;
    }

    /**
     * The characters the description names (by name, by sign, quoted), each once; null when the description also asks
     * for an operation.
     */
    private static Set<String> named(List<Token> description, Lexicon lexicon) {
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < description.size(); i++) {
            if (lexicon.match(Role.ACTION, description, i) > 0 || lexicon.match(Role.REMOVE, description, i) > 0) {
                return null;
            }
            PhraseTable.Match one = PhraseTable.CHARACTERS.at(description, i);
            if (one != null) {
                out.add(one.entries().get(0).key());
                i += one.length() - 1;
                continue;
            }
            PhraseTable.Match set = PhraseTable.CHARACTER_CLASSES.at(description, i);
            String key = set == null ? null : set.entries().get(0).key();
            if (key != null && key.matches("\\[[^\\^\\]{}][^\\]{}]*\\]")) {
                for (char c : key.substring(1, key.length() - 1).toCharArray()) {
                    out.add(String.valueOf(c));
                }
                i += set.length() - 1;
                continue;
            }
            Token t = description.get(i);
            if (t.kind() == Token.Kind.STRING && t.text().length() <= 3 && !t.text().isBlank()
                    && t.text().chars().noneMatch(Character::isLetterOrDigit)) {
                out.add(t.text());
            }
        }
        return out;
    }
}
