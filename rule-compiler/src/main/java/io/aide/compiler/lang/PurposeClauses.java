package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a multiplication or division by a number is for, said after it: "Divide by 100 to get dollars", "multiply by
 * 0.092903 to convert square feet to square metres". The number does the work; the clause names only units. Where it
 * names both units it must agree with the number (within 5%, a rounded factor being the specification), else it stays
 * and the rule is flagged.
 */
final class PurposeClauses {
    private static final Set<String> VERBS = Set.of("convert", "get", "express", "obtain", "turn", "give", "make", "show");
    private static final Set<String> LINKS = Set.of("it", "the", "value", "amount", "result", "number", "from", "into", "in",
            "to", "as", "a");

    private PurposeClauses() {
    }

    static List<Token> withoutPurpose(List<Token> tokens, Lexicon lexicon) {
        for (int i = 2; i + 2 < tokens.size(); i++) {
            Token n = tokens.get(i - 1);
            if (n.kind() != Token.Kind.NUMBER || !tokens.get(i).is(Token.Kind.WORD, "to")
                    || !VERBS.contains(tokens.get(i + 1).norm())) {
                continue;
            }
            int verbAt = operationBefore(tokens, i - 1, lexicon);
            if (verbAt < 0) {
                continue;
            }
            List<Functions.Unit> units = new ArrayList<>();
            int j = i + 2;
            while (j < tokens.size() && tokens.get(j).kind() != Token.Kind.SEP && !tokens.get(j).op(",")) {
                PhraseTable.Match u = PhraseTable.UNITS.at(tokens, j);
                if (u != null) {
                    units.add(Functions.Unit.of(u.entries().get(0)));
                    j += u.length();
                } else if (tokens.get(j).kind() == Token.Kind.WORD && LINKS.contains(tokens.get(j).norm())) {
                    j++;
                } else {
                    break;
                }
            }
            boolean ends = j >= tokens.size() || tokens.get(j).kind() == Token.Kind.SEP || tokens.get(j).op(",");
            if (!ends || units.isEmpty() || units.size() > 2 || units.size() == 2 && !agrees(units, n, tokens, verbAt, lexicon)) {
                continue;
            }
            List<Token> out = new ArrayList<>(tokens.subList(0, i));
            out.addAll(tokens.subList(j, tokens.size()));
            return out;
        }
        return tokens;
    }

    /** The index of the MULTIPLY or DIVIDE verb whose number ends at {@code number} ("multiply by 0.45"), or -1. */
    private static int operationBefore(List<Token> tokens, int number, Lexicon lexicon) {
        for (int k = Math.max(0, number - 3); k < number; k++) {
            int verb = Math.max(lexicon.match(Role.MULTIPLY, tokens, k), lexicon.match(Role.DIVIDE, tokens, k));
            if (verb > 0 && (k + verb == number || k + verb + lexicon.match(Role.BY, tokens, k + verb) == number)) {
                return k;
            }
        }
        return -1;
    }

    /** The number is the factor between the two units (multiplied) or its inverse (divided by). */
    private static boolean agrees(List<Functions.Unit> units, Token n, List<Token> tokens, int verbAt, Lexicon lexicon) {
        Functions.Unit from = units.get(0);
        Functions.Unit to = units.get(1);
        if (!from.dimension().equals(to.dimension())) {
            return false;
        }
        MathContext mc = MathContext.DECIMAL64;
        BigDecimal own = from.factor().divide(to.factor(), mc);
        BigDecimal stated = new BigDecimal(n.text());
        if (stated.signum() == 0) {
            return false;
        }
        BigDecimal factor = lexicon.match(Role.DIVIDE, tokens, verbAt) > 0 ? BigDecimal.ONE.divide(stated, mc) : stated;
        return factor.subtract(own).abs().compareTo(own.multiply(new BigDecimal("0.05"))) <= 0;
    }
}
