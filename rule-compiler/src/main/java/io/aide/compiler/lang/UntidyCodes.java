package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;
import io.aide.events.spec.MappingRow;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Codes the row says are keyed untidily ("keyed by hand - case and spacing are not consistent", "codes arrive padded /
 * lower case", "mixed case, padded"): a value map over them compares its keys with the trimmed, upper-cased code, where
 * every key is written in upper case already. Said in the rule or in the row's notes.
 */
final class UntidyCodes {
    /**
     * Words that describe the data as keyed untidily; an instruction ("in lower case", "padded to 3 digits") is none of
     * them.
     */
    private static final Pattern UNTIDY = Pattern.compile("(?i).*\\b(?:mixed[- ]case|keyed\\s+(?:in\\s+)?by\\s+hand"
            + "|hand[- ]keyed|keyed\\s+inconsistently|(?:is|are)\\s+not\\s+consistent|inconsistent(?:ly)?\\s+(?:keyed|cased|case|spaced)"
            + "|case\\s+(?:and|&|or)\\s+spacing|(?:arrive|arrives|come|comes|are|is)\\s+(?:sometimes\\s+)?(?:padded|in\\s+lower[- ]?case)"
            + "|padded\\s*(?:/|,|and|or)\\s*(?:in\\s+)?lower[- ]?case|stray\\s+spaces)\\b.*", Pattern.DOTALL);

    private UntidyCodes() {
    }

    /** The row says its codes vary in case or spacing. */
    static boolean said(MappingRow row) {
        String text = Stream.of(row.transformation(), row.description(), row.nullHandling()).filter(Objects::nonNull)
                .collect(Collectors.joining(" "));
        return !text.isEmpty() && UNTIDY.matcher(text).matches();
    }

    /**
     * The rule without its sentences that only say the codes are untidy ("Codes are keyed by hand (mixed case, padded) so
     * clean them before decoding"): they hold no pair and no value; the tokens as they were when there are none.
     */
    static List<Token> withoutNote(List<Token> tokens) {
        List<Token> out = new java.util.ArrayList<>();
        List<Token> sentence = new java.util.ArrayList<>();
        boolean dropped = false;
        for (int i = 0; i <= tokens.size(); i++) {
            Token t = i < tokens.size() ? tokens.get(i) : null;
            if (t != null && t.kind() != Token.Kind.SEP) {
                sentence.add(t);
                continue;
            }
            String text = sentence.stream().map(Token::text).collect(Collectors.joining(" "));
            boolean note = !sentence.isEmpty() && UNTIDY.matcher(text).matches() && sentence.stream().noneMatch(x -> x.op("=")
                    || x.op("->") || x.op("=>") || x.kind() == Token.Kind.STRING || x.kind() == Token.Kind.NUMBER);
            if (note) {
                dropped = true;
            } else {
                out.addAll(sentence);
                if (t != null) {
                    out.add(t);
                }
            }
            sentence = new java.util.ArrayList<>();
        }
        return dropped ? out : tokens;
    }

    /** The keyed column trimmed and upper-cased where the row says so and every text key is upper case already. */
    static Expr tidied(Expr keyed, List<Expr> keys, MappingRow row) {
        if (!(keyed instanceof Expr.Col) || !said(row)) {
            return keyed;
        }
        boolean upperKeys = keys.stream().allMatch(k -> !(k instanceof Expr.Lit l) || !(l.value() instanceof String t)
                || t.equals(t.trim().toUpperCase(java.util.Locale.ROOT)));
        return upperKeys ? new Expr.Fn("UPPER", List.of(new Expr.Fn("TRIM", List.of(keyed)))) : keyed;
    }
}
