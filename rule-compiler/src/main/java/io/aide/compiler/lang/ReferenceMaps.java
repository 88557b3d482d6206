package io.aide.compiler.lang;

import io.aide.compiler.lang.Copies.Operation;
import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.rules.ReferenceData;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A value looked up in a reference map the document supplies (a lookup sheet, a parameter table):
 * <pre>
 * operation := [word [word]] (MAP | LOOKUP | ACTION) [CAST {word}] VIA map-name
 * </pre>
 * "Normalized via cleaning.shipment_mode_map", "Deterministic remap to the solar catalog via adaptation.category_map".
 * The key is the row's source column; several source columns are joined with the separator the map's keys show
 * ("ARV|Adult"). The words between "to" and the map's name describe what the values become.
 */
final class ReferenceMaps {
    private ReferenceMaps() {
    }

    static Operation operation(Parser p) {
        int m = p.mark();
        for (int adjectives = 0; adjectives <= 2; adjectives++) {
            if (p.accept(Role.MAP) || p.accept(Role.LOOKUP) || p.accept(Role.ACTION)) {
                Operation op = rest(p);
                if (op != null) {
                    return op;
                }
                break;
            }
            Token t = p.next();
            if (t == null || t.kind() != Token.Kind.WORD || p.ctx().resolve(null, t.text()) instanceof Expr.Col c && p.ctx().known(c)) {
                break;
            }
        }
        p.reset(m);
        return null;
    }

    private static Operation rest(Parser p) {
        // "Decode PROD_CD (trimmed, upper case) to its description via ...": the key, how it is cleaned, what it becomes
        boolean[] keyCleaning = keyBeforeMap(p);
        if (p.accept(Role.CAST)) {
            for (int words = 0; words < 8 && !p.peek(Role.VIA) && !onNext(p); words++) {
                Token t = p.next();
                if (t == null || t.kind() != Token.Kind.WORD) {
                    return null;
                }
            }
        }
        if (!p.accept(Role.VIA) && !p.acceptWord("on")) {
            return null;
        }
        p.accept(Role.MAP);
        p.accept(Role.TABLE);
        p.acceptWord("the");
        int at = p.mark();
        Token name = p.next();
        if (name == null || !(name.nameLike() || name.kind() == Token.Kind.STRING)) {
            return null;
        }
        Optional<ReferenceData.LookupMap> map = p.ctx().references().map(name.text());
        String words = name.text();
        for (int more = 0; map.isEmpty() && more < 3 && name.kind() == Token.Kind.WORD; more++) {
            // "the Brand Codes tab": a tab named in words
            Token next = p.rawPeek();
            if (next == null || next.kind() != Token.Kind.WORD) {
                break;
            }
            p.rawNext();
            words += " " + next.text();
            map = p.ctx().references().map(words);
        }
        if (map.isEmpty()) {
            p.reset(at);
            return null;
        }
        p.accept(Role.MAP);
        p.accept(Role.TABLE);
        for (String sheet : List.of("tab", "sheet", "list", "table", "lookup")) {
            p.acceptWord(sheet);
        }
        // "(match on the trimmed, upper-case code)": the key as the bracket cleans it
        boolean[] read = LookupKeys.cleaningBracket(p);
        if (read == null) {
            read = keyCleaning;
        }
        if (!returnsMapValue(p, map.get())) {
            p.reset(at);
            return null;
        }
        // the bracket after the map's name, taken out of the words read here as a remark on the data's case, still says
        // how the codes are matched
        boolean[] cleaning = read != null ? read : bracketAfter(p, words);
        List<Expr> keys = new ArrayList<>(p.ctx().sources());
        if (cleaning != null) {
            keys.replaceAll(k -> LookupKeys.cleaned(k, cleaning));
        }
        if (keys.isEmpty()) {
            p.problem("a lookup in " + name.text() + " without a source column for its key");
            return null;
        }
        String sep = null;
        if (keys.size() > 1) {
            sep = separatorOf(map.get(), keys.size());
            if (sep == null) {
                p.problem("lookup keyed on " + keys.size() + " columns, but the keys of " + map.get().name()
                        + " do not show how they combine");
                return null;
            }
        }
        Expr lookup = p.ctx().lookup(map.get(), keys, sep);
        p.lookedUp(map.get());
        int after = p.mark();
        p.acceptSeparator();
        p.acceptOp(",");
        // "Code not on the tab -> 'Unknown'", "else 'Other'": what a code the map does not hold gives
        Expr otherwise = Lookups.fallback(p);
        if (otherwise == null) {
            p.reset(after);
            return new Operation(x -> x, lookup);
        }
        return new Operation(x -> x, new Expr.Fn("COALESCE", List.of(p.typed(lookup), otherwise)));
    }

    /**
     * Before the map's name: the row's own source column (or words naming its code, "the grade code"), a bracket that
     * says how it is cleaned, and "to its description": what the code is and what it becomes. The cleaning the bracket
     * says, or null; the cursor stays where it was when the words are none of these.
     */
    private static boolean[] keyBeforeMap(Parser p) {
        boolean[] cleaning = null;
        for (int words = 0; words < 9 && !p.atEnd() && !p.peek(Role.VIA) && !onNext(p); words++) {
            int m = p.mark();
            Token t = p.rawPeek();
            boolean[] bracket = t.op("(") ? LookupKeys.cleaningBracket(p) : null;
            if (bracket != null) {
                cleaning = bracket;
                continue;
            }
            p.reset(m);
            boolean own = t.nameLike() && p.ctx().sources().stream().anyMatch(c -> c.column().equalsIgnoreCase(t.text()));
            // "the product code", "the grade code to its description": words for the row's own code (never another
            // column's name, never a word of the grammar)
            boolean described = t.kind() == Token.Kind.WORD && !t.text().contains("_") && (DESCRIBING.contains(t.norm())
                    || !p.lexicon().grammarWord(p.tokens(), p.mark()) && !(p.ctx().resolve(null, t.text()) instanceof Expr.Col c
                    && p.ctx().known(c) && p.ctx().sources().stream().noneMatch(c::equals)));
            if (!own && !described) {
                p.reset(m);
                break;
            }
            p.rawNext();
        }
        return cleaning;
    }

    private static boolean onNext(Parser p) {
        return p.rawPeek() != null && p.rawPeek().is(Token.Kind.WORD, "on");
    }

    /** Words that say what a code is or what it becomes: "the grade code to its description". */
    private static final java.util.Set<String> DESCRIBING = java.util.Set.of("the", "its", "their", "code", "codes", "value", "values",
            "to", "description", "descriptions", "name", "names", "label", "labels", "text", "meaning", "cleaned");

    /**
     * "... tab and return the Region Name": what the map gives, said after its name, is its value column (the map reads
     * the second column) or words for any value ("its description"); false when the words name another column.
     */
    private static boolean returnsMapValue(Parser p, ReferenceData.LookupMap map) {
        int m = p.mark();
        p.acceptOp(",");
        if (!(p.acceptWord("and") && (p.accept(Role.TAKE) || p.acceptWord("return") || p.acceptWord("returns")))
                && !(p.accept(Role.TAKE) || p.acceptWord("return"))) {
            p.reset(m);
            return true;
        }
        StringBuilder said = new StringBuilder();
        for (int words = 0; words < 4 && p.rawPeek() != null && (p.rawPeek().kind() == Token.Kind.WORD); words++) {
            Token t = p.rawNext();
            if (!java.util.Set.of("the", "its", "their").contains(t.norm())) {
                said.append(said.length() == 0 ? "" : "_").append(t.norm());
            }
        }
        String words = said.toString();
        String value = p.ctx().references().valueColumn(map);
        if (words.isEmpty() || !(java.util.Set.of("description", "name", "label", "value", "text", "meaning").contains(words)
                || value != null && value.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_").equals(words))) {
            p.reset(m);
            return false;
        }
        return true;
    }

    /**
     * How the bracket right after the map's name in the cell ("'Segment Codes' tab (trim, ignore case)") cleans the
     * key, read with the words of any key's cleaning ({@link LookupKeys#cleaningBracket}); null when there is none.
     */
    private static boolean[] bracketAfter(Parser p, String mapName) {
        String cell = p.ctx().row().transformation();
        java.util.regex.Matcher m = cell == null ? null : java.util.regex.Pattern.compile("(?i)" + java.util.regex.Pattern.quote(mapName)
                + "['\u2019\"]?\\s*(?:tab|sheet|list|table|lookup)?\\s*(\\([^()]*\\))").matcher(cell);
        return m == null || !m.find() ? null
                : LookupKeys.cleaningBracket(new Parser(Lexer.tokens(m.group(1)), p.ctx(), Lexicon.standard()));
    }

    /** The separator that splits every key of the map into exactly {@code parts} parts, or null. */
    static String separatorOf(ReferenceData.LookupMap map, int parts) {
        for (String sep : List.of("|", "::", ":", "/", ";", ",", "-", "_", " ")) {
            boolean all = !map.entries().isEmpty();
            for (String k : map.entries().keySet()) {
                if (k.split(java.util.regex.Pattern.quote(sep), -1).length != parts) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return sep;
            }
        }
        return null;
    }
}
