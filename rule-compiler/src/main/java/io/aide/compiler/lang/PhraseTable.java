package io.aide.compiler.lang;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Phrases that name a thing the grammar computes with, read from a data file: {@code KEY: phrase | phrase ...} per
 * line. Units of measure ({@code units.txt}, key "dimension factor") and names of characters ({@code characters.txt},
 * key the character) are such tables. A phrase may name several entries (a "pound" of money or of mass).
 */
final class PhraseTable {

    /** One entry: its key and the words of one phrase that names it. */
    record Entry(String key, List<String> words) {
    }

    /** The entries a phrase at the cursor names, and its length in tokens. */
    record Match(List<Entry> entries, int length) {
    }

    /** Each word's short forms in column names (abbreviations.txt): name -> nm, nme; amount -> amt. */
    static final java.util.Map<String, java.util.Set<String>> ABBREVIATIONS = abbreviations();

    /** Past participles not ending in -ed and their verbs (participles.txt): paid -> pay, sold -> sell. */
    static final java.util.Map<String, String> IRREGULAR_PARTICIPLES = participles();

    static final PhraseTable UNITS = load("units.txt");
    static final PhraseTable CHARACTERS = load("characters.txt");
    static final PhraseTable CHARACTER_CLASSES = load("character-classes.txt");
    static final PhraseTable ROUNDING = load("rounding.txt");

    /** The entries by the first word of their phrase: a match looks only at the few that can start here. */
    private final java.util.Map<String, List<Entry>> byFirstWord = new java.util.HashMap<>();

    private PhraseTable(List<Entry> entries) {
        for (Entry e : entries) {
            byFirstWord.computeIfAbsent(e.words().get(0), k -> new ArrayList<>()).add(e);
        }
    }

    /** The longest phrase starting at {@code from}, with every entry it names; null when none starts there. */
    /** A word, or a sign written alone ("£", "$", "€"): the tables name characters by their signs too. */
    private static boolean wordOrSign(Token t) {
        return t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.OP && t.text().length() == 1
                && !Character.isLetterOrDigit(t.text().charAt(0)) && "£$€¥%#@".contains(t.text());
    }

    Match at(List<Token> tokens, int from) {
        if (from >= tokens.size() || !wordOrSign(tokens.get(from))) {
            return null;
        }
        List<Entry> candidates = byFirstWord.get(tokens.get(from).norm());
        if (candidates == null) {
            return null;
        }
        int best = 0;
        List<Entry> found = new ArrayList<>();
        for (Entry e : candidates) {
            int n = e.words().size();
            if (from + n > tokens.size() || n < best) {
                continue;
            }
            boolean all = true;
            for (int k = 0; k < n && all; k++) {
                Token t = tokens.get(from + k);
                all = wordOrSign(t) && t.norm().equals(e.words().get(k));
            }
            if (all) {
                if (n > best) {
                    found.clear();
                    best = n;
                }
                found.add(e);
            }
        }
        return best == 0 ? null : new Match(List.copyOf(found), best);
    }

    private static PhraseTable load(String resource) {
        List<Entry> entries = new ArrayList<>();
        forEachLine(resource, (number, l) -> {
            int colon = l.lastIndexOf(": ");
            if (colon <= 0) {
                throw new IllegalStateException(resource + " line " + number + ": expected KEY: phrase | phrase");
            }
            String key = l.substring(0, colon).strip();
            if (key.length() >= 2 && key.startsWith("'") && key.endsWith("'")) {
                key = key.substring(1, key.length() - 1);
            }
            for (String phrase : l.substring(colon + 2).split("\\|")) {
                List<String> words = Lexer.tokens(phrase.strip()).stream().map(Token::norm).toList();
                if (!words.isEmpty()) {
                    entries.add(new Entry(key, words));
                }
            }
        });
        return new PhraseTable(entries);
    }

    private static java.util.Map<String, java.util.Set<String>> abbreviations() {
        java.util.Map<String, java.util.Set<String>> out = new java.util.HashMap<>();
        forEachLine("abbreviations.txt", (number, l) -> {
            int colon = l.indexOf(": ");
            if (colon <= 0) {
                throw new IllegalStateException("abbreviations.txt line " + number + ": expected WORD: short | short");
            }
            java.util.Set<String> forms = out.computeIfAbsent(l.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT),
                    k -> new java.util.HashSet<>());
            for (String s : l.substring(colon + 2).split("\\|")) {
                forms.add(s.strip().toLowerCase(java.util.Locale.ROOT));
            }
        });
        return java.util.Map.copyOf(out);
    }

    private static java.util.Map<String, String> participles() {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        forEachLine("participles.txt", (number, l) -> {
            int colon = l.indexOf(": ");
            if (colon <= 0) {
                throw new IllegalStateException("participles.txt line " + number + ": expected VERB: participle | participle");
            }
            for (String s : l.substring(colon + 2).split("\\|")) {
                out.put(s.strip().toLowerCase(java.util.Locale.ROOT), l.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT));
            }
        });
        return java.util.Map.copyOf(out);
    }

    /** The part of a column name (lower case) is the word, its singular or one of its short forms. */
    static boolean abbreviates(String part, String word) {
        String w = word.toLowerCase(java.util.Locale.ROOT);
        java.util.Map<String, Boolean> ofPart = ABBREVIATED.get(part);
        if (ofPart == null) {
            if (ABBREVIATED.size() >= 5_000) {
                ABBREVIATED.clear();
            }
            ofPart = ABBREVIATED.computeIfAbsent(part, k -> new java.util.concurrent.ConcurrentHashMap<>());
        }
        Boolean known = ofPart.get(w);
        if (known == null) {
            known = abbreviatesUncached(part, w);
            if (ofPart.size() < 5_000) {
                ofPart.put(w, known);
            }
        }
        return known;
    }

    /** {@link #abbreviates} by part, then by lower-case word, for the pairs met again (no key built per question). */
    private static final java.util.Map<String, java.util.Map<String, Boolean>> ABBREVIATED = new java.util.concurrent.ConcurrentHashMap<>();

    private static boolean abbreviatesUncached(String part, String w) {
        if (part.equals(w) || part.equals(RowTables.singular(w))) {
            return true;
        }
        if (w.indexOf('_') >= 0) {
            // "flight_carrier" is a name of several words, no short form of one part (flt)
            return false;
        }
        if (w.length() == part.length() + 1 && part.length() >= 2 && w.endsWith("s") && w.startsWith(part) && !part.endsWith("s")) {
            // "producer ids" for PRODUCER_ID, "account nos": the plural of a short part
            return true;
        }
        java.util.Set<String> forms = ABBREVIATIONS.get(w);
        java.util.Set<String> ofOne = ABBREVIATIONS.get(RowTables.singular(w));
        return forms != null && forms.contains(part) || ofOne != null && ofOne.contains(part) || contracted(part, w)
                || sameStem(part, w) || sameWordSpelledOtherwise(part, w);
    }

    /** British endings and their American forms: licence, colour(s), centre(s), organise(d), catalogue, cancelled, programme. */
    private static final String[][] SPELLINGS = {{"ence", "ense"}, {"ours", "ors"}, {"our", "or"}, {"tres", "ters"}, {"tre", "ter"},
            {"isations", "izations"}, {"isation", "ization"}, {"ising", "izing"}, {"ised", "ized"}, {"ises", "izes"}, {"ise", "ize"},
            {"ogues", "ogs"}, {"ogue", "og"}, {"lled", "led"}, {"lling", "ling"}, {"mmes", "ms"}, {"mme", "m"}};

    /** The two words are one spelled the British and the American way ("licence" and "license", "centre" and "center"). */
    private static boolean sameWordSpelledOtherwise(String a, String b) {
        if (a.length() < 5 || b.length() < 5 || a.charAt(0) != b.charAt(0) || a.charAt(1) != b.charAt(1)) {
            return false;
        }
        String x = american(a);
        String y = american(b);
        return (x != a || y != b) && x.equals(y);
    }

    /** The word in its American spelling, the same string when it has no British ending. */
    static String american(String w) {
        for (String[] s : SPELLINGS) {
            if (w.endsWith(s[0])) {
                return w.substring(0, w.length() - s[0].length()) + s[1];
            }
        }
        return w;
    }

    /** Suffixes that make a noun or a participle of one verb (withdrawal, withdrawn; enrollment, enrolled). */
    private static final List<String> SUFFIXES = List.of("ment", "ation", "ion", "al", "ing", "ed", "en", "n");

    /** "withdrawal" for withdrawn: both the same stem of five letters or more once a suffix is taken off. */
    static boolean sameStem(String part, String word) {
        if (part.length() < 6 || word.length() < 6 || !part.regionMatches(0, word, 0, 5)) {
            // a stem is five letters at least: both start with the same five
            return false;
        }
        String a = stem(part);
        String b = stem(word);
        return a.length() >= 5 && a.equals(b) && !part.equals(word);
    }

    private static String stem(String w) {
        for (String s : SUFFIXES) {
            if (w.endsWith(s) && w.length() - s.length() >= 5) {
                return w.substring(0, w.length() - s.length());
            }
        }
        return w;
    }

    /**
     * The way data modellers shorten a word they have no listed form for: its first letter, then some of its letters in
     * order (rcvd for received, cnsnt for consent, mbr for member); three letters at least, and shorter than the word.
     */
    static boolean contracted(String part, String word) {
        if (part.length() < 3 || part.length() >= word.length() || part.charAt(0) != word.charAt(0)
                || !part.chars().allMatch(Character::isLetter)) {
            return false;
        }
        int k = 1;
        for (int i = 1; i < word.length() && k < part.length(); i++) {
            if (word.charAt(i) == part.charAt(k)) {
                k++;
            }
        }
        return k == part.length();
    }

    /** Each line of a data file of this package that is neither blank nor a comment ('#'), stripped, with its number. */
    static void forEachLine(String resource, java.util.function.BiConsumer<Integer, String> line) {
        try (InputStream in = PhraseTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("data file " + resource + " of the rule language is missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String text;
            int number = 0;
            while ((text = r.readLine()) != null) {
                number++;
                String l = text.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    line.accept(number, l);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
