package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;
import io.aide.compiler.rules.RuleContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Remarks around a rule: a sentence after the rule or a parenthesis that says nothing about the value
 * ("Copied unchanged. Primary lineage key back to the raw file.", "(purchase order / sales order reference)").
 * A remark asks for no computation (no ACTION word), names no column of the row, compares or assigns nothing, holds
 * no branch (THEN, ELSE) and no value beside a number ("670-739 then 'B'", "below 580 'D'");
 * an example ("e.g. 'ARV|Adult' -> SOLAR_MODULE") is a remark whatever it holds. Anything else is part of the rule.
 */
final class Commentary {
    private static final Set<String> ASSIGNING = Set.of("=", "->", "=>", "<", ">", "<>", "!=", ">=", "<=", "+", "*", "==", "||");

    /** Words before a column's name that say the value is read from it: "(from SHIFT_NO)", "(based on LOAD_DT)". */
    private static final Set<String> READ_FROM = Set.of("from", "on", "using", "via", "of");

    private Commentary() {
    }

    /** Nouns that name sentinel values only with other words ("sentinel codes"): alone, "(type allocation code)". */
    private static final Set<String> GENERIC_NOUNS = Set.of("code", "codes", "value", "values");

    /** Verbs that give a value its new value ("'ups' becomes 'UPS'"). */
    private static final Set<String> BECOMING = Set.of("becomes", "become", "stays", "stay", "remains", "remain", "means",
            "mean", "gives", "give", "yields");

    /** Words that say a number's scale ("4.25 percent", "425 basis points", "in cents"). */
    private static final Set<String> SCALE_WORDS = Set.of("percent", "percentage", "pct", "bps", "basis", "cents",
            "thousands", "millions", "per-cent");

    /** Verbs that say how a number is stored ("stores 4.25 for 4.25%", "holds percent"). */
    private static final Set<String> STORING = Set.of("stores", "stored", "holds", "held", "means", "represents",
            "expressed", "kept", "recorded");

    /**
     * "do not default to zero", "don't trim", "must not round": a verb of an operation denied, and nothing after it that
     * compares or bounds ("never more than 10" bounds, and is no prohibition here).
     */
    private static boolean prohibition(List<Token> tokens, Lexicon lexicon) {
        int at = 0;
        if (tokens.size() > 2 && (tokens.get(0).is(Token.Kind.WORD, "do") || tokens.get(0).is(Token.Kind.WORD, "must")
                || tokens.get(0).is(Token.Kind.WORD, "should")) && tokens.get(1).is(Token.Kind.WORD, "not")) {
            at = 2;
        } else if (tokens.size() > 1 && (tokens.get(0).is(Token.Kind.WORD, "don't") || tokens.get(0).is(Token.Kind.WORD, "dont"))) {
            at = 1;
        }
        if (at == 0 || lexicon.match(Role.DEFAULT, tokens, at) == 0 && lexicon.match(Role.TRIM, tokens, at) == 0
                && lexicon.match(Role.ROUND, tokens, at) == 0 && lexicon.match(Role.UPPER, tokens, at) == 0
                && lexicon.match(Role.LOWER, tokens, at) == 0) {
            return false;
        }
        return tokens.stream().noneMatch(t -> t.kind() == Token.Kind.OP && !t.op(","));
    }

    /** Words that point elsewhere in the document: "(see STUDENT_ID below)", "(use the two target values above)". */
    private static final Set<String> POINTING = Set.of("above", "below", "earlier", "later", "cover", "sheet", "tab",
            "section", "appendix");
    private static final Set<String> REFERRING = Set.of("see", "use", "using", "uses", "refer", "to", "the", "a", "two",
            "three", "both", "target", "targets", "value", "values", "column", "columns", "field", "fields", "row", "rows",
            "as", "defined", "derived", "described", "computed", "mapped", "same", "this", "these", "those", "of", "on",
            "in", "per", "cf", "from", "note", "notes", "rule", "rules", "general", "page", "document", "its", "their");

    /**
     * A pointer to another place of the document: words of reference, a word that points (above, below, cover sheet)
     * and at most the names of columns; no value, no operator.
     */
    private static boolean crossReference(List<Token> tokens) {
        boolean points = false;
        int names = 0;
        for (Token t : tokens) {
            if (POINTING.contains(t.norm())) {
                points = true;
            } else if (t.kind() == Token.Kind.WORD && REFERRING.contains(t.norm())) {
                continue;
            } else if (t.nameLike() && t.text().matches("[A-Z][A-Z0-9_.]*|[a-z0-9]+(?:_[a-z0-9]+)+") && names++ < 2) {
                continue;
            } else if (!POINTING.contains(t.norm())) {
                return false;
            }
        }
        return points;
    }

    /** Words before a column's name that say the rule reads it: "based on", "from", "using". */
    private static final Set<String> BASED = Set.of("on", "from", "using", "of", "uses");

    private static final Set<String> BEING = Set.of("are", "is", "be", "get", "gets", "been");
    private static final Set<String> LEFT_OUT = Set.of("dropped", "excluded", "removed", "skipped", "rejected", "discarded",
            "ignored", "filtered", "omitted");

    /** "... are dropped", "... is not loaded", "... are never loaded": rows said to be left out. */
    static boolean leavesRowsOut(List<Token> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).kind() != Token.Kind.WORD || !BEING.contains(tokens.get(i).norm())) {
                continue;
            }
            int j = i + 1;
            boolean denied = j < tokens.size() && (tokens.get(j).norm().equals("not") || tokens.get(j).norm().equals("never"));
            j += denied ? 1 : 0;
            if (j < tokens.size() && (LEFT_OUT.contains(tokens.get(j).norm()) && !denied
                    || denied && (tokens.get(j).norm().equals("loaded") || tokens.get(j).norm().equals("included")))) {
                return true;
            }
        }
        return false;
    }

    /** Words of a rounding other than half away from zero: half even, half down, banker's, towards zero, truncate. */
    private static final java.util.Set<String> OTHER_ROUNDING = java.util.Set.of("banker", "bankers", "banker's", "gaussian",
            "convergent", "truncate", "truncated", "truncation");

    /** The words ask for a rounding ROUND does not do: "(half even)", "(round half to even)", "(banker's rounding)". */
    static boolean otherRounding(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            String w = tokens.get(i).norm();
            if (OTHER_ROUNDING.contains(w) || w.equals("banker") && i + 1 < tokens.size() && tokens.get(i + 1).norm().equals("'s")) {
                return true;
            }
            if (w.equals("half")) {
                for (int j = i + 1; j < Math.min(tokens.size(), i + 4); j++) {
                    String n = tokens.get(j).norm();
                    if (n.equals("even") || n.equals("down") || n.equals("odd") || n.equals("zero") && tokens.get(j - 1).norm().equals("towards")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Two numbers joined by '-' or "to": "(0-23)", "(1 to 7)". */
    private static boolean range(List<Token> tokens) {
        if (tokens.size() == 3 && tokens.get(0).kind() == Token.Kind.NUMBER && tokens.get(2).kind() == Token.Kind.NUMBER) {
            return tokens.get(1).op("-") || tokens.get(1).is(Token.Kind.WORD, "to");
        }
        return tokens.size() == 2 && tokens.get(0).kind() == Token.Kind.NUMBER && tokens.get(1).kind() == Token.Kind.NUMBER
                && tokens.get(1).text().startsWith("-");
    }

    /** A sentence that states the target's grain: "Grain = one row per posted room-night", "One row per admission after ...". */
    private static final java.util.regex.Pattern GRAIN = java.util.regex.Pattern.compile("(?i)^(?:(?:the\\s+)?grain\\s*(?:=|:|is)?\\s*)?"
            + "one\\s+(?:row|record|line|entry)\\s+(?:per|for\\s+each|for\\s+every)\\s+");

    static boolean isRemark(List<Token> tokens, RuleContext ctx, Lexicon lexicon) {
        return isRemark(tokens, ctx, lexicon, false);
    }

    /**
     * @param sentence a sentence of its own may name a column in passing ("'From RDC' rows have no vendor PO date"),
     *                 as long as it holds no operator; a parenthesis may not
     */
    static boolean isRemark(List<Token> tokens, RuleContext ctx, Lexicon lexicon, boolean sentence) {
        if (tokens.isEmpty()) {
            return true;
        }
        if (otherRounding(tokens)) {
            // "(half even)", "(banker's rounding)": how the value is rounded, which ROUND (half away from zero) does not do
            return false;
        }
        Token first = tokens.get(0);
        if (lexicon.match(Role.CONCAT_JOIN, tokens, 0) > 0 && !first.is(Token.Kind.WORD, "and") && !first.is(Token.Kind.WORD, "with")) {
            // "'Station ' followed by the station_code": the value said before goes on, never a remark
            return false;
        }
        if (lexicon.match(Role.EXAMPLE, tokens, 0) > 0 || first.kind() == Token.Kind.NAME
                && (first.norm().equals("e.g") || first.norm().equals("i.e"))) {
            return true;
        }
        if (sentence && GRAIN.matcher(tokens.stream().map(Token::text).collect(java.util.stream.Collectors.joining(" "))).lookingAt()) {
            // "Grain = one row per reservation, latest version only (General Rule 5)": what the target's rows are, which
            // the target's grain and picks say; nothing asked of the column
            return true;
        }
        if (tokens.stream().anyMatch(t -> ColumnReferences.CLEANED.contains(t.norm()))) {
            // "(cleaned, below)": the value meant is the cleaned one, which changes what the rule reads
            return false;
        }
        if (leavesRowsOut(tokens)) {
            // "Tier rows whose member is not in DIM_MEMBER are dropped": which rows the target holds, never a remark
            return false;
        }
        if (tokens.stream().anyMatch(t -> t.is(Token.Kind.WORD, "already"))
                && tokens.stream().noneMatch(t -> t.kind() == Token.Kind.STRING || t.kind() == Token.Kind.OP && !t.op(",") && !t.op("-"))) {
            // "(CAM already defaulted to 0)", "(already trimmed upstream)": what was done before, asking for nothing
            return true;
        }
        if (DataDescriptions.describes(tokens, lexicon)) {
            // "(some rows have trailing spaces)": what the source holds, which the rule beside it deals with
            return true;
        }
        if (tokens.stream().anyMatch(t -> t.is(Token.Kind.WORD, "target") || t.is(Token.Kind.WORD, "targets"))
                && tokens.stream().anyMatch(t -> t.norm().startsWith("default") || t.is(Token.Kind.WORD, "derived")
                || t.is(Token.Kind.WORD, "cleaned") || t.is(Token.Kind.WORD, "computed"))) {
            // "(the target values after defaulting)": which values the rule reads, the target's own, never a remark
            return false;
        }
        if (tokens.size() >= 3 && (tokens.get(1).op("-") || tokens.get(1).op(":")) && tokens.get(0).text().matches("[A-Z0-9][A-Z0-9_]{0,7}")
                && tokens.get(0).kind() != Token.Kind.STRING && tokens.get(2).kind() == Token.Kind.WORD) {
            // "X6 – En Route", "SD: Shipment Delayed": a code and its label, a pair of a value map, never a remark
            return false;
        }
        if (keepsAPart(tokens, lexicon)) {
            // "We only keep the year of birth (data minimisation)": a part of the value asked for, never a remark
            return false;
        }
        if (cleaningShown(tokens)) {
            // "(fv02 -> FV02)", "(' ab-1' -> 'AB1')": the same value before and after a cleaning, shown for the reader
            return true;
        }
        if (crossReference(tokens)) {
            // "(see STUDENT_ID below)", "(use the two target values above)", "(see cover sheet)": where else it is said
            return true;
        }
        if (prohibition(tokens, lexicon)) {
            // "(do not default to zero)": what not to do, which no reading does
            return true;
        }
        if (range(tokens)) {
            // "Hour of the day (0-23)": the values' range, said for the reader
            return true;
        }
        if (tokens.stream().noneMatch(t -> t.kind() == Token.Kind.WORD)) {
            // a list of values in parentheses is part of the rule
            return false;
        }
        boolean number = tokens.stream().anyMatch(t -> t.kind() == Token.Kind.NUMBER);
        boolean text = tokens.stream().anyMatch(t -> t.kind() == Token.Kind.STRING);
        for (int i = 1; text && i < tokens.size(); i++) {
            if ((lexicon.match(Role.CONCAT_JOIN, tokens, i) > 0 && !tokens.get(i).is(Token.Kind.WORD, "and")
                    && !tokens.get(i).is(Token.Kind.WORD, "with")) && tokens.get(i - 1).kind() == Token.Kind.STRING) {
                // "'Unnamed Stop ' followed by stop_id": a text joined to a value is a value built, never a remark
                return false;
            }
        }
        if (number && text) {
            // "670-739 then 'B'", "below 580 'D'": a value for numbers is a branch of the rule
            return false;
        }
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).is(Token.Kind.WORD, "in") && PhraseTable.UNITS.at(tokens, i + 1) != null) {
                // "(source is in pounds)": the unit the value is read in, which a conversion needs
                return false;
            }
        }
        if (number && tokens.stream().anyMatch(t -> t.text().equals("%") || SCALE_WORDS.contains(t.norm()))
                && (tokens.stream().filter(t -> t.kind() == Token.Kind.NUMBER).count() >= 2
                || tokens.stream().anyMatch(t -> STORING.contains(t.norm())))) {
            // "(source stores 4.25 for 4.25%)": the scale of the value, which changes what the rule computes ("(100%
            // parseable in source)" says how much of the data reads, and is a remark)
            return false;
        }
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (lexicon.match(Role.THEN, tokens, i) > 0 || lexicon.match(Role.ELSE, tokens, i) > 0) {
                // a branch ("... then 'B'", "else 'C'") is never a remark
                return false;
            }
            if (number && (lexicon.match(Role.GT, tokens, i) > 0 || lexicon.match(Role.LT, tokens, i) > 0
                    || lexicon.match(Role.GE, tokens, i) > 0 || lexicon.match(Role.LE, tokens, i) > 0)) {
                return false;
            }
            if (lexicon.match(Role.ACTION, tokens, i) > 0 && !attributive(tokens, i)
                    // "Decode the code after trimming and upper-casing:": a cleaning asked for, never a remark
                    || i > 0 && tokens.get(i - 1).is(Token.Kind.WORD, "after") && (lexicon.match(Role.TRIM, tokens, i) > 0
                    || lexicon.match(Role.UPPER, tokens, i) > 0 || lexicon.match(Role.LOWER, tokens, i) > 0)
                    || lexicon.match(Role.SENTINEL, tokens, i) > 0 && !GENERIC_NOUNS.contains(t.norm())
                    || lexicon.match(Role.CAP_AT, tokens, i) > 0 || lexicon.match(Role.FLOOR_AT, tokens, i) > 0
                    || lexicon.match(Role.CASE_INSENSITIVE, tokens, i) > 0 || lexicon.match(Role.CASE_AND_SPACES, tokens, i) > 0
                    || lexicon.match(Role.SPACES_IGNORED, tokens, i) > 0
                    || NumberOperations.wholeUnits(tokens, i, lexicon) > 0
                    || lexicon.match(Role.NULL, tokens, i) > 0 || lexicon.match(Role.DEFAULT, tokens, i) > 0
                    // "Any part that is blank is left out": what becomes of blank values, never a remark
                    || lexicon.match(Role.BLANK, tokens, i) > 0 || lexicon.match(Role.IS_EMPTY, tokens, i) > 0
                    || lexicon.match(Role.IS_NULL, tokens, i) > 0
                    || lexicon.match(Role.ORDERED_BY, tokens, i) > 0 || lexicon.match(Role.ASCENDING, tokens, i) > 0
                    || lexicon.match(Role.DESCENDING, tokens, i) > 0) {
                // an order ("in ascending premise_id order") decides what a numbering or a pick gives
                return false;
            }
            if ((t.is(Token.Kind.WORD, "is") || t.is(Token.Kind.WORD, "are")) && i + 1 < tokens.size()
                    && tokens.get(i + 1).kind() == Token.Kind.STRING && i > 0 && tokens.get(i - 1).kind() == Token.Kind.WORD
                    && !tokens.get(i - 1).is(Token.Kind.WORD, "default")) {
                // "anything shorter is 'Feeder'": a value given to some values, a branch of the rule
                return false;
            }
            if ((text || number) && t.kind() == Token.Kind.WORD && BECOMING.contains(t.norm())
                    || number && (lexicon.match(Role.NEGATIVE, tokens, i) > 0 || lexicon.match(Role.POSITIVE, tokens, i) > 0)) {
                // "negative values become 0": a value for some values is part of the rule
                // "'FedEx', 'FEDEX' become 'FEDEX'": a pair of a value map written with a verb
                return false;
            }
            if (t.kind() == Token.Kind.OP && ASSIGNING.contains(t.text()) || t.kind() == Token.Kind.DATE_PATTERN
                    || t.kind() == Token.Kind.IDENT || t.kind() == Token.Kind.NAME
                    // "0 = Unknown (from SHIFT_NO)": a column's name written in the bracket says what is read
                    || !sentence && i > 0 && READ_FROM.contains(tokens.get(i - 1).norm()) && t.kind() == Token.Kind.WORD
                    && t.text().matches("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[a-z][a-z0-9]*(?:_[a-z0-9]+)+")) {
                return false;
            }
            if (t.kind() == Token.Kind.WORD && ctx != null && ctx.resolve(null, t.text()) instanceof Expr.Col c && ctx.known(c)
                    && (!sentence || tokens.stream().anyMatch(o -> o.kind() == Token.Kind.OP && !o.op(",")))) {
                return false;
            }
            if (!sentence && i > 0 && t.text().contains("_") && ctx != null && ctx.namesTargetColumn(t.text())
                    && BASED.contains(tokens.get(i - 1).norm())) {
                // "(based on BILLING_FREQUENCY above)": the value the rule reads, another column of the target
                return false;
            }
        }
        return true;
    }

    /** "an excluded test account", "the derived total": a participle before its noun names a thing, asking for nothing. */
    private static boolean attributive(List<Token> tokens, int i) {
        return i > 0 && i + 1 < tokens.size() && ARTICLES.contains(tokens.get(i - 1).norm()) && tokens.get(i).norm().endsWith("ed")
                && tokens.get(i + 1).kind() == Token.Kind.WORD;
    }

    private static final Set<String> ARTICLES = Set.of("a", "an", "the");

    private static final Set<String> KEEPING = Set.of("keep", "keeps", "kept", "take", "takes", "store", "stores", "load",
            "loads", "retain", "retains", "hold", "holds");

    /** A verb that keeps something and a part of a date named: "only keep the year of birth", "store just the month". */
    private static boolean keepsAPart(List<Token> tokens, Lexicon lexicon) {
        if (tokens.stream().noneMatch(t -> t.kind() == Token.Kind.WORD && KEEPING.contains(t.norm()))) {
            return false;
        }
        for (int i = 0; i < tokens.size(); i++) {
            for (Role part : new Role[]{Role.DATE_YEAR, Role.DATE_QUARTER, Role.DATE_MONTH, Role.DATE_WEEK, Role.DATE_DAY, Role.DATE_HOUR}) {
                if (lexicon.match(part, tokens, i) > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The rule without its remarks: statements after the first that are remarks, and parenthesised remarks.
     * Returns the same list when nothing is a remark.
     */
    static List<Token> withoutRemarks(List<Token> tokens, RuleContext ctx, Lexicon lexicon) {
        List<Token> noParens = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.op("(") && i > 0) {
                int end = closing(tokens, i);
                if (end > 0 && isRemark(tokens.subList(i + 1, end), ctx, lexicon)) {
                    i = end;
                    continue;
                }
            }
            noParens.add(t);
        }
        List<List<Token>> statements = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        for (int i = 0; i < noParens.size(); i++) {
            Token t = noParens.get(i);
            if ((t.op(",") || t.op("-")) && i + 1 < noParens.size() && lexicon.match(Role.EXAMPLE, noParens, i + 1) > 0
                    && (noParens.get(i + 1).norm().equals("e.g") || noParens.get(i + 1).norm().equals("eg")
                    || noParens.get(i + 1).norm().equals("i.e") && (isRemark(sentenceAfter(noParens, i + 2), ctx, lexicon, true)
                    || workedExample(sentenceAfter(noParens, i + 2))))) {
                // (what follows "i.e." may narrow the rule: "..., i.e. excluding weekends" is no example)
                // "..., e.g. 2024-07/1001", "... - e.g. 10001-001": an example after a comma or a dash runs to the end of its
                // sentence
                while (i + 1 < noParens.size() && noParens.get(i + 1).kind() != Token.Kind.SEP) {
                    i++;
                }
                continue;
            }
            if (t.kind() == Token.Kind.SEP) {
                statements.add(current);
                current = new ArrayList<>();
            } else {
                current.add(t);
            }
        }
        statements.add(current);
        List<Token> first = statements.get(0);
        for (int k = 2; k + 1 < first.size(); k++) {
            if (first.get(k).op(",")) {
                // "Source is in cents, divide by 100": what the source holds said in a clause before the rule
                if (DataDescriptions.describes(first.subList(0, k), lexicon) && isRemark(first.subList(0, k), ctx, lexicon, true)) {
                    statements.set(0, new ArrayList<>(first.subList(k + 1, first.size())));
                }
                break;
            }
        }
        List<Token> out = new ArrayList<>();
        boolean described = statements.size() > 1 && describesTarget(statements.get(0), ctx, lexicon);
        for (int s = 0; s < statements.size(); s++) {
            List<Token> st = statements.get(s);
            if (st.isEmpty() || s > 0 && (isRemark(st, ctx, lexicon, true)
                    || lexicon.match(Role.GROUP_KEY, st, 0) == st.size())) {
                // "... Group by.", "...; part of the grain": the target's grain, which its aggregates decide
                continue;
            }
            if (described && out.isEmpty() && s == 0) {
                // the target described first; the rule is what follows it, when anything does
                continue;
            }
            if (!out.isEmpty()) {
                out.add(Token.of(Token.Kind.SEP, ";"));
            }
            out.addAll(st);
        }
        if (described && out.isEmpty()) {
            // only remarks follow the first sentence: it is the rule ("Copied unchanged. Primary lineage key.")
            out.addAll(statements.get(0));
        }
        return out.size() == tokens.size() ? tokens : out;
    }

    /** Words that narrow which rows a sentence speaks of: said first, they scope the rule after them. */
    private static final Set<String> SCOPING = Set.of("only", "except", "unless", "not", "no", "never", "excluding", "but");

    /**
     * A first sentence that says what the target holds ("Date the carrier was set up.", "Estimated annual consumption.")
     * before the rule: a remark naming no column, with no number, no value and no word that scopes rows ("Only for
     * domestic shipments." does), so the sentences after it are the whole rule.
     */
    private static boolean describesTarget(List<Token> st, RuleContext ctx, Lexicon lexicon) {
        if (st.size() < 2) {
            // "V5.4": one word before a full stop is no sentence of its own
            return false;
        }
        for (int i = 0; i < st.size(); i++) {
            Token t = st.get(i);
            if (t.kind() != Token.Kind.WORD || SCOPING.contains(t.norm()) || lexicon.match(Role.IF, st, i) > 0
                    || lexicon.match(Role.WHERE, st, i) > 0 || t.text().contains("_") || Labels.namesAPart(lexicon, st.subList(i, st.size()))) {
                // "Calendar year of birth_date." computes: a part of a date, a name of a column
                return false;
            }
            Expr named = ctx == null ? null : ctx.resolve(null, t.text());
            if (named != null && !(named instanceof Expr.Col c && !ctx.known(c))) {
                return false;
            }
        }
        if (Labels.computes(lexicon, st)) {
            return false;
        }
        // "the carrier was set up", "the order was placed": what happened to the thing once, no operation asked for
        List<Token> told = new ArrayList<>(st);
        for (int i = told.size() - 2; i >= 0; i--) {
            if ((told.get(i).is(Token.Kind.WORD, "was") || told.get(i).is(Token.Kind.WORD, "were"))
                    && lexicon.match(Role.ACTION, told, i + 1) > 0) {
                told.subList(i, i + 1 + lexicon.match(Role.ACTION, told, i + 1)).clear();
            }
        }
        return isRemark(told, ctx, lexicon, false);
    }

    /**
     * Pairs "before -> after" (comma-separated) whose two sides hold the same letters and digits but for case, spaces and
     * punctuation: a cleaning shown by example, never a map ("A -> Active" changes the value and is one).
     */
    static boolean cleaningShown(List<Token> tokens) {
        int pairs = 0;
        StringBuilder before = new StringBuilder();
        StringBuilder after = null;
        for (int i = 0; i <= tokens.size(); i++) {
            Token t = i < tokens.size() ? tokens.get(i) : null;
            if (t == null || t.op(",")) {
                if (after == null || before.isEmpty() || !before.toString().equals(after.toString())) {
                    return false;
                }
                pairs++;
                before.setLength(0);
                after = null;
            } else if (t.op("->") || t.op("=>")) {
                if (after != null) {
                    return false;
                }
                after = new StringBuilder();
            } else if (t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.NUMBER || t.kind() == Token.Kind.STRING
                    || t.op("-") || t.op("/") || t.op(".")) {
                (after == null ? before : after).append(t.text().replaceAll("[^\\p{L}\\p{N}]", "").toUpperCase(java.util.Locale.ROOT));
            } else {
                return false;
            }
        }
        return pairs > 0;
    }

    /** "'abc ' -> 'ABC'", "1050 -> 10.50": values before and after, nothing else. */
    private static boolean workedExample(List<Token> tokens) {
        return tokens.stream().anyMatch(t -> t.op("->") || t.op("=>")) && tokens.stream().allMatch(t -> t.kind() == Token.Kind.STRING
                || t.kind() == Token.Kind.NUMBER || t.op("->") || t.op("=>") || t.op(",") || t.op("="));
    }

    /** The tokens from {@code from} to the end of their sentence. */
    private static List<Token> sentenceAfter(List<Token> tokens, int from) {
        int end = Math.min(from, tokens.size());
        while (end < tokens.size() && tokens.get(end).kind() != Token.Kind.SEP) {
            end++;
        }
        return tokens.subList(Math.min(from, tokens.size()), end);
    }

    private static int closing(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).op("(")) {
                depth++;
            } else if (tokens.get(i).op(")") && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
