package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;

import java.util.ArrayList;
import java.util.List;

/**
 * A value map of the row's source column (or of the column a header names), one pair per line, ';' or ',':
 * map   := [MAP [":"]] [IF column THEN target_column | column ":"] pair { [SEP] pair } [ELSE literal]
 * pair  := key {(OR | AND | ",") key} ("=" | ":" | "->" | THEN) literal
 * key   := text | number [label] | words
 * "Map: Male = 8507, Female = 8532", "Outpatient: 32859 (Outpatient claim) Inpatient or DPC: 32853",
 * "if POINT_OF_ORIGIN then ADMITTED_FROM_CONCEPT_ID / 0 then 8976 / 1 then 0". An unlisted value has no value (NULL)
 * unless an ELSE is written.
 */
final class ValueMaps implements Recognizer {
    static final Role[] STRUCTURE = {Role.WHERE, Role.FROM, Role.LOOKUP, Role.IF, Role.CAST, Role.USE, Role.COPY,
            Role.SET, Role.MAP, Role.TABLE};

    @Override
    public Recognition recognize(Parser p) {
        boolean lead = false;
        while (p.accept(Role.MAP)) {
            lead = true;
        }
        p.acceptOp(":");
        Expr keyed = header(p);
        if (keyed == null && lead) {
            // "Decode state_cd: O -> Open, ...": the column the map reads, then its pairs
            int m = p.mark();
            Expr named = p.column();
            if (named != null && p.acceptOp(":")) {
                keyed = named;
            } else {
                p.reset(m);
            }
        }
        if (keyed == null) {
            if (p.ctx().sources().size() != 1) {
                return lead ? new Recognition.Flagged("a value map needs one source column; the row names "
                        + p.ctx().sources().size()) : Recognition.NOT_MINE;
            }
            keyed = p.ctx().sources().get(0);
        }
        List<Expr.When> whens = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        Expr otherwise = null;
        boolean elseGiven = false;
        int toPairs = 0;
        Role matching = null;
        while (!p.atEnd()) {
            while (p.acceptSeparator() || p.acceptOp(":") || !whens.isEmpty() && slashBeforeKey(p) && p.acceptOp("/")
                    || !whens.isEmpty() && p.acceptOp("|")) {
                // line breaks and list punctuation between pairs ("DMG: Damaged / WRG: Wrong item", "A -> Actual | E -> ...")
            }
            int other = p.mark();
            if (!whens.isEmpty() && (p.acceptWord("other") || p.acceptWord("others")) && p.peekToken() != null
                    && (p.peekToken().op(":") || p.peekToken().op("=") || p.peekToken().op("->") || p.peekToken().op("=>"))) {
                // "/ other: Other", "other = Direct": the else branch written as one more key
                p.reset(other);
                p.next();
            } else {
                p.reset(other);
            }
            if (!whens.isEmpty() && ElseBranches.keptOthers(p)) {
                // "leave other values unchanged", "keep all other codes as they are"
                otherwise = keyed;
                elseGiven = true;
                continue;
            }
            if (!whens.isEmpty() && p.mark() == other) {
                // "blank/anything else = Not Known": the missing value named before the else, which it covers anyway
                ElseBranches.blankBeforeElse(p);
            }
            if (!whens.isEmpty() && (p.mark() != other || p.accept(Role.ELSE) || ElseLists.namedThenElse(p, false))) {
                // "otherwise: x", "anything else -> Unknown", "else = 0"
                ElseBranches.includedAside(p);
                // "Anything else, including blank, = Unknown": the comma that closes the aside
                p.acceptOp(",");
                // "every other hour (22:00 through 03:59) is Late Night": what the values are, an aside, then "is"
                ElseBranches.elseNoun(p);
                boolean arrowed = arrow(p) || p.acceptWord("is") || p.acceptWord("are") || elseVerb(p);
                otherwise = ElseBranches.otherwise(p, keyed, arrowed, whens.stream().allMatch(w -> w.result() instanceof Expr.Lit l
                        && l.value() instanceof String));
                // "else Unknown (blank included)": what the else branch covers besides, after its value
                ElseBranches.includedAside(p);
                if (otherwise == null) {
                    return new Recognition.Flagged("the else branch of the value map is not understood: '" + p.leftover()
                            + "' (write a value, or 'otherwise keep' for the source value)");
                }
                elseGiven = true;
                continue;
            }
            int m = p.mark();
            if (whens.isEmpty()) {
                // "Grade 9 = Freshman, 10 = Sophomore": the column's name before the first key only
                Expr named = p.column();
                if (named == null && lead && shortName(p.rawPeek(), keyed)) {
                    // "Decode gender M to Male" over gender_cd: the column named without its kind, right after the verb
                    p.rawNext();
                    named = keyed;
                }
                Token next = p.rawPeek();
                boolean band = p.peek(Role.BETWEEN) || p.peek(Role.LT) || p.peek(Role.GT) || p.peek(Role.LE) || p.peek(Role.GE);
                if (named == null || !named.equals(keyed) || next == null
                        || next.kind() != Token.Kind.NUMBER && next.kind() != Token.Kind.STRING && !band && !wordKeyAhead(p)) {
                    p.reset(m);
                }
                m = p.mark();
            }
            Expr band = Bands.band(p, keyed);
            if (band == null && !whens.isEmpty()) {
                // "...; anything shorter is 'Feeder'": below the lowest band said
                band = Bands.beyond(p, keyed, whens);
            }
            if (band != null && dated(p, keyed)) {
                // "0-17 = Pediatric ... (based on age in years)" over birth_dt: the number the bands measure is not the date
                return new Recognition.Flagged("bands of numbers over a date column: say the number they measure (an age, "
                        + "days since ...) as its own rule");
            }
            if (band != null) {
                Bands.verb(p);
            }
            Token quoted = band != null ? p.rawPeek() : null;
            boolean capitalised = quoted != null && quoted.kind() == Token.Kind.WORD && (Character.isUpperCase(quoted.text().charAt(0))
                    || !Lexicon.standard().grammarWord(p.tokens(), p.mark()));
            if (band != null && (arrow(p) || quoted != null && quoted.kind() == Token.Kind.STRING || capitalised)) {
                // "under 10 -> 'Low', 10 to 50 -> 'Mid', over 50 -> 'High'": bands of a number, first match wins;
                // "<18 'Child', 18 to 64 'Adult'": a quoted value right after its band needs no arrow, nor does a
                // capitalised one that ends its pair ("< 1000 Low; 1000 to 9999 Medium")
                int v = p.mark();
                Expr value = MapEntries.value(p);
                Token after = p.rawPeek();
                if (value != null && capitalised && p.mark() == v + 1 && after != null && after.kind() != Token.Kind.SEP
                        && !after.op(",")) {
                    value = null;
                }
                if (value != null) {
                    whens.add(new Expr.When(band, value));
                    if (value instanceof Expr.Lit l) {
                        accepted.add(String.valueOf(l.value()));
                    }
                    continue;
                }
            }
            p.reset(m);
            Expr.When reversed = reversedPair(p, keyed);
            if (reversed != null) {
                // "1 for 'OVERNIGHT', 2 for '2DAY', 3 otherwise": the value first, then the key it is for
                whens.add(reversed);
                if (reversed.result() instanceof Expr.Lit l) {
                    accepted.add(String.valueOf(l.value()));
                }
                continue;
            }
            if (!whens.isEmpty()) {
                int e = p.mark();
                Expr last = p.literal();
                if (last != null && p.accept(Role.ELSE) && p.atEnd()) {
                    // "..., 3 otherwise": the else branch with its value first
                    otherwise = last;
                    elseGiven = true;
                    continue;
                }
                p.reset(e);
            }
            int noun = p.mark();
            if (!(p.acceptWord("codes") || p.acceptWord("values") || p.acceptWord("those") || p.acceptWord("ones"))
                    || !(p.peek(Role.STARTS) || p.peek(Role.ENDS) || p.peek(Role.CONTAINS))) {
                p.reset(noun);
            }
            // "codes starting with 'M' are Mechanical, 'E' Electrical": keys that are the start (end, a part) of the value;
            // the pairs after the first keep its test
            Role test = p.accept(Role.STARTS) ? Role.STARTS : p.accept(Role.ENDS) ? Role.ENDS : p.accept(Role.CONTAINS)
                    ? Role.CONTAINS : null;
            if (test != null) {
                matching = test;
            }
            Token keyToken = p.peekToken();
            List<Expr> keys = matching != null && written(keyToken) ? keys(p) : matching != null ? null : keys(p);
            int before = p.mark();
            boolean arrow = keys != null && (arrow(p, true) || matching != null && (p.acceptWord("are") || p.acceptWord("is"))
                    || written(keyToken) && labelEndsPair(p));
            if (arrow && p.tokens().get(before).is(Token.Kind.WORD, "to")) {
                toPairs++;
            }
            Expr value = arrow ? MapEntries.value(p) : null;
            if (value == null) {
                // other wording around pairs ("otherwise keep", "when x > 1"): the older value-map reading decides
                p.reset(m);
                return Recognition.NOT_MINE;
            }
            if (matching == null && !whens.isEmpty() && keys.size() > 1 && saysOther(p.tokens().subList(m, before))) {
                // "blank/other = Other": a key list holding the word "other" is the else branch (blank falls to it)
                otherwise = value;
                elseGiven = true;
                if (value instanceof Expr.Lit l) {
                    accepted.add(String.valueOf(l.value()));
                }
                continue;
            }
            whens.add(new Expr.When(matching != null ? likeCondition(keyed, keys, matching) : keyCondition(keyed, keys, p), value));
            if (value instanceof Expr.Lit l) {
                accepted.add(String.valueOf(l.value()));
            }
        }
        if (whens.size() == 1 && !elseGiven && whens.get(0).condition() instanceof Expr.Bin b && b.op().equals("OR")
                && b.left() instanceof Expr.IsNull && !(whens.get(0).result() instanceof Expr.TypedNull)) {
            // "Blank = EUR", "Blank/null -> 'UNKNOWN'": the one pair is for no value; every value there is kept
            otherwise = keyed;
            elseGiven = true;
        }
        boolean cleanup = toPairs > 0 && !elseGiven && whens.stream().anyMatch(w -> w.result() instanceof Expr.TypedNull
                || w.result() instanceof Expr.Lit l && l.value() == null);
        if (whens.isEmpty() || whens.size() == 1 && !lead && !elseGiven || toPairs == 1 && !lead || cleanup) {
            // one "X to Y" alone reads as a conversion ("convert 'Y' to true"), not as a map, unless a verb of mapping
            // opens it ("Map 'open' to 'OPEN'"); "'-' to null, 'A' to 'Active'": values cleaned up one by one, where
            // the others may well be kept
            return Recognition.NOT_MINE;
        }
        if (otherwise instanceof Expr.Lit l) {
            accepted.add(String.valueOf(l.value()));
        }
        io.aide.compiler.plan.SqlType besides = Conditionals.literalType(whens, otherwise, p.targetType());
        List<Expr.When> typed = whens.stream().map(w -> new Expr.When(w.condition(), p.typed(w.result(), besides))).toList();
        return new Recognition.Recognized(new Expr.Case(typed, p.typed(otherwise, besides)), null, accepted,
                "value map of " + whens.size() + " pair(s)");
    }

    /**
     * The keys as a condition on the keyed column: equal to one, or in the list; a key written as an unquoted word for
     * "no value" ("blank", "empty", "null", "missing", a typed NULL) means no value or a blank text, never the text.
     */
    private static Expr keyCondition(Expr keyed, List<Expr> keys, Parser p) {
        // "case and spacing are not consistent": upper-case keys compared with the tidied code
        keyed = UntidyCodes.tidied(keyed, keys, p.ctx().row());
        List<Expr> values = new ArrayList<>();
        boolean missing = false;
        for (Expr k : keys) {
            if (k instanceof Expr.TypedNull) {
                missing = true;
            } else {
                values.add(k);
            }
        }
        Expr equal = values.isEmpty() ? null : values.size() == 1 ? new Expr.Bin("=", keyed, values.get(0))
                : new Expr.InList(keyed, values, false);
        if (!missing) {
            return equal;
        }
        Expr none = new Expr.Bin("OR", new Expr.IsNull(keyed, false), p.blank(keyed));
        return equal == null ? none : new Expr.Bin("OR", equal, none);
    }

    /** The keys as the start, end or a part of the keyed column's text: LIKE 'M%' OR LIKE 'E%'. */
    private static Expr likeCondition(Expr keyed, List<Expr> keys, Role test) {
        Expr any = null;
        for (Expr k : keys) {
            String text = String.valueOf(((Expr.Lit) k).value()).replace("%", "\\%");
            Expr one = new Expr.Bin("LIKE", keyed, new Expr.Lit((test == Role.STARTS ? "" : "%") + text + (test == Role.ENDS ? "" : "%")));
            any = any == null ? one : new Expr.Bin("OR", any, one);
        }
        return any;
    }

    /** Verbs between a key and its value ("REG stays REG", "OT1 and OT2 become OT"). */
    static final List<String> ARROW_VERBS = List.of("becomes", "become", "stays", "stay", "remains", "remain",
            "means", "mean");

    /**
     * A '/' at the cursor with one key and its arrow after it ("Damaged / WRG: Wrong item", "FDEG/FDE -> FedEx"); a
     * slash inside a value ("G/L account document") is none.
     */
    private static boolean slashBeforeKey(Parser p) {
        int at = p.mark();
        List<Token> t = p.tokens();
        if (at + 2 >= t.size() || !t.get(at).op("/")) {
            return false;
        }
        Token key = t.get(at + 1);
        Token after = t.get(at + 2);
        return (key.kind() == Token.Kind.WORD || key.kind() == Token.Kind.STRING || key.kind() == Token.Kind.NUMBER)
                && (after.op(":") || after.op("=") || after.op("->") || after.op("=>") || after.op("-") || after.op("/"));
    }

    /** literal FOR key {OR key}: a pair written value first ("1 for 'OVERNIGHT'"); null (cursor unchanged) otherwise. */
    private static Expr.When reversedPair(Parser p, Expr keyed) {
        int m = p.mark();
        Expr value = p.literal();
        if (value == null || !p.acceptWord("for")) {
            p.reset(m);
            return null;
        }
        // keys joined by "or" only: a comma ends the pair
        List<Expr> keys = new ArrayList<>();
        do {
            Token key = p.peekToken();
            Expr k = written(key) || bareCode(p, key) ? MapEntries.key(p) : null;
            if (k == null) {
                p.reset(m);
                return null;
            }
            keys.add(k);
        } while (p.accept(Role.OR));
        Token after = p.peekToken();
        if (after != null && after.kind() != Token.Kind.SEP && !after.op(",")) {
            p.reset(m);
            return null;
        }
        return new Expr.When(keyCondition(keyed, keys, p), value);
    }

    /** The word is the keyed column's name without its last part (gender for gender_cd). */
    private static boolean shortName(Token word, Expr keyed) {
        if (word == null || word.kind() != Token.Kind.WORD || !(keyed instanceof Expr.Col c)) {
            return false;
        }
        String[] parts = ColumnWords.parts(c.column());
        return parts.length == 2 && parts[0].equals(word.norm());
    }

    /** "Decode gender M to Male": a one-word key and its arrow at the cursor. */
    private static boolean wordKeyAhead(Parser p) {
        int at = p.mark();
        List<Token> t = p.tokens();
        if (at + 2 >= t.size() || t.get(at).kind() != Token.Kind.WORD) {
            return false;
        }
        Token after = t.get(at + 1);
        return after.op("=") || after.op("->") || after.op("=>") || after.op(":") || after.is(Token.Kind.WORD, "to");
    }

    /** A key written as a number or a quoted text (a word could be a sentence's). */
    /**
     * "'ONLINE' for web or app": a key written as a plain word after its value, when the word is no word of the grammar
     * and names no column (a code as the data holds it, compared as written).
     */
    private static boolean bareCode(Parser p, Token key) {
        return key != null && key.kind() == Token.Kind.WORD && key.text().matches("[A-Za-z][A-Za-z0-9]*")
                && !p.lexicon().grammarWord(p.tokens(), p.tokens().indexOf(key))
                && !(p.ctx().resolve(null, key.text()) instanceof Expr.Col c && p.ctx().known(c));
    }

    private static boolean written(Token key) {
        return key != null && (key.kind() == Token.Kind.NUMBER || key.kind() == Token.Kind.STRING);
    }

    /**
     * "3 neutral, 4-5 Positive": a one-word label that is capitalised or no word of the grammar, or a quoted one, right after its
     * key and before the next pair (or the end) pairs with it without an arrow.
     */
    private static boolean labelEndsPair(Parser p) {
        int at = p.mark();
        if (at >= p.tokens().size()) {
            return false;
        }
        Token label = p.tokens().get(at);
        boolean word = label.kind() == Token.Kind.WORD && (Character.isUpperCase(label.text().charAt(0))
                || !Lexicon.standard().grammarWord(p.tokens(), at));
        if (!word && label.kind() != Token.Kind.STRING) {
            return false;
        }
        Token after = at + 1 < p.tokens().size() ? p.tokens().get(at + 1) : null;
        return after == null || after.kind() == Token.Kind.SEP || after.op(",");
    }

    private static boolean arrow(Parser p) {
        return arrow(p, false);
    }


    /** @param pairs "to" may join a key and its value (the caller checks that two pairs or more are written so) */
    private static boolean arrow(Parser p, boolean pairs) {
        int all = p.mark();
        if ((p.acceptWord("all") || p.acceptWord("both") || p.acceptWord("each")) && !(p.peekToken() != null
                && ARROW_VERBS.contains(p.peekToken().norm()))) {
            // "'UPS', 'ups' all become 'UPS'": only before a verb of becoming
            p.reset(all);
        }
        if (p.acceptOp("=") || p.acceptOp(":") || p.acceptOp("->") || p.acceptOp("=>") || p.accept(Role.THEN)) {
            return true;
        }
        int meaning = p.mark();
        if (p.acceptWord("means") || p.acceptWord("meaning") || p.acceptWord("indicates")) {
            // "Blank means no invoice was raised -> 'Not Invoiced'": what the key means, then its value after the arrow
            for (int words = 0; words < 10 && p.rawPeek() != null && p.rawPeek().kind() == Token.Kind.WORD; words++) {
                p.rawNext();
            }
            if (p.mark() > meaning + 1 && (p.acceptOp("->") || p.acceptOp("=>") || p.acceptOp("="))) {
                return true;
            }
        }
        p.reset(meaning);
        int modal = p.mark();
        if ((p.acceptWord("should") || p.acceptWord("will") || p.acceptWord("must") || p.acceptWord("shall"))
                && (p.acceptWord("map") || p.acceptWord("go") || p.acceptWord("become") || p.acceptWord("be")
                && (p.acceptWord("mapped") || p.acceptWord("set") || true)) && (p.acceptWord("to") || true)) {
            // "any unknown code should map to 'Unknown'", "X will be 'Y'"
            return true;
        }
        p.reset(modal);
        int maps = p.mark();
        if ((p.acceptWord("maps") || p.acceptWord("map") || p.acceptWord("goes") || p.acceptWord("go") || p.acceptWord("defaults")
                || p.acceptWord("default") || p.acceptWord("falls") && p.acceptWord("back")) && p.acceptWord("to")) {
            // "Everything else maps to 'Unknown'", "anything else goes to Other", "Blank defaults to Standard"
            return true;
        }
        p.reset(maps);
        // "REG stays REG, OT1 and OT2 become OT": a verb of becoming between key and value
        for (String verb : ARROW_VERBS) {
            if (p.acceptWord(verb)) {
                return true;
            }
        }
        int to = p.mark();
        if (pairs && p.acceptWord("to")) {
            // "M to Male, F to Female": "to" between a key and its value, in a list of two pairs or more
            return true;
        }
        if ((p.acceptWord("maps") || p.acceptWord("map") || p.acceptWord("goes") || p.acceptWord("go")) && p.acceptWord("to")) {
            return true;
        }
        p.reset(to);
        // "F - First, J - Business": a dash before a word or a text (before a number it is a band's)
        Token dash = p.rawPeek();
        int at = p.mark();
        if (dash != null && dash.op("-") && at + 1 < p.tokens().size()
                && (p.tokens().get(at + 1).kind() == Token.Kind.WORD || p.tokens().get(at + 1).kind() == Token.Kind.STRING)) {
            p.rawNext();
            return true;
        }
        return false;
    }


    /** "if POINT_OF_ORIGIN then ADMITTED_FROM_CONCEPT_ID": the column the map reads, for this target. */
    private static Expr header(Parser p) {
        int m = p.mark();
        if (p.accept(Role.IF)) {
            Expr column = p.column();
            Token target = column != null && p.accept(Role.THEN) ? p.next() : null;
            if (target != null && target.nameLike() && target.text().equalsIgnoreCase(p.ctx().row().targetColumn())) {
                return column;
            }
        }
        p.reset(m);
        return null;
    }

    /** key {(OR | AND | ",") key} */
    private static List<Expr> keys(Parser p) {
        List<Expr> keys = new ArrayList<>();
        do {
            Expr k = MapEntries.key(p);
            if (k == null) {
                return null;
            }
            keys.add(k);
        } while (p.accept(Role.OR) || p.accept(Role.AND) || p.acceptOp(",") || slashBeforeKey(p) && p.acceptOp("/"));
        return keys;
    }

    /** Unquoted words of a key list that stand for every code not listed ("Blank or unrecognised -> Other"). */
    private static final java.util.Set<String> OTHER_WORDS = java.util.Set.of("other", "others", "unrecognised",
            "unrecognized", "unlisted", "unmapped", "unexpected", "unmatched");

    /** The words of a pair's keys hold "other" or "others" unquoted. */
    private static boolean saysOther(List<Token> keyWords) {
        return keyWords.stream().anyMatch(t -> t.kind() == Token.Kind.WORD && OTHER_WORDS.contains(t.norm()));
    }

    /** The keyed column holds dates: by its registered type, or, with none or text, by its name. */
    private static boolean dated(Parser p, Expr keyed) {
        if (!(keyed instanceof Expr.Col c)) {
            return false;
        }
        io.aide.compiler.plan.SqlType t = p.ctx().typeOf(c);
        return t.temporal() || (!t.known() || t.kind() == io.aide.compiler.plan.SqlType.Kind.VARCHAR)
                && io.aide.compiler.plan.ColumnNames.date(c.column());
    }
    /** "Anything else defaults to Routine", "... becomes Other", "... maps to Other": the verb before the else value. */
    private static boolean elseVerb(Parser p) {
        int m = p.mark();
        if ((p.acceptWord("defaults") || p.acceptWord("default") || p.acceptWord("maps") || p.acceptWord("goes") || p.acceptWord("falls"))
                && (p.acceptWord("to") || p.acceptWord("into"))
                || p.acceptWord("becomes") || p.acceptWord("gets") || (p.acceptWord("should") || p.acceptWord("will")) && p.acceptWord("be")) {
            return true;
        }
        p.reset(m);
        return false;
    }

}
