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
    private static final Set<String> VERBS = Set.of("carry", "carries", "have", "has", "hold", "holds", "contain", "contains", "is", "are",
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
        // the first sentence: up to a full stop or a dash outside brackets
        int end = 0;
        int depth = 0;
        while (end < tokens.size() && !(depth == 0 && (tokens.get(end).kind() == Token.Kind.SEP || tokens.get(end).op("-")
                && end + 1 < tokens.size() && tokens.get(end + 1).kind() == Token.Kind.WORD && !tokens.get(end + 1).norm().equals("hour")))) {
            depth += tokens.get(end).op("(") ? 1 : tokens.get(end).op(")") ? -1 : 0;
            end++;
        }
        // "Text in US layout MM/DD/YYYY HH:MM (24-hour clock)", "Source is a text date written day first, DD/MM/YYYY
        // (e.g. ...)", "Registration date is held as text in DD-Mon-YYYY form": the one layout outside brackets, in a
        // sentence that says the value is text and asks for nothing
        int layout = -1;
        boolean text = false;
        depth = 0;
        for (int i = 0; i < end; i++) {
            Token t = tokens.get(i);
            depth += t.op("(") ? 1 : t.op(")") ? -1 : 0;
            text |= t.is(Token.Kind.WORD, "text");
            if (depth == 0 && (t.kind() == Token.Kind.DATE_PATTERN || t.kind() == Token.Kind.STRING && LAYOUT.matcher(t.text()).matches())) {
                if (layout >= 0) {
                    return null;
                }
                layout = i;
            }
            if (t.kind() == Token.Kind.WORD && ASKING.contains(t.norm())) {
                return null;
            }
        }
        if (layout < 0 || !text || end >= tokens.size() - 1) {
            return null;
        }
        List<Token> said = new java.util.ArrayList<>();
        said.add(Token.of(Token.Kind.WORD, "Text"));
        said.add(tokens.get(layout));
        said.add(Token.of(Token.Kind.SEP, "."));
        said.addAll(tokens.subList(end + 1, tokens.size()));
        return rest.apply(said) instanceof Recognition.Recognized ok ? new Recognition.Recognized(ok.expr(), ok.lookupTable(),
                ok.accepted(), ok.note() + " (the layout said as the data is described)", ok.keepUnmatched()) : null;
    }

    /** Words that ask for a value to be written, never only describe the text read. */
    private static final Set<String> ASKING = Set.of("format", "formatted", "reformat", "output", "display", "displayed",
            "convert", "converted", "cast", "render", "print", "show", "shown", "to", "into");

    /** The rule read without its first sentence where that sentence only describes the data; null otherwise. */
    static Recognition without(List<Token> tokens, Lexicon lexicon, Function<List<Token>, Recognition> rest) {
        int listed = valuesListed(tokens);
        if (listed > 0 && listed < tokens.size() && rest.apply(tokens.subList(listed, tokens.size())) instanceof Recognition.Recognized ok
                && !io.aide.compiler.plan.Expr.columns(ok.expr()).isEmpty()) {
            // "Y/N - upper case the source value": the values the column holds, then the rule
            return new Recognition.Recognized(ok.expr(), ok.lookupTable(), ok.accepted(), ok.note() + " (the values it holds, said first)",
                    ok.keepUnmatched());
        }
        int sep = 0;
        while (sep < tokens.size() && tokens.get(sep).kind() != Token.Kind.SEP) {
            sep++;
        }
        if (sep >= tokens.size() - 1 || !describes(tokens.subList(0, sep), lexicon)) {
            // "Held in cents in the source - divide by 100.": the description ends at a dash before the rule
            int dash = 0;
            // ("Fee is stored in cents -> divide by 100": an arrow to what is done with it)
            while (dash < sep && !((tokens.get(dash).op("-") || tokens.get(dash).op("->") || tokens.get(dash).op("=>")
                    || tokens.get(dash).op("→") || tokens.get(dash).op("–")) && dash + 1 < tokens.size()
                    && tokens.get(dash + 1).kind() == Token.Kind.WORD)) {
                dash++;
            }
            if (dash == 0 || dash >= sep || !describes(tokens.subList(0, dash), lexicon)) {
                return null;
            }
            sep = dash;
        }
        return rest.apply(tokens.subList(sep + 1, tokens.size())) instanceof Recognition.Recognized ok
                ? new Recognition.Recognized(ok.expr(), ok.lookupTable(), ok.accepted(), ok.note() + " (what the data holds, said first)",
                ok.keepUnmatched())
                : null;
    }

    /** A short code: "Y", "N", "A1". */
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Za-z0-9]{1,4}");

    /**
     * "Y/N - ...", "M/F/U: ...": the codes the column holds, slash between them, then a dash or a colon; the index after
     * that mark, or 0 when the rule does not start so.
     */
    private static int valuesListed(List<Token> tokens) {
        int i = 0;
        int codes = 0;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (t.kind() != Token.Kind.SEP && t.kind() != Token.Kind.OP && t.text().matches("[A-Za-z0-9]{1,4}(?:/[A-Za-z0-9]{1,4})+")) {
                codes += t.text().split("/").length;
                i++;
            } else if (t.kind() != Token.Kind.OP && t.kind() != Token.Kind.SEP && CODE.matcher(t.text()).matches()
                    && (codes == 0 || tokens.get(i - 1).op("/"))) {
                codes++;
                i++;
            } else if (t.op("/") && codes > 0) {
                i++;
            } else {
                break;
            }
        }
        return codes >= 2 && i < tokens.size() && (tokens.get(i).op("-") || tokens.get(i).op(":") || tokens.get(i).text().equals("–"))
                ? i + 1 : 0;
    }

    /** The words only say what the source holds ("some rows have trailing spaces"), asking for nothing. */
    static boolean describes(List<Token> sentence, Lexicon lexicon) {
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
        if (sentence.size() > 2 && sentence.get(0).kind() == Token.Kind.WORD && !QUANTIFIERS.contains(sentence.get(0).norm())
                && (SUBJECTLESS.contains(sentence.get(1).norm()) || sentence.get(1).is(Token.Kind.WORD, "is"))
                && lexicon.match(Lexicon.Role.ACTION, sentence, 0) == 0) {
            // "Fare arrives as text with the currency", "Amount is free text, may carry ...": the value named by a noun
            return noAction(sentence, 2, lexicon);
        }
        int i = 0;
        while (i < sentence.size() && QUANTIFIERS.contains(sentence.get(i).norm())) {
            i++;
        }
        boolean holder = false;
        while (i < sentence.size() && sentence.get(i).kind() == Token.Kind.WORD && (HOLDERS.contains(sentence.get(i).norm())
                || i == 0 && sentence.get(i).text().matches("[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+"))) {
            // "amount_paid_cents is in cents": the column named by its name holds it too
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
