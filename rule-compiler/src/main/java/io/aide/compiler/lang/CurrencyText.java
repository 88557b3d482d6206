package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.plan.SqlType;

import java.util.List;
import java.util.Set;

/**
 * An amount held as text with its currency: "Strip the currency text and the thousands separator and load the numeric
 * value", "Remove the currency code and convert the remainder to a number", "Strip the currency prefix and read the
 * number". The currency (code, symbol, sign, prefix, letters) names no characters one by one, so every character that
 * is no digit, decimal point or minus sign is removed; the rest is read as the target's number (NULL where nothing
 * is left).
 * <pre>
 * rule := REMOVE {removed} [("and" | "then" | ",") CONVERT {converted}]     -- "currency" among the removed words
 * </pre>
 * A decimal comma ("1.049,00") is another format: a rule that mentions one is not read here.
 */
final class CurrencyText implements Recognizer {
    /** What the words remove: the currency in any of its forms, and the separators and spaces around the number. */
    private static final Set<String> REMOVED = Set.of("the", "a", "any", "all", "currency", "code", "codes", "text", "symbol", "symbols",
            "sign", "signs", "prefix", "prefixes", "suffix", "letters", "iso", "thousands", "thousand", "separator", "separators",
            "comma", "commas", "grouping", "space", "spaces", "and", ",", "/", "or", "its", "their", "leading", "trailing", "then");
    /** What the words make of the rest: a number. */
    private static final Set<String> CONVERTED = Set.of("load", "read", "convert", "cast", "keep", "take", "store", "use", "the", "it",
            "as", "to", "into", "a", "numeric", "number", "amount", "value", "remainder", "rest", "decimal", "of", "result", "then",
            "and", ",", "with", "2", "two", "decimals", "places", "decimal places");
    /** Words of a currency named by its sign: "the dollar sign", "the pound symbol". */
    private static final Set<String> MONEY = Set.of("dollar", "dollars", "pound", "pounds", "euro", "euros", "yen", "rupee", "franc");
    private static final Set<String> CONVERT_VERBS = Set.of("load", "read", "convert", "cast", "keep", "take", "store", "use");

    @Override
    public Recognition recognize(Parser p) {
        List<Token> tokens = p.tokens();
        if (p.ctx().sources().size() != 1 || !p.targetType().known() || !(p.targetType().numeric()
                || p.targetType().kind() == SqlType.Kind.DECIMAL) || tokens.isEmpty()) {
            return Recognition.NOT_MINE;
        }
        int verb = p.ctx() == null ? 0 : Lexicon.standard().match(Role.REMOVE, tokens, 0);
        if (verb == 0) {
            return Recognition.NOT_MINE;
        }
        boolean currency = false;
        int i = verb;
        for (; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == Token.Kind.WORD && CONVERT_VERBS.contains(t.norm())) {
                break;
            }
            if (t.kind() == Token.Kind.SEP && i == tokens.size() - 1) {
                continue;
            }
            if (t.kind() == Token.Kind.STRING && t.text().strip().matches("[A-Z]{3}|\\p{Sc}|[A-Z]{1,3}\\p{Sc}|[A-Z]{3}\\s")
                    || t.kind() != Token.Kind.STRING && t.text().matches("[A-Z]{3}") && !REMOVED.contains(t.norm())
                    || t.kind() == Token.Kind.WORD && MONEY.contains(t.norm())) {
                // "the 'USD' prefix, the '$' sign", "the USD prefix", "the dollar sign": a currency named by its code or sign
                currency = true;
                continue;
            }
            if (!(t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.OP) || !REMOVED.contains(t.norm())) {
                return Recognition.NOT_MINE;
            }
            currency |= t.norm().equals("currency");
        }
        if (!currency) {
            return Recognition.NOT_MINE;
        }
        for (; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == Token.Kind.SEP && i == tokens.size() - 1) {
                continue;
            }
            if (!(t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.OP || t.kind() == Token.Kind.NUMBER)
                    || !CONVERTED.contains(t.norm())) {
                return Recognition.NOT_MINE;
            }
        }
        Expr source = p.ctx().sources().get(0);
        Expr digits = new Expr.Fn("REGEXP_REPLACE", List.of(source, new Expr.Lit("[^0-9.-]"), new Expr.Lit("")));
        Expr number = new Expr.Cast(new Expr.Fn("NULLIF", List.of(digits, new Expr.Lit(""))), p.targetType(), true);
        return new Recognition.Recognized(number, null, List.of(), "the amount without its currency text");
    }
}
