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

    /** Verbs a description starts with when it leaves its subject out ("Arrives as text"). */
    private static final Set<String> SUBJECTLESS = Set.of("arrives", "comes", "sent", "stored", "held", "delivered", "received",
            "supplied", "provided", "extracted");
    /** A quoted date or time layout ('YYYYMMDD HHMM'). */
    private static final java.util.regex.Pattern LAYOUT = java.util.regex.Pattern.compile("(?i)[ymdhs]{2,}[ymdhs0-9/:.\\- t]*");

    private DataDescriptions() {
    }

    /**
     * "Delivered as text MM/DD/YYYY. Convert to a date.", "DOB comes through as text YYYYMMDD – convert to date.": a first
     * sentence that says how the text is laid out, read as "Text MM/DD/YYYY" before the rule; null when not so.
     */
    static Recognition layoutSaid(List<Token> tokens, Function<List<Token>, Recognition> rest) {
        int end = 0;
        while (end < tokens.size() && tokens.get(end).kind() != Token.Kind.SEP && !tokens.get(end).op("-")) {
            end++;
        }
        int text = -1;
        for (int i = 1; i + 1 < end && text < 0; i++) {
            text = tokens.get(i).is(Token.Kind.WORD, "text") && tokens.get(i - 1).is(Token.Kind.WORD, "as") ? i : -1;
        }
        if (text < 0 || end >= tokens.size() - 1 || !(tokens.get(text + 1).kind() == Token.Kind.DATE_PATTERN
                || tokens.get(text + 1).kind() == Token.Kind.STRING && LAYOUT.matcher(tokens.get(text + 1).text()).matches())) {
            return null;
        }
        List<Token> said = new java.util.ArrayList<>(tokens.subList(text, end));
        said.add(Token.of(Token.Kind.SEP, "."));
        said.addAll(tokens.subList(end + 1, tokens.size()));
        return rest.apply(said) instanceof Recognition.Recognized ok ? new Recognition.Recognized(ok.expr(), ok.lookupTable(),
                ok.accepted(), ok.note() + " (the layout said as the data is described)", ok.keepUnmatched()) : null;
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
        for (Token t : sentence) {
            if (t.kind() == Token.Kind.DATE_PATTERN || t.kind() == Token.Kind.STRING && LAYOUT.matcher(t.text()).matches()) {
                // "Sent as text 'YYYYMMDD HHMM'": the layout the rule after it needs, never a remark
                return false;
            }
        }
        if (!sentence.isEmpty() && SUBJECTLESS.contains(sentence.get(0).norm()) && sentence.size() > 1
                && (sentence.get(1).is(Token.Kind.WORD, "as") || sentence.get(1).is(Token.Kind.WORD, "in"))) {
            // "Arrives as text.", "Comes in as text with spaces": the subject left out
            return noAction(sentence, 1, lexicon);
        }
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
        return noAction(sentence, i + 1, lexicon);
    }

    /** No operation asked from {@code from} on: "Some rows carry spaces, trim them" is part of the rule. */
    private static boolean noAction(List<Token> sentence, int from, Lexicon lexicon) {
        for (int k = from; k < sentence.size(); k++) {
            if (lexicon.match(Lexicon.Role.ACTION, sentence, k) > 0 && !sentence.get(k).norm().equals("prefix")
                    && !sentence.get(k).norm().equals("suffix") || lexicon.match(Lexicon.Role.THEN, sentence, k) > 0) {
                return false;
            }
        }
        return true;
    }
}
