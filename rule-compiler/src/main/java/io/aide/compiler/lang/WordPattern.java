package io.aide.compiler.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A phrase with choices, matched word by word without writing every phrase out: "{if/when} only one {of them/} is
 * present" is a sequence of slots, each a set of word sequences ("{a/b c/}": a, b c or nothing). Where the lexicon's
 * expanded phrases would multiply into thousands, a pattern stays a few slots; a match tries each choice, longest first,
 * and backtracks.
 */
final class WordPattern {
    private static final Pattern CHOICE = Pattern.compile("\\{([^{}]*)}");

    /** Each slot: its choices, each a list of normalised words (an empty list: the slot may be left out). */
    private final List<List<List<String>>> slots;

    private WordPattern(List<List<List<String>>> slots) {
        this.slots = slots;
    }

    static WordPattern of(String pattern) {
        List<List<List<String>>> slots = new ArrayList<>();
        Matcher m = CHOICE.matcher(pattern);
        int at = 0;
        while (m.find()) {
            fixed(pattern.substring(at, m.start()), slots);
            List<List<String>> choices = new ArrayList<>();
            for (String choice : m.group(1).split("/", -1)) {
                choices.add(words(choice));
            }
            // longest first: "left out" before "left"
            choices.sort((a, b) -> b.size() - a.size());
            slots.add(choices);
            at = m.end();
        }
        fixed(pattern.substring(at), slots);
        return new WordPattern(slots);
    }

    static List<WordPattern> all(String... patterns) {
        return java.util.Arrays.stream(patterns).map(WordPattern::of).toList();
    }

    private static void fixed(String text, List<List<List<String>>> slots) {
        List<String> w = words(text);
        if (!w.isEmpty()) {
            slots.add(List.of(w));
        }
    }

    private static List<String> words(String text) {
        return text.isBlank() ? List.of() : Lexer.tokens(text).stream().map(Token::norm).toList();
    }

    /** Length in tokens of the match starting at {@code from}, or 0 when the words do not follow the pattern. */
    int match(List<Token> tokens, int from) {
        int n = match(tokens, from, 0);
        return n < 0 ? 0 : n - from;
    }

    private int match(List<Token> tokens, int at, int slot) {
        if (slot == slots.size()) {
            return at;
        }
        for (List<String> choice : slots.get(slot)) {
            if (spells(tokens, at, choice)) {
                int end = match(tokens, at + choice.size(), slot + 1);
                if (end >= 0) {
                    return end;
                }
            }
        }
        return -1;
    }

    private static boolean spells(List<Token> tokens, int at, List<String> words) {
        if (at + words.size() > tokens.size()) {
            return false;
        }
        for (int k = 0; k < words.size(); k++) {
            Token t = tokens.get(at + k);
            if (t.kind() == Token.Kind.STRING || t.kind() == Token.Kind.IDENT || !t.norm().equals(words.get(k))) {
                return false;
            }
        }
        return true;
    }
}
