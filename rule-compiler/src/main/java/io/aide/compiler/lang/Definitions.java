package io.aide.compiler.lang;

import io.aide.compiler.rules.RuleContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * What the column is, said before how it is filled: "Date the carrier was set up. Source text is MM/DD/YYYY – convert
 * to a date.", "Number of tickets on the line, cast to integer.", "Face value per ticket. Remove any thousands separator
 * (comma), then cast to decimal(10,2)." The definition is a remark (no operation, no branch, no value, no column of the
 * row compared or assigned) that names a kind of value or a word of the target column's own name; the rule after it
 * must read whole.
 * <pre>
 * defined := definition ("." | ";" | ":" | "," | "–") rule
 * </pre>
 */
final class Definitions {
    /** Nouns that say what kind of value a column holds. */
    private static final Set<String> KINDS = Set.of("date", "time", "timestamp", "day", "number", "numbers", "quantity", "count",
            "units", "unit", "amount", "value", "price", "rate", "code", "id", "identifier", "key", "name", "label", "description",
            "flag", "indicator", "status", "type", "category", "total", "balance", "percentage", "percent", "score", "location",
            "address", "reference", "fee", "cost", "charge", "weight", "duration", "period", "year", "month", "length", "width",
            "height", "depth", "distance", "size", "volume", "capacity", "speed", "temperature", "age", "mileage", "area",
            "tonnage", "hours", "minutes", "days", "metres", "meters", "kilometres", "kilometers", "pounds", "kilograms",
            "customers", "level", "grade", "class", "ratio");
    private static final int MAX_WORDS = 12;
    /** Words that ask for an operation on their own but describe the noun that follows them. */
    private static final Set<String> MODIFIERS = Set.of("flag", "total", "first", "last", "net");
    /** Words after a modifier that keep it a verb or an aggregate ("total of", "first by"). */
    private static final Set<String> LINKS = Set.of("of", "by", "as", "to", "for", "in", "on", "from", "the", "a", "an", "all", "each");
    /** Verbs a rule starts with after a dash ("Number of customers out – convert to integer"). */
    private static final Set<String> VERBS = Set.of("convert", "cast", "trim", "round", "parse", "take", "use", "copy", "map",
            "strip", "remove", "replace", "format", "multiply", "divide", "sum", "set", "default", "derive", "compute",
            "calculate", "load", "keep", "pad", "truncate", "extract", "concatenate", "join", "combine", "look", "decode",
            "translate", "upper", "lower", "uppercase", "lowercase", "straight", "direct", "move");

    private Definitions() {
    }

    /** The rule read after its definition, or null when the cell does not start with one or the rest does not read. */
    static Recognition read(List<Token> tokens, RuleContext ctx, Lexicon lexicon, Function<List<Token>, Recognition> rest) {
        int end = -1;
        for (int i = 1; i < Math.min(tokens.size() - 1, MAX_WORDS + 1) && end < 0; i++) {
            Token t = tokens.get(i);
            // "Number of customers out – convert to integer": a dash ends the definition too
            // (a hyphen inside a word joins it: an operator '-' between words is a spaced dash)
            end = t.kind() == Token.Kind.SEP || t.op(":") || t.op(",") || t.op("–") || t.op("—") || t.op("-") ? i : -1;
            if (t.op("(")) {
                return null;
            }
        }
        if (end < 0) {
            return null;
        }
        if (tokens.get(end).op("-") && !(tokens.get(end + 1).kind() == Token.Kind.WORD && VERBS.contains(tokens.get(end + 1).norm()))) {
            // "Gross amount - discount amount" is arithmetic: after a dash, the rule starts with a verb
            return null;
        }
        List<Token> definition = tokens.subList(0, end);
        List<Token> rule = tokens.subList(end + 1, tokens.size());
        if (!definition.stream().allMatch(t -> t.kind() == Token.Kind.WORD || t.op("-") || t.op("/"))
                || !names(definition, ctx) || !Commentary.isRemark(described(definition, rule), ctx, lexicon, true)
                || lexicon.match(Lexicon.Role.CAST, definition, 0) > 0) {
            return null;
        }
        if (!(rest.apply(rule) instanceof Recognition.Recognized ok)) {
            return null;
        }
        return new Recognition.Recognized(ok.expr(), ok.lookupTable(), ok.accepted(), ok.note() + " (after what the column is)",
                ok.keepUnmatched());
    }

    /**
     * The definition as a remark sees it: a modifier that is also a verb ("Flag state country code", "Total amount",
     * "First name") describes the noun after it, and the unit the value is kept in ("Length overall in metres") matters
     * only to a rule that names another unit to convert to.
     */
    private static List<Token> described(List<Token> definition, List<Token> rule) {
        boolean converts = IntStream.range(0, rule.size()).anyMatch(i -> PhraseTable.UNITS.at(rule, i) != null);
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < definition.size(); i++) {
            Token t = definition.get(i);
            Token next = i + 1 < definition.size() ? definition.get(i + 1) : null;
            if (MODIFIERS.contains(t.norm()) && next != null && next.kind() == Token.Kind.WORD && !LINKS.contains(next.norm())) {
                continue;
            }
            PhraseTable.Match unit = t.is(Token.Kind.WORD, "in") && !converts ? PhraseTable.UNITS.at(definition, i + 1) : null;
            if (unit != null) {
                i += unit.length();
                continue;
            }
            out.add(t);
        }
        return out;
    }

    /** A word of the definition names a kind of value or a part of the target column's name. */
    /** Words that relate a value to another: "GST on the net amount", "Net amount at the standard rate", "qty times price". */
    private static final Set<String> RELATING = Set.of("on", "at", "per", "times", "plus", "minus", "less", "divided",
            "multiplied", "over", "against", "than", "with");

    /**
     * The words relate a source column of the row to something else ("GST on the net amount", "Net amount at the
     * standard rate"): a value computed from that column, never a description of the column ("Number of tickets on the
     * line" names no column on either side).
     */
    /**
     * "Days from OPEN_DATE to the reporting cut-off date": a column written by its name, other than the row's own, is a
     * value the words compute from, never what the column is.
     */
    private static boolean namesAnotherColumn(List<Token> definition, RuleContext ctx) {
        String own = ctx.row().targetColumn() == null ? "" : ctx.row().targetColumn().strip();
        return definition.stream().anyMatch(t -> t.text().contains("_") && !t.text().equalsIgnoreCase(own)
                && (ctx.namesTargetColumn(t.text()) || ctx.resolve(null, t.text()) != null));
    }

    private static boolean computesFromASource(List<Token> definition, RuleContext ctx) {
        if (definition.stream().noneMatch(t -> RELATING.contains(t.norm()))) {
            return false;
        }
        // the words between the relating words: "GST | the net amount | the standard rate"
        List<String> segment = new java.util.ArrayList<>();
        for (int i = 0; i <= definition.size(); i++) {
            if (i < definition.size() && !RELATING.contains(definition.get(i).norm())) {
                String w = definition.get(i).norm();
                if (!w.equals("the") && !w.equals("a") && !w.equals("an")) {
                    segment.add(w);
                }
                continue;
            }
            String words = String.join(" ", segment);
            if (!words.isEmpty() && ctx.sources().stream().anyMatch(c -> RuleLanguage.spells(words, c.column()))) {
                return true;
            }
            segment.clear();
        }
        return false;
    }

    private static boolean names(List<Token> definition, RuleContext ctx) {
        if (computesFromASource(definition, ctx) || namesAnotherColumn(definition, ctx)) {
            return false;
        }
        String column = ctx.row().targetColumn() == null ? "" : ctx.row().targetColumn().toLowerCase(Locale.ROOT);
        Set<String> own = Set.of(column.split("[_\\s]+"));
        return definition.stream().anyMatch(t -> KINDS.contains(t.norm()) || t.norm().length() > 2 && own.contains(t.norm()));
    }
}
