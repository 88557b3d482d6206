package io.aide.compiler.lang;

import io.aide.compiler.lang.Lexicon.Role;
import io.aide.compiler.plan.Expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A lookup written as clauses in the order the writer thought of them, after its verb:
 * <pre>
 * lookup  := LOOKUP_VERB clause+ [fallback]
 * clause  := (FROM|IN|INTO|TO) table [TABLE]         the table read
 *          | BRING_BACK column                        the column brought back
 *          | MATCH_ON item (AND item)*                which of its rows
 *          | FOR [owner 's] column                    the row's column, matched by the same name
 *          | name                                     right after the verb: the column, or the table when another
 *                                                     clause names the column
 * item    := name (= | EQUALS) (name | literal) | name   a name alone: the same name on both sides
 * </pre>
 * "Look up dim_supplier on supplier_code = orders.supplier_code and bring back supplier_key", "Look up the
 * supplier_key in dim_supplier for the order's supplier_code; -1 when not found", "Join to dim_supplier on
 * supplier_code and take supplier_key; unmatched rows get -1". A cell that does not read whole this way is left to
 * {@link Lookups}, which reads the fixed order and flags what it cannot place.
 */
final class WordedLookups implements Recognizer {

    /** One match before the table is known: the two sides as written, or a side and a literal. */
    private record Item(Token left, Token right, Expr value, List<String> cleaning, String owner, List<String> leftCleaning) {
        Item(Token left, Token right, Expr value) {
            this(left, right, value, List.of(), null, List.of());
        }

        Item(Token left, Token right, Expr value, List<String> cleaning) {
            this(left, right, value, cleaning, null, List.of());
        }

        Item(Token left, Token right, Expr value, List<String> cleaning, String owner) {
            this(left, right, value, cleaning, owner, List.of());
        }

        /** The item with both sides cleaned so too ("(both sides trimmed and upper-cased)"). */
        Item bothCleaned(List<String> fns) {
            List<String> mine = new ArrayList<>(cleaning);
            List<String> theirs = new ArrayList<>(leftCleaning);
            fns.stream().filter(f -> !mine.contains(f)).forEach(mine::add);
            fns.stream().filter(f -> !theirs.contains(f)).forEach(theirs::add);
            return new Item(left, right, value, mine, owner, theirs);
        }
    }

    @Override
    public Recognition recognize(Parser p) {
        if (!p.accept(Role.LOOKUP_VERB)) {
            return Recognition.NOT_MINE;
        }
        String first = null;
        String table = null;
        String value = null;
        List<Item> items = new ArrayList<>();
        List<String> valueCleaning = List.of();
        Expr otherwise = null;
        while (!p.atEnd()) {
            if (p.acceptSeparator() || p.acceptOp(",") || p.accept(Role.AND) || !p.peek(Role.BRING_BACK) && p.accept(Role.THEN)) {
                continue;
            }
            int m = p.mark();
            if (otherwise == null && (otherwise = fallback(p)) != null) {
                continue;
            }
            p.reset(m);
            if (table == null && (p.accept(Role.FROM) || p.accept(Role.TO))) {
                table = name(p);
                if (table == null) {
                    return Recognition.NOT_MINE;
                }
                p.accept(Role.TABLE);
                continue;
            }
            p.reset(m);
            if (value == null && first != null && p.accept(Role.BRING_BACK)) {
                value = name(p);
                if (value != null) {
                    // "take PLAN_DESC (trimmed)", "take dept_nm, trimmed": the value brought back, cleaned
                    valueCleaning = ComparedValues.bracketedCleaning(p);
                    continue;
                }
                p.reset(m);
            }
            if (items.isEmpty() && p.accept(Role.MATCH_ON)) {
                if (!items(p, items)) {
                    return Recognition.NOT_MINE;
                }
                continue;
            }
            p.reset(m);
            if (items.isEmpty() && p.accept(Role.IF)) {
                // "for the order's supplier_code": the row's column, matched by the same name in the lookup table
                int owner = p.mark();
                Token named = p.next();
                Token possessive = p.peekToken();
                if (named == null || named.kind() != Token.Kind.WORD || possessive == null
                        || !possessive.is(Token.Kind.WORD, "'s")) {
                    p.reset(owner);
                } else {
                    p.next();
                }
                Token key = p.next();
                if (key == null || !key.nameLike()) {
                    return Recognition.NOT_MINE;
                }
                // "for the result's TEST_CODE (trimmed, upper case)": the row's value as cleaned
                items.add(new Item(key, null, null, ComparedValues.bracketedCleaning(p)));
                continue;
            }
            p.reset(m);
            if (first == null) {
                first = name(p);
                if (first != null) {
                    continue;
                }
            }
            return Recognition.NOT_MINE;
        }
        if (first != null && table == null && value != null) {
            table = first;
        } else if (first != null && value == null && table != null) {
            if (p.ctx().columnsOf(table).isEmpty() && !p.ctx().columnsOf(first).isEmpty()) {
                // "Look up DIM_EMPLOYEE on ... emp_id of the timesheet line": the table is the one named first, the
                // words after "of" say whose value it is
                return Recognition.NOT_MINE;
            }
            value = first;
        } else if (first != null && value == null) {
            // "Look up dim_customer where ..." on a row whose source cell names dim_customer.customer_sk: that column
            table = first;
            value = ownColumnOf(p, table);
            if (value == null) {
                return Recognition.NOT_MINE;
            }
        } else {
            return Recognition.NOT_MINE;
        }
        if (items.isEmpty()) {
            return Recognition.NOT_MINE;
        }
        List<Expr.Match> matches = new ArrayList<>();
        boolean perRow = false;
        for (Item item : items) {
            Expr.Match match = match(p, table, item);
            if (match == null) {
                return new Recognition.Flagged("the lookup in " + table + " matches on " + item.left().text()
                        + (item.right() == null ? "" : " = " + item.right().text())
                        + ", which is no column of the row: name the row's column it matches");
            }
            perRow |= match.values().stream().anyMatch(v -> !(v instanceof Expr.Lit));
            matches.add(match);
        }
        String lookedIn = table;
        boolean outside = matches.stream().flatMap(m -> m.values().stream()).flatMap(v -> Expr.columns(v).stream())
                .anyMatch(c -> !c.relation().equalsIgnoreCase(lookedIn));
        if (!perRow || ownTable(p, table) && !outside) {
            // "amount from payments where status = 'PAID'" on a row of payments: a condition on its own rows
            return Recognition.NOT_MINE;
        }
        // (a column the table does not have is flagged where every lookup is checked: RuleCompiler)
        Expr lookup = new Expr.Lookup(table, canonical(p, table, value), matches);
        for (String fn : valueCleaning) {
            lookup = new Expr.Fn(fn, List.of(lookup));
        }
        return new Recognition.Recognized(otherwise == null ? lookup : new Expr.Fn("COALESCE", List.of(p.typed(lookup), otherwise)),
                table, List.of(), "lookup in " + table + (otherwise == null ? "" : " with a default"));
    }

    /** A name: one marked or qualified token, or up to three plain words joined as snake_case ("plan name"). */
    private static String name(Parser p) {
        Token t = p.peekToken();
        if (t == null || !t.nameLike()) {
            return null;
        }
        if (t.kind() != Token.Kind.WORD) {
            p.next();
            return t.text();
        }
        StringBuilder words = new StringBuilder();
        for (int n = 0; n < 3; n++) {
            Token w = p.peekToken();
            if (w == null || w.kind() != Token.Kind.WORD || w.norm().equals("'s") || grammarWord(p)) {
                break;
            }
            p.next();
            words.append(words.length() == 0 ? "" : "_").append(w.text());
        }
        return words.length() == 0 ? null : words.toString();
    }

    private static boolean grammarWord(Parser p) {
        for (Role r : new Role[]{Role.FROM, Role.TO, Role.BRING_BACK, Role.MATCH_ON, Role.IF, Role.AND, Role.ELSE,
                Role.DEFAULT, Role.NOT_FOUND, Role.TABLE, Role.THEN, Role.EQUALS}) {
            if (p.peek(r)) {
                return true;
            }
        }
        return false;
    }

    /** item (AND item)*; false when no item is there. */
    private static boolean items(Parser p, List<Item> out) {
        do {
            int m = p.mark();
            // "where the trimmed, upper-cased PLAN_CODE equals ...": the lookup table's column as cleaned
            List<String> leftCleaning = participles(p);
            Token left = p.next();
            if (left != null && left.kind() == Token.Kind.WORD && p.peekToken() != null && p.peekToken().kind() == Token.Kind.WORD
                    && !p.peekToken().norm().equals("'s") && !grammarWord(p)) {
                // "on plan code (both sides ...)": a name written as words
                p.reset(p.mark() - 1);
                String words = name(p);
                left = words == null ? left : Token.of(Token.Kind.WORD, words);
            }
            String owner = null;
            Token possessive = p.peekToken();
            if (left != null && left.kind() == Token.Kind.WORD && possessive != null && possessive.is(Token.Kind.WORD, "'s")) {
                // "using the result's TEST_CODE (trimmed, upper case)": the column of the table the noun names
                p.next();
                owner = left.text();
                left = p.next();
            }
            if (left == null || !left.nameLike()) {
                p.reset(m);
                break;
            }
            if (owner != null) {
                out.add(new Item(left, null, null, ComparedValues.bracketedCleaning(p), owner));
                continue;
            }
            if (p.acceptOp("=") || p.accept(Role.EQUALS) || p.acceptWord("matches") || p.acceptWord("match")) {
                int r = p.mark();
                List<String> rightCleaning = participles(p);
                Token right = p.next();
                // an upper-case word is a code ("= ACTIVE") unless it names a column of the row ("= DEST")
                if (right != null && right.nameLike() && (!(right.kind() == Token.Kind.WORD && right.text().matches("[A-Z][A-Z0-9]*"))
                        || p.ctx().resolve(null, right.text()) instanceof Expr.Col c && p.ctx().known(c))) {
                    // "department_code above": the target's column of that name, said where it stands in the mapping
                    if (!p.acceptWord("above")) {
                        p.acceptWord("below");
                    }
                    // "= subscriptions.acct_id (trimmed and upper-cased)": the row's value as cleaned
                    List<String> cleaning = new ArrayList<>(rightCleaning);
                    cleaning.addAll(ComparedValues.bracketedCleaning(p));
                    out.add(new Item(left, right, null, cleaning, null, leftCleaning));
                    continue;
                }
                p.reset(r);
                Expr literal = p.literal();
                if (literal == null) {
                    return false;
                }
                out.add(new Item(left, null, literal));
                continue;
            }
            // "on STUDENT_ID (trimmed and upper-cased)": the row's value as cleaned
            out.add(new Item(left, null, null, ComparedValues.bracketedCleaning(p, left.text()), null, leftCleaning));
        } while (p.accept(Role.AND) && nextIsItem(p));
        List<String> both = bothSides(p, out.isEmpty() ? List.of() : out.get(out.size() - 1).leftCleaning());
        if (!both.isEmpty()) {
            out.replaceAll(i -> i.bothCleaned(both));
        }
        return !out.isEmpty();
    }

    /** Participles of trimming and case at the cursor ("the trimmed, upper-cased"), in order; empty (unmoved) if none. */
    private static List<String> participles(Parser p) {
        int m = p.mark();
        p.acceptWord("the");
        List<String> out = new ArrayList<>();
        while (true) {
            String fn = p.accept(Role.TRIM) ? "TRIM" : p.accept(Role.UPPER) ? "UPPER" : p.accept(Role.LOWER) ? "LOWER" : null;
            if (fn == null) {
                break;
            }
            out.add(fn);
            if (!p.acceptOp(",") && !p.accept(Role.AND)) {
                p.acceptOp("/");
            }
        }
        if (out.isEmpty()) {
            p.reset(m);
        }
        return out;
    }

    /**
     * "(both sides trimmed and upper-cased)", ", both sides trimmed": the cleaning of the two sides of every match; the
     * functions in order, the cursor after the words, or empty (unmoved).
     */
    private static List<String> bothSides(Parser p, List<String> cleanedBefore) {
        int m = p.mark();
        boolean paren = p.acceptOp("(");
        if (!paren) {
            p.acceptOp(",");
        }
        if (!(p.acceptWord("both") && (p.acceptWord("sides") || p.acceptWord("side")) || p.acceptWord("on") && p.acceptWord("both")
                && p.acceptWord("sides"))) {
            p.reset(m);
            return List.of();
        }
        p.acceptWord("are");
        List<String> fns = participles(p);
        if (fns.isEmpty() && paren && p.peekToken() != null && p.peekToken().op(")") && !cleanedBefore.isEmpty()) {
            // "on trimmed PLAN_CD (both sides)": the cleaning said before the name is both sides'
            fns = cleanedBefore;
        }
        if (fns.isEmpty() || paren && !p.acceptOp(")")) {
            p.reset(m);
            return List.of();
        }
        return fns;
    }

    /** After AND: another match item, not the next clause ("and bring back x"). */
    private static boolean nextIsItem(Parser p) {
        Token t = p.peekToken();
        if (t == null || !t.nameLike() || p.peek(Role.BRING_BACK) || p.peek(Role.FROM) || p.peek(Role.IF)) {
            return false;
        }
        int m = p.mark();
        p.next();
        boolean compared = p.peekToken() != null && (p.peekToken().op("=") || p.peek(Role.EQUALS));
        p.reset(m);
        return compared || t.kind() != Token.Kind.WORD || t.text().contains("_");
    }

    /** An item with the table known: the lookup table's column and what it equals in the row; null when unresolved. */
    private static Expr.Match match(Parser p, String table, Item item) {
        Token own = item.left();
        Token other = item.right();
        if (other != null && qualifier(other).equalsIgnoreCase(table) && !qualifier(own).equalsIgnoreCase(table)) {
            own = item.right();
            other = item.left();
        }
        String column = canonical(p, table, bare(own));
        if (item.value() != null) {
            return new Expr.Match(column, List.of(item.value()), item.leftCleaning());
        }
        Token outerName = other == null ? own : other;
        String q = qualifier(outerName);
        if (item.owner() != null && q.isEmpty()) {
            // the table of the row whose name the owner noun is ("result" for LIS_RESULTS)
            for (String t : RowTables.of(p.ctx().row())) {
                if (!t.equalsIgnoreCase(table) && RowTables.names(List.of(t.toLowerCase(java.util.Locale.ROOT)), item.owner())
                        && p.ctx().resolve(t, bare(outerName)) != null) {
                    q = t;
                    break;
                }
            }
        }
        Expr outer = p.ctx().resolve(q.isEmpty() || q.equalsIgnoreCase(table) ? null : q, bare(outerName));
        if (outer != null && Expr.columns(outer).stream().allMatch(c -> c.relation().equalsIgnoreCase(table))
                && p.ctx().row().targetTable() != null) {
            // "on subscription_id" where the row's source is the lookup table itself: the target's own column of that
            // name ("PLAN_CODE equals plan_code" compares the lookup table's column with the target's, never itself)
            Expr own2 = p.ctx().resolve(p.ctx().row().targetTable(), bare(outerName));
            outer = own2 != null ? own2 : outer;
        }
        // a source column the schema knows, or another target column's value ("destination_airport_code")
        if (outer == null || outer instanceof Expr.Col c && !p.ctx().known(c) || Expr.columns(outer).isEmpty()) {
            return null;
        }
        for (String fn : item.cleaning()) {
            // "(both sides trimmed ...)" of a value its own rule trims already: once
            if (!(outer instanceof Expr.Fn f && (f.name().equals(fn) || f.args().get(0) instanceof Expr.Fn g && g.name().equals(fn)))) {
                outer = new Expr.Fn(fn, List.of(outer));
            }
        }
        return new Expr.Match(column, List.of(outer), item.leftCleaning());
    }

    /** The lookup table's column as the schema spells it ("plan code" for PLAN_CODE); the name as written otherwise. */
    private static String canonical(Parser p, String table, String column) {
        return p.ctx().resolve(table, column) instanceof Expr.Col c && c.column().equalsIgnoreCase(column) ? c.column() : column;
    }

    private static final java.util.Set<String> CONNECTORS = java.util.Set.of("still", "load", "loads", "loaded", "with",
            "use", "uses", "used", "get", "gets", "are", "is", "set", "to", "take", "takes", "become", "becomes", "default",
            "defaults", "then");

    /** The column of the lookup table the row's source cells name ("dim_customer" / "customer_sk"), or null. */
    private static String ownColumnOf(Parser p, String table) {
        String rowTable = p.ctx().row().sourceTable();
        for (io.aide.events.spec.SourceRef s : p.ctx().row().sourceColumns()) {
            String t = s.table() != null && !s.table().isBlank() ? s.table() : rowTable;
            if (t != null && t.trim().equalsIgnoreCase(table) && s.column() != null && !s.column().isBlank()) {
                return s.column().trim();
            }
        }
        return null;
    }

    /** The table is one the row reads itself: a condition on its own rows, not a lookup. */
    private static boolean ownTable(Parser p, String table) {
        String t = table.toLowerCase(Locale.ROOT);
        String own = p.ctx().row().sourceTable();
        return own != null && own.trim().toLowerCase(Locale.ROOT).equals(t)
                || p.ctx().sources().stream().anyMatch(c -> c.relation().equalsIgnoreCase(table));
    }

    private static String qualifier(Token name) {
        int dot = name.kind() == Token.Kind.NAME ? name.text().lastIndexOf('.') : -1;
        return dot < 0 ? "" : name.text().substring(0, dot);
    }

    private static String bare(Token name) {
        int dot = name.kind() == Token.Kind.NAME ? name.text().lastIndexOf('.') : -1;
        return dot < 0 ? name.text() : name.text().substring(dot + 1);
    }

    /**
     * The value when no row matches: the fallback forms of {@link Lookups}, or "unmatched rows get -1",
     * "(-1 if missing)".
     */
    private static Expr fallback(Parser p) {
        int m = p.mark();
        boolean paren = p.acceptOp("(");
        int start = p.mark();
        Expr v = Lookups.fallback(p);
        if (v == null) {
            p.reset(start);
            v = notInTable(p);
        }
        for (int withBlankKey = 0; withBlankKey < 2 && v == null; withBlankKey++) {
            // "No matching vehicle → -1", "Meter point not found -> -1", "unmatched rows get -1", "Blank carrier code or no
            // match in DIM_CARRIER → -1": the rows not found (a blank key among them), then their value
            p.reset(start);
            if (withBlankKey == 1) {
                blankKeyOr(p);
            }
            if (Lookups.notFound(p)) {
                p.accept(Role.RECORDS_WORD);
                if (p.accept(Role.ROWS_GET) || p.accept(Role.BECOMES) || p.accept(Role.THEN) || p.acceptOp("->")
                        || p.acceptOp("=>") || p.acceptOp("=") || p.acceptOp(":")) {
                    v = p.literal();
                }
            }
        }
        if (v != null && (!paren || p.acceptOp(")"))) {
            int k = p.mark();
            if (!(p.acceptSeparator() && rowKept(p))) {
                p.reset(k);
            }
            return v;
        }
        p.reset(m);
        return null;
    }

    /** "Keep the trip, do not drop it.", "The row is still loaded.": the unmatched rows kept, which a lookup does. */
    private static boolean rowKept(Parser p) {
        int m = p.mark();
        int words = 0;
        boolean keep = false;
        Token t;
        while ((t = p.rawPeek()) != null && t.kind() != Token.Kind.SEP && words < 12) {
            if (!(t.kind() == Token.Kind.WORD || t.op(",") || t.op(";"))) {
                p.reset(m);
                return false;
            }
            keep |= t.kind() == Token.Kind.WORD && java.util.Set.of("keep", "kept", "drop", "dropped", "loaded", "load").contains(t.norm());
            p.rawNext();
            words++;
        }
        String said = p.tokens().subList(m, p.mark()).stream().map(Token::norm).reduce("", (a, b) -> a + " " + b);
        if (!keep || !said.matches(".*\\b(?:keep|kept|loaded|load)\\b.*") || said.matches(".*\\bdrop\\b.*") && !said.matches(".*\\b(?:not|never)\\s+drop.*")) {
            p.reset(m);
            return false;
        }
        return true;
    }

    /**
     * "Blank carrier code or ...": a key without a value, said before the rows with no match; it finds no row either, so
     * the value for no match is its value too. The cursor after "or", or unchanged.
     */
    private static void blankKeyOr(Parser p) {
        int m = p.mark();
        if (!(p.acceptWord("blank") || p.acceptWord("empty") || p.acceptWord("missing") || p.acceptWord("no"))) {
            return;
        }
        p.acceptOp(",");
        for (int words = 0; words < 5 && !p.peek(Role.OR); words++) {
            // "No crew on the ticket, or crew not found ...": the key without a value, then the rows with no match
            if (p.rawPeek() != null && p.rawPeek().op(",")) {
                p.rawNext();
                continue;
            }
            Token t = p.next();
            if (t == null || t.kind() != Token.Kind.WORD) {
                p.reset(m);
                return;
            }
        }
        if (!p.accept(Role.OR)) {
            p.reset(m);
        }
    }

    /**
     * "Airport not in the reference list → 'Unknown'", "Codes not found in ref_region: 'n/a'": a few words naming what
     * was looked up, "not in" or "not found in" and where, then the value; null (cursor anywhere) otherwise.
     */
    private static Expr notInTable(Parser p) {
        for (int words = 0; words <= 5 && !(p.peekToken() != null && p.peekToken().is(Token.Kind.WORD, "not")); words++) {
            Token t = p.next();
            if (t == null || t.kind() != Token.Kind.WORD) {
                return null;
            }
        }
        if (!p.acceptWord("not")) {
            return null;
        }
        p.acceptWord("found");
        p.acceptWord("present");
        p.acceptWord("listed");
        if (!p.acceptWord("in")) {
            return null;
        }
        Token where = p.next();
        if (where == null || !where.nameLike()) {
            return null;
        }
        for (int words = 0; words <= 4 && p.peekToken() != null && p.peekToken().kind() == Token.Kind.WORD
                && !CONNECTORS.contains(p.peekToken().norm()) && !p.peek(Role.BECOMES) && !p.peek(Role.ROWS_GET); words++) {
            // "the reference list": the rest of the place's name
            p.next();
        }
        Lookups.skipBracket(p);
        boolean connected = false;
        for (int words = 0; words <= 4; words++) {
            if (p.acceptOp("->") || p.acceptOp("=>") || p.acceptOp("=") || p.acceptOp(":") || p.acceptOp(",")
                    || p.accept(Role.BECOMES) || p.accept(Role.ROWS_GET)) {
                connected = true;
                continue;
            }
            Token t = p.peekToken();
            if (t != null && t.kind() == Token.Kind.WORD && CONNECTORS.contains(t.norm())) {
                // "still load with -1", "are set to 'n/a'"
                p.next();
                connected = true;
                continue;
            }
            return connected ? p.literal() : null;
        }
        return null;
    }
}
