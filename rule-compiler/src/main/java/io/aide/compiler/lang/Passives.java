package io.aide.compiler.lang;

import java.util.List;
import java.util.function.Function;

/**
 * A rule said in the passive, read as the active sentence it stands for ({@link RuleLanguage}'s shapes).
 */
final class Passives {
    private Passives() {
    }

    /**
     * "MRN with leading zeros removed", "phone with spaces stripped": the passive of "Remove leading zeros from MRN",
     * read as that sentence.
     */
    static Recognition read(List<Token> tokens, Function<List<Token>, Recognition> families, Lexicon lexicon) {
        int end = tokens.size();
        while (end > 0 && tokens.get(end - 1).kind() == Token.Kind.SEP) {
            end--;
        }
        if (end < 4) {
            return null;
        }
        for (int without = 1; without < end - 1; without++) {
            if (tokens.get(without).is(Token.Kind.WORD, "without")) {
                // "SKU without the leading 'SKU-' prefix": remove what follows "without" from what precedes it
                List<Token> active = new java.util.ArrayList<>();
                active.add(Token.of(Token.Kind.WORD, "remove"));
                active.addAll(tokens.subList(without + 1, end));
                active.add(Token.of(Token.Kind.WORD, "from"));
                active.addAll(tokens.subList(0, without));
                if (families.apply(active) instanceof Recognition.Recognized ok) {
                    return new Recognition.Recognized(ok.expr(), ok.lookupTable(), ok.accepted(), ok.note() + " (said with 'without')",
                            ok.keepUnmatched());
                }
                break;
            }
        }
        for (int with = 1; with < end - 2; with++) {
            if (!tokens.get(with).is(Token.Kind.WORD, "with")) {
                continue;
            }
            // "phone with spaces stripped": remove spaces from phone; "reference with leading and trailing spaces
            // trimmed": trim leading and trailing spaces from reference; "notes with line breaks replaced with
            // spaces": replace line breaks in notes with spaces (the participle's own verb, what follows it kept)
            for (int at = with + 2; at < end; at++) {
                Token participle = tokens.get(at);
                if (participle.kind() != Token.Kind.WORD || !participle.norm().endsWith("ed")) {
                    continue;
                }
                boolean removal = lexicon.match(Lexicon.Role.REMOVE, tokens, at) == 1;
                for (String stem : removal ? List.of("remove") : stems(participle.norm())) {
                    for (String joint : List.of("from", "in")) {
                        List<Token> active = new java.util.ArrayList<>();
                        active.add(Token.of(Token.Kind.WORD, stem));
                        active.addAll(tokens.subList(with + 1, at));
                        active.add(Token.of(Token.Kind.WORD, joint));
                        active.addAll(tokens.subList(0, with));
                        active.addAll(tokens.subList(at + 1, end));
                        if ((lexicon.match(Lexicon.Role.ACTION, active, 0) > 0 || lexicon.match(Lexicon.Role.COLLAPSE, active, 0) > 0)
                                && families.apply(active) instanceof Recognition.Recognized ok) {
                            return new Recognition.Recognized(ok.expr(), ok.lookupTable(), ok.accepted(),
                                    ok.note() + " (said in the passive)", ok.keepUnmatched());
                        }
                    }
                }
            }
            return null;
        }
        return null;
    }

    /** The verbs a participle may come from: trimmed -> trim, padded -> pad, replaced -> replace, cleaned -> clean. */
    private static List<String> stems(String participle) {
        String base = participle.substring(0, participle.length() - 2);
        List<String> out = new java.util.ArrayList<>();
        if (base.length() > 2 && base.charAt(base.length() - 1) == base.charAt(base.length() - 2)) {
            out.add(base.substring(0, base.length() - 1));
        }
        out.add(base);
        out.add(base + "e");
        return out;
    }
}
