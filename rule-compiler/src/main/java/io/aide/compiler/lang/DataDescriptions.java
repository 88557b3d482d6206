package io.aide.compiler.lang;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A first sentence that says what the source holds before the rule says what to do with it: "Some rows carry an 'IMO'
 * prefix and spaces (e.g. 'IMO 9454436'); keep only the digits.", "The source sometimes holds a leading zero. Cast to
 * integer." The sentence asks for nothing (the rule after it does), so the rule is read without it; a rule that needs
 * it (a pronoun for what it named: "strip those") is read by {@link NamedThenStripped} instead.
 * <pre>
 * described := [quantifier] holder [adverb | modal]* holding-verb words SEPARATOR rule
 * </pre>
 */
final class DataDescriptions {
    private static final Set<String> QUANTIFIERS = Set.of("some", "a", "few", "many", "most", "the", "older", "legacy",
            "certain", "several", "all", "these", "its", "our");
    private static final Set<String> HOLDERS = Set.of("rows", "records", "values", "codes", "entries", "lines", "source",
            "extract", "feed", "file", "data", "column", "field", "it", "they", "value", "code", "text", "export", "system",
            "registry", "numbers", "ids", "names", "dates");
    private static final Set<String> ADVERBS = Set.of("sometimes", "often", "occasionally", "also", "may", "can", "might",
            "still", "usually", "typically", "frequently", "always");
    private static final Set<String> VERBS = Set.of("carry", "carries", "have", "has", "hold", "holds", "contain", "contains",
            "include", "includes", "come", "comes", "arrive", "arrives", "show", "shows", "use", "uses", "start", "starts",
            "end", "ends", "keep", "keeps");

    private DataDescriptions() {
    }

    /** The rule read without its first sentence where that sentence only describes the data; null otherwise. */
    static Recognition without(List<Token> tokens, Lexicon lexicon, Function<List<Token>, Recognition> rest) {
        int sep = 0;
        while (sep < tokens.size() && tokens.get(sep).kind() != Token.Kind.SEP) {
            sep++;
        }
        if (sep >= tokens.size() - 1 || !describes(tokens.subList(0, sep), lexicon)) {
            return null;
        }
        return rest.apply(tokens.subList(sep + 1, tokens.size())) instanceof Recognition.Recognized ok
                ? new Recognition.Recognized(ok.expr(), ok.lookupTable(), ok.accepted(), ok.note() + " (what the data holds, said first)",
                ok.keepUnmatched())
                : null;
    }

    private static boolean describes(List<Token> sentence, Lexicon lexicon) {
        int i = 0;
        while (i < sentence.size() && QUANTIFIERS.contains(sentence.get(i).norm())) {
            i++;
        }
        boolean holder = false;
        while (i < sentence.size() && sentence.get(i).kind() == Token.Kind.WORD && HOLDERS.contains(sentence.get(i).norm())) {
            holder = true;
            i++;
        }
        if (holder && i < sentence.size() && sentence.get(i).op(",")) {
            // "Text, may carry spaces."
            i++;
        }
        while (i < sentence.size() && ADVERBS.contains(sentence.get(i).norm())) {
            i++;
        }
        if (!holder || i >= sentence.size() || !VERBS.contains(sentence.get(i).norm())) {
            return false;
        }
        for (int k = i + 1; k < sentence.size(); k++) {
            // "Some rows carry spaces, trim them": an operation asked inside the sentence makes it part of the rule
            if (lexicon.match(Lexicon.Role.ACTION, sentence, k) > 0 && !sentence.get(k).norm().equals("prefix")
                    && !sentence.get(k).norm().equals("suffix") || lexicon.match(Lexicon.Role.THEN, sentence, k) > 0) {
                return false;
            }
        }
        return true;
    }
}
