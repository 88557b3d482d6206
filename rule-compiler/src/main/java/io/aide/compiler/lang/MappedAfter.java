package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.rules.RuleContext;

import java.util.List;
import java.util.function.BiFunction;

/**
 * A value computed first and then mapped: "Trim and upper-case the code, then decode: ENT = Enterprise, ...",
 * "Trimmed, upper-cased status code mapped: A -> Active, ...", "Age as of 31-Dec-2024: under 30 -> 'Under 30', ...".
 * The preamble is read by the rule language ({@link MapPreambles} puts its words in order), the pairs after it as a
 * value map keyed on that value.
 */
final class MappedAfter {
    private final Lexicon lexicon;
    private final BiFunction<List<Token>, RuleContext, Recognition> families;
    private final BiFunction<List<Token>, RuleContext, Recognition> understood;

    /**
     * @param families   reads a value (the preamble)
     * @param understood reads a whole rule (the pairs)
     */
    MappedAfter(Lexicon lexicon, BiFunction<List<Token>, RuleContext, Recognition> families,
                BiFunction<List<Token>, RuleContext, Recognition> understood) {
        this.lexicon = lexicon;
        this.families = families;
        this.understood = understood;
    }

    /**
     * "First two characters of prod_cd; 'AU' = Auto, 'HO' = Home, else 'Other'": a value computed from the row's one
     * source column, then a value map that leaves its subject out: the map's keys are the computed value.
     */
    Recognition read(List<Token> tokens, RuleContext ctx) {
        if (ctx.sources().size() != 1) {
            return null;
        }
        for (int sep = 1; sep + 1 < tokens.size(); sep++) {
            // "Age as of 31-Dec-2024: under 30 -> 'Under 30', ...": a colon ends the computed value too, as does "then"
            // ("trim, upper then IND -> Indemnity | ...")
            Token t = tokens.get(sep);
            if (t.kind() == Token.Kind.SEP || t.op(":") || t.is(Token.Kind.WORD, "then")) {
                Recognition r = mappedAt(tokens, sep, ctx);
                if (r != null || t.kind() == Token.Kind.SEP || t.op(":")) {
                    return r;
                }
            }
        }
        return null;
    }

    /** The value computed before {@code sep}, mapped by what follows it; null when the two do not read so. */
    private Recognition mappedAt(List<Token> tokens, int sep, RuleContext ctx) {
        // "Decode UPPER(TRIM(segment_cd)): RET -> Retail; ...": the map's verb before the value it maps
        int verb = sep <= 0 ? 0 : lexicon.match(Lexicon.Role.MAP, tokens, 0);
        if (sep <= 0 || sep + 1 >= tokens.size() || verb >= sep) {
            return null;
        }
        // "Trim and upper-case the code, then decode: ...", "Trim/upper the cycle code first. M = ...", "Trimmed code, any
        // case: A = ...", "Decode the region code (trim and upper-case first): NE = ..."
        MapPreambles.Preamble preamble = MapPreambles.read(tokens.subList(verb, sep), lexicon, ctx.sources().get(0).column());
        if (!(families.apply(preamble.tokens(), ctx) instanceof Recognition.Recognized)) {
            // "Channel code compared case-insensitively after trimming: ...": words of cleaning, the map and the value
            MapPreambles.Preamble classed = MapPreambles.byWordClass(tokens.subList(0, sep), lexicon, ctx.sources().get(0).column());
            preamble = classed == null ? preamble : classed;
        }
        if (!(families.apply(preamble.tokens(), ctx) instanceof Recognition.Recognized first)
                || first.expr() instanceof Expr.Case || first.expr() instanceof Expr.Col && !preamble.anyCase() && !preamble.plainValue()) {
            return null;
        }
        List<Token> pairs = MapPreambles.withoutVerb(tokens.subList(sep + 1, tokens.size()), lexicon);
        Expr.Col source = ctx.sources().get(0);
        // the map's keys are the computed value: bands of a number computed from a date read that number, not the date
        RuleContext valued = MappedValues.keyedOn(ctx, source, first.expr());
        // the map read with its remarks left out: "Blank = EUR (home currency)"
        if (pairs.isEmpty() || !(understood.apply(pairs, valued) instanceof Recognition.Recognized map)
                || !(map.expr() instanceof Expr.Case) || first.lookupTable() != null || map.lookupTable() != null) {
            return null;
        }
        if (!Expr.columns(map.expr()).stream().allMatch(source::equals)) {
            return null;
        }
        Expr cleaned = preamble.trimmed() ? new Expr.Fn("TRIM", List.of(first.expr())) : first.expr();
        if (preamble.anyCase()) {
            // "any case": the keys are compared with the value in upper case, when every key is written so
            if (!MapPreambles.upperKeys(map.expr())) {
                return null;
            }
            cleaned = new Expr.Fn("UPPER", List.of(cleaned));
        }
        if (first.expr() instanceof Expr.Agg agg && !agg.distinct() && onlyBlankTests((Expr.Case) map.expr(), source)) {
            // "Sum at grain; blank/NULL treated as zero": what a missing input counts as, inside the aggregate
            Expr inside = Expr.mapColumns(map.expr(), c -> c.equals(source) ? agg.arg() : c);
            return new Recognition.Recognized(new Expr.Agg(agg.fn(), inside, false), null, map.accepted(),
                    first.note() + ", a missing value counted as the map says", map.keepUnmatched());
        }
        Expr value = cleaned;
        if (onlyBlankTests((Expr.Case) map.expr(), source)) {
            // "Prefix it with 'IMO '. If blank, leave empty.": a blank source, as it arrives, gives the stated value
            Expr.Case blanks = (Expr.Case) map.expr();
            java.util.function.UnaryOperator<Expr> toValue = e -> e == null ? null : Expr.mapColumns(e, c -> c.equals(source) ? value : c);
            Expr stated = new Expr.Case(blanks.whens().stream().map(w -> new Expr.When(w.condition(), toValue.apply(w.result()))).toList(),
                    toValue.apply(blanks.otherwise()));
            return new Recognition.Recognized(stated, null, map.accepted(), first.note() + ", then " + map.note(), map.keepUnmatched());
        }
        Expr keyed = Expr.rewrite(Expr.mapColumns(map.expr(), c -> c.equals(source) ? value : c), MappedAfter::tidied);
        return new Recognition.Recognized(keyed, null, map.accepted(), first.note() + ", then " + map.note(),
                map.keepUnmatched());
    }

    /** Every test of the map is of a missing or blank source: it says what a missing value counts as. */
    private static boolean onlyBlankTests(Expr.Case map, Expr.Col source) {
        for (Expr.When w : map.whens()) {
            boolean[] other = {false};
            Expr.visit(w.condition(), x -> {
                if (x instanceof Expr.Bin b && !List.of("OR", "AND", "=").contains(b.op())
                        || x instanceof Expr.Lit l && !"".equals(l.value())
                        || x instanceof Expr.Col c && !c.equals(source) || x instanceof Expr.InList) {
                    other[0] = true;
                }
            });
            if (other[0]) {
                return false;
            }
        }
        return !map.whens().isEmpty();
    }

    /** UPPER and TRIM said twice over (by the preamble and the map's own words): once each, as they commute. */
    private static Expr tidied(Expr e) {
        java.util.Set<String> fns = new java.util.HashSet<>();
        Expr x = e;
        while (x instanceof Expr.Fn f && f.args().size() == 1 && (f.name().equals("UPPER") || f.name().equals("TRIM"))) {
            fns.add(f.name());
            x = f.args().get(0);
        }
        if (fns.isEmpty()) {
            return e;
        }
        Expr out = fns.contains("TRIM") ? new Expr.Fn("TRIM", List.of(x)) : x;
        return fns.contains("UPPER") ? new Expr.Fn("UPPER", List.of(out)) : out;
    }

}
