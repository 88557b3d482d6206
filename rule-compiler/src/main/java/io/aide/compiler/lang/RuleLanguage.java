package io.aide.compiler.lang;

import io.aide.compiler.rules.RuleContext;

import java.util.List;

/**
 * The rule language: a cell is tokenised (markup removed), then each family's recogniser reads it from the start.
 * The first answer that is not NotMine wins. A recogniser answers Recognized only when its grammar placed every
 * content word; words it cannot place make it answer Flagged with those words. Order matters only where families
 * share a first word: SQL before prose, lookups ("x from t where ...") before copies, conditions before constants.
 */
public final class RuleLanguage {
    private static final List<Recognizer> FAMILIES = List.of(new SqlFragments(),
            // a window function written as SQL (this block)
            new SqlWindows(),
            new GeneratedKeys(), new Lookups(),
            new Conditionals(), new ValueMaps(), new Constants(),
            // concatenation before copies: "`a` || `b`" starts like a copy of `a`; windows ("previous amount per ...")
            new Concatenations(), new Windows(), new Aggregates(),
            new Copies());

    private final Lexicon lexicon;

    public RuleLanguage() {
        this(Lexicon.standard());
    }

    RuleLanguage(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    public Recognition read(RuleContext ctx) {
        List<Token> tokens = Lexer.tokens(ctx.row().transformation());
        if (tokens.isEmpty()) {
            return Recognition.NOT_MINE;
        }
        for (Recognizer family : FAMILIES) {
            Recognition r = family.recognize(new Parser(tokens, ctx, lexicon));
            if (!(r instanceof Recognition.NotMine)) {
                return r;
            }
        }
        return Recognition.NOT_MINE;
    }
}
