package io.aide.compiler.lang;

import io.aide.compiler.plan.Expr;
import io.aide.compiler.rules.RuleContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A lookup said in a sentence whose three parts stand where the writer put them, the value matched being any rule:
 * "Trim and upper-case cms_object.maker_id and match it to dim_maker.maker_id, return maker_key", "Lookup:
 * dim_route.route_number = UPPER(TRIM(route_no)), return route_key", "Find the dim_maker row whose maker_id equals the
 * trimmed, upper-cased maker_id and take its maker_key", "Look up dim_patient.patient_key by matching the trimmed,
 * upper-cased pat_id to dim_patient.patient_id".
 * <pre>
 * lookup-sentence := words naming the table (T, T.c) once, in any order with:
 *     returned := RETURN-verb [back | its | the | T's ...] column-of-T    | LOOK UP T.column | the target column's name
 *     match    := T.c (= | equals) value | value (= | equals) T.c | MATCH value (to | with | against) T.c
 *               | (on | where | whose | by) c [(= | equals) value | "(" value ")"]      c alone: the row's column of that name
 * value    := any rule of the row ("trim and upper-case x", "UPPER(TRIM(x))", "the trimmed x"); "it" for the clause before
 * </pre>
 * Every other word of the sentence must be glue (look, up, find, the, row, its ...); later sentences may say what an
 * unmatched row gets ("If no maker is found, load -1") or that it is kept. Anything else leaves the cell to other
 * readings.
 */
final class LookupClauses {
    private static final Set<String> RETURN_VERBS = Set.of("return", "returns", "returning", "take", "takes", "taking", "get",
            "gets", "bring", "brings", "fetch", "fetches", "give", "gives", "pick", "use", "read", "select");
    private static final Set<String> RETURN_GLUE = Set.of("back", "up", "its", "the", "their", "that", "matched", "matching",
            "row's", "row", "record's", "value", "of", "corresponding", "s", "'s");
    private static final Set<String> MATCH_VERBS = Set.of("match", "matching", "matched", "compare", "comparing", "join",
            "joining");
    private static final Set<String> EQUALS = Set.of("equals", "equal", "matches", "=", "is");
    private static final Set<String> KEY_WORDS = Set.of("on", "where", "whose", "by");
    private static final Set<String> GLUE = Set.of("look", "up", "lookup", "look-up", "find", "in", "into", "to", "from", "on",
            "the", "a", "an", "and", "then", "its", "row", "record", "rows", "whose", "where", "with", "of", "for", "table",
            "dimension", "match", "matching", "matched", "join", "left", "outer", "same", "corresponding", "by", "against",
            "it", "entry", "value", "target", "source", "file", "reference", "ref", "'s", "this", "each");

    private LookupClauses() {
    }

    static Recognition read(List<Token> tokens, RuleContext ctx, Lexicon lexicon, Function<List<Token>, Recognition> rest) {
        int end = 0;
        while (end < tokens.size()) {
            while (end < tokens.size() && tokens.get(end).kind() != Token.Kind.SEP) {
                end++;
            }
            Recognition r = read(tokens, end, ctx, lexicon, rest);
            if (r != null || end >= tokens.size() || !tokens.get(end).text().equals(";")) {
                return r;
            }
            // "Look up DIM_VEHICLE where ... = VEH_ID trimmed; return its VEHICLE_SK": a semicolon between the clauses
            end++;
        }
        return null;
    }

    private static Recognition read(List<Token> tokens, int end, RuleContext ctx, Lexicon lexicon,
                                    Function<List<Token>, Recognition> rest) {
        List<Token> sentence = new ArrayList<>();
        for (Token t : tokens.subList(0, end)) {
            sentence.add(t.kind() == Token.Kind.SEP ? Token.of(Token.Kind.OP, ",") : t);
        }
        int colon = label(sentence);
        if (colon > 0) {
            // "Same idea for the clinician: match prov_id ... to dim_clinician.provider_id": a label of plain words
            sentence = sentence.subList(colon + 1, sentence.size());
        }
        String table = table(sentence, ctx);
        if (table == null) {
            return null;
        }
        Set<String> columns = ctx.columnsOf(table);
        boolean[] used = new boolean[sentence.size()];
        for (int i = 0; i < sentence.size(); i++) {
            Token t = sentence.get(i);
            used[i] = t.nameLike() && t.text().equalsIgnoreCase(table) || t.nameLike() && t.norm().equals(table.toLowerCase(Locale.ROOT) + "'s");
        }
        String returned = returned(sentence, table, columns, used);
        if (returned == null && ctx.row().targetColumn() != null && columns.contains(ctx.row().targetColumn().toLowerCase(Locale.ROOT))) {
            returned = ctx.row().targetColumn();
        }
        if (returned == null) {
            return null;
        }
        Map.Entry<String, Expr> match = match(sentence, table, columns, returned, used, ctx, lexicon, rest);
        if (match == null) {
            return null;
        }
        for (int i = 0; i < sentence.size(); i++) {
            Token t = sentence.get(i);
            if (!used[i] && !(t.kind() == Token.Kind.WORD && GLUE.contains(t.norm()) || t.op(",") || t.op(":") || t.op("(")
                    || t.op(")"))) {
                return null;
            }
        }
        Expr lookup = new Expr.Lookup(table, returned, List.of(new Expr.Match(match.getKey(), List.of(match.getValue()))));
        Parser after = new Parser(end < tokens.size() ? tokens.subList(end + 1, tokens.size()) : List.of(), ctx, lexicon);
        Expr otherwise = null;
        boolean kept = false;
        while (!after.atEnd()) {
            after.acceptSeparator();
            Expr fallback = otherwise == null ? Lookups.fallback(after) : null;
            if (fallback == null && otherwise == null) {
                fallback = unmatched(after, lexicon);
            }
            if (fallback == null && otherwise == null) {
                fallback = keptWithValue(after, lexicon);
                kept |= fallback != null;
            }
            if (fallback != null) {
                otherwise = fallback;
            } else if (keptSentence(after)) {
                kept = true;
            } else {
                return null;
            }
        }
        Expr value = otherwise == null ? lookup : new Expr.Fn("COALESCE", List.of(after.typed(lookup), otherwise));
        return new Recognition.Recognized(value, table, List.of(), "lookup in " + table + ", its parts said in clauses",
                kept || otherwise != null);
    }

    /** The colon that ends a label of up to six plain words at the start ("Same idea for the clinician:"), or -1. */
    private static int label(List<Token> sentence) {
        for (int i = 1; i < Math.min(sentence.size(), 8); i++) {
            if (sentence.get(i).op(":")) {
                return i;
            }
            if (sentence.get(i).kind() != Token.Kind.WORD || sentence.get(i).text().contains("_")) {
                return -1;
            }
        }
        return -1;
    }

    /** The one table the sentence reads besides the row's own: named with a column (T.c) or a known table's name. */
    private static String table(List<Token> sentence, RuleContext ctx) {
        // the row's own table: the first its source table cell names ("appt_sched, dim_clinician" also names the table
        // looked up), else its first source column's
        String listed = ctx.row().sourceTable() == null ? "" : ctx.row().sourceTable().split("[,/;&]|\\band\\b")[0].trim();
        Set<String> own = !listed.isEmpty() ? Set.of(listed.toLowerCase(Locale.ROOT))
                : ctx.sources().isEmpty() ? Set.of() : Set.of(ctx.sources().get(0).relation().toLowerCase(Locale.ROOT));
        Map<String, String> found = new LinkedHashMap<>();
        for (Token t : sentence) {
            String name = null;
            if (t.kind() == Token.Kind.NAME) {
                name = t.text().substring(0, t.text().lastIndexOf('.'));
            } else if ((t.kind() == Token.Kind.WORD || t.kind() == Token.Kind.IDENT) && t.text().contains("_")
                    && !ctx.columnsOf(t.text()).isEmpty()) {
                name = t.text();
            }
            if (name != null && !own.contains(name.toLowerCase(Locale.ROOT))) {
                found.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            }
        }
        if (found.size() != 1) {
            return null;
        }
        String table = found.values().iterator().next();
        return ctx.columnsOf(table).isEmpty() ? null : table;
    }

    /** "return maker_key", "take its EVENT_SK", "Look up dim_patient.patient_key": the column brought back. */
    private static String returned(List<Token> s, String table, Set<String> columns, boolean[] used) {
        for (int i = 0; i < s.size(); i++) {
            Token t = s.get(i);
            boolean verb = t.kind() == Token.Kind.WORD && RETURN_VERBS.contains(t.norm());
            boolean lookUp = t.is(Token.Kind.WORD, "lookup") || t.is(Token.Kind.WORD, "look") && i + 1 < s.size()
                    && s.get(i + 1).is(Token.Kind.WORD, "up");
            if (!verb && !lookUp) {
                continue;
            }
            int j = lookUp && t.is(Token.Kind.WORD, "look") ? i + 2 : i + 1;
            while (j < s.size() && j - i <= 6 && (s.get(j).kind() == Token.Kind.WORD && RETURN_GLUE.contains(s.get(j).norm())
                    || used[j] || s.get(j).op("'"))) {
                j++;
            }
            if (j >= s.size() || !s.get(j).nameLike()) {
                continue;
            }
            Token named = s.get(j);
            if (named.kind() == Token.Kind.NAME && !named.text().substring(0, named.text().lastIndexOf('.')).equalsIgnoreCase(table)) {
                continue;
            }
            String column = bare(named);
            if (columns.contains(column.toLowerCase(Locale.ROOT))) {
                for (int k = i; k <= j; k++) {
                    used[k] = true;
                }
                return column;
            }
        }
        return null;
    }

    /** The lookup table's column matched and the row's value it matches; null when the sentence says no match. */
    private static Map.Entry<String, Expr> match(List<Token> s, String table, Set<String> columns, String returned, boolean[] used,
                                                RuleContext ctx, Lexicon lexicon, Function<List<Token>, Recognition> rest) {
        for (int i = 0; i < s.size(); i++) {
            Token t = s.get(i);
            boolean qualified = t.kind() == Token.Kind.NAME && t.text().substring(0, t.text().lastIndexOf('.')).equalsIgnoreCase(table);
            boolean keyed = !qualified && i > 0 && t.nameLike() && t.kind() != Token.Kind.NAME && KEY_WORDS.contains(s.get(i - 1).norm())
                    && columns.contains(t.text().toLowerCase(Locale.ROOT));
            if (!qualified && !keyed || bare(t).equalsIgnoreCase(returned)) {
                continue;
            }
            String column = bare(t);
            int from;
            int to;
            if (qualified && i > 0 && MATCH_VERBS.contains(s.get(i - 1).norm()) && i + 1 < s.size()
                    && Set.of("to", "with", "against").contains(s.get(i + 1).norm())) {
                // "by matching DIM_GUEST.GUEST_ID to the reservation's GUEST_ID"
                used[i - 1] = true;
                from = i + 2;
                to = clauseEnd(s, from);
            } else if (keyed && i + 1 < s.size() && s.get(i + 1).is(Token.Kind.WORD, "using")) {
                // "on VIOLATION_CODE using the trimmed, upper-cased VIOL_CD"
                from = i + 2;
                to = clauseEnd(s, from);
            } else if (i + 1 < s.size() && equalsAt(s, i + 1) > 0) {
                // "T.c = value", "whose c equals value"
                from = i + 1 + equalsAt(s, i + 1);
                to = clauseEnd(s, from);
            } else if (keyed && i + 1 < s.size() && s.get(i + 1).op("(")) {
                // "on member_no (check-in member_no trimmed and upper-cased)"
                from = i + 2;
                to = from;
                while (to < s.size() && !s.get(to).op(")")) {
                    to++;
                }
                if (to >= s.size()) {
                    return null;
                }
                used[to] = true;
            } else if (qualified && i > 0 && (s.get(i - 1).op("=") || EQUALS.contains(s.get(i - 1).norm()))) {
                // "value = T.c"
                to = i - 1;
                from = clauseStart(s, to);
            } else if (qualified && i > 0 && Set.of("to", "with", "against", "on").contains(s.get(i - 1).norm())) {
                // "match value to T.c", "trim and upper-case x and match it to T.c"
                int verb = i - 2;
                while (verb >= 0 && !(s.get(verb).kind() == Token.Kind.WORD && MATCH_VERBS.contains(s.get(verb).norm()))) {
                    verb--;
                }
                if (verb < 0) {
                    return null;
                }
                from = verb + 1;
                to = i - 1;
                if (to - from == 1 && (s.get(from).is(Token.Kind.WORD, "it") || s.get(from).is(Token.Kind.WORD, "them"))) {
                    to = verb;
                    while (to > 0 && (s.get(to - 1).is(Token.Kind.WORD, "and") || s.get(to - 1).op(","))) {
                        to--;
                    }
                    from = clauseStart(s, to);
                    used[verb + 1] = true;
                }
                used[verb] = true;
            } else if (keyed) {
                // "on c": the row's column of the same name
                Expr same = ctx.resolve(null, t.text());
                if (!(same instanceof Expr.Col c) || !ctx.known(c)) {
                    return null;
                }
                used[i] = true;
                return Map.entry(column, same);
            } else {
                continue;
            }
            Expr value = value(s.subList(from, to), ctx, lexicon, rest);
            if (value == null) {
                return null;
            }
            for (int k = Math.min(from, i); k < Math.max(to, i + 1); k++) {
                used[k] = true;
            }
            return Map.entry(column, value);
        }
        return null;
    }

    /** The words for "equals" at i: 1 or 2 tokens ("equal to"), or 0. */
    private static int equalsAt(List<Token> s, int i) {
        Token t = s.get(i);
        if (t.op("=")) {
            return 1;
        }
        if (t.kind() != Token.Kind.WORD || !EQUALS.contains(t.norm()) || t.is(Token.Kind.WORD, "is") && !(i + 1 < s.size()
                && (s.get(i + 1).is(Token.Kind.WORD, "equal") || s.get(i + 1).is(Token.Kind.WORD, "the")))) {
            return 0;
        }
        int n = 1;
        while (i + n < s.size() && (s.get(i + n).is(Token.Kind.WORD, "to") || s.get(i + n).is(Token.Kind.WORD, "equal"))) {
            n++;
        }
        return n;
    }

    /** Where the value after a match ends: a comma, "and" before a verb that brings back, a bracket closed, the end. */
    private static int clauseEnd(List<Token> s, int from) {
        int depth = 0;
        for (int k = from; k < s.size(); k++) {
            Token t = s.get(k);
            depth += t.op("(") ? 1 : t.op(")") ? -1 : 0;
            if (depth < 0 || depth == 0 && (t.op(";") || t.kind() == Token.Kind.WORD && RETURN_VERBS.contains(t.norm())
                    || t.is(Token.Kind.WORD, "and") && k + 1 < s.size() && RETURN_VERBS.contains(s.get(k + 1).norm())
                    || t.op(",") && k + 1 < s.size() && (RETURN_VERBS.contains(s.get(k + 1).norm())
                    || s.get(k + 1).is(Token.Kind.WORD, "and") || s.get(k + 1).is(Token.Kind.WORD, "then")))) {
                return k;
            }
        }
        return s.size();
    }

    /** Where the value before "=" starts: after a colon, a comma, "on", "where" or the sentence's start. */
    private static int clauseStart(List<Token> s, int to) {
        int k = to;
        while (k > 0 && !s.get(k - 1).op(":") && !s.get(k - 1).op(",") && !(s.get(k - 1).kind() == Token.Kind.WORD
                && (KEY_WORDS.contains(s.get(k - 1).norm()) || MATCH_VERBS.contains(s.get(k - 1).norm())))) {
            k--;
        }
        return k;
    }

    /** The value matched: an operand ("UPPER(TRIM(x))", "the trimmed x") or a rule of its own ("trim and upper-case x"). */
    private static Expr value(List<Token> written, RuleContext ctx, Lexicon lexicon, Function<List<Token>, Recognition> rest) {
        List<Token> words = participles(withoutOwner(written));
        if (words.isEmpty()) {
            return null;
        }
        if (words.get(0).is(Token.Kind.WORD, "the") || words.get(0).is(Token.Kind.WORD, "cleaned")) {
            Expr pointed = pointedTo(words, ctx);
            if (pointed != null) {
                return pointed;
            }
        }
        if (words.size() > 2 && words.get(0).is(Token.Kind.WORD, "cleaned") && words.get(2).op("(")) {
            // "cleaned ACCT_NO (trimmed, upper case)": how it is cleaned, in the bracket
            words = words.subList(1, words.size());
        }
        if (rest.apply(words) instanceof Recognition.Recognized whole && whole.lookupTable() == null
                && !(whole.expr() instanceof Expr.Col) && !Expr.columns(whole.expr()).isEmpty()) {
            // "UPPER(TRIM(maker_id))", "maker_id trimmed and upper-cased": a rule of its own
            return whole.expr();
        }
        int open = indexOfOp(words, "(");
        if (open > 0 && words.get(words.size() - 1).op(")")) {
            // "campaign_ref (campaign_ref trimmed and upper-cased)", "ITEM_NO (trimmed, upper case)", "the cleaned A_NUMBER
            // (see msisdn below)": the bracket says the value again, says how it is cleaned, or is a remark
            List<Token> inner = words.subList(open + 1, words.size() - 1);
            List<Token> before = words.subList(0, open);
            if (Commentary.isRemark(inner, ctx, lexicon)) {
                return value(before, ctx, lexicon, rest);
            }
            Expr again = value(inner, ctx, lexicon, rest);
            Expr plain = value(before, ctx, lexicon, rest);
            if (again != null && plain != null && Expr.columns(again).equals(Expr.columns(plain))) {
                return again;
            }
            List<Token> said = new ArrayList<>(before);
            said.add(Token.of(Token.Kind.OP, ","));
            said.addAll(inner);
            Expr cleaned = value(said, ctx, lexicon, rest);
            if (cleaned != null) {
                return cleaned;
            }
        }
        Parser p = new Parser(words, ctx, lexicon);
        Expr operand = p.operand();
        if (operand != null && p.atEnd() && !Expr.columns(operand).isEmpty()) {
            return operand;
        }
        return rest.apply(words) instanceof Recognition.Recognized ok && ok.lookupTable() == null && !Expr.columns(ok.expr()).isEmpty()
                ? ok.expr() : null;
    }

    /**
     * "If the object has no maker id or it is not found in dim_maker, load -1.": a sentence that says the row is not
     * found (a blank key is not found either), then after its last comma the value; null (cursor unchanged) otherwise.
     */
    private static Expr unmatched(Parser p, Lexicon lexicon) {
        int m = p.mark();
        if (!p.accept(Lexicon.Role.IF)) {
            return null;
        }
        boolean notFound = false;
        int k = p.mark();
        while (k < p.tokens().size() && p.tokens().get(k).kind() != Token.Kind.SEP) {
            Token t = p.tokens().get(k);
            notFound |= lexicon.match(Lexicon.Role.NOT_FOUND, p.tokens(), k) > 0 || (t.is(Token.Kind.WORD, "no")
                    || t.is(Token.Kind.WORD, "none")) && p.tokens().subList(k, Math.min(k + 5, p.tokens().size())).stream()
                    .anyMatch(w -> w.norm().startsWith("match") || w.norm().equals("found"));
            k++;
        }
        // "..., load -1", "..., keep the donation and set the key to -1": the value ends the sentence
        int from = k - 1;
        if (from > m && p.tokens().get(from).kind() == Token.Kind.NUMBER && p.tokens().get(from - 1).op("-")) {
            from--;
        }
        if (!notFound || from <= m) {
            p.reset(m);
            return null;
        }
        p.reset(from);
        Expr v = p.literal();
        if (v == null || p.mark() != k) {
            p.reset(m);
            return null;
        }
        return v;
    }

    /**
     * "Keep the appointment when there is no match and set patient_key = -1": the row kept and the value it gets, in
     * one sentence; null (cursor unchanged) otherwise.
     */
    private static Expr keptWithValue(Parser p, Lexicon lexicon) {
        int m = p.mark();
        int k = m;
        int set = -1;
        boolean kept = false;
        boolean notFound = false;
        while (k < p.tokens().size() && p.tokens().get(k).kind() != Token.Kind.SEP) {
            Token t = p.tokens().get(k);
            kept |= t.is(Token.Kind.WORD, "keep") || t.is(Token.Kind.WORD, "still");
            notFound |= lexicon.match(Lexicon.Role.NOT_FOUND, p.tokens(), k) > 0 || t.is(Token.Kind.WORD, "no")
                    && k + 1 < p.tokens().size() && p.tokens().get(k + 1).norm().startsWith("match");
            set = t.is(Token.Kind.WORD, "set") || t.is(Token.Kind.WORD, "use") || t.is(Token.Kind.WORD, "load") ? k : set;
            k++;
        }
        if (!kept || !notFound || set < 0) {
            return null;
        }
        p.reset(set + 1);
        int named = p.mark();
        Token n = p.next();
        if (!(n != null && n.nameLike() && (p.acceptOp("=") || p.acceptWord("to")))) {
            p.reset(named);
        }
        p.acceptWord("to");
        Expr v = p.literal();
        Token next = p.rawPeek();
        if (v == null || next != null && next.kind() != Token.Kind.SEP) {
            p.reset(m);
            return null;
        }
        return v;
    }

    /** "the transaction's supporter_ref ...", "... emp_id of the timesheet line": words naming whose value it is, left out. */
    private static List<Token> withoutOwner(List<Token> words) {
        List<Token> out = words;
        for (int i = 0; i < Math.min(4, out.size()); i++) {
            if (out.get(i).is(Token.Kind.WORD, "'s")) {
                out = out.subList(i + 1, out.size());
                break;
            }
        }
        for (int i = 1; i + 1 < out.size(); i++) {
            if (out.get(i).is(Token.Kind.WORD, "of") && (out.get(i + 1).is(Token.Kind.WORD, "the") || out.get(i + 1).is(Token.Kind.WORD, "this"))
                    && out.size() - i <= 4 && out.subList(i, out.size()).stream().allMatch(t -> t.kind() == Token.Kind.WORD)) {
                return out.subList(0, i);
            }
        }
        return out;
    }

    /**
     * "GUEST_ID after trimming and upper-casing it": the operations said as gerunds after the value, as the participles
     * the rule language reads after a value ("GUEST_ID, trimmed and upper-cased"); the words as written otherwise.
     */
    private static List<Token> participles(List<Token> words) {
        int after = -1;
        for (int i = 1; i < words.size() && after < 0; i++) {
            after = words.get(i).is(Token.Kind.WORD, "after") && i + 1 < words.size() && words.get(i + 1).norm().endsWith("ing") ? i : -1;
        }
        if (after < 0) {
            return words;
        }
        List<Token> out = new ArrayList<>(words.subList(0, after));
        out.add(Token.of(Token.Kind.OP, ","));
        for (Token t : words.subList(after + 1, words.size())) {
            if (t.is(Token.Kind.WORD, "it") || t.is(Token.Kind.WORD, "them")) {
                continue;
            }
            if (t.kind() == Token.Kind.WORD && t.norm().endsWith("ing") && t.norm().length() > 4) {
                String stem = t.text().substring(0, t.text().length() - 3);
                out.add(new Token(Token.Kind.WORD, stem + "ed", (stem + "ed").toLowerCase(Locale.ROOT), t.hyphenated()));
            } else {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * "the cleaned A_NUMBER (see msisdn below)": the value of the target column the bracket points to, when that column
     * reads the value named; null otherwise.
     */
    private static Expr pointedTo(List<Token> words, RuleContext ctx) {
        int open = indexOfOp(words, "(");
        String target = ctx.row().targetTable();
        if (open < 2 || target == null || !words.get(words.size() - 1).op(")")) {
            return null;
        }
        Token named = words.get(open - 1);
        for (Token t : words.subList(open + 1, words.size() - 1)) {
            Expr own = t.nameLike() && !t.text().equalsIgnoreCase(named.text()) && ctx.namesTargetColumn(t.text())
                    ? ctx.resolve(target, t.text()) : null;
            if (own != null && Expr.columns(own).stream().anyMatch(c -> c.column().equalsIgnoreCase(named.text()))) {
                return own;
            }
        }
        return null;
    }

    private static int indexOfOp(List<Token> words, String op) {
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).op(op)) {
                return i;
            }
        }
        return -1;
    }

    /** "Keep the object even when the maker is not found", "The row is still loaded": the unmatched row is kept. */
    private static boolean keptSentence(Parser p) {
        int m = p.mark();
        boolean kept = false;
        Token t;
        while ((t = p.rawPeek()) != null && t.kind() != Token.Kind.SEP) {
            if (t.kind() != Token.Kind.WORD && !t.op(",") && !t.op("(") && !t.op(")") && !t.op("-") && !t.op("–")) {
                p.reset(m);
                return false;
            }
            kept |= Set.of("keep", "kept", "still", "loaded", "retain", "retained").contains(t.norm());
            p.rawNext();
        }
        if (!kept) {
            p.reset(m);
        }
        return kept;
    }

    private static String bare(Token name) {
        return name.kind() == Token.Kind.NAME ? name.text().substring(name.text().lastIndexOf('.') + 1) : name.text();
    }
}
